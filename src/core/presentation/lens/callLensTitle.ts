/**
 * The CodeLens lines of a call and of its parts:
 *   on the call:  `$0.0032–0.0066/call · 252 in + 256–600 out · gpt-4o · gpt-4o-mini $0.0002 (−94 %)`
 *                 (`+ ~4k reasoning` when the model reasons; `gpt-4o (default)` when the code names no model)
 *   on a part:    `67 tokens · 27 % of the call at line 43`, or `· in 3 calls`; never a cost of its own.
 */
import { formatTokenCount } from '../../estimate/tokenLabel';
import type { CallAnalysis } from '../../pipeline/callAnalysis';
import { formatUsd } from '../../pricing/formatUsd';
import { callCostLabel, callTokensLabel } from '../call/callFigures';
import { formatChange, LENS_SEPARATOR } from './lensTitle';

/** `gpt-4o`, or `gpt-4o (default)` when the model comes from the user's defaults, not the code. */
export function callModelLabel(analysis: Pick<CallAnalysis, 'primary' | 'modelAssumed'>): string {
  return analysis.modelAssumed ? `${analysis.primary.model} (default)` : analysis.primary.model;
}

export function callLensTitle(analysis: CallAnalysis): string {
  const { primary, cheapest } = analysis;
  const parts = [callCostLabel(primary), callTokensLabel(primary), callModelLabel(analysis)];
  if (cheapest) {
    const change = cheapest.change === null ? '' : ` (${formatChange(cheapest.change)})`;
    parts.push(`${cheapest.estimate.model} ${formatUsd(cheapest.estimate.costPerCall)}${change}`);
  }
  return parts.join(LENS_SEPARATOR);
}

/** The lens of one part: its size and share of the call (the first call it reaches), or how many calls share it. */
export function partLensTitle(part: { tokens: number; exact: boolean; variables: number }, calls: readonly Pick<CallAnalysis, 'call' | 'primary'>[]): string {
  const size = `${part.exact ? '' : '≈ '}${formatTokenCount(part.tokens)} tokens${part.variables ? ` incl. ${part.variables} var${part.variables === 1 ? '' : 's'}` : ''}`;
  if (calls.length > 1) return `${size}${LENS_SEPARATOR}in ${calls.length} calls`;
  const call = calls[0];
  if (!call) return size;
  const share = call.primary.inputTokens > 0 ? Math.round((100 * part.tokens) / call.primary.inputTokens) : 0;
  return `${size}${LENS_SEPARATOR}${share} % of the call at line ${call.call.startLine}`;
}
