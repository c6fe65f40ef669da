/**
 * Renders scan results as the terminal table: one row per call (its figures for the call's own model,
 * then one row per compared model), its parts indented beneath with their share; then totals.
 */
import { formatTokenCount } from '../core/estimate/tokenLabel';
import { formatUsd } from '../core/pricing/formatUsd';
import { callTokensLabel, formatCostRange } from '../core/presentation/call/callFigures';
import type { FileFindings, PromptFinding } from '../core/scan/finding';

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

export function renderTable(findings: FileFindings, summary: ScanSummary): string {
  const prompts = new Map(findings.prompts.map((p) => [p.id, p]));
  const rows: string[][] = [['location', 'call', 'model', 'tokens', '$/call']];
  for (const call of findings.calls) {
    call.estimates.forEach((e, i) => {
      const model = i === 0 ? `${e.model}${call.model === null ? ' (default)' : ''}` : `  vs ${e.model}`;
      rows.push([
        i === 0 ? `${call.file}:${call.startLine}` : '',
        i === 0 ? (call.testDouble ? 'test double' : call.sentBy ? `sent by ${call.sentBy.join(', ')}` : call.implied ? 'implied' : call.api) : '',
        model,
        callTokensLabel(e),
        formatCostRange(e.cost?.typical ?? null, e.cost?.max ?? null),
      ]);
    });
    const input = call.estimates[0]?.inputTokens ?? 0;
    for (const id of call.prompts) {
      const part = prompts.get(id);
      if (part) rows.push([`  ${partLocation(part, call.file)}`, part.role ?? part.kind, '', partLabel(part, input), '']);
    }
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const lines = rows.map((r) => r.map((cell, c) => pad(cell, widths[c], c >= 3)).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));

  const out = [...lines, ''];
  const fileCount = new Set(findings.calls.map((c) => c.file)).size;
  const { calls } = findings;
  out.push(`${calls.length} call${calls.length === 1 ? '' : 's'} (${findings.prompts.length} prompt${findings.prompts.length === 1 ? '' : 's'}) in ${fileCount} file${fileCount === 1 ? '' : 's'} ` +
    `(${summary.filesScanned} scanned, ${summary.filesParsed} parsed, ${(summary.bytes / 1e6).toFixed(2)} MB in ${summary.seconds.toFixed(2)} s)`);
  const sent = calls.filter((c) => c.sentBy).length;
  if (sent) out.push(`  ${sent} of them ${sent === 1 ? 'is a constant' : 'are constants'} sent by calls in other files: counted there, not again`);
  for (const [model, total] of totalsByModel(findings)) {
    const unpriced = total.unpriced && total.priced ? ` (+${total.unpriced} without price)` : '';
    const max = total.maxKnown ? `, at most ${formatUsd(total.max)}` : '';
    out.push(`  one of each call on ${model}: ${total.priced ? `${formatUsd(total.cost)} typical${max}` : 'no price'}${unpriced}`);
  }
  if (summary.skipped.length) {
    out.push(`${summary.skipped.length} file${summary.skipped.length === 1 ? '' : 's'} skipped:`);
    for (const s of summary.skipped.slice(0, 20)) out.push(`  ${s.path}: ${s.reason}`);
    if (summary.skipped.length > 20) out.push(`  … and ${summary.skipped.length - 20} more`);
  }
  return out.join('\n');
}

/** `:43` for a part in the call's file, else `other.py:43`. */
function partLocation(part: PromptFinding, callFile: string): string {
  return part.file === callFile ? `:${part.startLine}` : `${part.file}:${part.startLine}`;
}

function partLabel(part: PromptFinding, callInput: number): string {
  const share = callInput > 0 ? ` (${Math.round((100 * part.tokens) / callInput)} %)` : '';
  const vars = part.placeholders.length ? ` · ${part.placeholders.length} var${part.placeholders.length === 1 ? '' : 's'}` : '';
  return `${formatTokenCount(part.tokens)}${share}${vars}`;
}

interface ModelTotal {
  cost: number;
  max: number;
  maxKnown: boolean;
  priced: number;
  unpriced: number;
}

/** Each call once, on its own model: the typical sum and the sum of the caps' costs (test doubles cost nothing). */
function totalsByModel(findings: FileFindings): Map<string, ModelTotal> {
  const totals = new Map<string, ModelTotal>();
  for (const call of findings.calls) {
    const e = call.estimates[0];
    if (!e || call.testDouble || call.sentBy) continue;
    const t = totals.get(e.model) ?? { cost: 0, max: 0, maxKnown: true, priced: 0, unpriced: 0 };
    if (!e.cost) t.unpriced++;
    else {
      t.cost += e.cost.typical;
      if (e.cost.max === null) t.maxKnown = false;
      else t.max += e.cost.max;
      t.priced++;
    }
    totals.set(e.model, t);
  }
  return totals;
}
