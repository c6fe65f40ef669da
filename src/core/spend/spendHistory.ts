/**
 * Spend per day, per source and per model, for the dashboard's 30-day chart. Sources that return per-day
 * figures (OpenAI, Anthropic, LiteLLM) fill whole days at once; the others (the tracker, OpenRouter) only
 * know today, so each day's last reading is remembered here. Plain JSON, kept by the editor in globalState.
 */
import { addTo, roundUsd } from './money';
import { addDays } from './periods';
import type { SpendResult } from './spendTypes';

/** Days kept (the chart shows 30; one more survives a zone change). */
export const HISTORY_DAYS = 31;
/** The per-model remainder of a day whose models do not add up to its total. */
export const UNATTRIBUTED = '(other)';

interface DayEntry {
  total: number;
  byModel: Record<string, number>;
}

/** date → source id → that source's figure for the day. */
export interface SpendHistoryState {
  version: 1;
  days: Record<string, Record<string, DayEntry>>;
}

export interface ChartSeries {
  model: string;
  /** One value per day of `ChartData.days`. */
  values: number[];
}

export interface ChartData {
  /** `YYYY-MM-DD`, oldest first, ending today. */
  days: string[];
  /** Largest model first; the smallest ones merged into "other models". */
  series: ChartSeries[];
  /** Per-day totals (the stack heights). */
  totals: number[];
  max: number;
}

export class SpendHistory {
  private state: SpendHistoryState;

  constructor(raw?: unknown) {
    this.state = SpendHistory.readState(raw);
  }

  /** Accepts anything (stored data may be old or corrupt); unreadable parts are dropped, never thrown. */
  static readState(raw: unknown): SpendHistoryState {
    const state: SpendHistoryState = { version: 1, days: {} };
    if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) return state;
    const days = (raw as { days?: unknown }).days;
    if (typeof days !== 'object' || days === null) return state;
    for (const [date, sources] of Object.entries(days as Record<string, unknown>)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || typeof sources !== 'object' || sources === null) continue;
      for (const [source, entry] of Object.entries(sources as Record<string, unknown>)) {
        const e = entry as { total?: unknown; byModel?: unknown };
        if (typeof e?.total !== 'number' || !Number.isFinite(e.total) || typeof e.byModel !== 'object' || e.byModel === null) continue;
        const byModel: Record<string, number> = {};
        for (const [model, amount] of Object.entries(e.byModel as Record<string, unknown>)) {
          if (typeof amount === 'number' && Number.isFinite(amount)) byModel[model] = amount;
        }
        (state.days[date] ??= {})[source] = { total: e.total, byModel };
      }
    }
    return state;
  }

  toJSON(): SpendHistoryState {
    return JSON.parse(JSON.stringify(this.state)) as SpendHistoryState;
  }

  /** Records the figures of one poll; returns true when something changed (so the host saves only then). */
  record(results: readonly SpendResult[]): boolean {
    const before = JSON.stringify(this.state);
    for (const r of results) {
      for (const d of r.daily ?? []) this.put(d.date, r.source, d.total, d.byModel);
      this.put(r.day, r.source, r.today, r.byModel);
    }
    const newest = Object.keys(this.state.days).sort().pop();
    if (newest) {
      const oldestKept = addDays(newest, -(HISTORY_DAYS - 1));
      for (const date of Object.keys(this.state.days)) if (date < oldestKept) delete this.state.days[date];
    }
    return JSON.stringify(this.state) !== before;
  }

  private put(date: string, source: string, total: number, byModel: Record<string, number>): void {
    const models: Record<string, number> = {};
    for (const [model, amount] of Object.entries(byModel)) addTo(models, model, amount);
    const attributed = roundUsd(Object.values(models).reduce((s, v) => s + v, 0));
    const rest = roundUsd(total - attributed);
    if (rest > 0) addTo(models, UNATTRIBUTED, rest);
    (this.state.days[date] ??= {})[source] = { total: roundUsd(total), byModel: models };
  }

  /**
   * The last `days` days ending `today`, stacked by model over every source in `sources` (all when
   * omitted: a source removed from the settings should stop counting). Missing days are zero.
   */
  chart(today: string, days = 30, topModels = 5, sources?: readonly string[]): ChartData {
    const dates = Array.from({ length: days }, (_, i) => addDays(today, i - (days - 1)));
    const perDay = dates.map((date) => {
      const out: Record<string, number> = {};
      for (const [source, entry] of Object.entries(this.state.days[date] ?? {})) {
        if (sources && !sources.includes(source)) continue;
        for (const [model, amount] of Object.entries(entry.byModel)) addTo(out, model, amount);
      }
      return out;
    });
    const overall: Record<string, number> = {};
    for (const day of perDay) for (const [model, amount] of Object.entries(day)) addTo(overall, model, amount);
    const order = Object.entries(overall)
      .filter(([, amount]) => amount > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([model]) => model);
    const kept = order.length > topModels ? order.slice(0, topModels - 1) : order;
    const series: ChartSeries[] = kept.map((model) => ({ model, values: perDay.map((d) => Math.max(0, d[model] ?? 0)) }));
    if (kept.length < order.length) {
      const rest = new Set(order.slice(kept.length));
      series.push({
        model: 'other models',
        values: perDay.map((d) => Math.max(0, roundUsd(Object.entries(d).reduce((s, [m, v]) => (rest.has(m) ? s + v : s), 0)))),
      });
    }
    const totals = dates.map((_, i) => roundUsd(series.reduce((s, x) => s + x.values[i], 0)));
    return { days: dates, series, totals, max: Math.max(0, ...totals) };
  }
}
