/** A copyable Markdown report of a `SimulationResult`: models side by side, the projection, budget and saving. */
import { formatUsd } from '../pricing/formatUsd';
import { billingLines, formatCount, formatPercent, markdownTable } from './markdownTable';
import type { SimulationResult } from './modelComparison';

export function toMarkdown(result: SimulationResult): string {
  const { inputs } = result;
  const out: string[] = [];
  out.push(`### Monthly cost simulation: ${result.model}`);
  out.push('');
  out.push(
    `${formatCount(inputs.requestsPerDay)} requests/day × ${inputs.daysPerMonth} days, ` +
      `${formatCount(inputs.inputTokens)} input + ${formatCount(inputs.outputTokens)} output tokens per request; ` +
      `response cache ${formatPercent(inputs.cacheHitRate)}, cached prefix ${formatPercent(inputs.cachedPrefixShare)}, ` +
      `batch ${formatPercent(inputs.batchShare)}, ${inputs.flexShare ? `flex ${formatPercent(inputs.flexShare)}, ` : ''}growth ${formatPercent(inputs.growth, true)}/month.`,
  );
  out.push('');

  const budget = result.monthlyBudget;
  const header = ['Model', '$/request', 'Requests/month', '$/month', `${result.projectionMonths}-month total`];
  if (budget !== null) header.push('Budget');
  const rows = result.models.map((m) => {
    const row = [
      m.model + (m.model === result.model ? ' (current)' : ''),
      formatUsd(m.costPerRequest),
      formatCount(m.modelRequestsPerMonth),
      formatUsd(m.monthlyCost),
      formatUsd(m.projectionTotal),
    ];
    if (budget !== null) row.push(budgetCell(m.budgetShare, m.firstMonthOverBudget, m.monthlyCost));
    return row;
  });
  out.push(markdownTable(header, rows, ['left', 'right', 'right', 'right', 'right', 'right']));

  if (result.projectionMonths > 0) {
    out.push('');
    const projectionHeader = ['Month', ...result.models.map((m) => m.model)];
    if (budget !== null) projectionHeader.push('Budget');
    const projectionRows = Array.from({ length: result.projectionMonths }, (_, k) => {
      const row = [String(k + 1), ...result.models.map((m) => formatUsd(m.months ? m.months[k] : null))];
      if (budget !== null) row.push(formatUsd(budget));
      return row;
    });
    out.push(markdownTable(projectionHeader, projectionRows, projectionHeader.map((_, c) => (c === 0 ? 'left' : 'right'))));
  }

  const notes = [...new Set(result.models.flatMap((m) => m.notes)), ...billingLines(result.models)];
  const saving = result.cheapestAcceptable;
  if (budget !== null || saving || notes.length) out.push('');
  if (budget !== null) out.push(`Budget: ${formatUsd(budget)}/month.`);
  if (saving) {
    out.push(
      saving.monthlySaving >= 0
        ? `Cheapest acceptable model: **${saving.model}** at ${formatUsd(saving.monthlyCost)}/month saves ${formatUsd(saving.monthlySaving)}/month ` +
            `(${formatPercent(saving.savingShare)}), ${formatUsd(saving.projectionSaving)} over ${result.projectionMonths} months.`
        : `Cheapest acceptable model: **${saving.model}** at ${formatUsd(saving.monthlyCost)}/month costs ${formatUsd(-saving.monthlySaving)}/month more.`,
    );
  }
  for (const note of notes) out.push(`- ${note}`);
  return `${out.join('\n')}\n`;
}

function budgetCell(share: number | null, firstOver: number | null, monthly: number | null): string {
  if (monthly === null) return 'no price';
  if (share === null) return firstOver === null ? '—' : `over from month ${firstOver}`;
  const base = formatPercent(share);
  if (firstOver === 1) return `${base} (over)`;
  if (firstOver !== null) return `${base} (over from month ${firstOver})`;
  return base;
}
