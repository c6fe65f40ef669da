/** What every spend source shares: its dependencies, the URL and key checks, and strict JSON readers. */
import { getJson, type HttpOptions } from './httpJson';
import { checkKeyOrigin } from './keyOrigin';
import { redact } from './redact';
import { FetchLike, GetKey, SpendError, SpendKey, type SourceKind, type SpendResult } from './spendTypes';
import { parseBaseUrl } from './urlPolicy';

export interface SourceDeps {
  fetch: FetchLike;
  getKey: GetKey;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Per response body; default 5 MB. */
  maxBytes?: number;
  now?: () => number;
  /** IANA zone for "today" where the API lets us choose (tracker day, OpenAI start_time); default UTC. */
  timeZone?: string;
}

/** One configured source. `fetch` resolves to a full result or rejects with a `SpendError`, never partially. */
export interface SpendSource {
  readonly id: string;
  readonly kind: SourceKind;
  fetch(): Promise<SpendResult>;
}

/** The pieces a source needs for one poll. */
export interface SourceCall {
  base: URL;
  key: SpendKey;
  http: HttpOptions;
  now: number;
  timeZone: string;
  get(url: URL, headers: Record<string, string>): Promise<unknown>;
}

/** Checks the URL and the key's origin binding, then runs `body`; any non-SpendError becomes a redacted `bad-response`. */
export async function runSource<T>(
  sourceId: string,
  rawUrl: string | undefined,
  deps: SourceDeps,
  body: (call: SourceCall) => Promise<T>,
): Promise<T> {
  const base = parseBaseUrl(rawUrl, sourceId);
  const key = await deps.getKey(sourceId, base.origin);
  if (!key || !key.secret) throw new SpendError('no-key', `${sourceId}: no key stored for ${base.origin}`);
  checkKeyOrigin(sourceId, key, base);
  const http: HttpOptions = { fetch: deps.fetch, timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes, now: deps.now };
  const call: SourceCall = {
    base,
    key,
    http,
    now: (deps.now ?? Date.now)(),
    timeZone: deps.timeZone ?? 'UTC',
    get: (url, headers) => getJson({ url, headers, secrets: [key.secret] }, http),
  };
  try {
    return await body(call);
  } catch (error) {
    if (error instanceof SpendError) throw new SpendError(error.category, redact(error.message, [key.secret]), error.retryAfterMs);
    throw new SpendError('bad-response', `${sourceId}: ${redact(error instanceof Error ? error.message : String(error), [key.secret])}`);
  }
}

// ──── Strict readers: a wrong type anywhere we read is a bad response, never a guessed number ────

export type Json = Record<string, unknown>;

export function isJsonObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function badShape(where: string, what: string): SpendError {
  return new SpendError('bad-response', `${where}: ${what}`);
}

export function objectAt(v: unknown, where: string, name: string): Json {
  if (!isJsonObject(v)) throw badShape(where, `${name} is not an object`);
  return v;
}

export function arrayAt(v: unknown, where: string, name: string): unknown[] {
  if (!Array.isArray(v)) throw badShape(where, `${name} is not a list`);
  return v;
}

/** A finite number (money may be negative: credits and refunds). */
export function numberAt(v: unknown, where: string, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badShape(where, `${name} is not a number (got ${typeLabel(v)})`);
  return v;
}

export function optionalNumberAt(v: unknown, where: string, name: string): number | null {
  return v === undefined || v === null ? null : numberAt(v, where, name);
}

export function stringAt(v: unknown, where: string, name: string): string {
  if (typeof v !== 'string') throw badShape(where, `${name} is not a string (got ${typeLabel(v)})`);
  return v;
}

function typeLabel(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : typeof v;
}

/** Follows `next_page` cursors; a server that never stops is a bad response, not an endless loop. */
export const MAX_PAGES = 20;
