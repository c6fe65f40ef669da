/**
 * How each provider bills a request beyond its list rates, in one place: batch and flex discounts, whether
 * they stack with prompt caching, cache writes and lifetimes, cache minimum lengths, long-context tiers.
 * `callCost.ts` (per call), the simulation (`simulate/requestCost.ts`, so also `prompt-cost diff`) and the
 * hover all read their rates from `effectiveRates` and their explanations from `billingNotes`.
 *
 * The rules, each with the page it comes from (read 2026-12-08, through stored copies):
 * - Batch, 50 % of every rate, for all models: OpenAI (https://platform.openai.com/docs/guides/batch),
 *   Anthropic (https://platform.claude.com/docs/en/build-with-claude/batch-processing), Google (Gemini API
 *   https://ai.google.dev/gemini-api/docs/batch-mode and .../optimization; Vertex batch prediction). LiteLLM has
 *   batch rates for 103 of its entries, none of Anthropic's: the rule prices the rest. Long-context tiers are
 *   halved too (Anthropic: long-context pricing stacks with the batch discount; Google's batch table halves
 *   its >200k rows). LiteLLM's own batch rates are used where it has them (base tier).
 * - Flex (`service_tier: "flex"`): OpenAI, "priced at Batch API rates, with additional discounts from prompt
 *   caching" (https://platform.openai.com/docs/guides/flex-processing), for the models its pricing page lists
 *   (those LiteLLM has flex rates for, and their dated snapshots). Other providers: LiteLLM's flex rates only.
 * - Batch + cache: Anthropic stacks them (its pricing page: the multipliers combine); OpenAI stacks them (the
 *   flex guide above; the pricing page's Batch tier has cached-input rates); Gemini does not (Google lists batch
 *   as 50 % of input and output; we bill a batch request's whole prompt at the batch input rate). Others: not
 *   stacked, as LiteLLM has no batch cache-read rates.
 * - Cache writes: Anthropic bills 1.25× input for a 5-minute write, 2× for 1 hour; reads 0.1×; the lifetime is
 *   refreshed by each hit (https://platform.claude.com/docs/en/build-with-claude/prompt-caching). OpenAI and
 *   Gemini cache implicitly: the first request pays normal input, no write charge (OpenAI's prompt-caching
 *   guide: prefixes stay 5–10 minutes after last use; Vertex's context-cache overview: cache creation at the
 *   standard input price). LiteLLM's write rate where it has one (gpt-5.6, Bedrock). Gemini's explicit caches
 *   (storage billed per hour) are not modelled.
 * - Cache minimums (a shorter prefix is not cached): OpenAI 1,024 tokens, then 128-token steps
 *   (https://openai.com/index/api-prompt-caching/); Claude per model below (the prompt-caching page; Claude 5 and
 *   Opus 4.8 from LiteLLM's docs); Gemini 2.5: 2,048, Gemini 3+: 4,096, before 2.5 no implicit caching
 *   (https://ai.google.dev/gemini-api/docs/caching, version of 2026-07-07). Others: LiteLLM's
 *   `prompt_cache_min_tokens`, else none.
 * - Above-threshold tiers: as LiteLLM has them (`*_above_200k_tokens` …): every token of a request whose prompt
 *   exceeds the threshold at the tier's rates.
 */
import type { ModelPrice, ServiceTierRates } from './modelPrice';
import { parseModelName } from './modelName';
import { vendorOfName } from './providerAliases';

/** Whose billing rules apply: the provider that sends the invoice. */
export type BillingVendor = 'openai' | 'anthropic' | 'google' | 'other';
export type ServiceMode = 'standard' | 'batch' | 'flex';

const VENDOR_OF_PROVIDER: Readonly<Record<string, BillingVendor>> = {
  openai: 'openai',
  'text-completion-openai': 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  'vertex_ai-language-models': 'google',
};

