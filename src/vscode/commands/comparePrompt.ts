/**
 * The CodeLens click and the diagnostics' quick fix: the compare quick pick for one call. The argument is
 * a call's start (the call lens, a diagnostic) or a prompt's start (a part lens: its first call).
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { callForLens } from '../../core/pipeline/callLookup';
import { callPickTitle } from '../../core/presentation/quickPick/modelRows';
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
    const item = callForLens(analysis, offset, document.positionAt(offset).line);
    if (!item) {
      services.log.info(`no call at ${target.toString()}:${offset}`);
      return undefined;
    }
    // The same argument as the call's $/month lens: the call's start.
    const simulate = () => vscode.commands.executeCommand(CommandId.SimulateMonthlyCost, target, item.call.startOffset);
    return showModelQuickPick(services, callPickTitle(item, analysis.prompts), item, simulate);
  },
};
