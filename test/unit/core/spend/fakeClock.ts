/** Manual time for the poller: timers fire only when the test advances to them. */
export class FakeClock {
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  constructor(public time: number) {}

  readonly now = (): number => this.time;
  readonly setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return id;
  };
  readonly clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  /** The earliest timer's due time, or undefined. */
  nextAt(): number | undefined {
    let best: number | undefined;
    for (const t of this.timers.values()) if (best === undefined || t.at < best) best = t.at;
    return best;
  }

  /** Advances to the earliest timer and fires it (one timer only). Returns false when none is pending. */
  fireNext(): boolean {
    let bestId: number | undefined;
    for (const [id, t] of this.timers) if (bestId === undefined || t.at < (this.timers.get(bestId) as { at: number }).at) bestId = id;
    if (bestId === undefined) return false;
    const timer = this.timers.get(bestId) as { at: number; fn: () => void };
    this.timers.delete(bestId);
    this.time = Math.max(this.time, timer.at);
    timer.fn();
    return true;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
