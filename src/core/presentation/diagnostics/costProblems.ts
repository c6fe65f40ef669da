/**
 * The rules behind the editor's diagnostics: a prompt whose cost per call is above the per-request limit,
 * or whose typical input does not fit the model's context window. Both are
 * judged on the primary model (the one the code calls).
 */
import { formatTokenCount } from '../../estimate/tokenLabel';
import { formatUsd } from '../../pricing/formatUsd';
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';

export type CostProblemKind = 'perRequestLimit' | 'contextWindow';

export interface CostProblem {
  kind: CostProblemKind;
  model: string;
  message: string;
}

export function costProblems(analysis: PromptAnalysis, perRequestLimit: number): CostProblem[] {
  const { primary } = analysis;
  const problems: CostProblem[] = [];
  if (primary.costPerCall !== null && primary.costPerCall > perRequestLimit) {
    problems.push({
      kind: 'perRequestLimit',
      model: primary.model,
      message: `Estimated ${formatUsd(primary.costPerCall)} per call with ${primary.model}, above the per-request limit of ${formatUsd(perRequestLimit)} (promptCost.perRequestLimit).`,
    });
  }
  // The catalogue's window is the maximum *input* (LiteLLM `max_input_tokens`), so only input counts here.
  if (primary.contextWindow !== null && primary.inputTokens > primary.contextWindow) {
    problems.push({
      kind: 'contextWindow',
      model: primary.model,
      message: `A typical request (${formatTokenCount(primary.inputTokens)} input tokens) does not fit ${primary.model}'s context window of ${formatTokenCount(primary.contextWindow)} input tokens.`,
    });
  }
  return problems;
}
