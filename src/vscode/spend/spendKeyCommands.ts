/**
 * Set API Key and Clear API Key: the key is typed at a prompt that names the origin it will be sent to, and
 * stored in SecretStorage bound to that origin (core/spend/keyOrigin.ts).
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { effectiveBaseUrl } from '../../core/spend/spendConfig';
import { SpendError } from '../../core/spend/spendTypes';
import { parseBaseUrl } from '../../core/spend/urlPolicy';
import type { Configuration } from '../configuration';
import type { Log } from '../log';
import type { SpendSecrets } from './spendSecrets';
import { urlFromWorkspaceSettings } from './spendSettings';
import type { SpendSettingsWatcher } from './spendSettingsWatcher';

/** Arguments accepted by Set / Clear API Key; `key` is honoured only outside production (integration tests). */
export interface SetApiKeyArgs {
  source?: string;
  key?: string;
}

export interface SpendKeyServices {
  secrets: Pick<SpendSecrets, 'get' | 'store' | 'delete'>;
  spendSettings: Pick<SpendSettingsWatcher, 'settings' | 'urlChosenByWorkspaceFile'>;
  config: Pick<Configuration, 'inspect'>;
  extensionMode: vscode.ExtensionMode;
  log: Log;
}

async function pickSource(services: SpendKeyServices, args: SetApiKeyArgs | undefined, placeHolder: string): Promise<string | undefined> {
  const sources = services.spendSettings.settings.config.sources;
  if (sources.length === 0) {
    const configure = 'Configure';
    const choice = await vscode.window.showInformationMessage('Prompt Cost: no spend source is enabled (setting promptCost.spend.sources, or spend.sources in .promptcost.yml).', configure);
    if (choice === configure) await vscode.commands.executeCommand(CommandId.ConfigureSpend);
    return undefined;
  }
  if (typeof args?.source === 'string') {
    if (sources.some((s) => s.id === args.source)) return args.source;
    void vscode.window.showErrorMessage(`Prompt Cost: '${args.source}' is not an enabled spend source.`);
    return undefined;
  }
  if (sources.length === 1) return sources[0].id;
  const items = await Promise.all(
    sources.map(async (s) => {
      const stored = await services.secrets.get(s.id);
      const url = effectiveBaseUrl(s);
      const where = services.spendSettings.urlChosenByWorkspaceFile(s.id) ? ' (from .promptcost.yml)' : urlFromWorkspaceSettings(services.config, s.kind) ? ' (from workspace settings)' : '';
      return { label: s.id, description: url ? `${url}${where}` : 'no URL set', detail: stored ? `key stored for ${stored.origin}` : 'no key stored', id: s.id };
    }),
  );
  return (await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true }))?.id;
}

export async function setApiKey(services: SpendKeyServices, args: SetApiKeyArgs | undefined): Promise<void> {
  const id = await pickSource(services, args, 'Set the API key of which spend source?');
  if (!id) return;
  const source = services.spendSettings.settings.config.sources.find((s) => s.id === id)!;
  // The prompt below shows this origin: typing the key there names it for the key, the only way a URL from
  // the workspace file gets one (core/spend/keyOrigin.ts).
  let origin: string;
  try {
    origin = parseBaseUrl(effectiveBaseUrl(source), id).origin;
  } catch (error) {
    const configure = 'Configure';
    const message = error instanceof SpendError ? error.message : String(error);
    const choice = await vscode.window.showErrorMessage(`Prompt Cost: set a valid base URL first. ${message}`, configure);
    if (choice === configure) await vscode.commands.executeCommand(CommandId.ConfigureSpend);
    return;
  }
  let key: string | undefined;
  if (typeof args?.key === 'string' && services.extensionMode !== vscode.ExtensionMode.Production) {
    key = args.key;
  } else {
    // A trusted workspace may still be a repository someone else wrote: say when it chose this URL.
    const writtenIn = services.spendSettings.urlChosenByWorkspaceFile(id) ? ".promptcost.yml" : urlFromWorkspaceSettings(services.config, source.kind) ? 'settings (.vscode/settings.json)' : null;
    const fromFile = writtenIn ? ` This URL comes from the workspace's ${writtenIn}: enter a key only if you trust ${origin}.` : '';
    key = await vscode.window.showInputBox({
      title: `API key for ${id} — sent only to ${origin}`,
      prompt: `Stored in the OS keychain (VS Code SecretStorage) and bound to ${origin}. Changing the URL asks for it again.${fromFile}`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'Enter the key' : /\s/.test(value.trim()) ? 'A key has no spaces' : undefined),
    });
  }
  if (!key || !key.trim()) return;
  await services.secrets.store(id, key.trim(), origin);
  services.log.info(`spend: key stored for ${id} (${origin})`);
  if (args?.key === undefined) void vscode.window.showInformationMessage(`Prompt Cost: key stored for ${id}; it is sent only to ${origin}.`);
}

export async function clearApiKey(services: SpendKeyServices, args: SetApiKeyArgs | undefined): Promise<void> {
  // A named source's stored key can be forgotten even when the source is no longer enabled (e.g. it came
  // from a .promptcost.yml section since removed).
  const named = typeof args?.source === 'string' && (await services.secrets.get(args.source)) ? args.source : undefined;
  const id = named ?? (await pickSource(services, args, 'Forget the API key of which spend source?'));
  if (!id) return;
  await services.secrets.delete(id);
  services.log.info(`spend: key removed for ${id}`);
}
