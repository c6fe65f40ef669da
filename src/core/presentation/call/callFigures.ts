/**
 * How a call's figures are written everywhere (CodeLens, hover, CLI table, SARIF): a cost as a typical–max
 * range, tokens as "in + out", reasoning as "+ ~4k reasoning". "≈" marks a count that is not exact.
 */
import { formatTokenCount } from '../../estimate/tokenLabel';
import type { CallEstimate, TokenRange } from '../../estimate/estimateCall';
import { formatUsd } from '../../pricing/formatUsd';

/** `$0.0032–0.0066`, `$0.0032` when there is no cap (or it changes nothing), `no price`. */
export function formatCostRange(typical: number | null, max: number | null): string {
  if (typical === null) return formatUsd(null);
  if (max === null || formatUsd(max) === formatUsd(typical)) return formatUsd(typical);
  return `${formatUsd(typical)}–${formatUsd(max).replace(/^\$/, '')}`;
}

/** `256–600 out`, `256 out`. */
export function formatOutputRange(output: TokenRange): string {
  if (output.max === null || output.max === output.typical) return `${formatTokenCount(output.typical)} out`;
  return `${formatTokenCount(output.typical)}–${formatCompactTokens(output.max)} out`;
}

/** 4,000 → `4k`, 12,500 → `12.5k`, 800 → `800`, 1,000,000 → `1M`. */
export function formatCompactTokens(n: number): string {
  if (n >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (n >= 1_000) return `${trim(n / 1_000)}k`;
  return formatTokenCount(n);
}

function trim(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** `252 in + 256–600 out + ~4k reasoning`, with `≈ ` when the input count is not exact. */
export function callTokensLabel(e: { exact: boolean; inputTokens: number; outputTokens: TokenRange; reasoningTokens: { typical: number } | null }): string {
  const reasoning = e.reasoningTokens ? ` + ~${formatCompactTokens(e.reasoningTokens.typical)} reasoning` : '';
  return `${e.exact ? '' : '≈ '}${formatTokenCount(e.inputTokens)} in + ${formatOutputRange(e.outputTokens)}${reasoning}`;
}

/** `$0.0032–0.0066/call`. */
export function callCostLabel(e: Pick<CallEstimate, 'costPerCall' | 'maxCostPerCall'>): string {
  const range = formatCostRange(e.costPerCall, e.maxCostPerCall);
  return e.costPerCall === null ? range : `${range}/call`;
}
