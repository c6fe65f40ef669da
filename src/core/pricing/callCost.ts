import { cacheableTokens, cacheMinimum, effectiveRates, type EffectiveRates, type ServiceMode } from './billingRules';
import type { ModelPrice } from './modelPrice';

/** What one call costs in USD. */
export interface CallCost {
  inputCost: number;
  outputCost: number;
  /** inputCost + outputCost. */
  total: number;
  /**
   * The input cost if the whole prompt were read from the prompt cache; null without a cache-read rate, or when
   * the prompt is shorter than the model's cache minimum (`billingRules.ts`).
   */
  cachedInputCost: number | null;
  /** The call through the provider's batch API (its rule or LiteLLM's rates); null when none is known. */
  batchTotal: number | null;
  /** The call on the flex service tier (OpenAI); null where the model has none. */
  flexTotal: number | null;
  /** Threshold of the long-context tier that applied, or null for base rates. */
  tier: number | null;
}

/** A call whose prompt starts with a prefix read from, or written to, the prompt cache. */
export interface CachedPrefixCost {
  prefixCost: number;
  restCost: number;
  outputCost: number;
  total: number;
  tier: number | null;
  /** Prefix tokens the provider actually caches (0 below its minimum; OpenAI counts in 128-token steps). */
  cachedTokens: number;
}

/**
 * Sums of tokens × USD-per-1M, divided once at the end: the products are usually exact, so
 * 500 × 0.5 / 1e6 is exactly 0.00025 and 1001 × 10 + 1 × 20 gives 0.01003, not 0.010029999999999999.
 */
const usd = (...terms: Array<[tokens: number, perMillion: number]>): number =>
  terms.reduce((sum, [tokens, perMillion]) => sum + tokens * perMillion, 0) / 1_000_000;

const plainTotal = (rates: EffectiveRates | null, inputTokens: number, outputTokens: number): number | null =>
  rates === null ? null : usd([inputTokens, rates.input], [outputTokens, rates.output]);

export function callCost(price: ModelPrice, inputTokens: number, outputTokens: number): CallCost {
  const rates = effectiveRates(price, inputTokens)!;
  const inputCost = usd([inputTokens, rates.input]);
  const outputCost = usd([outputTokens, rates.output]);
  const total = usd([inputTokens, rates.input], [outputTokens, rates.output]);
  const cached = cachedPrefixCost(price, inputTokens, 0, 0);
  const cachedInputCost = cached === null || cached.cachedTokens === 0 ? null : cached.total;
  return {
    inputCost,
    outputCost,
    total,
    cachedInputCost,
    batchTotal: plainTotal(effectiveRates(price, inputTokens, 'batch'), inputTokens, outputTokens),
    flexTotal: plainTotal(effectiveRates(price, inputTokens, 'flex'), inputTokens, outputTokens),
    tier: rates.tier,
  };
}

/**
 * A call whose first `prefixTokens` prompt tokens are read from the provider's prompt cache (`'read'`, billed at
 * the cache-read rate) or written to it (`'write'`: Anthropic's 1.25× for a 5-minute write, 2× for `'write1h'`;
 * normal input where writes cost nothing extra), and whose remaining `restTokens` are normal input. The tier is
 * chosen on the whole prompt, as providers count cached tokens in the prompt size. A prefix below the model's
 * cache minimum is not cached: all normal input. Null when the mode has no cache discount (no cache-read rate,
 * the provider does not stack it with batch) or the model has no such mode.
 */
export function cachedPrefixCost(
  price: ModelPrice,
  prefixTokens: number,
  restTokens: number,
  outputTokens: number,
  use: 'read' | 'write' | 'write1h' = 'read',
  mode: ServiceMode = 'standard',
): CachedPrefixCost | null {
  const rates = effectiveRates(price, prefixTokens + restTokens, mode);
  if (rates === null || rates.cacheRead === null) return null;
  const cachedTokens = cacheableTokens(cacheMinimum(price), prefixTokens);
  const prefixRate = use === 'read' ? rates.cacheRead : use === 'write' ? rates.cacheWrite : (rates.cacheWrite1h ?? rates.cacheWrite);
  const prefix: [number, number] = [cachedTokens, prefixRate];
  const rest: [number, number] = [prefixTokens - cachedTokens + restTokens, rates.input];
  const output: [number, number] = [outputTokens, rates.output];
  return {
    prefixCost: usd(prefix),
    restCost: usd(rest),
    outputCost: usd(output),
    total: usd(prefix, rest, output),
    tier: rates.tier,
    cachedTokens,
  };
}
