/** Month-by-month costs for a volume growing at a fixed monthly rate, compounded. */

/**
 * `count` months starting at `firstMonth`: month k (0-based) is firstMonth × (1 + growth)^k. Each month is
 * computed from the first with one power, so rounding does not build up month after month.
 */
export function projectMonths(firstMonth: number, growth: number, count: number): number[] {
  if (!(growth > -1)) throw new RangeError(`growth must be > -1, got ${growth}`);
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  return Array.from({ length: count }, (_, k) => (k === 0 ? firstMonth : firstMonth * Math.pow(1 + growth, k)));
}

/** The sum of a projection (a year's cost for 12 months). */
export function sumMonths(months: readonly number[]): number {
  return months.reduce((sum, m) => sum + m, 0);
}

/** 1-based month of the first value strictly above `limit`, or null when none is. */
export function firstMonthAbove(months: readonly number[], limit: number): number | null {
  const index = months.findIndex((m) => m > limit);
  return index < 0 ? null : index + 1;
}
