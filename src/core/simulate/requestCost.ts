/**
 * The average cost of one request that reaches the model, given how much of its prompt is a cached prefix,
 * how many requests go through the batch API and how many requests a day reach the model. The provider's
 * rules (batch discounts, stacking, cache writes, cache minimums, tiers) come from `pricing/billingRules.ts`.
 *
 * Decisions (documented so the numbers can be checked by hand):
 * - Long-context tiers are chosen on the whole prompt (cached tokens count towards the prompt size),
 *   and then apply to every token of the request, as in `callCost`.
 * - Cache writes: a cached prefix lives `CACHE_LIFETIME_MINUTES` (5) after its last use; each hit refreshes it
 *   (Anthropic's rule; OpenAI keeps prefixes 5–10 minutes after last use). So a request writes the prefix when
 *   no request came in the lifetime before it — once per cache lifetime per distinct prefix, counting a
 *   lifetime from the last request. With requests arriving at random at a steady rate of r a day (Poisson),
 *   that is a share e^(−r × 5 / 1440) of requests: 3 % at 1,000 a day, 97 % at 10 a day, so at low volume
 *   nearly every call pays the write (Anthropic 1.25× input; elsewhere the full input rate). A call site is
 *   assumed to send one distinct prefix (its static prompt); bursty or per-user prefixes write more often.
 * - A prefix shorter than the model's cache minimum is not cached: normal input, with a note.
 * - Batch requests: Anthropic and OpenAI combine the batch and cache discounts; Gemini and others bill the
 *   whole prompt of a batch request at the batch input rate.
 * - A model without a cache-read rate bills the "cached" prefix as normal input; a model without a batch
 *   price bills batch requests at standard rates. Each case adds a note instead of pretending a discount exists.
 */
import { billingNotes, billingVendor, cacheMinimum, CACHE_LIFETIME_MINUTES, effectiveRates, type BillingNote, type ServiceMode } from '../pricing/billingRules';
import { cachedPrefixCost } from '../pricing/callCost';
import type { ModelPrice } from '../pricing/modelPrice';
import type { SimulationInputs } from './simulationInputs';

export interface SimulatedRequestCost {
  /** One request at standard rates, its cached prefix read (or, for the write share, written). */
  standard: number;
  /** One request through the batch API (standard when the model has no batch price). */
  batch: number;
  /** One request on the flex tier (standard when the model has none). */
  flex: number;
  /** The average over the shares: (1 − batch − flex) × standard + batchShare × batch + flexShare × flex. */
  average: number;
  /** Long-context tier threshold that applied, or null for base rates. */
  tier: number | null;
  /** Share of the requests that write the cached prefix (0 when nothing is cached). */
  cacheWriteShare: number;
  /** The provider's rules the figure used, as the hover words them ("batch −50 %", "cache write 1.25× …"). */
  applied: string[];
  notes: string[];
}

export type RequestInputs = Pick<SimulationInputs, 'inputTokens' | 'outputTokens' | 'cachedPrefixShare' | 'batchShare'> &
  Partial<Pick<SimulationInputs, 'requestsPerDay' | 'cacheHitRate' | 'flexShare'>>;

const MINUTES_PER_DAY = 1440;

/** The share of requests that find the prefix's cache expired: e^(−requests a day × lifetime / 1440). */
export function cacheWriteShare(modelRequestsPerDay: number, lifetimeMinutes: number = CACHE_LIFETIME_MINUTES): number {
  return modelRequestsPerDay > 0 ? Math.exp((-modelRequestsPerDay * lifetimeMinutes) / MINUTES_PER_DAY) : 1;
}

const percent = (share: number) => `${share > 0 && share < 0.01 ? '< 1' : Math.round(share * 100)} %`;

