/**
 * The "Prompt Costs" view in the Explorer: Estimate Workspace's result, most expensive prompt first.
 * Hidden until a report exists (`promptCost:hasWorkspaceReport`); each row opens the prompt's line.
 */
import * as vscode from 'vscode';
import { lensTitle } from '../../core/presentation/lens/lensTitle';
import { monthlyTotal, type ReportEntry, type WorkspaceReportSummary } from '../../core/presentation/report/workspaceReport';
import { formatUsd } from '../../core/pricing/formatUsd';
import { formatMonthly, monthlySuffix } from '../../core/presentation/lens/monthlyLensTitle';
import { CommandId } from '../../core/manifest/commandIds';
import { ContextKey, ViewId } from '../../core/manifest/extensionNames';
import type { Log } from '../log';

class ReportItem extends vscode.TreeItem {
  constructor(readonly entry: ReportEntry) {
    const { analysis, file } = entry;
    // $/month from the usage file, when it gives this prompt a volume.
    const monthly = entry.monthly;
    super(`${formatUsd(analysis.primary.costPerCall)}${analysis.primary.costPerCall === null ? '' : '/call'} · ${analysis.primary.model}${monthlySuffix(monthly)}`, vscode.TreeItemCollapsibleState.None);
    const line = analysis.prompt.startLine;
    this.description = `${file}:${line}${analysis.prompt.name ? ` ${analysis.prompt.name}` : ''}`;
    this.tooltip = `${file}:${line}\n${lensTitle(analysis)}${monthlySuffix(monthly)}`;
    this.iconPath = new vscode.ThemeIcon(analysis.prompt.kind === 'file' ? 'file' : 'symbol-string');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = folder ? vscode.Uri.joinPath(folder, file) : vscode.Uri.file(file);
    this.command = { title: 'Open prompt', command: CommandId.OpenPromptLocation, arguments: [uri, line - 1] };
  }
}

export class WorkspaceReportView implements vscode.TreeDataProvider<ReportItem>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly view: vscode.TreeView<ReportItem>;
  private items: ReportItem[] = [];
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly log: Log) {
    this.view = vscode.window.createTreeView(ViewId.WorkspaceReport, { treeDataProvider: this });
  }

  async show(entries: readonly ReportEntry[], summary: WorkspaceReportSummary, cancelled: boolean): Promise<void> {
    this.items = entries.map((e) => new ReportItem(e));
    const unpriced = summary.unpriced > 0 ? `, ${summary.unpriced} without price` : '';
    const withUsage = entries.filter((e) => e.monthly);
    const perMonth = withUsage.length > 0 ? ` · ${formatMonthly(monthlyTotal(entries))} for the ${withUsage.length} with usage` : '';
    this.view.message = `${summary.prompts} prompts in ${summary.files} files · ${formatUsd(summary.totalPerCall)} for one call of each${unpriced}${perMonth}${cancelled ? ' (cancelled: partial)' : ''}`;
    this.emitter.fire();
    await vscode.commands.executeCommand('setContext', ContextKey.HasWorkspaceReport, true);
    try {
      await vscode.commands.executeCommand(`${ViewId.WorkspaceReport}.focus`);
    } catch (error) {
      this.log.debug(`could not focus the report view: ${String(error)}`);
    }
  }

  /** `file:line  title` per row, in order (for the command's result). */
  rowLabels(): string[] {
    return this.items.map((item) => `${item.description}  ${lensTitle(item.entry.analysis)}${monthlySuffix(item.entry.monthly)}`);
  }

  getTreeItem(element: ReportItem): vscode.TreeItem {
    return element;
  }

  getChildren(element?: ReportItem): ReportItem[] {
    return element ? [] : this.items;
  }

  dispose(): void {
    this.view.dispose();
    this.emitter.dispose();
  }
}
