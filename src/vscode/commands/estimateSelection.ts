/**
 * Estimate Selection: the selected text (or the clipboard when nothing is selected) priced as one call
 * (with the typical output) for every default and compared model, in the compare quick pick. Counted in
 * the pipeline worker.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { enginePathFor } from '../engine/documentPaths';
import type { Configuration } from '../configuration';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import type { EngineSettingsService } from '../engine/engineSettingsService';
import type { Log } from '../log';
import type { CommandDefinition } from './registerCommand';
import { showModelQuickPick, type ModelPickResult } from './modelQuickPick';

export interface EstimateSelectionResult extends Partial<ModelPickResult> {
  source: 'selection' | 'clipboard';
  characters: number;
}

export interface EstimateSelectionServices {
  engine: Pick<EngineSettingsService, 'whenReady' | 'forSubject' | 'forWorkspace'>;
  analyzer: Pick<DocumentAnalyzer, 'analyzeText'>;
  config: Configuration;
  log: Log;
}

export const estimateSelectionCommand: CommandDefinition<EstimateSelectionServices> = {
  id: CommandId.EstimateSelection,
  async run(services): Promise<EstimateSelectionResult> {
    const editor = vscode.window.activeTextEditor;
    const selected = editor ? editor.selections.map((s) => editor.document.getText(s)).filter(Boolean).join('\n') : '';
    const source = selected ? 'selection' : 'clipboard';
    const text = selected || (await vscode.env.clipboard.readText());
    if (!text.trim()) {
      void vscode.window.showInformationMessage('Prompt Cost: select some text (or copy it to the clipboard) to estimate.');
      return { source, characters: 0 };
    }
    const subject = editor ? { uri: editor.document.uri, enginePath: enginePathFor(editor.document) } : undefined;
    await services.engine.whenReady(subject);
    const engine = subject ? services.engine.forSubject(subject) : services.engine.forWorkspace();
    // Counted in the pipeline worker: the tokenizer never loads on the host's thread.
    const analysis = await services.analyzer.analyzeText(text, engine);
    const title = `Prompt Cost: ${source === 'selection' ? 'selection' : 'clipboard'} (${text.length.toLocaleString('en-US')} characters)`;
    const simulate = () => vscode.commands.executeCommand(CommandId.SimulateMonthlyCost, { text });
    const picked = await showModelQuickPick(services, title, analysis.call, simulate);
    return { source, characters: text.length, ...picked };
  },
};
