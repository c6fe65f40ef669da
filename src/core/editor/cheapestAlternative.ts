/** The comparison a lens shows: the cheapest compared model and what switching to it saves. */
import type { ModelEstimate } from '../estimate/estimatePrompt';

export interface Alternative {
  estimate: ModelEstimate;
  /**
   * Relative change of the cost per call against the primary model (−0.93 = 93 % cheaper); null when the
   * primary model has no price (or costs nothing), so no percentage can be given.
   */
  change: number | null;
}

/**
 * The cheapest priced model among `others` that costs less than `primary`; when `primary` has no price,
 * the cheapest priced one. Null when nothing compared is cheaper (or nothing has a price). Ties keep the
 * earlier model (the order the user listed them in).
 */
export function cheapestAlternative(primary: ModelEstimate, others: readonly ModelEstimate[]): Alternative | null {
  let best: ModelEstimate | null = null;
  for (const other of others) {
    if (other.model === primary.model || other.costPerCall === null) continue;
    if (best === null || other.costPerCall < (best.costPerCall as number)) best = other;
  }
  if (!best) return null;
  const base = primary.costPerCall;
  if (base === null || base <= 0) return { estimate: best, change: null };
  if ((best.costPerCall as number) >= base) return null;
  return { estimate: best, change: (best.costPerCall as number) / base - 1 };
}

/** `−93 %`, `+12 %`, `−0.4 %` (one decimal under 1 %); U+2212 minus and a space before %, as in the lens. */
export function formatChange(change: number): string {
  const percent = change * 100;
  const size = Math.abs(percent);
  const digits = size > 0 && size < 1 ? 1 : 0;
  const text = size.toFixed(digits);
  if (Number(text) === 0) return '0 %';
  return `${percent < 0 ? '\u2212' : '+'}${text} %`;
}
