/** "Prompt Cost: Set Compression API Key": stores (or clears) the model-assisted endpoint's key in SecretStorage. */
import * as vscode from 'vscode';
import type { Container } from '../container';
import { COMPRESS_API_KEY_SECRET } from './compressCommandIds';

export async function runSetCompressionApiKey(container: Container, value?: unknown): Promise<boolean> {
  const key = typeof value === 'string'
    ? value
    : await vscode.window.showInputBox({
      title: 'Compression API Key',
      prompt: 'API key for the model-assisted compression endpoint (kept in VS Code secret storage). Leave empty to remove it.',
      password: true,
      ignoreFocusOut: true,
    });
  if (key === undefined) return false;
  if (key.trim() === '') {
    await container.context.secrets.delete(COMPRESS_API_KEY_SECRET);
    void vscode.window.showInformationMessage('Compression API key removed.');
  } else {
    await container.context.secrets.store(COMPRESS_API_KEY_SECRET, key.trim());
    void vscode.window.showInformationMessage('Compression API key saved.');
  }
  return true;
}
