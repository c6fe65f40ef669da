import type { CatalogueEntry } from './modelPrice';

/** Where the bundled prices came from (stamped by scripts/update-prices.mjs). */
export interface CatalogueSource {
  name: string;
  license: string;
  /** Upstream git commit of the price file. */
  commit: string;
  /** Date of the upstream data, `YYYY-MM-DD` or `YYYY-MM`. */
  date: string;
  url: string;
}

/** The shape of `catalogue.json`. */
export interface CatalogueData {
  source: CatalogueSource;
  /** Day the catalogue file was generated, `YYYY-MM-DD`. */
  generated: string;
  models: Record<string, CatalogueEntry>;
}
