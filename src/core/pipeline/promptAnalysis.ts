/**
 * One prompt with its estimates for every model compared: a part of one or more calls (`callAnalysis.ts`),
 * which carry the cost. Its own estimates give its size per model, and what Compress and Estimate
 * Selection show for text alone.
 */
import type { EstimateContext, ModelEstimate } from '../estimate/estimatePrompt';
import type { FoundPrompt } from '../prompts/prompt';
import { cheapestAlternative, type Alternative } from '../estimate/cheapestAlternative';
import type { EstimateCache } from './estimateCache';

export interface PromptAnalysis {
  prompt: FoundPrompt;
  /** The model the code calls (else the first default model) first, then the compared ones. */
  estimates: ModelEstimate[];
  primary: ModelEstimate;
  cheapest: Alternative | null;
  /** Distinct value placeholders (control blocks such as `{% if %}` excluded). */
  variables: number;
}

export function analyzePrompt(prompt: FoundPrompt, ctx: EstimateContext, cache: EstimateCache): PromptAnalysis {
  const estimates = cache.estimatePrompt(prompt, ctx);
  const [primary, ...others] = estimates;
  return { prompt, estimates, primary, cheapest: cheapestAlternative(primary, others), variables: variableCount(primary) };
}

/** Distinct names of the placeholders that hold values (control syntax carries no content). */
export function variableCount(estimate: ModelEstimate): number {
  return new Set(estimate.placeholders.filter((p) => p.source !== 'control').map((p) => p.name)).size;
}
