import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import type { CommandDefinition } from './registerCommand';

/** Opens `uri` with the cursor on `line` (0-based): the workspace report's items call it. */
export const openPromptLocationCommand: CommandDefinition<unknown> = {
  id: CommandId.OpenPromptLocation,
  async run(_services, uri, line) {
    if (!(uri instanceof vscode.Uri)) return;
    const at = new vscode.Position(typeof line === 'number' ? line : 0, 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), preview: true });
  },
};
