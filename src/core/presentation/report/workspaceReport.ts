/** Estimate Workspace's report: every prompt found, most expensive per call first. */
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';
import type { FindingMonthlyCost } from '../../simulate/findingMonthlyCost';

export interface ReportEntry {
  /** Workspace-relative path, `/` separators. */
  file: string;
  analysis: PromptAnalysis;
  /** $/month of its call from the usage file, or null. */
  monthly: FindingMonthlyCost | null;
}

export interface WorkspaceReportSummary {
  files: number;
  prompts: number;
  /** Sum of the priced prompts' cost per call on their primary model (one call of each). */
  totalPerCall: number;
  unpriced: number;
}

/** Most expensive first; prompts without a price last; then by file and line, so the order is stable. */
export function rankByCost(entries: readonly ReportEntry[]): ReportEntry[] {
  return [...entries].sort((a, b) => {
    const ca = a.analysis.primary.costPerCall;
    const cb = b.analysis.primary.costPerCall;
    if (ca !== cb) {
      if (ca === null) return 1;
      if (cb === null) return -1;
      return cb - ca;
    }
    return a.file.localeCompare(b.file) || a.analysis.prompt.startLine - b.analysis.prompt.startLine;
  });
}

export function summarize(entries: readonly ReportEntry[]): WorkspaceReportSummary {
  let totalPerCall = 0;
  let unpriced = 0;
  for (const { analysis } of entries) {
    if (analysis.primary.costPerCall === null) unpriced++;
    else totalPerCall += analysis.primary.costPerCall;
  }
  return { files: new Set(entries.map((e) => e.file)).size, prompts: entries.length, totalPerCall, unpriced };
}

/** The first month of every prompt the usage file gives a volume, summed; null when none of them has a price. */
export function monthlyTotal(entries: readonly ReportEntry[]): number | null {
  let total: number | null = null;
  for (const { monthly } of entries) {
    const amount = monthly?.cost.monthlyCost ?? null;
    if (amount !== null) total = (total ?? 0) + amount;
  }
  return total;
}
