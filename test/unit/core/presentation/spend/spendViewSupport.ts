/** Snapshots built by hand for the spend history tests and the status bar, tooltip and dashboard presentation tests. */
import type { SourceState, SpendSnapshot } from '../../../../../src/core/spend/spendPoller';
import type { SpendResult } from '../../../../../src/core/spend/spendTypes';

/** 2026-03-15 12:00 UTC. */
export const NOW = Date.UTC(2026, 2, 15, 12, 0, 0);

export function result(source: string, today: number, extra: Partial<SpendResult> = {}): SpendResult {
  return {
    source,
    kind: 'tracker',
    today,
    monthToDate: null,
    projectedMonth: null,
    byModel: {},
    fetchedAt: NOW,
    day: '2026-03-15',
    dayTimeZone: 'UTC',
    ...extra,
  };
}

export function state(id: string, status: SourceState['status'], extra: Partial<SourceState> = {}): SourceState {
  return { id, kind: 'tracker', status, consecutiveFailures: 0, inFlight: false, ...extra };
}

/** Totals computed the way the poller does. */
export function snapshot(sources: SourceState[], at = NOW): SpendSnapshot {
  const shown = sources.filter((s) => s.result);
  const today = Math.round(shown.reduce((sum, s) => sum + (s.result as SpendResult).today, 0) * 1e9) / 1e9;
  const mtd = shown.length && shown.every((s) => s.result?.monthToDate !== null) ? shown.reduce((sum, s) => sum + (s.result?.monthToDate as number), 0) : null;
  return { at, paused: false, sources, total: { today, monthToDate: mtd, complete: shown.length === sources.length, stale: sources.some((s) => s.status === 'stale') } };
}
