/**
 * A price refresh, for both faces: read LiteLLM's price file from a URL or a file, convert it with the same
 * converter as the bundled catalogue, and store it as `<cacheDir>/prices.json`. Each step can fail (the
 * source, the download, the JSON, the data, the write); any failure leaves the stored copy as it was and
 * says which step failed and why.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import type { CatalogueData, CatalogueSource } from './catalogueData';
import { writeCatalogueFile } from './catalogueFile';
import { convertLiteLlmPrices, LITELLM_SOURCE } from './litellmCatalogue';
import { DEFAULT_DOWNLOAD_LIMITS, downloadPriceFile, PriceDownloadError, type DownloadLimits } from './priceDownload';
import { describePriceSource, describeSourceUrl, parsePriceSource, PriceSourceError } from './priceSource';

export type RefreshStage = 'source' | 'download' | 'read' | 'parse' | 'validate' | 'write';

export class PriceRefreshError extends Error {
  constructor(
    readonly stage: RefreshStage,
    message: string,
  ) {
    super(message);
  }
}

export interface RefreshOptions {
  /** A URL or a file path (`parsePriceSource`). */
  source: string;
  /** Where `prices.json` goes. */
  cacheDir: string;
  /** Relative file paths resolve against it; without it they are refused. */
  cwd?: string;
  now?: () => Date;
  limits?: Partial<DownloadLimits>;
}

export interface RefreshResult {
  catalogue: CatalogueData;
  /** The file written. */
  file: string;
  /** Entries of the price file not shipped, by reason. */
  skipped: Record<string, number>;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);

export async function refreshPrices(options: RefreshOptions): Promise<RefreshResult> {
  const now = (options.now ?? (() => new Date()))();
  const source = step('source', () => parsePriceSource(options.source, options.cwd));
  const where = describePriceSource(source);

  let bytes: Buffer;
  let stamp: Pick<CatalogueSource, 'kind' | 'location' | 'date' | 'dateKind' | 'commit'>;
  if (source.kind === 'url') {
    const downloaded = await stepAsync('download', () => downloadPriceFile(source.url, options.limits));
    bytes = downloaded.bytes;
    const commit = /\b[0-9a-f]{40}\b/i.exec(source.url.pathname)?.[0];
    stamp = {
      kind: 'url',
      location: describeSourceUrl(source.url),
      ...(downloaded.lastModified ? { date: day(downloaded.lastModified), dateKind: 'last-modified' } : { date: day(now), dateKind: 'fetched' }),
      ...(commit ? { commit } : {}),
    };
  } else {
    const maxBytes = options.limits?.maxBytes ?? DEFAULT_DOWNLOAD_LIMITS.maxBytes;
    const stat = step('read', () => fs.statSync(source.path), where);
    if (!stat.isFile()) throw new PriceRefreshError('read', `${where}: not a file`);
    if (stat.size > maxBytes) throw new PriceRefreshError('read', `${where}: ${stat.size} bytes, more than the ${maxBytes}-byte cap`);
    bytes = step('read', () => fs.readFileSync(source.path), where);
    stamp = { kind: 'file', location: source.path, date: day(stat.mtime), dateKind: 'file-modified' };
  }

  const raw = step('parse', () => JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) as unknown, `${where}: not JSON`);
  const catalogueSource: CatalogueSource = {
    ...LITELLM_SOURCE,
    ...stamp,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    retrieved: now.toISOString(),
  };
  const converted = step('validate', () => convertLiteLlmPrices(raw, catalogueSource, day(now)), where);
  const file = step('write', () => writeCatalogueFile(options.cacheDir, converted.catalogue), `cannot write to ${options.cacheDir}`);
  return { catalogue: converted.catalogue, file, skipped: converted.skipped };
}

/** Runs one step; its failure becomes a `PriceRefreshError` of that stage, its message prefixed with `context`. */
function step<T>(stage: RefreshStage, run: () => T, context?: string): T {
  try {
    return run();
  } catch (error) {
    throw asRefreshError(stage, error, context);
  }
}

async function stepAsync<T>(stage: RefreshStage, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asRefreshError(stage, error);
  }
}

function asRefreshError(stage: RefreshStage, error: unknown, context?: string): PriceRefreshError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
  // Our own errors already name the source; the data's, the system's and the parser's get the context.
  const own = error instanceof PriceSourceError || error instanceof PriceDownloadError;
  return new PriceRefreshError(stage, own || !context ? message : `${context}: ${message}`);
}
