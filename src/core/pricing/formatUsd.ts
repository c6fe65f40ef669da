/**
 * Dollar amounts for display, en-US and deterministic:
 * - null / undefined / NaN → "no price" (an unknown price is never shown as $0.00);
 * - |amount| ≥ $1 → two decimals with grouping: $1.23, $1,234.56;
 * - smaller amounts → two significant digits, at least two decimals: $0.50, $0.12, $0.0021, $0.000034
 *   (per-call costs are often fractions of a cent, and "$0.00" would hide them);
 * - exactly 0 → $0.00.
 */
export function formatUsd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return 'no price';
  return formatterFor(fractionDigits(amount)).format(amount);
}

const MAX_FRACTION_DIGITS = 20;

function fractionDigits(amount: number): number {
  const size = Math.abs(amount);
  if (size >= 1 || size === 0 || !Number.isFinite(size)) return 2;
  // Decimal place of the first significant digit (0.0021 → 3), then one more digit.
  const firstDigit = Math.ceil(-Math.log10(size));
  return Math.min(MAX_FRACTION_DIGITS, Math.max(2, firstDigit + 1));
}

const formatters = new Map<number, Intl.NumberFormat>();

function formatterFor(maximumFractionDigits: number): Intl.NumberFormat {
  let formatter = formatters.get(maximumFractionDigits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 2,
      maximumFractionDigits,
    });
    formatters.set(maximumFractionDigits, formatter);
  }
  return formatter;
}
