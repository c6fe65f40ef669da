/** The cost diff as a Markdown table for a pull-request comment: one row per LLM call. */
import { formatUsd } from '../pricing/formatUsd';
import type { CostDiff, CostDiffRow, CostDiffSide } from './costDiff';
import { billingLines, formatPercent, markdownTable } from './markdownTable';
import { describeEntry } from './usageMatch';
import { callLabel } from './workspaceMarkdown';

/** +$1.50 / -$0.0021 / $0.00; null → "no price". */
export function formatSignedUsd(amount: number | null): string {
  if (amount === null) return 'no price';
  if (amount > 0) return `+${formatUsd(amount)}`;
  if (amount < 0) return `-${formatUsd(-amount)}`;
  return formatUsd(0);
}

export interface CostDiffMarkdownOptions {
  /** Also list calls whose cost did not change. */
  showUnchanged?: boolean;
  /** Shown in the heading, e.g. `main`. */
  baseLabel?: string;
}

export function costDiffToMarkdown(diff: CostDiff, options: CostDiffMarkdownOptions = {}): string {
  const shown = diff.rows.filter((r) => options.showUnchanged || r.status !== 'unchanged');
  const hidden = diff.rows.length - shown.length;
  const t = diff.totals;
  const out: string[] = [
    `### Prompt cost change${options.baseLabel ? ` vs \`${options.baseLabel}\`` : ''} (per month, profile: ${diff.profile})`,
    '',
    `Monthly cost: ${formatUsd(t.before)} → ${formatUsd(t.after)} (**${formatSignedUsd(t.delta)}**, ${formatPercent(t.deltaShare, true)}).`,
    '',
  ];
  const rows = shown.map((r) => [
    `${callLabel({ file: r.file, startLine: r.line, name: r.name })}${r.status === 'added' ? ' — added' : r.status === 'removed' ? ' — removed' : ''}`,
    modelCell(r),
    sideCell(r.before),
    sideCell(r.after),
    formatSignedUsd(r.delta),
    formatPercent(r.deltaShare, true),
  ]);
  rows.push(['**Total**', '', `**${formatUsd(t.before)}**`, `**${formatUsd(t.after)}**`, `**${formatSignedUsd(t.delta)}**`, `**${formatPercent(t.deltaShare, true)}**`]);
  out.push(markdownTable(['Call', 'Model', 'Before', 'After', 'Δ/month', 'Δ %'], rows, ['left', 'left', 'right', 'right', 'right', 'right']));

  const notes: string[] = [];
  if (hidden) notes.push(`${hidden} call${hidden === 1 ? '' : 's'} with unchanged cost not shown`);
  if (diff.unpricedRows) notes.push(`${diff.unpricedRows} call${diff.unpricedRows === 1 ? '' : 's'} without a price left out of the totals`);
  if (diff.withoutUsage) notes.push(`${diff.withoutUsage} call${diff.withoutUsage === 1 ? '' : 's'} without usage data (not costed)`);
  for (const entry of diff.unmatchedEntries) notes.push(`${describeEntry(entry)} matches no call`);
  const sides = shown.flatMap((r) => [r.after, r.before]).filter((side): side is CostDiffSide => side !== null);
  notes.push(...new Set(sides.flatMap((side) => side.notes)), ...billingLines(sides));
  if (notes.length) out.push('', ...notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}

function modelCell(r: CostDiffRow): string {
  const before = r.before?.model;
  const after = r.after?.model;
  if (before && after && before !== after) return `${before} → ${after}`;
  return after ?? before ?? '';
}

function sideCell(s: CostDiffSide | null): string {
  return s === null ? '—' : formatUsd(s.monthlyCost);
}
