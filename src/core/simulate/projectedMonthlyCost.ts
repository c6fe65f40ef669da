/**
 * `projected_monthly_cost`: the month-to-date spend scaled to the whole month at the pace so far.
 * Months follow the calendar in UTC, like provider billing and the daily budget reset.
 */

/** monthToDate × daysInMonth / elapsedDays; null before any time has elapsed (no pace to scale yet). */
export function projectedMonthlyCost(monthToDate: number, elapsedDays: number, daysInMonth: number): number | null {
  if (!Number.isFinite(monthToDate) || !(elapsedDays > 0) || !(daysInMonth > 0)) return null;
  return (monthToDate * daysInMonth) / Math.min(elapsedDays, daysInMonth);
}

/** Days in the UTC calendar month of `at`. */
export function daysInUtcMonth(at: Date): number {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Days (with fractions) elapsed since the start of the UTC month of `at`. */
export function elapsedUtcMonthDays(at: Date): number {
  const start = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1);
  return (at.getTime() - start) / 86_400_000;
}

/** The projection at the instant `at` (e.g. `new Date()` for the status bar). */
export function projectedMonthlyCostAt(monthToDate: number, at: Date): number | null {
  return projectedMonthlyCost(monthToDate, elapsedUtcMonthDays(at), daysInUtcMonth(at));
}
