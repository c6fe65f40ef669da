/**
 * The CodeLens line above a prompt:
 *   `≈ 312 tokens · $0.0021/call · gpt-4o`
 *   `118 tokens + 3 vars (~430) · $0.0031/call · gpt-4o · gpt-4o-mini $0.0002 (−93 %)`
 */
import type { ModelEstimate } from '../../estimate/estimatePrompt';
import { tokenLabel } from '../../estimate/tokenLabel';
import { formatUsd } from '../../pricing/formatUsd';
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';

export const LENS_SEPARATOR = ' · ';

/** `$0.0021/call`, or `no price`. */
export function perCallLabel(estimate: ModelEstimate): string {
  return estimate.costPerCall === null ? 'no price' : `${formatUsd(estimate.costPerCall)}/call`;
}

export function estimateTokenLabel(estimate: ModelEstimate, variables: number): string {
  return tokenLabel({ exact: estimate.exact, inputTokens: estimate.inputTokens, staticTokens: estimate.staticTokens, variables });
}

export function lensTitle(analysis: PromptAnalysis): string {
  const { primary, cheapest, variables } = analysis;
  const parts = [estimateTokenLabel(primary, variables), perCallLabel(primary), primary.model];
  if (cheapest) {
    const change = cheapest.change === null ? '' : ` (${formatChange(cheapest.change)})`;
    parts.push(`${cheapest.estimate.model} ${formatUsd(cheapest.estimate.costPerCall)}${change}`);
  }
  return parts.join(LENS_SEPARATOR);
}

/** `−93 %`, `+12 %`, `−0.4 %` (one decimal under 1 %); U+2212 minus and a space before %, as in the lens. */
export function formatChange(change: number): string {
  const percent = change * 100;
  const size = Math.abs(percent);
  const digits = size > 0 && size < 1 ? 1 : 0;
  const text = size.toFixed(digits);
  if (Number(text) === 0) return '0 %';
  return `${percent < 0 ? '\u2212' : '+'}${text} %`;
}
