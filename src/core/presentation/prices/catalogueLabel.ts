/**
 * How the price catalogue in use is named to a person: the hover's last line, the editor's log, the CLI's
 * `prices status` / `prices show` and Update Prices' message all say it the same way. The date is said
 * with what it is (the data's own date, the server's Last-Modified, the day it was fetched, the file's
 * modification day), so a fetch time is never passed off as the data's age.
 */
import type { CatalogueSource } from '../../pricing/catalogueData';

/** `LiteLLM, 2026-07-24`, `LiteLLM, fetched 2026-12-08`. */
export function catalogueDateLabel(source: CatalogueSource): string {
  const name = source.name.split(' ')[0] || source.name;
  switch (source.dateKind) {
    case 'published':
      return `${name}, ${source.date}`;
    case 'last-modified':
      return `${name}, ${source.date} (Last-Modified)`;
    case 'fetched':
      return `${name}, fetched ${source.date}`;
    case 'file-modified':
      return `${name}, file of ${source.date}`;
  }
}

/** `bundled`, `from raw.githubusercontent.com`, `from prices.json`: where the copy in use was read, briefly. */
export function catalogueOriginLabel(source: CatalogueSource): string {
  if (source.kind === 'bundled') return 'bundled';
  if (source.kind === 'file') return `from ${source.location.split(/[\\/]/).pop() || source.location}`;
  try {
    return `from ${new URL(source.location).host}`;
  } catch {
    return `from ${source.location}`;
  }
}

/** `LiteLLM, 2026-07-24 (bundled)`: what the hover says the prices are. */
export function catalogueLabel(source: CatalogueSource): string {
  return `${catalogueDateLabel(source)} (${catalogueOriginLabel(source)})`;
}

/** `LiteLLM, 2026-07-24 (bundled), 1,170 models`: the status line of the log and `prices status`. */
export function catalogueStatusLine(source: CatalogueSource, modelCount: number): string {
  return `${catalogueLabel(source)}, ${modelCount.toLocaleString('en-US')} models`;
}
