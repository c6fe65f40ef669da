/**
 * The price catalogue this thread prices with: the bundled one, or a refreshed copy the face loaded from
 * the user's cache (`catalogueFile.ts`). One per thread: the CLI sets it once at start; the editor at
 * activation and after Update Prices; the pipeline worker when its client sends it (`useCatalogue`
 * request), so the worker and the thread that shows the figures always price with the same data.
 * Price tables built before a change keep the old data: whoever changes it drops its estimate contexts.
 */
import bundled from './catalogue.json';
import type { CatalogueData } from './catalogueData';

const BUNDLED = bundled as unknown as CatalogueData;

let refreshed: CatalogueData | null = null;

/** The catalogue shipped with the tool. */
export function bundledCatalogue(): CatalogueData {
  return BUNDLED;
}

/** The catalogue prices are read from now. */
export function catalogueInUse(): CatalogueData {
  return refreshed ?? BUNDLED;
}

/** The refreshed copy in use, or null when the bundled catalogue is. */
export function refreshedCatalogueInUse(): CatalogueData | null {
  return refreshed;
}

/**
 * A refreshed copy fetched before the day of the bundled data is older than what an upgrade of the tool
 * now ships: the bundled catalogue should be used instead. (A copy fetched later is kept even if its data
 * is older: someone chose it after this version shipped.)
 */
export function supersededByBundled(catalogue: CatalogueData): boolean {
  const fetched = (catalogue.source.retrieved ?? catalogue.source.date).slice(0, 10);
  return fetched < BUNDLED.source.date;
}

/** Prices with `catalogue` from now on; null goes back to the bundled one. */
export function useCatalogue(catalogue: CatalogueData | null): void {
  refreshed = catalogue;
}
