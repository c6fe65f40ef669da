/**
 * "Prompt Cost: Set Compression API Key": stores (or clears) the model-assisted endpoint's key in
 * SecretStorage, bound to the origin of the endpoint configured now (the prompt shows which).
 */
import * as vscode from 'vscode';
import { keyOriginFor, type BoundKey } from '../../core/compress/endpointPolicy';
import { CommandId } from '../../core/manifest/commandIds';
import type { CommandDefinition } from '../commands/registerCommand';
import type { Configuration } from '../configuration';
import { readCompressSettings } from './compressSettings';

/** SecretStorage key of the model-assisted compression endpoint's API key. */
export const COMPRESS_API_KEY_SECRET = 'promptCost.compress.apiKey';

export const setCompressionApiKeyCommand: CommandDefinition<{ config: Configuration; secrets: vscode.SecretStorage }> = {
  id: CommandId.SetCompressionApiKey,
  run: (services, value) => setCompressionApiKey(services, value),
};

/** `value`: the key itself (tests, keybindings), else asked for. */
async function setCompressionApiKey({ config, secrets }: { config: Configuration; secrets: vscode.SecretStorage }, value?: unknown): Promise<boolean> {
  const endpoint = readCompressSettings(config).modelAssisted.endpoint;
  const origin = keyOriginFor(endpoint);
  const key = typeof value === 'string'
    ? value
    : await vscode.window.showInputBox({
      title: 'Compression API Key',
      prompt: origin
        ? `API key for ${origin} (kept in VS Code secret storage, sent only there). Leave empty to remove it.`
        : 'Leave empty to remove the key. To save one, first set promptCost.compress.modelAssisted.endpoint: the key is sent only to its origin.',
      password: true,
      ignoreFocusOut: true,
    });
  if (key === undefined) return false;
  if (key.trim() === '') {
    await secrets.delete(COMPRESS_API_KEY_SECRET);
    void vscode.window.showInformationMessage('Compression API key removed.');
    return true;
  }
  if (!origin) {
    void vscode.window.showWarningMessage('Compression API key not saved: set promptCost.compress.modelAssisted.endpoint (https://, or http:// to localhost) first; the key is sent only to its origin.');
    return false;
  }
  await secrets.store(COMPRESS_API_KEY_SECRET, JSON.stringify({ secret: key.trim(), origin } satisfies BoundKey));
  void vscode.window.showInformationMessage(`Compression API key saved for ${origin}.`);
  return true;
}
