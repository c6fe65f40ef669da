/** The comparison a lens shows: the cheapest compared model and what switching to it saves (its text: presentation/lens/lensTitle.ts). */
import type { ModelEstimate } from './estimatePrompt';

/** What a comparison needs of an estimate: a prompt's (`ModelEstimate`) or a call's (`CallEstimate`). */
export interface PricedModel {
  model: string;
  costPerCall: number | null;
}

export interface Alternative<T extends PricedModel = ModelEstimate> {
  estimate: T;
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
export function cheapestAlternative<T extends PricedModel>(primary: T, others: readonly T[]): Alternative<T> | null {
  let best: T | null = null;
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
