/**
 * One GET (or POST of a JSON body) that returns parsed JSON or throws a categorised `SpendError`. It
 * enforces the timeout over the whole exchange (headers and body) and the size cap while streaming, so a
 * 50 MB answer costs at most `maxBytes` of memory and is cut off as soon as the cap is passed.
 */
import { redact } from './redact';
import { FetchLike, SpendError } from './spendTypes';
import { describeUrl } from './urlPolicy';

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** A server asking for more than this is treated as asking for this (a typo must not silence a source for days). */
const MAX_RETRY_AFTER_MS = 6 * 60 * 60 * 1000;

export interface HttpOptions {
  fetch: FetchLike;
  timeoutMs?: number;
  maxBytes?: number;
  /** For `Retry-After` given as a date. */
  now?: () => number;
}

export interface JsonRequest {
  url: URL;
  headers: Record<string, string>;
  /** Everything that must never appear in an error message (the key). */
  secrets: readonly string[];
}

export function getJson(request: JsonRequest, options: HttpOptions): Promise<unknown> {
  return requestJson(request, options);
}

/** POSTs `body` (JSON text) and returns the parsed JSON answer, with the same checks as `getJson`. */
export function postJson(request: JsonRequest & { body: string }, options: HttpOptions): Promise<unknown> {
  return requestJson(request, options, request.body);
}

async function requestJson(request: JsonRequest, options: HttpOptions, body?: string): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const where = describeUrl(request.url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const timeoutError = () => new SpendError('unreachable', `no answer from ${where} within ${formatSeconds(timeoutMs)}`);
  try {
    let response;
    try {
      response = await options.fetch(request.url.href, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
        ...(body === undefined ? {} : { body }),
        signal: controller.signal,
        redirect: 'manual',
      });
    } catch (error) {
      if (timedOut) throw timeoutError();
      throw new SpendError('unreachable', `cannot reach ${where}: ${redact(describeError(error), request.secrets)}`);
    }
    checkStatus(response.status, response.headers, where, options.now ?? Date.now);

    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(where, maxBytes);
    const text = await readCapped(response.body, maxBytes, controller, where, () => (timedOut ? timeoutError() : null));
    const contentType = response.headers.get('content-type') ?? '';
    if (/html/i.test(contentType) || /^\s*</.test(text)) {
      throw new SpendError('bad-response', `${where} answered with HTML instead of JSON (a login page or a proxy error?)`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new SpendError('bad-response', `${where} answered with invalid or truncated JSON (${text.length} bytes)`);
    }
  } finally {
    clearTimeout(timer);
    controller.abort(); // releases an unread body (error statuses); a no-op after a full read
  }
}

function checkStatus(status: number, headers: { get(name: string): string | null }, where: string, now: () => number): void {
  if (status >= 200 && status < 300) return;
  if (status === 401 || status === 403) throw new SpendError('unauthorized', `${where} refused the key (HTTP ${status})`);
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now());
    const wait = retryAfterMs === undefined ? '' : `; retry after ${formatSeconds(retryAfterMs)}`;
    throw new SpendError('rate-limited', `${where} is rate-limiting (HTTP 429${wait})`, retryAfterMs);
  }
  if (status >= 500) throw new SpendError('server-error', `${where} failed (HTTP ${status})`);
  if (status >= 300 && status < 400) {
    throw new SpendError('bad-response', `${where} redirects (HTTP ${status}); configure the final URL (keys are not sent across redirects)`);
  }
  throw new SpendError('bad-response', `${where} answered HTTP ${status}${status === 404 ? ' (wrong base URL?)' : ''}`);
}

/** `Retry-After` as seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return undefined;
    ms = date - nowMs;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms)));
}

async function readCapped(
  body: AsyncIterable<Uint8Array> | null,
  maxBytes: number,
  controller: AbortController,
  where: string,
  timeoutError: () => SpendError | null,
): Promise<string> {
  if (!body) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        controller.abort();
        throw tooLarge(where, maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof SpendError) throw error;
    throw timeoutError() ?? new SpendError('bad-response', `the answer from ${where} was cut off after ${total} bytes`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(where: string, maxBytes: number): SpendError {
  return new SpendError('bad-response', `the answer from ${where} is larger than ${(maxBytes / 1024 / 1024).toFixed(1)} MB; stopped reading`);
}

/** Node's fetch says only "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND) is in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  return code ? `${error.message} (${code})` : error.message;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
