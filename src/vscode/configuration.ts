/**
 * The one typed reader of the `promptCost.*` settings. Listeners hear only changes that touch the section
 * and route with `changed(e, key)`; at startup, pass `undefined` as the event to run the same handler.
 *
 * Precedence for engine settings (documented in package.json): built-in defaults < `.promptcost.yml` <
 * user settings < workspace settings < folder settings. Only values a user has actually set count, so an
 * untouched VS Code default never hides the team's `.promptcost.yml`.
 */
import * as vscode from 'vscode';
import type { EngineSettings } from '../core/config/engineSettings';
import type { SourceLanguage } from '../core/prompts/prompt';
import { SETTINGS_PREFIX } from './constants';

export type DiagnosticSeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** Every setting under `promptCost.`, by its key without the prefix. Keep in step with package.json. */
export interface ExtensionConfig extends Omit<EngineSettings, 'maxFileBytes'> {
  enabledLanguages: SourceLanguage[];
  'codeLens.enabled': boolean;
  'hover.enabled': boolean;
  'diagnostics.severity': DiagnosticSeverityName;
  // ──── Spend tracking (src/vscode/spend/); URLs are read with inspect() there, for workspace trust ────
  'spend.sources': string[];
  'spend.tracker.url': string;
  'spend.tracker.tokenIn': 'query' | 'header';
  'spend.tracker.todayField': string;
  'spend.openai.url': string;
  'spend.anthropic.url': string;
  'spend.litellm.url': string;
  'spend.openrouter.url': string;
  'spend.intervalMinutes': number;
  'spend.useTrackerPricing': boolean;
  'budget.daily': number;
  'budget.monthly': number;
  'budget.thresholds': number[];
  'budget.timeZone': string;
  // ──── Monthly cost simulation (src/vscode/simulate/) ────
  'simulation.requestsPerDay': number;
  'simulation.growth': number;
  'simulation.cacheHitRate': number;
  'simulation.cachedPrefixShare': number;
  'simulation.batchShare': number;
  'simulation.monthlyBudget': number;
  'simulation.acceptableModels': string[];
  'simulation.profile': 'low' | 'expected' | 'high';
}

export type ConfigKey = keyof ExtensionConfig;
/** A full setting id, e.g. `promptCost.compareModels`. */
export type SettingId = `${typeof SETTINGS_PREFIX}.${ConfigKey}`;

/** The settings that feed the estimating engine (same names as `EngineSettings`). */
export const ENGINE_KEYS = [
  'models',
  'compareModels',
  'expectedOutputTokens',
  'placeholderTokens',
  'placeholderSizes',
  'perRequestLimit',
  'priceOverrides',
  'modelAliases',
  'estimateFactors',
] as const satisfies readonly (ConfigKey & keyof EngineSettings)[];

export function settingId(key: ConfigKey): SettingId {
  return `${SETTINGS_PREFIX}.${key}`;
}

export class Configuration implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();
  private readonly subscription: vscode.Disposable;

  /** Fires only for changes that affect `promptCost.*`. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS_PREFIX)) this.emitter.fire(e);
    });
  }

  /** The effective value (VS Code's default when unset). `scope`: the document for resource settings. */
  get<K extends ConfigKey>(key: K, scope?: vscode.ConfigurationScope): ExtensionConfig[K] {
    return vscode.workspace.getConfiguration(SETTINGS_PREFIX, scope).get<ExtensionConfig[K]>(key) as ExtensionConfig[K];
  }

  /**
   * True when `e` touches any of `keys` (for `scope`, when given). `e` undefined means "startup": true, so
   * one handler serves both.
   */
  changed(e: vscode.ConfigurationChangeEvent | undefined, keys: ConfigKey | readonly ConfigKey[], scope?: vscode.ConfigurationScope): boolean {
    if (e === undefined) return true;
    const list: readonly ConfigKey[] = typeof keys === 'string' ? [keys] : keys;
    return list.some((key) => e.affectsConfiguration(settingId(key), scope));
  }

  /**
   * The engine settings a user has explicitly set, as layers from weakest to strongest (user, workspace,
   * folder). Unset keys are absent, so lower layers (`.promptcost.yml`, defaults) keep their say.
   */
  engineLayers(scope?: vscode.ConfigurationScope): Partial<EngineSettings>[] {
    const section = vscode.workspace.getConfiguration(SETTINGS_PREFIX, scope);
    const layers: Record<string, unknown>[] = [{}, {}, {}];
    for (const key of ENGINE_KEYS) {
      const seen = section.inspect(key);
      if (!seen) continue;
      if (seen.globalValue !== undefined) layers[0][key] = seen.globalValue;
      if (seen.workspaceValue !== undefined) layers[1][key] = seen.workspaceValue;
      if (seen.workspaceFolderValue !== undefined) layers[2][key] = seen.workspaceFolderValue;
    }
    return layers.filter((layer) => Object.keys(layer).length > 0) as Partial<EngineSettings>[];
  }

  /**
   * Writes a setting where the user will look for it: where it is already set, else the workspace (when one
   * is open), else user settings.
   */
  async update<K extends ConfigKey>(key: K, value: ExtensionConfig[K] | undefined, target?: vscode.ConfigurationTarget): Promise<void> {
    const section = vscode.workspace.getConfiguration(SETTINGS_PREFIX);
    await section.update(key, value, target ?? defaultTarget(section.inspect(key)));
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

function defaultTarget(seen: { workspaceValue?: unknown; workspaceFolderValue?: unknown; globalValue?: unknown } | undefined): vscode.ConfigurationTarget {
  if (seen?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  if (seen?.globalValue !== undefined) return vscode.ConfigurationTarget.Global;
  return vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}
