/**
 * The extension's log: one LogOutputChannel ("Prompt Cost Lens"). Errors are logged here and never shown
 * as modals; the user opens the channel with "Prompt Cost: Show Log".
 */
import * as vscode from 'vscode';
import { CommandId } from '../core/manifest/commandIds';
import { OUTPUT_CHANNEL_NAME } from '../core/manifest/extensionNames';
import type { CommandDefinition } from './commands/registerCommand';

export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  constructor(name = OUTPUT_CHANNEL_NAME) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  trace(message: string): void {
    this.channel.trace(message);
  }

  debug(message: string): void {
    this.channel.debug(message);
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  /** Logs `error` with its stack (when it has one) under `message`. */
  error(message: string, error?: unknown): void {
    if (error === undefined) this.channel.error(message);
    else this.channel.error(`${message}: ${describeError(error)}`);
  }

  show(preserveFocus = true): void {
    this.channel.show(preserveFocus);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/** "Prompt Cost: Show Log": opens the channel, keeping the editor's focus. */
export const showLogCommand: CommandDefinition<{ log: Pick<Log, 'show'> }> = {
  id: CommandId.ShowLog,
  run({ log }) {
    log.show(true);
  },
};

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
