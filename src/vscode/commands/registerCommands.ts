/** Registers every command in one place; add a new command's definition to COMMANDS (and to package.json). */
import * as vscode from 'vscode';
import type { Container } from '../container';
import type { CommandDefinition } from './command';
import { comparePromptCommand } from './comparePrompt';
import { estimateFileCommand } from './estimateFile';
import { estimateSelectionCommand } from './estimateSelection';
import { estimateWorkspaceCommand } from './estimateWorkspace';
import { openPromptLocationCommand } from './openPromptLocation';
import { selectModelsCommand } from './selectModels';
import { showLogCommand } from './showLog';
import { toggleCodeLensCommand } from './toggleCodeLens';

const COMMANDS: readonly CommandDefinition[] = [
  showLogCommand,
  estimateSelectionCommand,
  estimateFileCommand,
  estimateWorkspaceCommand,
  selectModelsCommand,
  toggleCodeLensCommand,
  comparePromptCommand,
  openPromptLocationCommand,
];

export function registerCommands(container: Container): vscode.Disposable {
  return vscode.Disposable.from(
    ...COMMANDS.map((command) => vscode.commands.registerCommand(command.id, async (...args: unknown[]) => {
      try {
        return await command.run(container, ...args);
      } catch (error) {
        container.log.error(`command ${command.id} failed`, error);
        void vscode.window.showErrorMessage(`Prompt Cost Lens: ${command.id} failed. See the log for details.`, 'Show Log').then((choice) => {
          if (choice) container.log.show();
        });
        return undefined;
      }
    })),
  );
}
