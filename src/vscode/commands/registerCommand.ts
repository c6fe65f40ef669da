/**
 * The one way a command is registered. A failing handler is logged and offered as "Show Log", never shown
 * as a modal, and the command resolves to `undefined`. Each command is a `CommandDefinition` that names the
 * few services it uses; the feature that owns it registers its list with those services.
 */
import * as vscode from 'vscode';
import type { CommandId } from '../../core/manifest/commandIds';
import { EXTENSION_NAME } from '../../core/manifest/extensionNames';

/** A command handler: the services it uses come first, then the command's own arguments. */
export interface CommandDefinition<Services> {
  readonly id: CommandId;
  run(services: Services, ...args: unknown[]): unknown;
}

/** Where a failure goes (the extension's Log). */
export interface CommandFailureLog {
  error(message: string, error?: unknown): void;
  show(): void;
}

export function registerCommand(id: CommandId, handler: (...args: unknown[]) => unknown, log: CommandFailureLog): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      log.error(`command ${id} failed`, error);
      void vscode.window.showErrorMessage(`${EXTENSION_NAME}: ${id} failed. See the log for details.`, 'Show Log').then((choice) => {
        if (choice) log.show();
      });
      return undefined;
    }
  });
}

/** Registers each definition with `services` as its first argument. */
export function registerCommands<Services>(definitions: readonly CommandDefinition<Services>[], services: Services, log: CommandFailureLog): vscode.Disposable {
  return vscode.Disposable.from(...definitions.map((definition) => registerCommand(definition.id, (...args) => definition.run(services, ...args), log)));
}
