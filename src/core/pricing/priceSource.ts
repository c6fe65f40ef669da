/**
 * Where a price refresh reads LiteLLM's price file: an HTTPS URL (plain HTTP only to this machine), or a
 * local file. The same rule as the spend sources' URLs (core/spend/urlPolicy.ts): data that sets every
 * figure the tool shows is not read over a connection anyone on the path could rewrite.
 */
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { isLoopbackHost } from '../spend/urlPolicy';

/** LiteLLM's price file on its main branch (MIT, Berri AI): the default source of a refresh. */
export const DEFAULT_PRICES_URL = 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json';

export type PriceSource = { kind: 'url'; url: URL } | { kind: 'file'; path: string };

/** A source the rules refuse, or one that cannot be read as a URL or a path. */
export class PriceSourceError extends Error {}

/**
 * `raw` (a setting, `--from`) → a source. Relative paths resolve against `cwd` when one is given (the CLI);
 * without it (a setting) a path must be absolute or start with `~/`.
 */
export function parsePriceSource(raw: string, cwd?: string): PriceSource {
  const text = raw.trim();
  if (text === '') throw new PriceSourceError('no price source given (a URL or a file path)');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new PriceSourceError(`'${text}' is not a URL`);
    }
    if (url.protocol === 'file:') return { kind: 'file', path: fileURLToPath(url) };
    checkDownloadUrl(url);
    return { kind: 'url', url };
  }
  if (text === '~' || text.startsWith('~/')) return { kind: 'file', path: path.join(os.homedir(), text.slice(1)) };
  if (path.isAbsolute(text)) return { kind: 'file', path: path.normalize(text) };
  if (cwd === undefined) throw new PriceSourceError(`'${text}' is neither a URL nor an absolute file path`);
  return { kind: 'file', path: path.resolve(cwd, text) };
}

/** Throws unless `url` may be downloaded from: https, or http to this machine; no credentials. */
export function checkDownloadUrl(url: URL): void {
  if (url.username || url.password) throw new PriceSourceError(`${describeSourceUrl(url)}: a price URL must not contain credentials`);
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return;
    throw new PriceSourceError(`${describeSourceUrl(url)}: http:// is only allowed to this machine (localhost, 127.0.0.1, ::1); use https://`);
  }
  throw new PriceSourceError(`${describeSourceUrl(url)}: unsupported scheme ${url.protocol} (use https:// or a file path)`);
}

/** A URL as it may appear in a message or the catalogue: no credentials, no query or fragment (they may hold a token). */
export function describeSourceUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export function describePriceSource(source: PriceSource): string {
  return source.kind === 'url' ? describeSourceUrl(source.url) : source.path;
}
