/**
 * Estimate Selection: the selected text (or the clipboard when nothing is selected) priced for every
 * default and compared model, in the compare quick pick. Counted in the prompt worker.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
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
    const subject = editor ? { uri: editor.document.uri, enginePath: enginePathFor(editor.document) } : undefined;
    await container.engine.whenReady(subject);
    const engine = subject ? container.engine.forSubject(subject) : container.engine.forWorkspace();
    // Counted in the prompt worker: the tokenizer never loads on the host's thread.
    const analysis = await container.analyzer.analyzeText(text, engine);
    const title = `Prompt Cost: ${source === 'selection' ? 'selection' : 'clipboard'} (${text.length.toLocaleString('en-US')} characters)`;
    const simulate = () => vscode.commands.executeCommand(CommandId.SimulateMonthlyCost, { text });
    const picked = await showModelQuickPick(container, title, analysis.estimates, 0, simulate);
    return { source, characters: text.length, ...picked };
  },
};
