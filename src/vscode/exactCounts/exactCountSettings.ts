/**
 * Reads the exact-count settings. Turning them on sends prompts to a provider, so only the user's own
 * (global) values count — never a workspace's, trusted or not — and in Restricted Mode nothing is on at
 * all. (package.json also lists them under `restrictedConfigurations`, with scope `machine`.)
 */
import * as vscode from 'vscode';
import { COUNT_PROVIDERS, DEFAULT_COUNT_BASE_URLS, type CountProvider } from '../../core/exactCounts/countProviders';
import type { SettingKey } from '../../core/manifest/settingKeys';
import type { Configuration } from '../configuration';

const ENABLED: Readonly<Record<CountProvider, SettingKey>> = { anthropic: 'exactCounts.anthropic', gemini: 'exactCounts.gemini' };
const URL_KEYS: Readonly<Record<CountProvider, SettingKey>> = { anthropic: 'exactCounts.anthropicUrl', gemini: 'exactCounts.geminiUrl' };

export const EXACT_COUNT_KEYS: readonly SettingKey[] = [...Object.values(ENABLED), ...Object.values(URL_KEYS)];

export interface ExactCountSettings {
  /** Turned on by the user, in a trusted workspace. */
  providers: CountProvider[];
  baseUrls: Record<CountProvider, string>;
  /** The user turned some on, but the workspace is not trusted: nothing is sent. */
  blockedByRestrictedMode: boolean;
}

export function readExactCountSettings(config: Pick<Configuration, 'inspect'>, trusted = vscode.workspace.isTrusted): ExactCountSettings {
  const on = COUNT_PROVIDERS.filter((p) => config.inspect(ENABLED[p])?.globalValue === true);
  const baseUrls = {} as Record<CountProvider, string>;
  for (const p of COUNT_PROVIDERS) {
    const value = config.inspect(URL_KEYS[p])?.globalValue;
    baseUrls[p] = typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_COUNT_BASE_URLS[p];
  }
  return { providers: trusted ? on : [], baseUrls, blockedByRestrictedMode: !trusted && on.length > 0 };
}

/** Turns one provider on in the user's settings (after its key was set). */
export function turnOn(config: Pick<Configuration, 'update'>, provider: CountProvider): Thenable<void> {
  return config.update(ENABLED[provider], true, vscode.ConfigurationTarget.Global);
}
