/** What the compare quick pick shows per model: tokens, $/call, $/1k calls and the context-window share. */
import type { ModelEstimate } from '../../estimate/estimatePrompt';
import { formatTokenCount } from '../../estimate/tokenLabel';
import { formatUsd } from '../../pricing/formatUsd';
import { estimateTokenLabel, perCallLabel, LENS_SEPARATOR } from '../lens/lensTitle';

export interface ModelRow {
  model: string;
  /** Model id. */
  label: string;
  /** Token figure (`≈ 312 tokens`, `118 tokens + 3 vars (~430)`). */
  description: string;
  /** `$0.0021/call · $2.10/1k calls · 0.2 % of 128K context`. */
  detail: string;
}

export function modelRow(estimate: ModelEstimate, variables: number): ModelRow {
  const perThousand = estimate.costPerCall === null ? null : estimate.costPerCall * 1000;
  const detail = [perCallLabel(estimate), perThousand === null ? null : `${formatUsd(perThousand)}/1k calls`, contextShareLabel(estimate)]
    .filter((part): part is string => part !== null)
    .join(LENS_SEPARATOR);
  return { model: estimate.model, label: estimate.model, description: estimateTokenLabel(estimate, variables), detail };
}

/** `0.2 % of 128K context`, `< 0.1 % of 1M context`, or null when the window is unknown. */
export function contextShareLabel(estimate: ModelEstimate): string | null {
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
