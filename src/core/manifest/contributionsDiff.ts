/**
 * What package.json `contributes` says that the manifest in this folder does not, and the reverse: command
 * ids, setting keys with their type, scope, default and enum, restricted settings, view ids, and the context
 * keys and webview panels `when` clauses name. Plain data in, one line per difference out (empty: they agree).
 */
import { COMMAND_IDS } from './commandIds';
import { ContextKey, ViewId, WebviewPanelType } from './extensionNames';
import { SETTINGS, SETTINGS_PREFIX, type SettingDeclaration } from './settingKeys';

/** The parts of package.json read here (anything else is ignored). */
export interface PackageManifest {
  contributes?: {
    commands?: { command: string }[];
    configuration?: ConfigurationSection | ConfigurationSection[];
    views?: Record<string, { id: string }[]>;
    menus?: Record<string, { command?: string; when?: string }[]>;
  };
  capabilities?: { untrustedWorkspaces?: { restrictedConfigurations?: string[] } };
}

interface ConfigurationSection {
  properties?: Record<string, { type?: unknown; scope?: string; default?: unknown; enum?: unknown[] }>;
}

export interface DeclaredContributions {
  commands: readonly string[];
  settings: Readonly<Record<string, SettingDeclaration<unknown>>>;
  views: readonly string[];
  contextKeys: readonly string[];
  webviewPanels: readonly string[];
}

/** What this folder declares, in the shape `contributionsDiff` compares. */
export const DECLARED_CONTRIBUTIONS: DeclaredContributions = {
  commands: COMMAND_IDS,
  settings: SETTINGS,
  views: Object.values(ViewId),
  contextKeys: Object.values(ContextKey),
  webviewPanels: Object.values(WebviewPanelType),
};

export function contributionsDiff(pkg: PackageManifest, declared: DeclaredContributions = DECLARED_CONTRIBUTIONS): string[] {
  const problems: string[] = [];
  const contributes = pkg.contributes ?? {};

  const commands = (contributes.commands ?? []).map((c) => c.command);
  problems.push(...oneWay(declared.commands, commands, 'command', 'declared in core/manifest/commandIds.ts but not in package.json'));
  problems.push(...oneWay(commands, declared.commands, 'command', 'in package.json but not declared in core/manifest/commandIds.ts'));
  for (const [menu, items] of Object.entries(contributes.menus ?? {})) {
    for (const item of items) {
      if (item.command && !declared.commands.includes(item.command)) problems.push(`menu ${menu}: command ${item.command} is not declared`);
    }
  }

  const sections = Array.isArray(contributes.configuration) ? contributes.configuration : contributes.configuration ? [contributes.configuration] : [];
  const properties = Object.assign({}, ...sections.map((s) => s.properties ?? {})) as NonNullable<ConfigurationSection['properties']>;
  const declaredIds = Object.keys(declared.settings).map((key) => `${SETTINGS_PREFIX}.${key}`);
  problems.push(...oneWay(declaredIds, Object.keys(properties), 'setting', 'declared in core/manifest/settingKeys.ts but not in package.json'));
  problems.push(...oneWay(Object.keys(properties), declaredIds, 'setting', 'in package.json but not declared in core/manifest/settingKeys.ts'));
  const restricted = pkg.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
  for (const [key, declaration] of Object.entries(declared.settings)) {
    const id = `${SETTINGS_PREFIX}.${key}`;
    const property = properties[id];
    if (!property) continue;
    if (property.type !== declaration.type) problems.push(`setting ${id}: type ${JSON.stringify(property.type)} in package.json, ${JSON.stringify(declaration.type)} declared`);
    if ((property.scope ?? 'window') !== declaration.scope) problems.push(`setting ${id}: scope ${property.scope ?? 'window (unset)'} in package.json, ${declaration.scope} declared`);
    if (declaration.default !== undefined && !sameJson(property.default, declaration.default)) {
      problems.push(`setting ${id}: default ${JSON.stringify(property.default)} in package.json, ${JSON.stringify(declaration.default)} declared`);
    }
    if (declaration.enum !== undefined && !sameJson(property.enum, declaration.enum)) {
      problems.push(`setting ${id}: enum ${JSON.stringify(property.enum)} in package.json, ${JSON.stringify(declaration.enum)} declared`);
    }
    if (Boolean(declaration.restricted) !== restricted.includes(id)) {
      problems.push(`setting ${id}: ${declaration.restricted ? 'declared restricted but not' : 'not declared restricted but'} in restrictedConfigurations`);
    }
  }
  problems.push(...oneWay(restricted, declaredIds, 'restricted setting', 'is not a declared setting'));

  const views = Object.values(contributes.views ?? {}).flat().map((v) => v.id);
  problems.push(...oneWay(declared.views, views, 'view', 'declared in core/manifest/extensionNames.ts but not in package.json'));
  problems.push(...oneWay(views, declared.views, 'view', 'in package.json but not declared in core/manifest/extensionNames.ts'));

  // A `when` clause naming an undeclared key is always false: the menu item would silently never show.
  const whens = [...Object.values(contributes.menus ?? {}).flat(), ...Object.values(contributes.views ?? {}).flat()]
    .map((item) => (item as { when?: string }).when ?? '');
  const usedKeys = new Set(whens.flatMap((when) => when.match(new RegExp(`\\b${SETTINGS_PREFIX}:\\w+`, 'g')) ?? []));
  problems.push(...oneWay([...usedKeys], declared.contextKeys, 'context key', 'used in a when clause but not declared in core/manifest/extensionNames.ts'));
  const usedPanels = new Set(whens.flatMap((when) => [...when.matchAll(/activeWebviewPanelId\s*==\s*'?([\w.-]+)'?/g)].map((m) => m[1])));
  problems.push(...oneWay([...usedPanels], declared.webviewPanels, 'webview panel', 'used in a when clause but not declared in core/manifest/extensionNames.ts'));
  return problems;
}

function oneWay(from: readonly string[], to: readonly string[], what: string, why: string): string[] {
  return from.filter((id) => !to.includes(id)).map((id) => `${what} ${id}: ${why}`);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Objects with sorted keys, so key order never counts as a difference. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  return value;
}
