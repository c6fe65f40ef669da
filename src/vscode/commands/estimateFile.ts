/**
 * Estimate File: every LLM call of the active editor, most expensive first, with the file's total (one of
 * each call, typical and at most) in the title; each row lists the call's parts; choosing one reveals it.
 */
import * as vscode from 'vscode';
import { callPickLabel, callRowDetail, fileSummaryTitle, partsSummary, rankByCost, reportEntries, summarize } from '../../core/presentation/report/workspaceReport';
import { CommandId } from '../../core/manifest/commandIds';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import type { CommandDefinition } from './registerCommand';

export interface EstimateFileRow {
  /** 1-based line of the call. */
  line: number;
  label: string;
  description: string;
}

interface CallItem extends vscode.QuickPickItem {
  offset: number;
}

export const estimateFileCommand: CommandDefinition<{ analyzer: Pick<DocumentAnalyzer, 'isSupported' | 'analyze'> }> = {
  id: CommandId.EstimateFile,
  async run({ analyzer }, uri): Promise<EstimateFileRow[] | undefined> {
    const editor = vscode.window.activeTextEditor;
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Prompt Cost: open a file to estimate.');
      return undefined;
    }
    if (!analyzer.isSupported(document)) {
      void vscode.window.showInformationMessage(`Prompt Cost: ${vscode.workspace.asRelativePath(document.uri)} is not a language Prompt Cost Lens reads (see promptCost.enabledLanguages).`);
      return undefined;
    }
    const analysis = await analyzer.analyze(document);
    if (!analysis) return undefined;
    const file = vscode.workspace.asRelativePath(document.uri);
    const ranked = rankByCost(reportEntries(file, analysis.prompts, analysis.calls));
    const items: CallItem[] = ranked.map((entry) => ({
      label: callPickLabel(entry),
      description: callRowDetail(entry),
      detail: partsSummary(entry.parts),
      offset: entry.analysis.call.startOffset,
    }));
    const rows = items.map((item, i) => ({ line: ranked[i].analysis.call.startLine, label: item.label, description: item.description ?? '' }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage(`Prompt Cost: no LLM call or prompt found in ${file}.`);
      return rows;
    }
    const picked = await vscode.window.showQuickPick(items, { title: fileSummaryTitle(file, summarize(ranked)), matchOnDescription: true, matchOnDetail: true });
    if (picked) {
      const at = document.positionAt(picked.offset);
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at) });
    }
    return rows;
  },
};
