/**
 * The refreshed catalogue on disk: `<cache dir>/prices.json` (the CLI's user cache, the extension's global
 * storage). Written atomically (a temp file in the same folder, then a rename), so a reader sees the old
 * copy or the new one, never half of one; read back with the checks that make a damaged or foreign file
 * fall back to the bundled catalogue instead of pricing with it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOGUE_FORMAT, type CatalogueData, type CatalogueDateKind, type CatalogueKind } from './catalogueData';
import { serialiseCatalogue } from './litellmCatalogue';

export const CATALOGUE_FILE_NAME = 'prices.json';
/** A catalogue is ≈ 0.3 MB; far larger is not one of ours. */
const MAX_CATALOGUE_BYTES = 20 * 1024 * 1024;

const KINDS: readonly CatalogueKind[] = ['bundled', 'url', 'file'];
const DATE_KINDS: readonly CatalogueDateKind[] = ['published', 'last-modified', 'fetched', 'file-modified'];
const MODES = ['chat', 'completion', 'responses', 'embedding'];

export function catalogueFilePath(cacheDir: string): string {
  return path.join(cacheDir, CATALOGUE_FILE_NAME);
}

/** What is in a cache folder: its valid copy, or none (and why, when a file is there but unusable). */
export type CachedCatalogue =
  | { state: 'valid'; catalogue: CatalogueData; file: string }
  | { state: 'absent'; file: string }
  | { state: 'invalid'; problem: string; file: string };

export function readCachedCatalogue(cacheDir: string): CachedCatalogue {
  const file = catalogueFilePath(cacheDir);
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_CATALOGUE_BYTES) return { state: 'invalid', problem: `${size} bytes is too large for a price catalogue`, file };
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent', file };
    return { state: 'invalid', problem: `cannot be read: ${(error as Error).message}`, file };
  }
  try {
    return { state: 'valid', catalogue: parseCatalogue(text), file };
  } catch (error) {
    return { state: 'invalid', problem: (error as Error).message, file };
  }
}

/** A stored catalogue's text → the catalogue, or an error naming the first thing wrong with it. */
export function parseCatalogue(text: string): CatalogueData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  const fail = (what: string): never => {
    throw new Error(what);
  };
  if (!isObject(json)) return fail('not a price catalogue (expected a JSON object)');
  if (json.format !== CATALOGUE_FORMAT) return fail(`catalogue format ${JSON.stringify(json.format)}, this version reads ${CATALOGUE_FORMAT} (update prices again)`);
  const { source, models } = json;
  if (!isObject(source) || !KINDS.includes(source.kind as CatalogueKind) || !DATE_KINDS.includes(source.dateKind as CatalogueDateKind)) return fail('its source is missing or unknown');
  if (typeof source.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(source.date)) return fail('its source has no date');
  if (!isObject(models)) return fail('it has no models');
  const ids = Object.keys(models);
  if (ids.length !== json.modelCount) return fail(`it holds ${ids.length} models but says ${String(json.modelCount)}: damaged`);
  for (const id of ids) {
    const entry = models[id];
    if (!isObject(entry) || !isRate(entry.input) || !isRate(entry.output) || typeof entry.provider !== 'string' || !MODES.includes(entry.mode as string)) {
      return fail(`model "${id}" has no valid input and output rates, provider and mode`);
    }
  }
  return json as unknown as CatalogueData;
}

/** Writes `catalogue` as `<cacheDir>/prices.json`: a temp file beside it, then a rename over the old copy. */
export function writeCatalogueFile(cacheDir: string, catalogue: CatalogueData): string {
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = catalogueFilePath(cacheDir);
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeFileSync(fd, serialiseCatalogue(catalogue));
      // On disk before the rename makes it the copy in use, so a crash cannot leave an empty file.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return file;
}

/** Deletes the refreshed copy (back to the bundled catalogue); true when there was one. */
export function removeCatalogueFile(cacheDir: string): boolean {
  const file = catalogueFilePath(cacheDir);
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file, { force: true });
  return true;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRate(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
