/** GitHub-flavoured Markdown tables (pull-request comments, copy buttons): cells escaped, columns aligned. */

export type Align = 'left' | 'right';

/** Pipes would end a cell and newlines a row, so both are escaped/flattened. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const cells = [header, ...rows].map((row) => header.map((_, c) => escapeCell(row[c] ?? '')));
  const widths = header.map((_, c) => Math.max(3, ...cells.map((row) => [...row[c]].length)));
  const pad = (text: string, c: number) => {
    const gap = ' '.repeat(widths[c] - [...text].length);
    return align[c] === 'right' ? gap + text : text + gap;
  };
  const line = (row: readonly string[]) => `| ${row.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (align[c] === 'right' ? '-'.repeat(w - 1) + ':' : '-'.repeat(w))).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/** 0.052 → "+5.2 %", -0.5 → "−50.0 %"; null → "—". */
export function formatPercent(share: number | null, signed = false): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const text = `${Math.abs(share * 100).toFixed(1)} %`;
  if (!signed) return share < 0 ? `-${text}` : text;
  return share > 0 ? `+${text}` : share < 0 ? `-${text}` : text;
}

/** Whole numbers with grouping, fractions kept to two decimals: 300000 → "300,000". */
export function formatCount(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
}

/**
 * `Billing rules, claude-sonnet-4-5: batch −50 %; cache read 0.1× input; …`: the provider rules each model's
 * figure used (`pricing/billingRules.ts`), one line a model, models whose rules changed nothing left out.
 */
export function billingLines(costs: readonly { model: string; billing: readonly string[] }[]): string[] {
  const byModel = new Map<string, string>();
  for (const { model, billing } of costs) if (billing.length && !byModel.has(model)) byModel.set(model, billing.join('; '));
  return [...byModel].map(([model, rules]) => `Billing rules, ${model}: ${rules}`);
}