export function billingVendor(price: Pick<ModelPrice, 'provider'>): BillingVendor {
  return VENDOR_OF_PROVIDER[price.provider] ?? 'other';
}

/** The discount the three providers state for every model, on batch (and OpenAI's flex) requests. */
export const BATCH_DISCOUNT = 0.5;
/** Anthropic's cache-write multipliers of the input rate. */
export const ANTHROPIC_CACHE_WRITE = Object.freeze({ fiveMinutes: 1.25, oneHour: 2 });
/** Minutes a cached prefix lives after its last use (Anthropic's default TTL; OpenAI's lower bound; assumed elsewhere). */
export const CACHE_LIFETIME_MINUTES = 5;

/** OpenAI's models with a flex tier: those LiteLLM has flex rates for, and their dated snapshots. */
const OPENAI_FLEX = /^(?:o3|o4-mini|gpt-5(?:-mini|-nano)?|gpt-5\.[4-9](?:-mini|-nano|-sol|-terra|-luna)?)(?:-\d{4}-\d{2}-\d{2})?$/;

/** Claude's minimum cacheable prompt by model, first match wins (the prompt-caching page; see the header). */
const CLAUDE_CACHE_MINIMUM: ReadonlyArray<[RegExp, number]> = [
  [/^claude-(?:opus-5|fable-5|mythos)/, 512],
  [/^claude-(?:opus-4-8|sonnet-5)/, 1024],
  [/^claude-(?:opus-4-[5-7]|haiku-4-5)/, 4096],
  [/^claude-(?:3-5-haiku|3-haiku|haiku-3)/, 2048],
  [/^claude-/, 1024],
];

/** The smallest prefix the provider caches, how cached tokens are counted, or why nothing is cached. */
export interface CacheMinimum {
  minTokens: number;
  /** Cached tokens grow in steps past the minimum (OpenAI: 128). */
  step: number | null;
  /** Set when the model has no (implicit) prompt caching although the catalogue has a cache-read rate. */
  unavailable?: string;
}

export function cacheMinimum(price: Pick<ModelPrice, 'id' | 'cacheMinTokens'>): CacheMinimum {
  const bare = parseModelName(price.id).bare;
  switch (vendorOfName(bare)) {
    case 'openai':
      return { minTokens: 1024, step: 128 };
    case 'anthropic':
      return { minTokens: CLAUDE_CACHE_MINIMUM.find(([pattern]) => pattern.test(bare))![1], step: null };
    case 'google': {
      const version = Number(/^gemini-(\d+(?:\.\d+)?)/.exec(bare)?.[1] ?? NaN);
      if (version >= 3) return { minTokens: 4096, step: null };
      if (version >= 2.5) return { minTokens: 2048, step: null };
      return { minTokens: 0, step: null, unavailable: 'Gemini before 2.5 caches only explicitly (storage billed by the hour, not modelled)' };
    }
    default:
      return { minTokens: price.cacheMinTokens ?? 0, step: null };
  }
}

/** Of a prefix of `tokens`, how many the provider reads from its cache (0 below the minimum). */
export function cacheableTokens(minimum: CacheMinimum, tokens: number): number {
  if (minimum.unavailable || tokens < minimum.minTokens || tokens <= 0) return 0;
  if (minimum.step === null) return tokens;
  return minimum.minTokens + Math.floor((tokens - minimum.minTokens) / minimum.step) * minimum.step;
}

/** USD per 1M tokens that a request in one service mode pays. */
export interface EffectiveRates {
  mode: ServiceMode;
  input: number;
  output: number;
  /** Null when cached tokens get no discount in this mode (no rate, not offered, or not stacked). */
  cacheRead: number | null;
  /** A 5-minute cache write (the input rate where writes are not charged extra). */
  cacheWrite: number;
  /** A 1-hour cache write, where the provider sells one. */
  cacheWrite1h: number | null;
  /** The long-context tier in effect, or null. */
  tier: number | null;
  /** Where the mode's rates come from: LiteLLM's own, or the provider's percentage rule. */
  from: 'catalogue' | 'rule';
}

