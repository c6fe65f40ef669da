/**
 * The rules behind the editor's diagnostics, one set per call, judged on its primary model (the one the
 * code calls, else the user's default):
 * - `perRequestLimit`: the call's typical cost is above the per-request limit (the configured severity);
 * - `maxOverLimit`: typical is within the limit but a response that reaches the output cap is not (information);
 * - `contextWindow`: the call's whole input (parts, framing, tools, schema) does not fit the model's window.
 */
import type { CallEstimate } from '../../estimate/estimateCall';
import { formatTokenCount } from '../../estimate/tokenLabel';
import type { CallAnalysis } from '../../pipeline/callAnalysis';
import { formatUsd } from '../../pricing/formatUsd';
import { formatCostRange } from '../call/callFigures';
import { callModelLabel } from '../lens/callLensTitle';

export type CostProblemKind = 'perRequestLimit' | 'maxOverLimit' | 'contextWindow';

export interface CostProblem {
  kind: CostProblemKind;
  model: string;
  /** `configured`: the severity of promptCost.diagnostics.severity; `information`: a softer note (never louder than configured). */
  level: 'configured' | 'information';
  message: string;
}

/** The amount over a limit, with as many digits as it takes not to read as the limit itself ($0.0103, not $0.01). */
function aboveLimit(amount: number, limit: number): string {
  const shown = formatUsd(amount);
  return shown !== formatUsd(limit) ? shown : `$${Number(amount.toPrecision(4))}`;
}

export function costProblems(analysis: Pick<CallAnalysis, 'call' | 'primary' | 'modelAssumed'>, perRequestLimit: number): CostProblem[] {
  const { primary, call } = analysis;
  const model = callModelLabel(analysis);
  const limit = `the per-request limit of ${formatUsd(perRequestLimit)} (promptCost.perRequestLimit)`;
  const problems: CostProblem[] = [];
  const range = formatCostRange(primary.costPerCall, primary.maxCostPerCall);
  if (primary.costPerCall !== null && primary.costPerCall > perRequestLimit) {
    problems.push({
      kind: 'perRequestLimit',
      model: primary.model,
      level: 'configured',
      message: primary.maxCostPerCall === null || range === formatUsd(primary.costPerCall)
        ? `Estimated ${range} per call with ${model}, above ${limit}.`
        : `Estimated ${range} per call with ${model} (typical–max): the typical ${aboveLimit(primary.costPerCall, perRequestLimit)} is above ${limit}.`,
    });
  } else if (primary.costPerCall !== null && primary.maxCostPerCall !== null && primary.maxCostPerCall > perRequestLimit) {
    problems.push({
      kind: 'maxOverLimit',
      model: primary.model,
      level: 'information',
      message: `Estimated ${range} per call with ${model} (typical–max): typical is within ${limit}, but a response that reaches ${capLabel(primary, call.maxOutputTokens !== null)} would cost ${formatUsd(primary.maxCostPerCall)}.`,
    });
  }
  // The catalogue's window is the maximum *input* (LiteLLM `max_input_tokens`), so only input counts here.
  if (primary.contextWindow !== null && primary.inputTokens > primary.contextWindow) {
    problems.push({
      kind: 'contextWindow',
      model: primary.model,
      level: 'configured',
      message: `This call's input (${primary.exact ? '' : '≈ '}${formatTokenCount(primary.inputTokens)} tokens with framing, tools and schema) does not fit ${model}'s context window of ${formatTokenCount(primary.contextWindow)} input tokens.`,
    });
  }
  return problems;
}

/** `its output cap of 4,000 tokens` (the call's), `the model's maximum output of 16,384 tokens`. */
function capLabel(primary: CallEstimate, fromCode: boolean): string {
  const cap = formatTokenCount(primary.outputTokens.max ?? 0);
  return fromCode ? `its output cap of ${cap} tokens` : `the model's maximum output of ${cap} tokens`;
}
