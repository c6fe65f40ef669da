/**
 * The UTC days a source with daily cost buckets (Anthropic, LiteLLM) asks for in one poll, and what they add
 * up to. The range runs from the earlier of the month's first day and 29 days back, so one read gives both
 * the month to date and the 30-day chart.
 */
import { roundUsd } from './money';
import { addDays, dayKey, projectMonth } from './periods';
import type { DailySpend } from './spendTypes';

export interface UtcDayRange {
  /** `YYYY-MM-DD` (UTC) of now. */
  today: string;
  monthFirst: string;
  /** The first day to ask for. */
  first: string;
}

export function utcDayRange(now: number): UtcDayRange {
  const today = dayKey(now, 'UTC');
  const monthFirst = `${today.slice(0, 7)}-01`;
  return { today, monthFirst, first: [monthFirst, addDays(today, -29)].sort()[0] };
}

/** The days read, oldest first; today's; the month to date and its projection to the whole month. */
export function utcDayTotals<T extends DailySpend>(days: ReadonlyMap<string, T>, range: UtcDayRange, now: number): { sorted: T[]; todays: T | undefined; monthToDate: number; projectedMonth: number } {
  const sorted = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  const monthToDate = roundUsd(sorted.filter((d) => d.date >= range.monthFirst && d.date <= range.today).reduce((s, d) => s + d.total, 0));
  return { sorted, todays: days.get(range.today), monthToDate, projectedMonth: roundUsd(projectMonth(monthToDate, now, 'UTC')) };
}
