/** Compress Prompt: owns the preview provider and registers the feature's commands (one line in container.ts). */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import type { Container } from '../container';
import { describeError } from '../log';
import { CompressPreview } from './compressPreview';
import { runCompressPrompt } from './compressPromptCommand';
import { runSetCompressionApiKey } from './setCompressionApiKey';

export class CompressFeature implements vscode.Disposable {
  private readonly preview = new CompressPreview();
  private readonly commands: vscode.Disposable;

  constructor(container: Container) {
    const guarded = (id: string, run: (...args: unknown[]) => Promise<unknown>) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await run(...args);
        } catch (error) {
          container.log.error(`command ${id} failed: ${describeError(error)}`);
          void vscode.window.showErrorMessage(`Prompt Cost Lens: ${id} failed. See the log for details.`, 'Show Log').then((choice) => {
            if (choice) container.log.show();
          });
          return undefined;
        }
      });
    this.commands = vscode.Disposable.from(
      guarded(CommandId.CompressPrompt, (arg) => runCompressPrompt(container, this.preview, arg)),
      guarded(CommandId.SetCompressionApiKey, (value) => runSetCompressionApiKey(container, value)),
    );
  }

  dispose(): void {
    this.commands.dispose();
    this.preview.dispose();
  }
}
