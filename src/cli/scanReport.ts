/** Renders scan results as the terminal table: one row per prompt, then totals per model. */
import { tokenLabel } from '../core/estimate/tokenLabel';
import { formatUsd } from '../core/pricing/formatUsd';
import type { Finding } from '../core/scan/finding';

export interface ScanSummary {
  filesScanned: number;
  filesParsed: number;
  bytes: number;
  seconds: number;
  skipped: { path: string; reason: string }[];
}

function pad(text: string, width: number, right = false): string {
  const len = [...text].length;
  if (len >= width) return text;
  return right ? ' '.repeat(width - len) + text : text + ' '.repeat(width - len);
}

export function renderTable(findings: readonly Finding[], summary: ScanSummary): string {
  const rows: string[][] = [['location', 'kind', 'model', 'tokens', '$/call']];
  for (const f of findings) {
    f.estimates.forEach((e, i) => {
      rows.push([
        i === 0 ? `${f.file}:${f.startLine}` : '',
        i === 0 ? f.kind : '',
        i === 0 ? e.model : `  vs ${e.model}`,
        tokenLabel({ exact: e.exact, inputTokens: e.inputTokens, staticTokens: e.staticTokens, variables: f.placeholders.length }),
        formatUsd(e.costPerCall),
      ]);
    });
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const lines = rows.map((r) => r.map((cell, c) => pad(cell, widths[c], c >= 3)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));

  const out = [...lines, ''];
  const fileCount = new Set(findings.map((f) => f.file)).size;
  out.push(`${findings.length} prompt${findings.length === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'} ` +
    `(${summary.filesScanned} scanned, ${summary.filesParsed} parsed, ${(summary.bytes / 1e6).toFixed(2)} MB in ${summary.seconds.toFixed(2)} s)`);
  for (const [model, total] of totalsByModel(findings)) {
    out.push(`  one call of each prompt on ${model}: ${total.priced ? formatUsd(total.cost) : 'no price'}${total.unpriced && total.priced ? ` (+${total.unpriced} without price)` : ''}`);
  }
  if (summary.skipped.length) {
    out.push(`${summary.skipped.length} file${summary.skipped.length === 1 ? '' : 's'} skipped:`);
    for (const s of summary.skipped.slice(0, 20)) out.push(`  ${s.path}: ${s.reason}`);
    if (summary.skipped.length > 20) out.push(`  … and ${summary.skipped.length - 20} more`);
  }
  return out.join('\n');
}

function totalsByModel(findings: readonly Finding[]): Map<string, { cost: number; priced: number; unpriced: number }> {
  const totals = new Map<string, { cost: number; priced: number; unpriced: number }>();
  for (const f of findings) {
    const e = f.estimates[0];
    if (!e) continue;
    const t = totals.get(e.model) ?? { cost: 0, priced: 0, unpriced: 0 };
    if (e.costPerCall === null) t.unpriced++;
    else {
      t.cost += e.costPerCall;
      t.priced++;
    }
    totals.set(e.model, t);
  }
  return totals;
}