export function simulatedRequestCost(price: ModelPrice, inputs: RequestInputs): SimulatedRequestCost {
  const { inputTokens, outputTokens, cachedPrefixShare, batchShare } = inputs;
  const flexShare = inputs.flexShare ?? 0;
  const standardShare = 1 - batchShare - flexShare;
  const notes: string[] = [];
  const standardRates = effectiveRates(price, inputTokens)!;
  const prefixTokens = inputTokens * cachedPrefixShare;
  const modelRequestsPerDay = (inputs.requestsPerDay ?? Infinity) * (1 - (inputs.cacheHitRate ?? 0));
  const writeShare = cacheWriteShare(modelRequestsPerDay);

  /** One request in `mode`: plain, or (1 − w) × prefix read + w × prefix written; null when the mode has no price. */
  const cost = (mode: ServiceMode): { total: number; cached: boolean } | null => {
    const rates = effectiveRates(price, inputTokens, mode);
    if (rates === null) return null;
    const read = prefixTokens > 0 ? cachedPrefixCost(price, prefixTokens, inputTokens - prefixTokens, outputTokens, 'read', mode) : null;
    if (read === null || read.cachedTokens === 0) return { total: (inputTokens * rates.input + outputTokens * rates.output) / 1_000_000, cached: false };
    const write = cachedPrefixCost(price, prefixTokens, inputTokens - prefixTokens, outputTokens, 'write', mode)!;
    return { total: (1 - writeShare) * read.total + writeShare * write.total, cached: true };
  };

  const standard = cost('standard')!;
  const batched = batchShare > 0 ? cost('batch') : null;
  if (batchShare > 0 && batched === null) {
    notes.push(standardRates.tier !== null
      ? `no batch rates for prompts above ${standardRates.tier} tokens: batch requests are billed at standard rates`
      : `${price.id} has no batch rates: batch requests are billed at standard rates`);
  }
  const batch = batched ?? standard;
  const flexed = flexShare > 0 ? cost('flex') : null;
  if (flexShare > 0 && flexed === null) notes.push(`${price.id} has no flex tier: flex requests are billed at standard rates`);
  const flex = flexed ?? standard;
  // Standard requests use the cache unless none are standard; batch (flex) ones where the provider stacks.
  const standardCached = standard.cached && (standardShare > 0 || (batchShare > 0 && batched === null) || (flexShare > 0 && flexed === null));
  const cached = standardCached || (batched?.cached ?? false) || (flexed?.cached ?? false);
  if (prefixTokens > 0 && (cached || !standard.cached)) notes.push(...cacheNotes(price, prefixTokens, cached, writeShare, modelRequestsPerDay));
  if (batched !== null && standard.cached && !batched.cached) notes.push(`${price.id}: no cache discount on batch requests (its provider does not combine them)`);

  const average = standardShare * standard.total + batchShare * batch.total + flexShare * flex.total;
  const discounted = batched !== null || flexed !== null;
  const used = (note: BillingNote) =>
    note.rule === 'tier' ||
    (note.rule === 'batch' && batched !== null) ||
    (note.rule === 'flex' && flexed !== null) ||
    ((note.rule === 'cacheRead' || note.rule === 'cacheWrite') && cached) ||
    (note.rule === 'stacking' && standard.cached && discounted);
  const applied = billingNotes(price, inputTokens).filter(used).map((note) => note.text);
  return { standard: standard.total, batch: batch.total, flex: flex.total, average, tier: standardRates.tier, cacheWriteShare: cached ? writeShare : 0, applied, notes };
}

function cacheNotes(price: ModelPrice, prefixTokens: number, cached: boolean, writeShare: number, requestsPerDay: number): string[] {
  const minimum = cacheMinimum(price);
  if (cached) {
    const write = billingVendor(price) === 'anthropic' ? ' at 1.25× input' : '';
    const volume = Number.isFinite(requestsPerDay) ? ` (${Math.round(requestsPerDay).toLocaleString('en-US')} model requests a day, a ${CACHE_LIFETIME_MINUTES}-minute cache)` : '';
    return writeShare >= 0.005 ? [`${price.id}: ${percent(writeShare)} of requests write the cached prefix${write}${volume}`] : [];
  }
  if (effectiveRates(price, prefixTokens)!.cacheRead === null) {
    return [minimum.unavailable ? `${price.id}: no cache discount: ${minimum.unavailable}` : `${price.id} has no cache-read rate: the cached prefix is billed as normal input`];
  }
  return [`${price.id}: the cached prefix (${Math.round(prefixTokens).toLocaleString('en-US')} tokens) is below the ${minimum.minTokens.toLocaleString('en-US')}-token cache minimum: billed as normal input`];
}
