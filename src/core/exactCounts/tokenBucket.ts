/**
 * A token bucket per provider: bursts of `capacity` requests, then `perSecond` a second, and a pause when
 * the provider asks for one (a 429's `Retry-After`). The count endpoints are free but rate-limited; a
 * workspace scan must not turn into a flood of 429s.
 */

export interface TokenBucketOptions {
  capacity: number;
  perSecond: number;
  /** Injected in tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Anthropic's lowest tier allows 100 count requests a minute: one a second, bursts of four, stays below. */
export const DEFAULT_BUCKET: TokenBucketOptions = { capacity: 4, perSecond: 1 };

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;
  /** Waiters are served in arrival order. */
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.tokens = options.capacity;
    this.updatedAt = this.now();
  }

  /** Resolves when a request may go out (and takes its token). */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.waitForToken());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** No request before `ms` from now (a provider's `Retry-After`); the bucket is empty afterwards. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + Math.max(0, ms));
    this.tokens = 0;
    this.updatedAt = this.pausedUntil;
  }

  /** How long a request asked now would wait (0 when one may go at once). */
  waitMs(): number {
    this.refill();
    const paused = Math.max(0, this.pausedUntil - this.now());
    return paused > 0 ? paused : this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.options.perSecond) * 1000);
  }

  private async waitForToken(): Promise<void> {
    for (;;) {
      const wait = this.waitMs();
      if (wait === 0) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(wait);
    }
  }

  private refill(): void {
    const now = this.now();
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.options.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.options.perSecond);
    this.updatedAt = now;
  }
}
