import type { CatalogueEntry } from './modelPrice';

/**
 * The shape of a price catalogue: the bundled `catalogue.json` (made by scripts/update-prices.mjs) and a
 * refreshed copy in the user's cache (`prices.json`, made by `prompt-cost prices update` or the editor's
 * Update Prices). Both are made by the one converter, `litellmCatalogue.ts`.
 */

/** Bumped when the shape changes: a cached copy of another format is ignored (the bundled one is used). */
export const CATALOGUE_FORMAT = 2;

/** Where a catalogue's data was read: shipped with the tool, downloaded, or read from a local file. */
export type CatalogueKind = 'bundled' | 'url' | 'file';

/**
 * What `date` is. `published`: the data's own date, known from its provenance (the bundled copy);
 * `last-modified`: the server's HTTP Last-Modified; `fetched`: when it was downloaded (the server sent no
 * Last-Modified); `file-modified`: the local file's modification time.
 */
export type CatalogueDateKind = 'published' | 'last-modified' | 'fetched' | 'file-modified';

export interface CatalogueSource {
  kind: CatalogueKind;
  /** What the data is: `LiteLLM model_prices_and_context_window.json`. */
  name: string;
  license: string;
  /** The upstream project. */
  url: string;
  /** Where this copy was read: the download URL, the file path, or (bundled) the repository it came from. */
  location: string;
  /** The git commit of `location` the data is from, when known. */
  commit?: string;
  /** `YYYY-MM-DD`; what it means is `dateKind`. */
  date: string;
  dateKind: CatalogueDateKind;
  /** SHA-256 of the price file's bytes, as read. */
  sha256: string;
  /** When a refreshed copy was downloaded or read (ISO 8601); absent for the bundled one. */
  retrieved?: string;
}

export interface CatalogueData {
  format: typeof CATALOGUE_FORMAT;
  /** Day the catalogue file was made, `YYYY-MM-DD` (not the data's date: that is `source.date`). */
  generated: string;
  /** `Object.keys(models).length`, stored so a damaged copy is noticed. */
  modelCount: number;
  models: Record<string, CatalogueEntry>;
  source: CatalogueSource;
}
