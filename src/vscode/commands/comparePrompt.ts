/** The CodeLens click and the diagnostics' quick fix: the compare quick pick for one prompt. */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { promptForLens } from '../engine/promptLookup';
import type { CommandDefinition } from './command';
import { showModelQuickPick, type ModelPickResult } from './modelQuickPick';

export const comparePromptCommand: CommandDefinition = {
  id: CommandId.ComparePrompt,
  async run(container, uri, startOffset): Promise<ModelPickResult | undefined> {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) return undefined;
    const document = await vscode.workspace.openTextDocument(target);
    const analysis = await container.analyzer.analyze(document);
    if (!analysis) return undefined;
    const offset = typeof startOffset === 'number' ? startOffset : document.offsetAt(vscode.window.activeTextEditor?.selection.active ?? new vscode.Position(0, 0));
    const item = promptForLens(analysis, offset, document.positionAt(offset).line);
    if (!item) {
      container.log.info(`no prompt at ${target.toString()}:${offset}`);
      return undefined;
    }
    const name = item.prompt.name ? `${item.prompt.name} ` : '';
    const simulate = () => vscode.commands.executeCommand(CommandId.SimulateMonthlyCost, target, item.prompt.startOffset);
    return showModelQuickPick(container, `Prompt Cost: ${name}(line ${item.prompt.startLine})`, item.estimates, item.variables, simulate);
  },
};
