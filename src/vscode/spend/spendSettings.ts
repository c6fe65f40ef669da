/**
 * Reads the `promptCost.spend.*` and `promptCost.budget.*` settings into the core's `SpendConfig`.
 *
 * Base URLs decide where a key is sent, so in an untrusted workspace only the user's own (global) value
 * counts: a cloned repository's `.vscode/settings.json` cannot point a source at another host. (package.json
 * also lists these keys under `restrictedConfigurations`; reading with `inspect()` makes it hold here too.)
 */
import * as vscode from 'vscode';
import { SETTING_KEYS, SETTINGS_PREFIX, type ExtensionConfig, type SettingKey } from '../../core/manifest/settingKeys';
import { isValidTimeZone } from '../../core/spend/periods';
import { DEFAULT_INTERVAL_MINUTES, DEFAULT_THRESHOLDS, parseSourceOptions, parseThresholds, SpendConfigError, type SpendConfig, type SpendSourceConfig } from '../../core/spend/spendConfig';
import { SOURCE_KINDS, type SourceKind } from '../../core/spend/spendTypes';
import type { Configuration } from '../configuration';

/** Every spend/budget key: a change to any of them rebuilds the poller. */
export const SPEND_KEYS: readonly SettingKey[] = SETTING_KEYS.filter((key) => key.startsWith('spend.') || key.startsWith('budget.'));

/** The setting holding each source kind's base URL. */
export const URL_KEY = {
  tracker: 'spend.tracker.url',
  openai: 'spend.openai.url',
  anthropic: 'spend.anthropic.url',
  litellm: 'spend.litellm.url',
  openrouter: 'spend.openrouter.url',
} as const satisfies Record<SourceKind, SettingKey>;

export interface SpendSettings {
  config: SpendConfig;
  useTrackerPricing: boolean;
  /** Problems found (bad values are skipped, not fatal); shown once in the log and a warning. */
  problems: string[];
}

export function readSpendSettings(config: Pick<Configuration, 'get' | 'inspect'>): SpendSettings {
  const problems: string[] = [];
  const trusted = vscode.workspace.isTrusted;
  const enabled = uniqueKinds(config.get('spend.sources'), problems);

  const sources: SpendSourceConfig[] = [];
  for (const kind of enabled) {
    const url = readUrl(config, URL_KEY[kind], trusted);
    const rawOptions = kind === 'tracker' ? trackerOptions(config, trusted) : undefined;
    try {
      sources.push({ id: kind, kind, url, options: parseSourceOptions(kind, rawOptions, `${SETTINGS_PREFIX}.spend.${kind}`) } as SpendSourceConfig);
    } catch (error) {
      problems.push(error instanceof SpendConfigError ? error.message : String(error));
      sources.push({ id: kind, kind, url, options: parseSourceOptions(kind, undefined, kind) } as SpendSourceConfig);
    }
  }

  const spendConfig: SpendConfig = {
    sources,
    budget: {
      daily: positiveOrNull(config.get('budget.daily'), 'budget.daily', problems),
      monthly: positiveOrNull(config.get('budget.monthly'), 'budget.monthly', problems),
      thresholds: [...DEFAULT_THRESHOLDS],
    },
    intervalMinutes: DEFAULT_INTERVAL_MINUTES,
  };
  try {
    spendConfig.budget.thresholds = parseThresholds(config.get('budget.thresholds') ?? DEFAULT_THRESHOLDS, `${SETTINGS_PREFIX}.budget.thresholds`);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const zone = (config.get('budget.timeZone') ?? '').trim();
  if (zone && isValidTimeZone(zone)) spendConfig.timeZone = zone;
  else if (zone) problems.push(`${SETTINGS_PREFIX}.budget.timeZone '${zone}' is not an IANA time zone (e.g. Europe/Berlin); using UTC`);
  const interval = config.get('spend.intervalMinutes');
  if (typeof interval === 'number' && Number.isFinite(interval) && interval >= 1 && interval <= 1440) spendConfig.intervalMinutes = interval;
  else if (interval !== undefined) problems.push(`${SETTINGS_PREFIX}.spend.intervalMinutes must be 1 to 1440 minutes; using ${DEFAULT_INTERVAL_MINUTES}`);

  return { config: spendConfig, useTrackerPricing: config.get('spend.useTrackerPricing') === true, problems };
}

function uniqueKinds(raw: unknown, problems: string[]): SourceKind[] {
  if (!Array.isArray(raw)) return [];
  const out: SourceKind[] = [];
  for (const value of raw) {
    if (typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value)) {
      if (!out.includes(value as SourceKind)) out.push(value as SourceKind);
    } else {
      problems.push(`${SETTINGS_PREFIX}.spend.sources: '${String(value)}' is not one of ${SOURCE_KINDS.join(', ')}`);
    }
  }
  return out;
}

function trackerOptions(config: Pick<Configuration, 'get' | 'inspect'>, trusted: boolean): Record<string, unknown> {
  const tokenIn = trusted ? config.get('spend.tracker.tokenIn') : userValue(config, 'spend.tracker.tokenIn');
  const todayField = (config.get('spend.tracker.todayField') ?? '').trim();
  return { tokenIn: tokenIn ?? 'query', ...(todayField ? { todayField } : {}) };
}

/** The effective URL; untrusted: the user's own value or the default, never a workspace value. */
function readUrl(config: Pick<Configuration, 'get' | 'inspect'>, key: (typeof URL_KEY)[SourceKind], trusted: boolean): string | undefined {
  const value = trusted ? config.get(key) : userValue(config, key);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a source's URL setting is written in the open workspace's (or a folder's) settings, not the user's. */
export function urlFromWorkspaceSettings(config: Pick<Configuration, 'inspect'>, kind: SourceKind): boolean {
  const seen = config.inspect(URL_KEY[kind]);
  return vscode.workspace.isTrusted && [seen?.workspaceValue, seen?.workspaceFolderValue].some((v) => typeof v === 'string' && v.trim() !== '');
}

/** The user's own value or the default: what counts while the workspace is untrusted. */
function userValue<K extends SettingKey>(config: Pick<Configuration, 'inspect'>, key: K): ExtensionConfig[K] | undefined {
  const seen = config.inspect(key);
  return seen?.globalValue ?? seen?.defaultValue;
}

function positiveOrNull(value: unknown, key: string, problems: string[]): number | null {
  if (value === undefined || value === null || value === 0) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    problems.push(`${SETTINGS_PREFIX}.${key} must be an amount in USD (0 = no budget)`);
    return null;
  }
  return value;
}
