/**
 * Estimate Workspace's report (the "Prompt Costs" view) and Estimate File's pick: every LLM call found, most
 * expensive typical cost first, each with its parts (the prompt strings it sends) beneath it:
 *
 *   $0.0032–0.0066/call · gpt-4o · ~$42/month          app/bot.py:43
 *     system · line 12 · 67 tokens (27 %)              SYSTEM_PROMPT
 *     user · line 45 · 54 tokens (21 %)                Customer question: {question}
 *
 * A call is counted once with its whole input and its output; a prompt shared by two calls is a part of both.
 */
import { formatTokenCount } from '../../estimate/tokenLabel';
import type { CallAnalysis } from '../../pipeline/callAnalysis';
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';
import { formatUsd } from '../../pricing/formatUsd';
import { callCostLabel } from '../call/callFigures';
import { callLensTitle, callModelLabel } from '../lens/callLensTitle';
import { formatMonthly, monthlySuffix } from '../lens/monthlyLensTitle';

/** One part of a call as its row shows it. */
export interface ReportPart {
  /** Index of the prompt in its file's list (two rows with the same file and index are one prompt). */
  index: number;
  /** 1-based start line of the prompt. */
  line: number;
  startOffset: number;
  /** `system`, `user` … when known, else the prompt's kind (`literal`, `template`, `file` …). */
  role: string;
  name?: string;
  /** The start of its text, for a row's description when it has no name. */
  preview: string;
  /** Tokens of this part for the call's own model. */
  tokens: number;
  /** Its share of the call's typical input (0–1). */
  share: number;
  /** One of several values for one place of the call (`a if c else b`): only the largest counts. */
  alternative: boolean;
}

export interface ReportEntry {
  /** Workspace-relative path, `/` separators. */
  file: string;
  /** The call with its estimates and $/month (`monthly`, null without a usage entry). */
  analysis: CallAnalysis;
  parts: ReportPart[];
}

export interface WorkspaceReportSummary {
  files: number;
  calls: number;
  /** Distinct prompt strings the calls send (a prompt shared by two calls counts once). */
  prompts: number;
  /** Sum of the priced calls' typical cost on their own model: one of each call. */
  totalPerCall: number;
  /** Sum of their cost at the output cap; null when a priced call has no cap. */
  maxPerCall: number | null;
  /** Calls whose model has no price. */
  unpriced: number;
  /** Calls a usage entry gives a volume. */
  withUsage: number;
  /** Month 1 of the calls with usage, summed; null when none of them has a price. */
  monthlyTotal: number | null;
}

/** A file's calls as report entries, their parts resolved against the file's prompts. */
export function reportEntries(file: string, prompts: readonly Pick<PromptAnalysis, 'prompt'>[], calls: readonly CallAnalysis[]): ReportEntry[] {
  return calls.map((analysis) => ({
    file,
    analysis,
    parts: analysis.parts.flatMap((part): ReportPart[] => {
      const prompt = prompts[part.index]?.prompt;
      if (!prompt) return [];
      return [{
        index: part.index,
        line: prompt.startLine,
        startOffset: prompt.startOffset,
        role: prompt.role ?? prompt.kind,
        ...(prompt.name ? { name: prompt.name } : {}),
        preview: preview(prompt.text),
        tokens: part.tokens,
        share: part.share,
        alternative: part.slot.split('/').some((segment) => segment.startsWith('?')),
      }];
    }),
  }));
}

/** Most expensive typical cost first; calls without a price last; then by file and line, so the order is stable. */
export function rankByCost(entries: readonly ReportEntry[]): ReportEntry[] {
  return [...entries].sort((a, b) => {
    const ca = a.analysis.primary.costPerCall;
    const cb = b.analysis.primary.costPerCall;
    if (ca !== cb) {
      if (ca === null) return 1;
      if (cb === null) return -1;
      return cb - ca;
    }
    return a.file.localeCompare(b.file) || a.analysis.call.startLine - b.analysis.call.startLine;
  });
}

/**
 * The entries left when the implied calls of constants that other files' calls import are dropped: their
 * text is already in the importing calls' cost (`imported`: `absolutePath\u0000line` of each imported
 * constant; `absoluteFile` gives an entry's file).
 */
export function withoutImportedConstants<T extends ReportEntry>(entries: readonly T[], imported: ReadonlySet<string>, absoluteFile: (entry: T) => string): T[] {
  if (!imported.size) return [...entries];
  return entries.filter((entry) => !(entry.analysis.call.implied && entry.parts.length > 0 && entry.parts.every((part) => imported.has(`${absoluteFile(entry)}\u0000${part.line}`))));
}

