/** Markdown report of a workspace simulation: one row per costed LLM call, totals, alternatives, budget. */
import { formatUsd } from '../pricing/formatUsd';
import { billingLines, formatCount, formatPercent, markdownTable } from './markdownTable';
import type { WorkspaceSimulation } from './workspaceSimulation';
import { describeEntry } from './usageMatch';

/** `app/bot.py:8 (SYSTEM_PROMPT)`: the call's line, and the name of its first named prompt. */
export function callLabel(p: { file: string; startLine: number; name?: string }): string {
  return `${p.file}:${p.startLine}${p.name ? ` (${p.name})` : ''}`;
}

export function workspaceToMarkdown(ws: WorkspaceSimulation): string {
  const out: string[] = [`### Monthly cost by call (profile: ${ws.profile})`, ''];
  const months = ws.projectionMonths;
  const rows = ws.calls.map((p) => [
    callLabel(p),
    p.model,
    formatCount(p.inputs.requestsPerDay),
    `${formatCount(p.inputs.inputTokens)} / ${formatCount(p.inputs.outputTokens)}`,
    formatUsd(p.cost.monthlyCost),
    formatUsd(p.cost.projectionTotal),
  ]);
  const unpricedNote = ws.total.unpriced ? ` (+${ws.total.unpriced} without price)` : '';
  rows.push(['**Total**', '', '', '', `**${formatUsd(ws.total.monthlyCost)}**${unpricedNote}`, `**${formatUsd(ws.total.projectionTotal)}**`]);
  out.push(markdownTable(['Call', 'Model', 'Requests/day', 'Tokens in / out', '$/month', `${months}-month total`], rows, ['left', 'left', 'right', 'right', 'right', 'right']));

  if (months > 0 && ws.calls.length) {
    out.push('', `Projection: ${ws.total.months.map((m, k) => `M${k + 1} ${formatUsd(m)}`).join(', ')}.`);
  }
  if (ws.monthlyBudget !== null) {
    const over = ws.firstMonthOverBudget;
    out.push(
      '',
      `Budget: ${formatUsd(ws.monthlyBudget)}/month — month 1 uses ${formatPercent(ws.budgetShare)}` +
        (over === null ? `, within budget for all ${months} months.` : over === 1 ? ', **over budget**.' : `, **over budget from month ${over}**.`),
    );
  }
  if (ws.alternatives.length > 1 || (ws.alternatives.length === 1 && ws.calls.some((p) => p.model !== ws.alternatives[0].model))) {
    out.push('', markdownTable(
      ['All calls on', '$/month', `${months}-month total`],
      ws.alternatives.map((a) => [a.model, `${formatUsd(a.monthlyCost)}${a.unpriced ? ` (+${a.unpriced} without price)` : ''}`, formatUsd(a.projectionTotal)]),
      ['left', 'right', 'right'],
    ));
  }
  const saving = ws.cheapestAcceptable;
  if (saving) {
    out.push('', saving.monthlySaving >= 0
      ? `Cheapest acceptable model: **${saving.model}** saves ${formatUsd(saving.monthlySaving)}/month (${formatPercent(saving.savingShare)}), ${formatUsd(saving.projectionSaving)} over ${months} months.`
      : `Cheapest acceptable model: **${saving.model}** costs ${formatUsd(-saving.monthlySaving)}/month more.`);
  }
  const notes: string[] = [];
  if (ws.withoutUsage.length) notes.push(`${ws.withoutUsage.length} call${ws.withoutUsage.length === 1 ? '' : 's'} without usage data (not costed)`);
  for (const entry of ws.unmatchedEntries) notes.push(`${describeEntry(entry)} matches no call`);
  notes.push(...ws.conflicts);
  notes.push(...new Set(ws.calls.flatMap((p) => p.cost.notes)));
  notes.push(...billingLines(ws.calls.map((p) => p.cost)));
  if (notes.length) out.push('', ...notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}
