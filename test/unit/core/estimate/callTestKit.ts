/** Runs real source through the finders, the estimator and the call assembly, as the pipeline does; and hand-count helpers. */
import * as assert from 'assert';
import { getEncoding } from 'js-tiktoken';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings } from '../../../../src/core/config/engineSettings';
import { createEstimateContext } from '../../../../src/core/estimate/estimateContext';
import { analyzeCalls, type CallAnalysis } from '../../../../src/core/pipeline/callAnalysis';
import { EstimateCache } from '../../../../src/core/pipeline/estimateCache';
import { analyzePrompt, type PromptAnalysis } from '../../../../src/core/pipeline/promptAnalysis';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';

const o200k = getEncoding('o200k_base');
/** Exact o200k tokens (the OpenAI models' own tokenizer), from js-tiktoken: an oracle independent of the engine's counter. */
export const count = (text: string): number => o200k.encode(text, [], []).length;
/** USD from tokens × USD per 1M. */
export const usd = (...terms: [number, number][]): number => terms.reduce((sum, [tokens, rate]) => sum + tokens * rate, 0) / 1e6;

export async function analyze(source: string, file: string, overrides: Partial<EngineSettings> = {}): Promise<{ prompts: PromptAnalysis[]; calls: CallAnalysis[] }> {
  const settings = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, overrides).settings;
  const ctx = createEstimateContext(settings);
  const cache = new EstimateCache();
  const prompts = (await findPrompts(source, file)).map((p) => analyzePrompt(p, ctx, cache));
  return { prompts, calls: analyzeCalls(prompts, ctx, cache) };
}

export function near(actual: number | null | undefined, expected: number, what: string): void {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} ≠ ${expected}`);
}
