/**
 * The average cost of one request that reaches the model, given how much of its prompt is a cached
 * prefix and how many requests go through the batch API.
 *
 * Decisions (documented so the numbers can be checked by hand):
 * - Long-context tiers are chosen on the whole prompt (cached tokens count towards the prompt size),
 *   and then apply to every token of the request, as in `callCost`.
 * - Batch requests are billed at the batch input/output rates on the whole prompt: the catalogue has no
 *   batch cache-read rate, so the prompt-cache discount is not stacked on the batch discount.
 * - A model without a cache-read rate bills the "cached" prefix as normal input; a model without batch
 *   rates (or a request in a long-context tier, which has none) bills batch requests at standard rates.
 *   Each case adds a note instead of silently pretending a discount exists.
 * - Cache writes are not counted: a static prefix is written once per cache lifetime, which is noise
 *   next to thousands of reads a day.
 */
import { cachedPrefixCost, callCost } from '../pricing/callCost';
import type { ModelPrice } from '../pricing/modelPrice';
import type { SimulationInputs } from './simulationInputs';

export interface SimulatedRequestCost {
  /** One request at standard rates, its cached prefix at the cache-read rate. */
  standard: number;
  /** One request through the batch API (standard when the model has no batch rates). */
  batch: number;
  /** The average over the batch share: (1 − batchShare) × standard + batchShare × batch. */
  average: number;
  /** Long-context tier threshold that applied, or null for base rates. */
  tier: number | null;
  notes: string[];
}

export function simulatedRequestCost(price: ModelPrice, inputs: Pick<SimulationInputs, 'inputTokens' | 'outputTokens' | 'cachedPrefixShare' | 'batchShare'>): SimulatedRequestCost {
  const { inputTokens, outputTokens, cachedPrefixShare, batchShare } = inputs;
  const notes: string[] = [];
  const plain = callCost(price, inputTokens, outputTokens);

  let standard = plain.total;
  if (cachedPrefixShare > 0) {
    const prefixTokens = inputTokens * cachedPrefixShare;
    const cached = cachedPrefixCost(price, prefixTokens, inputTokens - prefixTokens, outputTokens);
    if (cached) standard = cached.total;
    else notes.push(`${price.id} has no cache-read rate: the cached prefix is billed as normal input`);
  }

  let batch = standard;
  if (batchShare > 0) {
    if (plain.batchTotal !== null) batch = plain.batchTotal;
    else if (plain.tier !== null) notes.push(`no batch rates for prompts above ${plain.tier} tokens: batch requests are billed at standard rates`);
    else notes.push(`${price.id} has no batch rates: batch requests are billed at standard rates`);
  }

  const average = batchShare === 0 ? standard : batchShare === 1 ? batch : (1 - batchShare) * standard + batchShare * batch;
  return { standard, batch, average, tier: plain.tier, notes };
}
