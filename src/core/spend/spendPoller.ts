/**
 * Polls the configured spend sources and reports one snapshot of states. Host-agnostic: timers, clock and
 * randomness are injected, and listeners are plain callbacks (no EventEmitter), so the status bar, the
 * dashboard and tests drive the same object.
 *
 * Rules:
 * - one request chain per source at a time (a refresh during a poll joins it);
 * - after a success the next poll is one interval later (or just after the day rolls over);
 * - after a transient failure: exponential backoff with jitter, capped at `backoffMaxMs` (default the interval,
 *   so a healed server is seen within one interval), and never sooner than a 429's `Retry-After`;
 * - a failure never replaces a good figure with a wrong one: the last good result is shown as `stale` (with
 *   its age) while it still belongs to the current day, else the source is `unavailable` with a category;
 * - paused: no timers; `resume()` refreshes what is due or older than `focusRefreshMinMs`.
 */
import { roundUsd } from './money';
import { dayKey, startOfNextDay } from './periods';
import type { SpendSource } from './sourceSupport';
import { SpendError, type FailureCategory, type SpendResult } from './spendTypes';

export interface PollerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** In [0, 1); for jitter. */
  random(): number;
}

export interface SpendPollerOptions {
  sources: readonly SpendSource[];
  /** Default 5 minutes. */
  intervalMs?: number;
  /** First retry delay after a transient failure; default 15 s. */
  backoffBaseMs?: number;
  /** Longest retry delay; default the interval. */
  backoffMaxMs?: number;
  /** On resume, refresh a healthy source whose last poll is older than this; default 30 s. */
  focusRefreshMinMs?: number;
  clock?: Partial<PollerClock>;
  /** Diagnostic lines (never contain keys: they are built from redacted messages). */
  log?: (line: string) => void;
}

export type SourceStatus = 'loading' | 'ok' | 'stale' | 'unavailable';

export interface SourceFailure {
  category: FailureCategory;
  message: string;
  at: number;
  /** Set for `rate-limited` with `Retry-After`: no request before this instant. */
  retryAt?: number;
}

export interface SourceState {
  id: string;
  kind: SpendSource['kind'];
  status: SourceStatus;
  /** The figure to show: fresh (`ok`) or the last good one (`stale`). Absent for `loading`/`unavailable`. */
  result?: SpendResult;
  /** now − result.fetchedAt. */
  ageMs?: number;
  /** The latest failure (for `stale` and `unavailable`). */
  failure?: SourceFailure;
  consecutiveFailures: number;
  inFlight: boolean;
  /** When the next automatic poll is due; undefined while paused, in flight or disposed. */
  nextPollAt?: number;
}

export interface SpendTotal {
  /** Sum over sources with a figure (ok or stale). */
  today: number;
  /** Sum when every source with a figure has one; else null. */
  monthToDate: number | null;
  /** Every source has a figure. */
  complete: boolean;
  /** Some figure is stale. */
  stale: boolean;
}

export interface SpendSnapshot {
  at: number;
  paused: boolean;
  sources: SourceState[];
  total: SpendTotal;
}

export type SpendListener = (snapshot: SpendSnapshot) => void;

interface Entry {
  source: SpendSource;
  lastGood?: SpendResult;
  failure?: SourceFailure;
  failures: number;
  inFlight?: Promise<void>;
  timer?: unknown;
  nextPollAt?: number;
  lastAttemptAt?: number;
}

const TRANSIENT: ReadonlySet<FailureCategory> = new Set(['rate-limited', 'unreachable', 'bad-response', 'server-error']);
/** Poll a moment after midnight so "today" is read from the new day. */
const AFTER_MIDNIGHT_MS = 5_000;

export class SpendPoller {
  private readonly entries: Entry[];
  private readonly listeners = new Set<SpendListener>();
  private readonly clock: PollerClock;
  private readonly intervalMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly focusRefreshMinMs: number;
  private paused = true; // until start()
  private started = false;
  private disposed = false;

  constructor(private readonly options: SpendPollerOptions) {
    const ids = new Set<string>();
    for (const s of options.sources) {
      if (ids.has(s.id)) throw new Error(`two spend sources share the id '${s.id}'`);
      ids.add(s.id);
    }
    this.entries = options.sources.map((source) => ({ source, failures: 0 }));
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
    this.backoffBaseMs = Math.min(options.backoffBaseMs ?? 15_000, this.intervalMs);
    this.backoffMaxMs = options.backoffMaxMs ?? this.intervalMs;
    this.focusRefreshMinMs = options.focusRefreshMinMs ?? 30_000;
    this.clock = {
      now: options.clock?.now ?? Date.now,
      setTimeout: options.clock?.setTimeout ?? ((cb, ms) => setTimeout(cb, ms)),
      clearTimeout: options.clock?.clearTimeout ?? ((h) => clearTimeout(h as NodeJS.Timeout)),
      random: options.clock?.random ?? Math.random,
    };
  }

  /** Starts polling: every source now, then on its schedule. */
  start(): void {
    if (this.disposed || this.started) return;
    this.started = true;
    this.paused = false;
    for (const e of this.entries) void this.poll(e);
  }

  /** Stops timers (window unfocused). Polls in flight finish and are reported. */
  pause(): void {
    if (this.disposed || this.paused) return;
    this.paused = true;
    for (const e of this.entries) this.clearTimer(e);
    this.emit();
  }

