/** The CodeLens click and the diagnostics' quick fix: the compare quick pick for one prompt. */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { promptForLens } from '../../core/pipeline/promptLookup';
import type { Configuration } from '../configuration';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import type { Log } from '../log';
import type { CommandDefinition } from './registerCommand';
import { showModelQuickPick, type ModelPickResult } from './modelQuickPick';

export const comparePromptCommand: CommandDefinition<{ analyzer: Pick<DocumentAnalyzer, 'analyze'>; config: Configuration; log: Log }> = {
  id: CommandId.ComparePrompt,
  async run(services, uri, startOffset): Promise<ModelPickResult | undefined> {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!target) return undefined;
    const document = await vscode.workspace.openTextDocument(target);
    const analysis = await services.analyzer.analyze(document);
    if (!analysis) return undefined;
    const offset = typeof startOffset === 'number' ? startOffset : document.offsetAt(vscode.window.activeTextEditor?.selection.active ?? new vscode.Position(0, 0));
    const item = promptForLens(analysis, offset, document.positionAt(offset).line);
    if (!item) {
      services.log.info(`no prompt at ${target.toString()}:${offset}`);
      return undefined;
    }
    const name = item.prompt.name ? `${item.prompt.name} ` : '';
    const simulate = () => vscode.commands.executeCommand(CommandId.SimulateMonthlyCost, target, item.prompt.startOffset);
    return showModelQuickPick(services, `Prompt Cost: ${name}(line ${item.prompt.startLine})`, item.estimates, item.variables, simulate);
  },
};
