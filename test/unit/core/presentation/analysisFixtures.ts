/** Prompts, estimates and estimate contexts built by hand for the presentation tests (lens, hover, rows, diagnostics, report). */
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings } from '../../../../src/core/config/engineSettings';
import { createEstimateContext } from '../../../../src/core/estimate/estimateContext';
import type { ModelEstimate } from '../../../../src/core/estimate/estimatePrompt';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';

export function prompt(text: string, extra: Partial<FoundPrompt> = {}): FoundPrompt {
  return { startLine: 3, endLine: 3, startOffset: 10, endOffset: 10 + text.length, language: 'python', kind: 'literal', text, placeholders: [], model: null, maxOutputTokens: null, evidence: 'call', ...extra };
}

export function estimate(model: string, costPerCall: number | null): ModelEstimate {
  return { model, priceId: model, encoding: null, exact: true, inputTokens: 100, staticTokens: 100, inputCost: null, outputTokens: 10, outputCost: null, costPerCall, cachedCostPerCall: null, batchCostPerCall: null, contextWindow: null, contextShare: null, tier: null, placeholders: [] };
}

export const ctxWith = (overrides: object) => createEstimateContext(mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, overrides).settings);
