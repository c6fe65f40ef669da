/**
 * Timings this extension measures about itself inside the extension host: activation, and every
 * synchronous slice of work it runs (the longest one is how long it ever blocked the host). Exposed
 * through the extension's exports so the integration suite can print them; nothing asserts on them.
 */

export interface SliceRecord {
  label: string;
  ms: number;
}

export interface PerfSnapshot {
  activationMs: number;
  /** The longest synchronous block, with what it was doing. */
  longestSlice: SliceRecord | null;
  /** Last full computation per document: wall time from start to lenses ready, and the CPU part of it. */
  lastAnalysis: { uri: string; wallMs: number; busyMs: number; prompts: number; reusedEstimates: number; countedEstimates: number } | null;
  slices: number;
  /** The last prompt search: in the worker or in-process, full or incremental parse, its time and the estimating time. */
  lastFind: { where: string; parse: string; ms: number; estimateMs: number } | null;
  /** The pipeline worker's estimate cache (a miss is one prompt counted for one model). */
  estimateCache: { hits: number; misses: number };
  /** The last Compress Prompt's compression: where it ran and how long it took there (tokenizer load included). */
  lastCompress: { where: string; ms: number } | null;
}

export class PerfStats {
  activationMs = 0;
  private longest: SliceRecord | null = null;
  private sliceCount = 0;
  lastAnalysis: PerfSnapshot['lastAnalysis'] = null;
  lastFind: PerfSnapshot['lastFind'] = null;
  lastCompress: PerfSnapshot['lastCompress'] = null;
  estimateCacheStats: () => { hits: number; misses: number } = () => ({ hits: 0, misses: 0 });

  /** Runs `work` synchronously and records how long it held the thread. */
  time<T>(label: string, work: () => T): T {
    const started = performance.now();
    try {
      return work();
    } finally {
      this.record(label, performance.now() - started);
    }
  }

  record(label: string, ms: number): void {
    this.sliceCount++;
    if (!this.longest || ms > this.longest.ms) this.longest = { label, ms };
  }

  snapshot(): PerfSnapshot {
    return {
      activationMs: this.activationMs,
      longestSlice: this.longest ? { ...this.longest } : null,
      lastAnalysis: this.lastAnalysis ? { ...this.lastAnalysis } : null,
      slices: this.sliceCount,
      lastFind: this.lastFind ? { ...this.lastFind } : null,
      estimateCache: this.estimateCacheStats(),
      lastCompress: this.lastCompress ? { ...this.lastCompress } : null,
    };
  }

  /** Forgets the longest slice (the suite resets before measuring a scenario). */
  resetLongest(): void {
    this.longest = null;
  }
}
