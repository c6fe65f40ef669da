/**
 * Turns a found prompt into per-model estimates: tokens (exact or ≈), input and output cost, and the
 * cached-prefix and batch prices where the catalogue has them. A model without a price gets nulls,
 * which every face of the tool shows as "no price", never as $0.00.
 */
import type { EngineSettings } from '../config/engineSettings';
import type { FoundPrompt } from '../prompts/prompt';
import { callCost } from '../pricing/callCost';
import type { PriceTable } from '../pricing/priceTable';
import { encodingForModel, type EncodingName } from '../tokens/encodings';
import { templateTokens, type PlaceholderSize } from './templateTokens';

export interface ModelEstimate {
  model: string;
  /** The catalogue entry the model resolved to (after aliases), or null when it has no price. */
  priceId: string | null;
  encoding: EncodingName | null;
  exact: boolean;
  /** Typical input tokens (placeholders at their typical size). */
  inputTokens: number;
  /** Input tokens with every placeholder empty. */
  staticTokens: number;
  inputCost: number | null;
  outputTokens: number;
  outputCost: number | null;
  costPerCall: number | null;
  /** Whole input billed at the cache-read rate (a fully cached prefix), where the model has one. */
  cachedCostPerCall: number | null;
  batchCostPerCall: number | null;
  contextWindow: number | null;
  /** Share of the context window the typical input uses (0–1), when the window is known. */
  contextShare: number | null;
  /** Above-threshold tier applied (e.g. 200000), or null. */
  tier: number | null;
  placeholders: PlaceholderSize[];
}

export interface EstimateContext {
  settings: EngineSettings;
  prices: PriceTable;
  /** Extra models to compare with (CLI `--models`, the editor's compare list). */
  compareModels?: readonly string[];
}

/** The models a prompt is estimated for: the one its code calls (else the defaults), then the compared ones. */
export function modelsForPrompt(prompt: FoundPrompt, ctx: EstimateContext): string[] {
  const primary = prompt.model ? [prompt.model] : ctx.settings.models;
  const all = [...primary, ...ctx.settings.compareModels, ...(ctx.compareModels ?? [])];
  return [...new Set(all.map((m) => m.trim()).filter(Boolean))];
}

export function estimateForModel(prompt: FoundPrompt, model: string, ctx: EstimateContext): ModelEstimate {
  const settings = ctx.settings;
  const tokens = templateTokens(prompt, model, {
    defaultTokens: settings.placeholderTokens,
    sizes: settings.placeholderSizes,
    factors: settings.estimateFactors,
  });
  const outputTokens = prompt.maxOutputTokens ?? settings.expectedOutputTokens;
  const price = ctx.prices.resolve(model);
  const cost = price ? callCost(price, tokens.typicalTokens, outputTokens) : null;
  const contextWindow = price?.contextWindow ?? null;
  return {
    model,
    priceId: price?.id ?? null,
    encoding: encodingForModel(model),
    exact: tokens.exact,
    inputTokens: tokens.typicalTokens,
    staticTokens: tokens.staticTokens,
    inputCost: cost?.inputCost ?? null,
    outputTokens,
    outputCost: cost?.outputCost ?? null,
    costPerCall: cost?.total ?? null,
    cachedCostPerCall: cost && cost.cachedInputCost !== null ? cost.cachedInputCost + cost.outputCost : null,
    batchCostPerCall: cost?.batchTotal ?? null,
    contextWindow,
    contextShare: contextWindow ? tokens.typicalTokens / contextWindow : null,
    tier: cost?.tier ?? null,
    placeholders: tokens.placeholders,
  };
}

export function estimatePrompt(prompt: FoundPrompt, ctx: EstimateContext): ModelEstimate[] {
  return modelsForPrompt(prompt, ctx).map((model) => estimateForModel(prompt, model, ctx));
}