export function summarize(entries: readonly ReportEntry[]): WorkspaceReportSummary {
  let totalPerCall = 0;
  let maxPerCall: number | null = 0;
  let unpriced = 0;
  let withUsage = 0;
  let monthlyTotal: number | null = null;
  const prompts = new Set<string>();
  for (const { file, analysis, parts } of entries) {
    const { costPerCall, maxCostPerCall } = analysis.primary;
    if (costPerCall === null) unpriced++;
    else {
      totalPerCall += costPerCall;
      maxPerCall = maxPerCall === null || maxCostPerCall === null ? null : maxPerCall + maxCostPerCall;
    }
    if (analysis.monthly) {
      withUsage++;
      const amount = analysis.monthly.cost.monthlyCost;
      if (amount !== null) monthlyTotal = (monthlyTotal ?? 0) + amount;
    }
    for (const part of parts) prompts.add(`${file}\u0000${part.index}`);
  }
  return { files: new Set(entries.map((e) => e.file)).size, calls: entries.length, prompts: prompts.size, totalPerCall, maxPerCall, unpriced, withUsage, monthlyTotal };
}

/**
 * `3 calls (4 prompts) in 2 files · $0.0021 for one of each call (typical), at most $0.0042 · ~$42/month for
 * the 1 with usage`, with `, 1 without price` and ` (cancelled: partial)` when so.
 */
export function summaryMessage(summary: WorkspaceReportSummary, cancelled = false): string {
  const counts = `${plural(summary.calls, 'call')} (${plural(summary.prompts, 'prompt')}) in ${plural(summary.files, 'file')}`;
  return `${counts} · ${costSummary(summary)}${cancelled ? ' (cancelled: partial)' : ''}`;
}

/** Estimate File's title: `Prompt Cost: app/bot.py · 2 calls (3 prompts) · $0.0021 for one of each call (typical), at most $0.0042`. */
export function fileSummaryTitle(file: string, summary: WorkspaceReportSummary): string {
  return `Prompt Cost: ${file} · ${plural(summary.calls, 'call')} (${plural(summary.prompts, 'prompt')}) · ${costSummary(summary)}`;
}

/** The typical and maximal cost of one of each call, the calls without price, and $/month of those with usage. */
function costSummary(summary: WorkspaceReportSummary): string {
  const max = summary.maxPerCall === null ? ', no maximum (a call has no output cap)' : `, at most ${formatUsd(summary.maxPerCall)}`;
  const unpriced = summary.unpriced > 0 ? `, ${summary.unpriced} without price` : '';
  const monthly = summary.withUsage > 0 ? ` · ${formatMonthly(summary.monthlyTotal)} for the ${summary.withUsage} with usage` : '';
  return `${formatUsd(summary.totalPerCall)} for one of each call (typical)${max}${unpriced}${monthly}`;
}

/** `$0.0032–0.0066/call · gpt-4o · ~$42/month`: the call lens's cost and model, and its $/month. */
export function callRowLabel(entry: Pick<ReportEntry, 'analysis'>): string {
  const { analysis } = entry;
  return `${callCostLabel(analysis.primary)} · ${callModelLabel(analysis)}${monthlySuffix(analysis.monthly)}`;
}

/** `app/bot.py:43`. */
export function callRowDescription(entry: Pick<ReportEntry, 'file' | 'analysis'>): string {
  return `${entry.file}:${entry.analysis.call.startLine}`;
}

/** The whole call lens (tokens, cheaper model) and $/month: the row's tooltip and the command's result rows. */
export function callRowDetail(entry: Pick<ReportEntry, 'analysis'>): string {
  return `${callLensTitle(entry.analysis)}${monthlySuffix(entry.analysis.monthly)}`;
}

/** Estimate File's row: `Line 43: SYSTEM_PROMPT` (its first named part), `Line 43: call`, `Line 3: implied call` (no call seen). */
export function callPickLabel(entry: Pick<ReportEntry, 'analysis' | 'parts'>): string {
  const { call } = entry.analysis;
  const name = entry.parts.find((p) => p.name)?.name ?? (call.implied ? 'implied call' : 'call');
  return `Line ${call.startLine}: ${name}`;
}

/** `system · line 12 · 67 tokens (27 %)`, `· alternative` for one of several values of one place. */
export function partRowLabel(part: ReportPart): string {
  const alternative = part.alternative ? ' · alternative' : '';
  return `${part.role} · line ${part.line} · ${formatTokenCount(part.tokens)} tokens (${Math.round(100 * part.share)} %)${alternative}`;
}

/** Its variable name, else the start of its text. */
export function partRowDescription(part: ReportPart): string {
  return part.name ?? part.preview;
}

/** `system :12 (67 tokens) · user :45 (54 tokens)`: a call's parts on one line (Estimate File's detail). */
export function partsSummary(parts: readonly ReportPart[]): string {
  return parts.map((p) => `${p.name ?? p.role} :${p.line} (${formatTokenCount(p.tokens)} tokens)`).join(' · ');
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
