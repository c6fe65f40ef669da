/**
 * The language lists `package.json` must state by hand (VS Code reads them before any code runs): the
 * `onLanguage:` activation events, the `promptCost.enabledLanguages` setting, and the `resourceLangId`
 * conditions of the editor menus. `manifestLanguageProblems` says where the manifest disagrees with the
 * language registry; a unit test runs it on the real `package.json`.
 */
import { EDITOR_LANGUAGE_IDS, FILE_LANGUAGES } from './languageRegistry';

/** The manifest fields read here; everything optional so that a broken manifest is reported, not thrown on. */
interface Manifest {
  activationEvents?: unknown;
  contributes?: {
    configuration?: { properties?: Record<string, { default?: unknown; items?: { enum?: unknown; enumDescriptions?: unknown } }> };
    menus?: Record<string, { command?: string; when?: string }[]>;
  };
}

/** Each disagreement between `manifest` and the registry, as a sentence; empty when they agree. */
export function manifestLanguageProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  const ids = FILE_LANGUAGES.map((l) => l.id);
  const compare = (where: string, actual: unknown, expected: readonly string[]): void => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${where} is ${JSON.stringify(actual)}, the registry says ${JSON.stringify(expected)}`);
  };

  const events = Array.isArray(manifest.activationEvents) ? manifest.activationEvents : [];
  const onLanguage = events.filter((e): e is string => typeof e === 'string' && e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
  compare('activationEvents onLanguage:*', onLanguage, EDITOR_LANGUAGE_IDS);

  const setting = manifest.contributes?.configuration?.properties?.['promptCost.enabledLanguages'];
  compare('promptCost.enabledLanguages default', setting?.default, ids);
  compare('promptCost.enabledLanguages items.enum', setting?.items?.enum, ids);
  compare('promptCost.enabledLanguages items.enumDescriptions', setting?.items?.enumDescriptions, FILE_LANGUAGES.map((l) => l.label));

  for (const [menu, items] of Object.entries(manifest.contributes?.menus ?? {})) {
    for (const item of items) {
      const listed = /resourceLangId =~ \/\^\(([^)]*)\)\$\//.exec(item.when ?? '');
      if (listed) compare(`menus.${menu} ${item.command} resourceLangId`, listed[1].split('|'), ids);
    }
  }
  return problems;
}
