import type { ModelPrice } from './modelPrice';

/** What one call costs in USD. */
export interface CallCost {
  inputCost: number;
  outputCost: number;
  /** inputCost + outputCost. */
  total: number;
  /** The input cost if the whole prompt were read from the prompt cache; null without a cache-read rate. */
  cachedInputCost: number | null;
  /** The call through the provider's batch API; null without batch rates, or when a long-context tier applies. */
  batchTotal: number | null;
  /** Threshold of the long-context tier that applied, or null for base rates. */
  tier: number | null;
}

/** A call whose prompt starts with a cached prefix. */
export interface CachedPrefixCost {
  prefixCost: number;
  restCost: number;
  outputCost: number;
  total: number;
  tier: number | null;
}

interface Rates {
  input: number;
  output: number;
  cacheRead: number | undefined;
  tier: number | null;
}

/**
 * Rates for a prompt of `promptTokens`. Like LiteLLM's cost code, a long-context tier replaces the base
 * rates for EVERY token of a request whose prompt exceeds the tier's threshold (input, output and cache
 * reads alike) — these are not marginal rates. With several tiers the highest exceeded threshold wins.
 */
function ratesFor(price: ModelPrice, promptTokens: number): Rates {
  let rates: Rates = { input: price.input, output: price.output, cacheRead: price.cacheRead, tier: null };
  for (const tier of price.above ?? []) {
    if (promptTokens > tier.threshold && (rates.tier === null || tier.threshold > rates.tier)) {
      rates = { input: tier.input, output: tier.output, cacheRead: tier.cacheRead ?? price.cacheRead, tier: tier.threshold };
    }
  }
  return rates;
}

/**
 * Sums of tokens × USD-per-1M, divided once at the end: the products are usually exact, so
 * 500 × 0.5 / 1e6 is exactly 0.00025 and 1001 × 10 + 1 × 20 gives 0.01003, not 0.010029999999999999.
 */
const usd = (...terms: Array<[tokens: number, perMillion: number]>): number =>
  terms.reduce((sum, [tokens, perMillion]) => sum + tokens * perMillion, 0) / 1_000_000;

export function callCost(price: ModelPrice, inputTokens: number, outputTokens: number): CallCost {
  const rates = ratesFor(price, inputTokens);
  const inputCost = usd([inputTokens, rates.input]);
  const outputCost = usd([outputTokens, rates.output]);
  const total = usd([inputTokens, rates.input], [outputTokens, rates.output]);
  const cachedInputCost = rates.cacheRead === undefined ? null : usd([inputTokens, rates.cacheRead]);
  // The catalogue has no long-context batch rates; rather than guess, a tiered call has no batch price.
  const batchTotal =
    price.batchInput === undefined || price.batchOutput === undefined || rates.tier !== null
      ? null
      : usd([inputTokens, price.batchInput], [outputTokens, price.batchOutput]);
  return { inputCost, outputCost, total, cachedInputCost, batchTotal, tier: rates.tier };
}

/**
 * A call whose first `prefixTokens` prompt tokens are read from the provider's prompt cache (billed at the
 * cache-read rate) and whose remaining `restTokens` are billed as normal input. The tier is chosen on the
 * whole prompt, as providers count cached tokens in the prompt size. Null when the model has no cache-read rate.
 */
export function cachedPrefixCost(
  price: ModelPrice,
  prefixTokens: number,
  restTokens: number,
  outputTokens: number,
): CachedPrefixCost | null {
  const rates = ratesFor(price, prefixTokens + restTokens);
  if (rates.cacheRead === undefined) return null;
  const prefix: [number, number] = [prefixTokens, rates.cacheRead];
  const rest: [number, number] = [restTokens, rates.input];
  const output: [number, number] = [outputTokens, rates.output];
  return {
    prefixCost: usd(prefix),
    restCost: usd(rest),
    outputCost: usd(output),
    total: usd(prefix, rest, output),
    tier: rates.tier,
  };
}
