/**
 * $/month for the rows of Estimate Workspace's report: each file's prompts are matched against the usage
 * section of the `.promptcost.yml` that applies to it (all prompts of a file together, so "the prompt nearest
 * to a line" is decided among them). Rows without a usage entry get nothing.
 */
import * as vscode from 'vscode';
import type { ReportEntry } from '../../core/editor/workspaceReport';
import type { FindingMonthlyCost } from '../../core/simulate/findingMonthlyCost';
import type { EngineSettingsService } from '../engine/engineSettingsService';
import type { UsageService } from './usageService';

/** The engine (which `.promptcost.yml` applies to a file) and the usage section read from it. */
export interface ReportUsageServices {
  engine: Pick<EngineSettingsService, 'forSubject'>;
  usage: Pick<UsageService, 'usageOf' | 'costsFor'>;
}

export interface ReportMonthlyCosts {
  byEntry: Map<ReportEntry, FindingMonthlyCost>;
  /** Sum of the priced prompts' first month, or null when no row has a usage entry. */
  total: number | null;
}

export function reportMonthlyCosts(services: ReportUsageServices, entries: readonly ReportEntry[]): ReportMonthlyCosts {
  const byEntry = new Map<ReportEntry, FindingMonthlyCost>();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const byFile = new Map<string, ReportEntry[]>();
  for (const entry of entries) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  for (const [file, fileEntries] of byFile) {
    const uri = folder ? vscode.Uri.joinPath(folder, file) : vscode.Uri.file(file);
    const engine = services.engine.forSubject({ uri, enginePath: uri.fsPath });
    if (!services.usage.usageOf(engine.configFile)) continue;
    const costs = services.usage.costsFor(uri, engine.configFile, fileEntries.map((e) => e.analysis), engine.ctx.prices);
    fileEntries.forEach((entry, i) => {
      const cost = costs[i];
      if (cost) byEntry.set(entry, cost);
    });
  }
  let total: number | null = null;
  for (const cost of byEntry.values()) if (cost.cost.monthlyCost !== null) total = (total ?? 0) + cost.cost.monthlyCost;
  return { byEntry, total };
}