interface BaseRates {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  cacheWrite1h?: number;
  tier: number | null;
}

/**
 * Like LiteLLM's cost code, a long-context tier replaces the base rates for EVERY token of a request whose
 * prompt exceeds its threshold (not marginal rates); with several tiers the highest exceeded one wins.
 */
function tierRates(price: ModelPrice, promptTokens: number): BaseRates {
  let rates: BaseRates = { input: price.input, output: price.output, cacheRead: price.cacheRead, cacheWrite: price.cacheWrite, cacheWrite1h: price.cacheWrite1h, tier: null };
  for (const tier of price.above ?? []) {
    if (promptTokens > tier.threshold && (rates.tier === null || tier.threshold > rates.tier)) {
      rates = {
        input: tier.input,
        output: tier.output,
        cacheRead: tier.cacheRead ?? price.cacheRead,
        cacheWrite: tier.cacheWrite ?? price.cacheWrite,
        cacheWrite1h: tier.cacheWrite1h ?? price.cacheWrite1h,
        tier: tier.threshold,
      };
    }
  }
  return rates;
}

/** Standard-mode rates after the vendor's cache rules. */
function standardRates(price: ModelPrice, base: BaseRates): EffectiveRates {
  const vendor = billingVendor(price);
  const cacheAvailable = base.cacheRead !== undefined && !cacheMinimum(price).unavailable;
  const anthropic = vendor === 'anthropic';
  return {
    mode: 'standard',
    input: base.input,
    output: base.output,
    cacheRead: cacheAvailable ? base.cacheRead! : null,
    // Anthropic's multipliers are its rule (LiteLLM's 1-hour rates for Claude 3 are wrong); implicit caches bill normal input.
    cacheWrite: anthropic ? base.input * ANTHROPIC_CACHE_WRITE.fiveMinutes : vendor === 'google' ? base.input : (base.cacheWrite ?? base.input),
    cacheWrite1h: anthropic ? base.input * ANTHROPIC_CACHE_WRITE.oneHour : vendor === 'google' ? null : (base.cacheWrite1h ?? null),
    tier: base.tier,
    from: 'catalogue',
  };
}

/** All rates of `standard` × `factor`; the cache-read rate only when the vendor stacks the discounts. */
function scaled(standard: EffectiveRates, mode: ServiceMode, factor: number, stacks: boolean): EffectiveRates {
  return {
    mode,
    input: standard.input * factor,
    output: standard.output * factor,
    cacheRead: stacks && standard.cacheRead !== null ? standard.cacheRead * factor : null,
    cacheWrite: stacks ? standard.cacheWrite * factor : standard.input * factor,
    cacheWrite1h: stacks && standard.cacheWrite1h !== null ? standard.cacheWrite1h * factor : null,
    tier: standard.tier,
    from: 'rule',
  };
}

/** Whether a vendor's cache discount also applies to batch (and flex) requests. */
export function stacksWithCache(vendor: BillingVendor): boolean {
  return vendor === 'anthropic' || vendor === 'openai';
}