  /** Restarts timers (window focused), refreshing what is due or not fresh. */
  resume(): void {
    if (this.disposed || !this.started || !this.paused) return;
    this.paused = false;
    const now = this.clock.now();
    for (const e of this.entries) {
      if (e.inFlight) continue;
      const due = e.nextPollAt === undefined || e.nextPollAt <= now;
      const retryAt = e.failure?.retryAt;
      const healthyButOld = !e.failure && (e.lastAttemptAt === undefined || now - e.lastAttemptAt >= this.focusRefreshMinMs);
      if ((due || healthyButOld) && !(retryAt !== undefined && retryAt > now)) void this.poll(e);
      else this.schedule(e, Math.max(0, (e.nextPollAt ?? now) - now));
    }
    this.emit();
  }

  /**
   * Polls every source now (joining polls in flight), except one inside a `Retry-After` window. Works while
   * paused (an explicit request) without restarting timers. Resolves when done; never rejects.
   */
  async refresh(): Promise<SpendSnapshot> {
    if (this.disposed) return this.snapshot();
    const now = this.clock.now();
    await Promise.all(
      this.entries.map((e) => {
        const retryAt = e.failure?.retryAt;
        return retryAt !== undefined && retryAt > now && !e.inFlight ? undefined : this.poll(e);
      }),
    );
    return this.snapshot();
  }

  /** Resolves when no request is in flight (tests and the CLI-like "poll once" use). */
  async idle(): Promise<void> {
    while (this.entries.some((e) => e.inFlight)) await Promise.all(this.entries.map((e) => e.inFlight));
  }

  subscribe(listener: SpendListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    for (const e of this.entries) this.clearTimer(e);
    this.listeners.clear();
  }

  snapshot(): SpendSnapshot {
    const now = this.clock.now();
    const sources = this.entries.map((e) => this.stateOf(e, now));
    const shown = sources.filter((s) => s.result);
    const total: SpendTotal = {
      today: roundUsd(shown.reduce((sum, s) => sum + (s.result as SpendResult).today, 0)),
      monthToDate: shown.length && shown.every((s) => s.result?.monthToDate !== null)
        ? roundUsd(shown.reduce((sum, s) => sum + ((s.result as SpendResult).monthToDate as number), 0))
        : null,
      complete: shown.length === sources.length,
      stale: sources.some((s) => s.status === 'stale'),
    };
    return { at: now, paused: this.paused, sources, total };
  }

  private stateOf(e: Entry, now: number): SourceState {
    // A figure from an earlier day is not today's spend: never show it as such.
    const current = e.lastGood && dayKey(now, e.lastGood.dayTimeZone) === e.lastGood.day ? e.lastGood : undefined;
    let status: SourceStatus;
    if (current) status = e.failure ? 'stale' : 'ok';
    else status = e.failure ? 'unavailable' : 'loading';
    const state: SourceState = { id: e.source.id, kind: e.source.kind, status, consecutiveFailures: e.failures, inFlight: !!e.inFlight };
    if (current) {
      state.result = current;
      state.ageMs = Math.max(0, now - current.fetchedAt);
    }
    if (e.failure) state.failure = { ...e.failure };
    if (e.nextPollAt !== undefined && e.timer !== undefined) state.nextPollAt = e.nextPollAt;
    return state;
  }

  private poll(e: Entry): Promise<void> {
    if (e.inFlight) return e.inFlight;
    this.clearTimer(e);
    e.lastAttemptAt = this.clock.now();
    const run = (async () => {
      let delay: number;
      try {
        const result = await e.source.fetch();
        if (this.disposed) return;
        e.lastGood = result;
        e.failure = undefined;
        e.failures = 0;
        const now = this.clock.now();
        delay = Math.min(this.intervalMs, startOfNextDay(now, result.dayTimeZone) + AFTER_MIDNIGHT_MS - now);
      } catch (error) {
        if (this.disposed) return;
        const now = this.clock.now();
        const failure = toFailure(error, now);
        e.failure = failure;
        e.failures++;
        delay = this.failureDelay(e.failures, failure, now);
        this.options.log?.(`spend ${e.source.id}: ${failure.category}: ${failure.message}`);
      } finally {
        e.inFlight = undefined;
      }
      if (!this.paused) this.schedule(e, delay);
      this.emit();
    })();
    e.inFlight = run;
    this.emit();
    return run;
  }

  private failureDelay(failures: number, failure: SourceFailure, now: number): number {
    let delay = this.intervalMs;
    if (TRANSIENT.has(failure.category)) {
      const exp = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** Math.min(failures - 1, 30));
      delay = exp / 2 + (exp / 2) * this.clock.random(); // "equal jitter": spread out, never below half
    }
    if (failure.retryAt !== undefined) delay = Math.max(delay, failure.retryAt - now);
    return Math.max(0, Math.round(delay));
  }

  private schedule(e: Entry, delayMs: number): void {
    this.clearTimer(e);
    if (this.disposed) return;
    e.nextPollAt = this.clock.now() + delayMs;
    e.timer = this.clock.setTimeout(() => {
      e.timer = undefined;
      if (!this.paused && !this.disposed) void this.poll(e);
    }, delayMs);
  }

  private clearTimer(e: Entry): void {
    if (e.timer !== undefined) this.clock.clearTimeout(e.timer);
    e.timer = undefined;
  }

  private emit(): void {
    if (this.disposed || this.listeners.size === 0) return;
    const snapshot = this.snapshot();
    for (const listener of [...this.listeners]) {
      try {
        listener(snapshot);
      } catch (error) {
        this.options.log?.(`spend listener failed: ${(error as Error).message}`);
      }
    }
  }
}

function toFailure(error: unknown, now: number): SourceFailure {
  if (error instanceof SpendError) {
    const failure: SourceFailure = { category: error.category, message: error.message, at: now };
    if (error.retryAfterMs !== undefined) failure.retryAt = now + error.retryAfterMs;
    return failure;
  }
  // Sources wrap everything in SpendError; anything else is a bug, reported without its (unredacted) text.
  return { category: 'bad-response', message: 'internal error while reading the answer', at: now };
}
