/**
 * Reads `promptCost.prices.source` and `promptCost.prices.weeklyCheck`. The source decides what every
 * figure is computed from, and the weekly check makes the editor download on its own, so in an untrusted
 * workspace only the user's own (global) values count: a cloned repository's `.vscode/settings.json`
 * cannot point the prices at its server or turn downloads on. (package.json lists both under
 * `restrictedConfigurations`; reading with `inspect()` makes it hold here too, as for the spend URLs.)
 */
import * as vscode from 'vscode';
import { settingDefault, type ExtensionConfig, type SettingKey } from '../../core/manifest/settingKeys';
import type { Configuration } from '../configuration';

export const PRICES_KEYS = ['prices.source', 'prices.weeklyCheck'] as const satisfies readonly SettingKey[];

export interface PricesSettings {
  /** A URL or an absolute file path (checked when used). */
  source: string;
  weeklyCheck: boolean;
  /** A workspace value was set and ignored because the workspace is not trusted. */
  ignoredWorkspaceValue: boolean;
}

export function readPricesSettings(config: Pick<Configuration, 'get' | 'inspect'>): PricesSettings {
  const trusted = vscode.workspace.isTrusted;
  const source = trusted ? config.get('prices.source') : userValue(config, 'prices.source');
  const weeklyCheck = trusted ? config.get('prices.weeklyCheck') : userValue(config, 'prices.weeklyCheck');
  const ignoredWorkspaceValue = !trusted && PRICES_KEYS.some((key) => {
    const seen = config.inspect(key);
    return seen?.workspaceValue !== undefined || seen?.workspaceFolderValue !== undefined;
  });
  return {
    source: typeof source === 'string' && source.trim() !== '' ? source.trim() : settingDefault('prices.source'),
    weeklyCheck: weeklyCheck === true,
    ignoredWorkspaceValue,
  };
}

/** The user's own value or the default: what counts while the workspace is untrusted. */
function userValue<K extends SettingKey>(config: Pick<Configuration, 'inspect'>, key: K): ExtensionConfig[K] | undefined {
  const seen = config.inspect(key);
  return seen?.globalValue ?? seen?.defaultValue;
}
