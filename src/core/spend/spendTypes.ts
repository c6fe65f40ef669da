/**
 * The shapes every spend source produces and every consumer (poller, CLI, status bar, dashboard) reads.
 * All money is USD as a plain number; all instants are epoch milliseconds.
 */

export const SOURCE_KINDS = ['tracker', 'openai', 'anthropic', 'litellm', 'openrouter'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Why a source has no fresh figure. The editor maps each to a message and an action. */
export const FAILURE_CATEGORIES = [
  'not-configured', // no URL, a bad URL, http:// to a non-loopback host
  'no-key', // no key stored for this source and origin
  'unauthorized', // 401 / 403
  'rate-limited', // 429
  'unreachable', // connection refused, DNS, timeout
  'bad-response', // HTML, truncated or invalid JSON, wrong types, too large, redirect, other 4xx
  'server-error', // 5xx
] as const;
export type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

export interface DailySpend {
  /** `YYYY-MM-DD` in the source's day zone. */
  date: string;
  total: number;
  byModel: Record<string, number>;
}

export interface KeyBudget {
  /** The key's spending limit (USD). */
  limit: number;
  /** What the key has spent against that limit (USD). */
  spend: number;
}

export interface SpendResult {
  /** The source id (the kind unless configured otherwise). */
  source: string;
  kind: SourceKind;
  today: number;
  monthToDate: number | null;
  projectedMonth: number | null;
  byModel: Record<string, number>;
  byEndpoint?: Record<string, number>;
  /** Up to the last 30 days, oldest first, where the API gives per-day figures (dashboard chart). */
  daily?: DailySpend[];
  budget?: KeyBudget;
  fetchedAt: number;
  /** The day `today` belongs to (`YYYY-MM-DD`) and the zone that day is counted in. */
  day: string;
  dayTimeZone: string;
}

/** The fetch subset the core needs; Node 20's global `fetch` satisfies it. */
export interface FetchLikeInit {
  /** GET for the spend APIs; POST for the providers' token counts (core/exactCounts). */
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** A JSON body (POST only). */
  body?: string;
  signal: AbortSignal;
  /** Always 'manual': a redirect could carry a key to another origin. */
  redirect: 'manual';
}

export interface FetchLikeResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: AsyncIterable<Uint8Array> | null;
}

export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

/** A secret and the origin (scheme://host:port) it was entered for. */
export interface SpendKey {
  secret: string;
  origin: string;
}

/** Supplied by the host (editor secret storage, CLI env). `origin` is where the key would be sent. */
export type GetKey = (sourceId: string, origin: string) => SpendKey | undefined | Promise<SpendKey | undefined>;

/** A failure with a category; its message never contains a key. */
export class SpendError extends Error {
  constructor(
    readonly category: FailureCategory,
    message: string,
    /** From `Retry-After` on a 429. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SpendError';
  }
}
