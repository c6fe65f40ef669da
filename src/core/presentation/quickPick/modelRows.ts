/**
 * What the compare quick pick shows for one call: a title naming the call, and per model the cost of the
 * call (typical–max), its tokens, $/1k calls and the context-window share; the call's own model marked.
 */
import type { CallEstimate } from '../../estimate/estimateCall';
import { formatTokenCount } from '../../estimate/tokenLabel';
import type { CallAnalysis } from '../../pipeline/callAnalysis';
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';
import { formatUsd } from '../../pricing/formatUsd';
import { callCostLabel, callTokensLabel } from '../call/callFigures';
import { LENS_SEPARATOR } from '../lens/lensTitle';

export interface ModelRow {
  model: string;
  /** Model id; `gpt-4o (current)` for the model the code calls, `gpt-4o (default)` when the code names none. */
  label: string;
  /** Token figure of the whole call (`252 in + 256–600 out + ~1k reasoning`). */
  description: string;
  /** `$0.0032–0.0066/call · $3.20/1k calls · 0.2 % of 128K context`. */
  detail: string;
  /** The model the call's figures are for (the lens's model). */
  current: boolean;
}

/** One row per model, the call's own model (or the default standing in for it) marked. */
export function callModelRows(analysis: Pick<CallAnalysis, 'estimates' | 'primary' | 'modelAssumed'>): ModelRow[] {
  return analysis.estimates.map((e) => modelRow(e, e === analysis.primary ? (analysis.modelAssumed ? 'default' : 'current') : null));
}

export function modelRow(estimate: CallEstimate, mark: 'current' | 'default' | null): ModelRow {
  const perThousand = estimate.costPerCall === null ? null : estimate.costPerCall * 1000;
  const detail = [callCostLabel(estimate), perThousand === null ? null : `${formatUsd(perThousand)}/1k calls`, contextShareLabel(estimate)]
    .filter((part): part is string => part !== null)
    .join(LENS_SEPARATOR);
  const label = mark ? `${estimate.model} (${mark})` : estimate.model;
  return { model: estimate.model, label, description: callTokensLabel(estimate), detail, current: mark !== null };
}

/**
 * `Prompt Cost: call at line 43 (gpt-4o)`, `… (gpt-4o, default)` when the code names no model; a prompt no
 * call is seen to send: `Prompt Cost: SYSTEM at line 12 (gpt-4o, default)`.
 */
export function callPickTitle(analysis: Pick<CallAnalysis, 'call' | 'parts' | 'primary' | 'modelAssumed'>, prompts: readonly Pick<PromptAnalysis, 'prompt'>[]): string {
  const { call } = analysis;
  const name = call.implied && analysis.parts.length === 1 ? prompts[analysis.parts[0].index]?.prompt.name : undefined;
  const what = call.implied ? (name ?? 'prompt') : 'call';
  const model = analysis.modelAssumed ? `${analysis.primary.model}, default` : analysis.primary.model;
  return `Prompt Cost: ${what} at line ${call.startLine} (${model})`;
}

/** `0.2 % of 128K context`, `< 0.1 % of 1M context`, or null when the window is unknown. */
export function contextShareLabel(estimate: Pick<CallEstimate, 'contextShare' | 'contextWindow'>): string | null {
  if (estimate.contextShare === null || estimate.contextWindow === null) return null;
  const percent = estimate.contextShare * 100;
  const share = percent > 0 && percent < 0.1 ? '< 0.1' : percent.toFixed(percent >= 10 ? 0 : 1);
  return `${share} % of ${compactTokens(estimate.contextWindow)} context`;
}

/** 128000 → `128K`, 1048576 → `1M`, 200000 → `200K`, 8192 → `8,192`. */
export function compactTokens(tokens: number): string {
  if (tokens >= 1_000_000 && tokens % 1000 !== 0) return `${(tokens / 1_048_576).toFixed(tokens % 1_048_576 === 0 ? 0 : 1)}M`;
  if (tokens >= 1_000_000) return `${+(tokens / 1_000_000).toFixed(1)}M`;
  if (tokens >= 10_000 && tokens % 1000 === 0) return `${tokens / 1000}K`;
  if (tokens >= 10_000 && tokens % 1024 === 0) return `${tokens / 1024}K`;
  return formatTokenCount(tokens);
}
