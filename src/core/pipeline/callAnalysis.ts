/**
 * One LLM call with its estimates for every model compared: the unit the call lens, the hover's anatomy,
 * the diagnostics, the reports and the CLI's rows price. Its parts are the document's prompt analyses.
 */
import { cheapestAlternative, type Alternative } from '../estimate/cheapestAlternative';
import { estimateCall, fillTarget, modelsForCall, priceCallInput, writesPlaceholder, type CallEstimate, type PartTokens } from '../estimate/estimateCall';
import type { ExactCountsInput, ProviderCountRequest } from '../exactCounts/countProviders';
import { withProviderCount } from '../exactCounts/providerCountedCall';
import type { EstimateContext, ModelEstimate } from '../estimate/estimatePrompt';
import { assembleCalls } from '../prompts/assembleCalls';
import type { LlmCall } from '../prompts/llmCall';
import type { FindingMonthlyCost } from '../simulate/findingMonthlyCost';
import { expectedOutputs, type DocumentUsage } from './documentUsage';
import type { EstimateCache } from './estimateCache';
import type { PromptAnalysis } from './promptAnalysis';

export interface CallPartAnalysis {
  /** Index into the document's prompt analyses. */
  index: number;
  slot: string;
  /** Tokens of this part for the call's own model (a filled placeholder not counted twice). */
  tokens: number;
  /** Its share of the call's typical input (0–1). */
  share: number;
}

export interface CallAnalysis {
  call: LlmCall;
  parts: CallPartAnalysis[];
  /** The call's own model (else the first default) first, then the compared ones. */
  estimates: CallEstimate[];
  primary: CallEstimate;
  cheapest: Alternative<CallEstimate> | null;
  /** The code names no model: the figure is for the user's default model. */
  modelAssumed: boolean;
  /** $/month from the usage file, or null when no usage entry gives the call a volume. */
  monthly: FindingMonthlyCost | null;
  /**
   * Provider counts that would make the call's own estimate exact (exact counts turned on, not known yet):
   * the face sends them, off the typing path, and analyses again with the answers. Absent when none.
   */
  countRequests?: ProviderCountRequest[];
}

/**
 * `usage`: the document's usage section, whose entries may set a call site's typical output (`outputTokens`).
 * `exactCounts`: the providers whose counts the user turned on and the counts already known; a call on
 * such a provider's model gets its exact input when known, else a request in `countRequests`.
 */
export function analyzeCalls(analyses: readonly PromptAnalysis[], ctx: EstimateContext, cache: EstimateCache, usage?: DocumentUsage | null, exactCounts?: ExactCountsInput | null): CallAnalysis[] {
  const prompts = analyses.map((a) => a.prompt);
  const assembledCalls = assembleCalls(prompts);
  const outputs = usage ? expectedOutputs(assembledCalls, prompts, usage) : [];
  return assembledCalls.map((assembled, callIndex) => {
    const partTokens = (model: string) => (index: number): PartTokens => {
      const analysis = analyses[index];
      const estimate = analysis.estimates.find((e) => e.model === model) ?? cache.estimateForModel(analysis.prompt, model, ctx);
      return partTokensOf(estimate);
    };
    const expected = outputs[callIndex] ?? undefined;
    const estimates = modelsForCall(assembled.call, ctx).map((model) => estimateCall(assembled, model, partTokens(model), ctx, expected));
    // Only the call's own model is asked about: a provider gets the prompts of the calls that go to it.
    let countRequests: ProviderCountRequest[] = [];
    if (exactCounts && exactCounts.providers.length > 0) {
      const model = estimates[0].model;
      const sources = {
        prompt: (index: number) => analyses[index].prompt,
        estimate: (index: number) => analyses[index].estimates.find((e) => e.model === model) ?? cache.estimateForModel(analyses[index].prompt, model, ctx),
        placeholderTokens: ctx.settings.placeholderTokens,
        placeholderSizes: ctx.settings.placeholderSizes,
      };
      const counted = withProviderCount(assembled, estimates[0], sources, exactCounts, (tokens) => priceCallInput(assembled.call, model, tokens, ctx, expected));
      estimates[0] = counted.estimate;
      if (counted.pending) countRequests = [counted.pending];
    }
    const [primary, ...others] = estimates;
    const own = partTokens(primary.model);
    const tokens = assembled.parts.map((part) => own(part.index).tokens);
    for (const filler of assembled.parts) {
      const target = fillTarget(assembled.parts, filler);
      if (target >= 0 && filler.fills) tokens[target] = Math.max(0, tokens[target] - own(filler.fills.index).placeholderTokens(filler.fills.placeholder));
    }
    const parts = assembled.parts.map((part, i) => ({ index: part.index, slot: part.slot, tokens: tokens[i], share: primary.inputTokens > 0 ? tokens[i] / primary.inputTokens : 0 }));
    const analysis: CallAnalysis = { call: assembled.call, parts, estimates, primary, cheapest: cheapestAlternative(primary, others), modelAssumed: assembled.call.model === null, monthly: null };
    if (countRequests.length > 0) analysis.countRequests = countRequests;
    return analysis;
  });
}

function partTokensOf(estimate: ModelEstimate): PartTokens {
  return {
    tokens: estimate.inputTokens,
    exact: estimate.exact,
    placeholderTokens: (name) => (estimate.placeholders.find((p) => p.name === name) ?? estimate.placeholders.find((p) => writesPlaceholder(p.raw, name)))?.tokens ?? 0,
    assumed: estimate.placeholders.filter((p) => p.source === 'default').map((p) => p.raw),
  };
}
