/**
 * The one typed reader of the `promptCost.*` settings (declared, with their types, in
 * core/manifest/settingKeys.ts). Listeners hear only changes that touch the section
 * and route with `changed(e, key)`; at startup, pass `undefined` as the event to run the same handler.
 *
 * Precedence for engine settings (documented in package.json): built-in defaults < `.promptcost.yml` <
 * user settings < workspace settings < folder settings. Only values a user has actually set count, so an
 * untouched VS Code default never hides the team's `.promptcost.yml`.
 */
import * as vscode from 'vscode';
import type { EngineSettings } from '../core/config/engineSettings';
import { settingId, SETTINGS_PREFIX, type ExtensionConfig, type SettingKey } from '../core/manifest/settingKeys';

/** Where a setting is set: VS Code's `inspect`, typed by the setting's key. */
export interface SettingLayers<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

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
  'reasoningTokens',
  'thinkingBudgetShare',
] as const satisfies readonly (SettingKey & keyof EngineSettings)[];

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
  get<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): ExtensionConfig[K] {
    return vscode.workspace.getConfiguration(SETTINGS_PREFIX, scope).get<ExtensionConfig[K]>(key) as ExtensionConfig[K];
  }

  /** Each layer's value of a setting (unset layers absent): for settings whose origin matters (trust, "set by the user"). */
  inspect<K extends SettingKey>(key: K, scope?: vscode.ConfigurationScope): SettingLayers<ExtensionConfig[K]> | undefined {
    return vscode.workspace.getConfiguration(SETTINGS_PREFIX, scope).inspect<ExtensionConfig[K]>(key);
  }

  /**
   * True when `e` touches any of `keys` (for `scope`, when given). `e` undefined means "startup": true, so
   * one handler serves both.
   */
  changed(e: vscode.ConfigurationChangeEvent | undefined, keys: SettingKey | readonly SettingKey[], scope?: vscode.ConfigurationScope): boolean {
    if (e === undefined) return true;
    const list: readonly SettingKey[] = typeof keys === 'string' ? [keys] : keys;
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
  async update<K extends SettingKey>(key: K, value: ExtensionConfig[K] | undefined, target?: vscode.ConfigurationTarget): Promise<void> {
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
