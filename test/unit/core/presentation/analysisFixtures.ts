/** Prompts, calls, estimates and estimate contexts built by hand for the presentation tests (lens, hover, rows, diagnostics, report). */
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings } from '../../../../src/core/config/engineSettings';
import { createEstimateContext } from '../../../../src/core/estimate/estimateContext';
import type { ModelEstimate } from '../../../../src/core/estimate/estimatePrompt';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';
import { cheapestAlternative } from '../../../../src/core/estimate/cheapestAlternative';
import type { CallEstimate } from '../../../../src/core/estimate/estimateCall';
import type { CallAnalysis, CallPartAnalysis } from '../../../../src/core/pipeline/callAnalysis';
import type { PromptAnalysis } from '../../../../src/core/pipeline/promptAnalysis';
import { emptyCall, type LlmCall } from '../../../../src/core/prompts/llmCall';

export function prompt(text: string, extra: Partial<FoundPrompt> = {}): FoundPrompt {
  return { startLine: 3, endLine: 3, startOffset: 10, endOffset: 10 + text.length, language: 'python', kind: 'literal', text, placeholders: [], model: null, maxOutputTokens: null, evidence: 'call', ...extra };
}

export function estimate(model: string, costPerCall: number | null): ModelEstimate {
  return { model, priceId: model, encoding: null, exact: true, inputTokens: 100, staticTokens: 100, inputCost: null, outputTokens: 10, outputCost: null, costPerCall, cachedCostPerCall: null, batchCostPerCall: null, contextWindow: null, contextShare: null, tier: null, placeholders: [] };
}

export const ctxWith = (overrides: object) => createEstimateContext(mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, overrides).settings);

/** A call's estimate for one model: 100 input tokens, all of them message content, 256 output tokens, no cap, no reasoning. */
export function callEstimate(model: string, extra: Partial<CallEstimate> = {}): CallEstimate {
  return {
    model, priceId: model, encoding: null, exact: true, counting: { kind: 'encoding', name: 'o200k_base' },
    inputTokens: 100, partTokens: 100, overheadTokens: 0, toolTokens: 0, schemaTokens: 0, messages: 1,
    outputTokens: { typical: 256, max: null }, reasoningTokens: null,
    costPerCall: 0.001, maxCostPerCall: null, inputCost: null, cachedCostPerCall: null, batchCostPerCall: null, flexCostPerCall: null, billing: [], priceVia: null,
    contextWindow: null, contextShare: null, tier: null, assumed: [],
    ...extra,
  };
}

/** A chat call at lines 43–52 (offsets 560–900) naming no model, with nothing else known. */
export function llmCall(extra: Partial<LlmCall> = {}): LlmCall {
  return { ...emptyCall({ startLine: 43, endLine: 52, startOffset: 560, endOffset: 900 }, false), api: 'chat', ...extra };
}

/** A call analysis from its estimates (the first is the primary; the cheapest is computed as the pipeline does). */
export function callAnalysis(estimates: CallEstimate[], parts: CallPartAnalysis[], call: Partial<LlmCall> = {}): CallAnalysis {
  const [primary, ...others] = estimates;
  const assembled = llmCall(call);
  return { call: assembled, parts, estimates, primary, cheapest: cheapestAlternative(primary, others), modelAssumed: assembled.model === null, monthly: null };
}

/** A prompt analysis whose estimates are given by hand. */
export function promptAnalysis(found: FoundPrompt, estimates: ModelEstimate[]): PromptAnalysis {
  return { prompt: found, estimates, primary: estimates[0], cheapest: null, variables: 0 };
}