/** The rates of a request in `mode`; null when the provider offers no such mode for the model (or none is known). */
export function effectiveRates(price: ModelPrice, promptTokens: number, mode: ServiceMode = 'standard'): EffectiveRates | null {
  const base = tierRates(price, promptTokens);
  const standard = standardRates(price, base);
  if (mode === 'standard') return standard;
  const vendor = billingVendor(price);
  const stacks = stacksWithCache(vendor);
  const published = mode === 'batch' ? batchCatalogueRates(price) : price.flex;
  // The catalogue's batch/flex rates are for the base tier only.
  if (published && published.input !== undefined && published.output !== undefined && base.tier === null) {
    const factor = published.input / price.input;
    const rates = scaled(standard, mode, factor, stacks);
    rates.output = published.output;
    rates.input = published.input;
    // A cache rate LiteLLM gives for the mode says the discounts combine there (Gemini's flex).
    if (published.cacheRead !== undefined && standard.cacheRead !== null) rates.cacheRead = published.cacheRead;
    if (published.cacheWrite !== undefined) rates.cacheWrite = published.cacheWrite;
    rates.from = 'catalogue';
    return rates;
  }
  const ruled = mode === 'batch' ? vendor !== 'other' : vendor === 'openai' && OPENAI_FLEX.test(parseModelName(price.id).bare);
  return ruled ? scaled(standard, mode, BATCH_DISCOUNT, stacks) : null;
}

function batchCatalogueRates(price: ModelPrice): ServiceTierRates | undefined {
  return price.batchInput === undefined || price.batchOutput === undefined ? undefined : { input: price.batchInput, output: price.batchOutput };
}

/** What the hover and the simulation say about how a request of `promptTokens` is billed. */
export interface BillingNote {
  rule: 'batch' | 'flex' | 'stacking' | 'cacheRead' | 'cacheWrite' | 'cacheMinimum' | 'tier';
  text: string;
}

const count = (n: number) => n.toLocaleString('en-US');
const multiple = (rate: number, input: number) => `${Number((rate / input).toPrecision(3))}×`;
const discount = (rate: number, input: number) => `−${Math.round((1 - rate / input) * 100)} %`;

/** The rules that apply to a request of `promptTokens` on `price`, as short labels ("batch −50 %"). */
export function billingNotes(price: ModelPrice, promptTokens: number): BillingNote[] {
  const notes: BillingNote[] = [];
  const standard = effectiveRates(price, promptTokens)!;
  const batch = effectiveRates(price, promptTokens, 'batch');
  const flex = effectiveRates(price, promptTokens, 'flex');
  if (standard.tier !== null) {
    notes.push({ rule: 'tier', text: `above ${count(standard.tier)} prompt tokens: every token at $${standard.input} / $${standard.output} per 1M` });
  }
  if (batch) notes.push({ rule: 'batch', text: `batch ${discount(batch.input, standard.input)}` });
  if (flex) notes.push({ rule: 'flex', text: `flex ${discount(flex.input, standard.input)}` });
  const minimum = cacheMinimum(price);
  if (minimum.unavailable && price.cacheRead !== undefined) notes.push({ rule: 'cacheMinimum', text: `no cache discount: ${minimum.unavailable}` });
  if (standard.cacheRead === null) return notes;
  notes.push({ rule: 'cacheRead', text: `cache read ${multiple(standard.cacheRead, standard.input)} input` });
  if (billingVendor(price) === 'anthropic') {
    notes.push({ rule: 'cacheWrite', text: `cache write ${ANTHROPIC_CACHE_WRITE.fiveMinutes}× input (5 min), ${ANTHROPIC_CACHE_WRITE.oneHour}× (1 h)` });
  } else if (standard.cacheWrite !== standard.input) {
    notes.push({ rule: 'cacheWrite', text: `cache write ${multiple(standard.cacheWrite, standard.input)} input` });
  } else {
    notes.push({ rule: 'cacheWrite', text: 'no cache-write charge (the first request pays normal input)' });
  }
  if (batch || flex) {
    const stacked = (batch ?? flex)!.cacheRead !== null;
    notes.push({ rule: 'stacking', text: stacked ? `${batch ? 'batch' : 'flex'} and cache discounts stack` : `no cache discount on ${batch ? 'batch' : 'flex'} requests` });
  }
  if (minimum.minTokens > 0 && promptTokens < minimum.minTokens) {
    notes.push({ rule: 'cacheMinimum', text: `below the ${count(minimum.minTokens)}-token cache minimum: no cache discount` });
  }
  return notes;
}
