/** Real source through the finders, estimates and call assembly, as the pipeline runs them, for exact-count tests. */
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings } from '../../../../src/core/config/engineSettings';
import { createEstimateContext } from '../../../../src/core/estimate/estimateContext';
import type { ExactCountsInput } from '../../../../src/core/exactCounts/countProviders';
import { callPayload, type CallPayload, type PayloadSources } from '../../../../src/core/exactCounts/callPayload';
import { analyzeCalls, type CallAnalysis } from '../../../../src/core/pipeline/callAnalysis';
import { EstimateCache } from '../../../../src/core/pipeline/estimateCache';
import { analyzePrompt, type PromptAnalysis } from '../../../../src/core/pipeline/promptAnalysis';
import { assembleCalls } from '../../../../src/core/prompts/assembleCalls';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';

export interface Analyzed {
  prompts: PromptAnalysis[];
  calls: CallAnalysis[];
  /** The payload of call `i` for its own model, as the provider would receive it. */
  payload(i: number): CallPayload;
}

export async function analyzeSource(source: string, file: string, exactCounts: ExactCountsInput | null = null, overrides: Partial<EngineSettings> = {}): Promise<Analyzed> {
  const settings = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, overrides).settings;
  const ctx = createEstimateContext(settings);
  const cache = new EstimateCache();
  const found = await findPrompts(source, file);
  const prompts = found.map((p) => analyzePrompt(p, ctx, cache));
  const calls = analyzeCalls(prompts, ctx, cache, null, exactCounts);
  const assembled = assembleCalls(found);
  return {
    prompts,
    calls,
    payload(i) {
      const model = calls[i].estimates[0].model;
      const sources: PayloadSources = {
        prompt: (index) => prompts[index].prompt,
        estimate: (index) => prompts[index].estimates.find((e) => e.model === model) ?? cache.estimateForModel(prompts[index].prompt, model, ctx),
        placeholderTokens: settings.placeholderTokens,
        placeholderSizes: settings.placeholderSizes,
      };
      return callPayload(assembled[i], calls[i].estimates[0], sources);
    },
  };
}
