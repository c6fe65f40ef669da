/**
 * Figures derived from a snapshot for the tooltip and the dashboard: today per model and per endpoint
 * summed over sources, month to date, the projected month and the budget left.
 */
import type { SpendBudgets } from './budget';
import { addTo, roundUsd } from './money';
import { projectMonth } from './periods';
import type { SpendSnapshot } from './spendPoller';

export interface NamedAmount {
  name: string;
  amount: number;
}

export interface SpendBreakdown {
  today: number | null;
  /** Sum over sources; null unless every shown source reports one. */
  monthToDate: number | null;
  /** The sources' projections where all give one; else month to date scaled to the whole month. */
  projectedMonth: number | null;
  byModel: NamedAmount[];
  byEndpoint: NamedAmount[];
  /** Budget minus spend (negative when over); null without that budget or figure. */
  dailyLeft: number | null;
  monthlyLeft: number | null;
  /** The newest `fetchedAt` among shown figures. */
  updatedAt: number | null;
}

export function spendBreakdown(snapshot: SpendSnapshot, budgets: SpendBudgets, timeZone = 'UTC'): SpendBreakdown {
  const results = snapshot.sources.flatMap((s) => (s.result ? [s.result] : []));
  const byModel: Record<string, number> = {};
  const byEndpoint: Record<string, number> = {};
  for (const r of results) {
    for (const [model, amount] of Object.entries(r.byModel)) addTo(byModel, model, amount);
    for (const [endpoint, amount] of Object.entries(r.byEndpoint ?? {})) addTo(byEndpoint, endpoint, amount);
  }
  const today = results.length ? snapshot.total.today : null;
  const monthToDate = snapshot.total.monthToDate;
  let projectedMonth: number | null = null;
  if (results.length && results.every((r) => r.projectedMonth !== null)) {
    projectedMonth = roundUsd(results.reduce((sum, r) => sum + (r.projectedMonth as number), 0));
  } else if (monthToDate !== null) {
    projectedMonth = roundUsd(projectMonth(monthToDate, snapshot.at, timeZone));
  }
  return {
    today,
    monthToDate,
    projectedMonth,
    byModel: ranked(byModel),
    byEndpoint: ranked(byEndpoint),
    dailyLeft: budgets.daily && today !== null ? roundUsd(budgets.daily - today) : null,
    monthlyLeft: budgets.monthly && monthToDate !== null ? roundUsd(budgets.monthly - monthToDate) : null,
    updatedAt: results.length ? Math.max(...results.map((r) => r.fetchedAt)) : null,
  };
}

/** Largest first; ties by name so the order is stable. */
export function ranked(record: Record<string, number>): NamedAmount[] {
  return Object.entries(record)
    .map(([name, amount]) => ({ name, amount }))
    .sort((a, b) => b.amount - a.amount || a.name.localeCompare(b.name));
}
