/**
 * Budgets and threshold alerts. The state is `ok` below 80 %, `warning` from 80 %, `over` from 100 %.
 * The alert tracker fires each threshold at most once per period (day in the configured zone, month
 * from the 1st) and its memory is plain JSON so the editor can keep it in globalState.
 */
import { dayKey, monthKey } from './periods';

export type BudgetState = 'ok' | 'warning' | 'over';

export function budgetState(used: number): BudgetState {
  if (used >= 1) return 'over';
  if (used >= 0.8) return 'warning';
  return 'ok';
}

export interface BudgetStatus {
  limit: number;
  spent: number;
  /** spent / limit (a fraction: 0.615 = 61.5 %). */
  used: number;
  state: BudgetState;
}

export interface SpendBudgets {
  /** USD per day; null = off. */
  daily: number | null;
  /** USD per month; null = off. */
  monthly: number | null;
}

export function budgetStatus(spent: number, limit: number): BudgetStatus {
  const used = Math.round((spent / limit) * 1e6) / 1e6;
  return { limit, spent, used, state: budgetState(used) };
}

export type AlertPeriod = 'day' | 'month';
export type AlertSeverity = 'info' | 'warning' | 'critical' | 'blocked';

export interface BudgetAlert {
  period: AlertPeriod;
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  periodKey: string;
  /** Percent. */
  threshold: number;
  spent: number;
  limit: number;
  used: number;
  severity: AlertSeverity;
}

/** 50 info, 80 warning, 95 critical, 100 blocked (the project's cost-control thresholds). */
export function severityOf(threshold: number): AlertSeverity {
  if (threshold >= 100) return 'blocked';
  if (threshold >= 95) return 'critical';
  if (threshold >= 80) return 'warning';
  return 'info';
}

export interface AlertTrackerSettings {
  daily: number | null;
  monthly: number | null;
  /** Percentages. */
  thresholds: readonly number[];
  timeZone?: string;
}

/** What has fired; persist with JSON.stringify, restore with `BudgetAlertTracker.fromJSON`. */
export interface AlertTrackerState {
  version: 1;
  day: { key: string; fired: number[] } | null;
  month: { key: string; fired: number[] } | null;
}

export class BudgetAlertTracker {
  private state: AlertTrackerState;

  constructor(
    private readonly settings: AlertTrackerSettings,
    state?: unknown,
  ) {
    this.state = BudgetAlertTracker.readState(state);
  }

  /** Accepts anything (stored data may be old or corrupt); unreadable state starts empty rather than throwing. */
  static readState(raw: unknown): AlertTrackerState {
    const empty: AlertTrackerState = { version: 1, day: null, month: null };
    if (typeof raw === 'string') {
      try {
        raw = JSON.parse(raw);
      } catch {
        return empty;
      }
    }
    if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) return empty;
    const readPeriod = (p: unknown) => {
      if (typeof p !== 'object' || p === null) return null;
      const { key, fired } = p as { key?: unknown; fired?: unknown };
      if (typeof key !== 'string' || !Array.isArray(fired)) return null;
      return { key, fired: fired.filter((t): t is number => typeof t === 'number' && Number.isFinite(t)) };
    };
    return { version: 1, day: readPeriod((raw as AlertTrackerState).day), month: readPeriod((raw as AlertTrackerState).month) };
  }

  static fromJSON(settings: AlertTrackerSettings, json: string): BudgetAlertTracker {
    return new BudgetAlertTracker(settings, json);
  }

  toJSON(): AlertTrackerState {
    return JSON.parse(JSON.stringify(this.state)) as AlertTrackerState;
  }

  /**
   * The thresholds newly crossed by this reading, lowest first; each is remembered for its period.
   * `null` spend (unknown) fires nothing: an unavailable source must not look like a drop to $0.
   */
  check(spend: { today: number | null; monthToDate: number | null }, nowMs: number): BudgetAlert[] {
    const alerts: BudgetAlert[] = [];
    const zone = this.settings.timeZone ?? 'UTC';
    const dayId = dayKey(nowMs, zone);
    const monthId = monthKey(nowMs, zone);
    if (this.state.day?.key !== dayId) this.state.day = { key: dayId, fired: [] };
    if (this.state.month?.key !== monthId) this.state.month = { key: monthId, fired: [] };
    this.collect('day', this.state.day, spend.today, this.settings.daily, alerts);
    this.collect('month', this.state.month, spend.monthToDate, this.settings.monthly, alerts);
    return alerts;
  }

  private collect(period: AlertPeriod, memory: { key: string; fired: number[] }, spent: number | null, limit: number | null, out: BudgetAlert[]): void {
    if (spent === null || limit === null || limit <= 0) return;
    const status = budgetStatus(spent, limit);
    for (const threshold of [...this.settings.thresholds].sort((a, b) => a - b)) {
      if (status.used * 100 + 1e-9 < threshold || memory.fired.includes(threshold)) continue;
      memory.fired.push(threshold);
      out.push({ period, periodKey: memory.key, threshold, spent, limit, used: status.used, severity: severityOf(threshold) });
    }
  }
}
