/** Which base URLs a key may be sent to: HTTPS anywhere, plain HTTP only to this machine. */
import { SpendError } from './spendTypes';

/** 127.0.0.0/8, ::1 and `localhost`: traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Parses a configured base URL, or throws `not-configured` saying what is wrong with it. */
export function parseBaseUrl(raw: string | undefined, sourceId: string): URL {
  if (raw === undefined || raw.trim() === '') throw new SpendError('not-configured', `${sourceId}: no base URL configured`);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SpendError('not-configured', `${sourceId}: '${shorten(raw)}' is not a URL (expected e.g. https://host)`);
  }
  if (url.username || url.password) {
    throw new SpendError('not-configured', `${sourceId}: the base URL must not contain credentials; store the key as a key instead`);
  }
  if (url.search || url.hash) throw new SpendError('not-configured', `${sourceId}: the base URL must not have a query or fragment`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new SpendError('not-configured', `${sourceId}: http:// is only allowed to this machine (localhost, 127.0.0.1, ::1); use https://${url.host}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SpendError('not-configured', `${sourceId}: unsupported scheme ${url.protocol}`);
  return url;
}

/** `base` + `path` (keeping any path prefix of the base, e.g. behind a reverse proxy) + query. */
export function endpointUrl(base: URL, path: string, query: Record<string, string | number | undefined> = {}): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.append(name, String(value));
  return url;
}

/** A URL as it may appear in a message: no query (it may hold `?token=`). */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
