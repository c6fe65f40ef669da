/** The spend feature's five commands and the services they use; registered by SpendController. */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import type { CommandDefinition } from '../commands/registerCommand';
import { clearApiKey, setApiKey, type SetApiKeyArgs, type SpendKeyServices } from './spendKeyCommands';

export interface SpendCommandServices extends SpendKeyServices {
  /** Polls every source now; resolves when done. */
  refresh(): Promise<void>;
  openDashboard(): void;
  /** This extension's id, to open the Settings editor on its spend and budget settings. */
  extensionId: string;
}

export const SPEND_COMMANDS: readonly CommandDefinition<SpendCommandServices>[] = [
  { id: CommandId.RefreshSpend, run: (services) => services.refresh() },
  { id: CommandId.OpenDashboard, run: (services) => services.openDashboard() },
  { id: CommandId.SetApiKey, run: (services, args) => setApiKey(services, args as SetApiKeyArgs | undefined) },
  { id: CommandId.ClearApiKey, run: (services, args) => clearApiKey(services, args as SetApiKeyArgs | undefined) },
  {
    id: CommandId.ConfigureSpend,
    run: (services) => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${services.extensionId} spend budget`),
  },
];
