/**
 * Set and Clear Exact-Count API Key: the key is typed at a prompt that names the origin it will be sent
 * to, and stored in SecretStorage bound to that origin (as the spend keys are).
 */
import * as vscode from 'vscode';
import { COUNT_PROVIDERS, PROVIDER_TITLES, type CountProvider } from '../../core/exactCounts/countProviders';
import { CommandId } from '../../core/manifest/commandIds';
import { SpendError } from '../../core/spend/spendTypes';
import { parseBaseUrl } from '../../core/spend/urlPolicy';
import type { CommandDefinition } from '../commands/registerCommand';
import type { Configuration } from '../configuration';
import type { Log } from '../log';
import type { ExactCountSecrets } from './exactCountSecrets';
import { readExactCountSettings, turnOn } from './exactCountSettings';

/** Arguments of both commands; `key` is honoured only outside production (integration tests). */
export interface ExactCountKeyArgs {
  provider?: string;
  key?: string;
}

export interface ExactCountKeyServices {
  secrets: Pick<ExactCountSecrets, 'current' | 'store' | 'delete'>;
  config: Pick<Configuration, 'inspect' | 'update'>;
  extensionMode: vscode.ExtensionMode;
  log: Log;
}

export const EXACT_COUNT_KEY_COMMANDS: readonly CommandDefinition<ExactCountKeyServices>[] = [
  { id: CommandId.SetExactCountsKey, run: (services, args) => setExactCountsKey(services, args as ExactCountKeyArgs | undefined) },
  { id: CommandId.ClearExactCountsKey, run: (services, args) => clearExactCountsKey(services, args as ExactCountKeyArgs | undefined) },
];

async function pickProvider(services: ExactCountKeyServices, args: ExactCountKeyArgs | undefined, placeHolder: string): Promise<CountProvider | undefined> {
  if (typeof args?.provider === 'string') {
    if ((COUNT_PROVIDERS as readonly string[]).includes(args.provider)) return args.provider as CountProvider;
    void vscode.window.showErrorMessage(`Prompt Cost: '${args.provider}' is not a provider of exact counts (anthropic, gemini).`);
    return undefined;
  }
  const settings = readExactCountSettings(services.config);
  const items = COUNT_PROVIDERS.map((provider) => {
    const stored = services.secrets.current(provider);
    const on = settings.providers.includes(provider) ? 'on' : 'off';
    return { label: PROVIDER_TITLES[provider], description: `${settings.baseUrls[provider]} · ${on}`, detail: stored ? `key stored for ${stored.origin}` : 'no key stored', provider };
  });
  return (await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true }))?.provider;
}

async function setExactCountsKey(services: ExactCountKeyServices, args: ExactCountKeyArgs | undefined): Promise<void> {
  const provider = await pickProvider(services, args, 'Set the key for exact counts from which API?');
  if (!provider) return;
  const title = PROVIDER_TITLES[provider];
  const settings = readExactCountSettings(services.config);
  let origin: string;
  try {
    origin = parseBaseUrl(settings.baseUrls[provider], `exact counts (${title})`).origin;
  } catch (error) {
    void vscode.window.showErrorMessage(`Prompt Cost: set a valid URL first. ${error instanceof SpendError ? error.message : String(error)}`);
    return;
  }
  let key: string | undefined;
  if (typeof args?.key === 'string' && services.extensionMode !== vscode.ExtensionMode.Production) {
    key = args.key;
  } else {
    key = await vscode.window.showInputBox({
      title: `${title} key for exact token counts — sent only to ${origin}`,
      prompt: `Stored in the OS keychain (VS Code SecretStorage) and bound to ${origin}. Changing the URL asks for it again. With exact counts on, the prompts of calls on this provider's models are sent there to be counted.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? 'Enter the key' : /\s/.test(value.trim()) ? 'A key has no spaces' : undefined),
    });
  }
  if (!key || !key.trim()) return;
  await services.secrets.store(provider, key.trim(), origin);
  services.log.info(`exact counts: key stored for the ${title} (${origin})`);
  if (args?.key !== undefined) return;
  if (settings.providers.includes(provider)) {
    void vscode.window.showInformationMessage(`Prompt Cost: key stored for the ${title}; it is sent only to ${origin}.`);
    return;
  }
  const turnOnLabel = 'Turn On';
  const choice = await vscode.window.showInformationMessage(`Prompt Cost: key stored for the ${title}. Exact counts from it are off: turn them on? Prompts of calls on its models are then sent to ${origin} to be counted.`, turnOnLabel);
  if (choice === turnOnLabel) await turnOn(services.config, provider);
}

async function clearExactCountsKey(services: ExactCountKeyServices, args: ExactCountKeyArgs | undefined): Promise<void> {
  const provider = await pickProvider(services, args, 'Forget the exact-count key of which API?');
  if (!provider) return;
  await services.secrets.delete(provider);
  services.log.info(`exact counts: key removed for the ${PROVIDER_TITLES[provider]}`);
}
