/**
 * Estimate Selection: the selected text (or the clipboard when nothing is selected) priced for every
 * default and compared model, in the compare quick pick.
 */
import * as vscode from 'vscode';
import { analyzePrompt } from '../../core/editor/promptAnalysis';
import { selectionPrompt } from '../../core/editor/selectionPrompt';
import { CommandId } from '../constants';
import { enginePathFor } from '../engine/documentPaths';
import type { CommandDefinition } from './command';
import { showModelQuickPick, type ModelPickResult } from './modelQuickPick';

export interface EstimateSelectionResult extends Partial<ModelPickResult> {
  source: 'selection' | 'clipboard';
  characters: number;
}

export const estimateSelectionCommand: CommandDefinition = {
  id: CommandId.EstimateSelection,
  async run(container): Promise<EstimateSelectionResult> {
    const editor = vscode.window.activeTextEditor;
    const selected = editor ? editor.selections.map((s) => editor.document.getText(s)).filter(Boolean).join('\n') : '';
    const source = selected ? 'selection' : 'clipboard';
    const text = selected || (await vscode.env.clipboard.readText());
    if (!text.trim()) {
      void vscode.window.showInformationMessage('Prompt Cost: select some text (or copy it to the clipboard) to estimate.');
      return { source, characters: 0 };
    }
    const engine = editor
      ? container.engine.forSubject({ uri: editor.document.uri, enginePath: enginePathFor(editor.document) })
      : container.engine.forWorkspace();
    const analysis = container.stats.time('estimate selection', () => analyzePrompt(selectionPrompt(text), engine.ctx, container.analyzer.estimates));
    const title = `Prompt Cost: ${source === 'selection' ? 'selection' : 'clipboard'} (${text.length.toLocaleString('en-US')} characters)`;
    const picked = await showModelQuickPick(container, title, analysis.estimates, 0);
    return { source, characters: text.length, ...picked };
  },
};
