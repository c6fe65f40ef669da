/** Estimate File: every prompt of the active editor, most expensive first; choosing one reveals it. */
import * as vscode from 'vscode';
import { lensTitle } from '../../core/presentation/lens/lensTitle';
import { rankByCost } from '../../core/presentation/report/workspaceReport';
import { CommandId } from '../../core/manifest/commandIds';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import type { CommandDefinition } from './registerCommand';

export interface EstimateFileRow {
  line: number;
  label: string;
  description: string;
}

interface PromptItem extends vscode.QuickPickItem {
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
    const ranked = rankByCost(analysis.prompts.map((a) => ({ file: '', analysis: a, monthly: null })));
    const items: PromptItem[] = ranked.map(({ analysis: a }) => ({
      label: `Line ${a.prompt.startLine}${a.prompt.name ? `: ${a.prompt.name}` : ''}`,
      description: lensTitle(a),
      detail: preview(a.prompt.text),
      offset: a.prompt.startOffset,
    }));
    const rows = items.map((item, i) => ({ line: ranked[i].analysis.prompt.startLine, label: item.label, description: item.description ?? '' }));
    if (items.length === 0) {
      void vscode.window.showInformationMessage(`Prompt Cost: no prompts found in ${vscode.workspace.asRelativePath(document.uri)}.`);
      return rows;
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: `Prompt Cost: ${items.length} prompt${items.length === 1 ? '' : 's'} in ${vscode.workspace.asRelativePath(document.uri)}`,
      matchOnDescription: true,
    });
    if (picked) {
      const at = document.positionAt(picked.offset);
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at) });
    }
    return rows;
  },
};

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}
