/**
 * The "Prompt Costs" view in the Explorer: Estimate Workspace's result as a tree, one row per LLM call (most
 * expensive first), each expanding to its parts (role, line, tokens, share). Hidden until a report exists
 * (`promptCost:hasWorkspaceReport`); a call row opens the call's line, a part row the prompt's.
 */
import * as vscode from 'vscode';
import {
  callRowDescription,
  callRowDetail,
  callRowLabel,
  partRowDescription,
  partRowLabel,
  summaryMessage,
  type ReportEntry,
  type ReportPart,
  type WorkspaceReportSummary,
} from '../../core/presentation/report/workspaceReport';
import { CommandId } from '../../core/manifest/commandIds';
import { ContextKey, ViewId } from '../../core/manifest/extensionNames';
import type { Log } from '../log';

function fileUri(file: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, file) : vscode.Uri.file(file);
}

class PartItem extends vscode.TreeItem {
  constructor(file: string, part: ReportPart) {
    super(partRowLabel(part), vscode.TreeItemCollapsibleState.None);
    this.description = partRowDescription(part);
    this.tooltip = `${file}:${part.line}\n${partRowLabel(part)}`;
    this.iconPath = new vscode.ThemeIcon('symbol-string');
    this.command = { title: 'Open prompt', command: CommandId.OpenPromptLocation, arguments: [fileUri(file), part.line - 1] };
  }
}

class CallItem extends vscode.TreeItem {
  readonly children: PartItem[];

  constructor(readonly entry: ReportEntry) {
    super(callRowLabel(entry), entry.parts.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    const line = entry.analysis.call.startLine;
    this.description = callRowDescription(entry);
    this.tooltip = `${this.description}\n${callRowDetail(entry)}`;
    this.iconPath = new vscode.ThemeIcon(entry.analysis.call.implied ? 'symbol-constant' : 'symbol-method');
    this.command = { title: 'Open call', command: CommandId.OpenPromptLocation, arguments: [fileUri(entry.file), line - 1] };
    this.children = entry.parts.map((part) => new PartItem(entry.file, part));
  }
}

type ReportItem = CallItem | PartItem;

export class WorkspaceReportView implements vscode.TreeDataProvider<ReportItem>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly view: vscode.TreeView<ReportItem>;
  private items: CallItem[] = [];
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly log: Log) {
    this.view = vscode.window.createTreeView(ViewId.WorkspaceReport, { treeDataProvider: this });
  }

  async show(entries: readonly ReportEntry[], summary: WorkspaceReportSummary, cancelled: boolean): Promise<void> {
    this.items = entries.map((e) => new CallItem(e));
    this.view.message = summaryMessage(summary, cancelled);
    this.emitter.fire();
    await vscode.commands.executeCommand('setContext', ContextKey.HasWorkspaceReport, true);
    try {
      await vscode.commands.executeCommand(`${ViewId.WorkspaceReport}.focus`);
    } catch (error) {
      this.log.debug(`could not focus the report view: ${String(error)}`);
    }
  }

  /** `file:line  call lens · $/month` per call row, in order (for the command's result). */
  rowLabels(): string[] {
    return this.items.map((item) => `${item.description}  ${callRowDetail(item.entry)}`);
  }

  getTreeItem(element: ReportItem): vscode.TreeItem {
    return element;
  }

  getChildren(element?: ReportItem): ReportItem[] {
    if (!element) return this.items;
    return element instanceof CallItem ? element.children : [];
  }

  dispose(): void {
    this.view.dispose();
    this.emitter.dispose();
  }
}
