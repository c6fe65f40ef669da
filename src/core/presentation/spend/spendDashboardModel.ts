/**
 * Everything the dashboard webview draws, as plain JSON with every amount already formatted: the script in
 * the webview only lays it out (no money logic in two places, and unit tests cover the numbers).
 */
import { formatUsd } from '../../pricing/formatUsd';
import { budgetState, type SpendBudgets } from '../../spend/budget';
import { dayKey } from '../../spend/periods';
import { spendBreakdown } from '../../spend/spendBreakdown';
import type { SpendHistory } from '../../spend/spendHistory';
import type { SpendSnapshot } from '../../spend/spendPoller';
import { FAILURE_HELP, FAILURE_SHORT, formatAge, spendStatusView, type SpendViewState } from './spendStatusView';
import { formatClock } from './spendTooltip';

export interface Gauge {
  label: string;
  value: number;
  valueText: string;
  /** Budget or projection; null = none. */
  limit: number | null;
  limitText: string | null;
  /** value / limit, null without a limit. */
  fraction: number | null;
  level: 'ok' | 'warning' | 'over' | 'none';
}

export interface DashboardModel {
  state: SpendViewState;
  statusText: string;
  updatedText: string | null;
  today: Gauge | null;
  month: Gauge | null;
  projectionText: string | null;
  perRequestLimitText: string | null;
  sources: { id: string; kind: string; state: string; status: string; today: string; monthToDate: string; detail: string | null }[];
  topModels: { name: string; amount: string; share: number }[];
  topEndpoints: { name: string; amount: string; share: number }[];
  chart: {
    days: string[];
    series: { model: string; values: number[]; texts: string[] }[];
    totals: number[];
    totalTexts: string[];
    max: number;
    maxText: string;
  };
}

export interface DashboardOptions {
  budgets: SpendBudgets;
  perRequestLimit?: number;
  timeZone?: string;
  days?: number;
}

export function buildDashboardModel(snapshot: SpendSnapshot, history: SpendHistory, options: DashboardOptions): DashboardModel {
  const zone = options.timeZone ?? 'UTC';
  const view = spendStatusView(snapshot, options.budgets);
  const b = spendBreakdown(snapshot, options.budgets, zone);
  const chart = history.chart(dayKey(snapshot.at, zone), options.days ?? 30, 6, snapshot.sources.map((s) => s.id));

  const today: Gauge | null = b.today === null ? null : gauge('Today', b.today, options.budgets.daily);
  const month: Gauge | null = b.monthToDate === null ? null : gauge('Month to date', b.monthToDate, options.budgets.monthly);
  const share = (amount: number, total: number | null) => (total && total > 0 ? Math.round((amount / total) * 1000) / 1000 : 0);
  const todayTotal = b.today;
  return {
    state: view.state,
    statusText: view.state === 'hidden' ? 'No spend source is configured.' : view.accessibleLabel,
    updatedText: b.updatedAt === null ? null : `Updated ${formatClock(b.updatedAt, zone)} (${formatAge(snapshot.at - b.updatedAt)} ago)`,
    today,
    month,
    projectionText: b.projectedMonth === null ? null : formatUsd(b.projectedMonth),
    perRequestLimitText: options.perRequestLimit ? formatUsd(options.perRequestLimit) : null,
    sources: snapshot.sources.map((s) => ({
      id: s.id,
      kind: s.kind,
      state: s.status,
      status: s.status === 'stale' ? `stale (${formatAge(s.ageMs ?? 0)} old)` : s.status === 'unavailable' ? FAILURE_SHORT[s.failure?.category ?? 'bad-response'] : s.status,
      today: s.result ? formatUsd(s.result.today) : '—',
      monthToDate: s.result?.monthToDate != null ? formatUsd(s.result.monthToDate) : '—',
      detail: s.failure ? `${FAILURE_HELP[s.failure.category]} ${s.failure.message}` : null,
    })),
    topModels: b.byModel.slice(0, 10).map((m) => ({ name: m.name, amount: formatUsd(m.amount), share: share(m.amount, todayTotal) })),
    topEndpoints: b.byEndpoint.slice(0, 10).map((m) => ({ name: m.name, amount: formatUsd(m.amount), share: share(m.amount, todayTotal) })),
    chart: {
      ...chart,
      series: chart.series.map((s) => ({ ...s, texts: s.values.map((v) => (v ? formatUsd(v) : '—')) })),
      totalTexts: chart.totals.map((t) => formatUsd(t)),
      maxText: formatUsd(chart.max),
    },
  };
}

function gauge(label: string, value: number, limit: number | null): Gauge {
  const fraction = limit ? value / limit : null;
  const level = fraction === null ? 'none' : budgetState(fraction);
  return { label, value, valueText: formatUsd(value), limit, limitText: limit ? formatUsd(limit) : null, fraction, level };
}
