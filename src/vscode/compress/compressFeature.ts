/** Compress Prompt: owns the preview provider and registers the feature's two commands with the services they use. */
import * as vscode from 'vscode';
import { registerCommands } from '../commands/registerCommand';
import { CompressPreview } from './compressPreview';
import { compressPromptCommand, type CompressServices } from './compressPromptCommand';
import { setCompressionApiKeyCommand } from './setCompressionApiKey';

export class CompressFeature implements vscode.Disposable {
  private readonly preview = new CompressPreview();
  private readonly commands: vscode.Disposable;

  constructor(services: Omit<CompressServices, 'preview'>) {
    this.commands = registerCommands<CompressServices>([compressPromptCommand, setCompressionApiKeyCommand], { ...services, preview: this.preview }, services.log);
  }

  dispose(): void {
    this.commands.dispose();
    this.preview.dispose();
  }
}
