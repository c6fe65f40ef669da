/**
 * The language modules, and every per-language answer the engine needs, derived from them. Adding a language
 * is one folder under `src/core/languages/` and one line in `LANGUAGE_MODULES`; the order of the list is the
 * order users see (the `promptCost.enabledLanguages` default, the editor's document selector).
 */
import * as path from 'path';
import type { LanguageFinder } from '../prompts/languageFinder';
import type { ModuleReader } from '../prompts/modules/moduleReader';
import type { FoundPrompt, SourceLanguage } from '../prompts/prompt';
import { csharpLanguage } from './csharp/csharpLanguage';
import { goLanguage } from './go/goLanguage';
import { javaLanguage } from './java/javaLanguage';
import { javascriptLanguage } from './javascript/javascriptLanguage';
import type { FileLanguage, LanguageModule, LiteralShapeReader } from './languageModule';
import { NO_MEMBERS, type MemberList } from './memberLists';
import { promptFilesLanguage } from './promptFiles/promptFilesLanguage';
import { isInPromptsFolder, PROMPTS_FOLDER_GLOB } from './promptsFolder';
import { pythonLanguage } from './python/pythonLanguage';

export const LANGUAGE_MODULES: readonly LanguageModule[] = [
  pythonLanguage,
  javascriptLanguage,
  goLanguage,
  javaLanguage,
  csharpLanguage,
  promptFilesLanguage,
];

/** Every engine language, in registry order. */
export const FILE_LANGUAGES: readonly FileLanguage[] = LANGUAGE_MODULES.flatMap((m) => m.fileLanguages);

const MODULE_OF = new Map<SourceLanguage, LanguageModule>(LANGUAGE_MODULES.flatMap((m) => m.fileLanguages.map((l) => [l.id, m] as const)));
const FILE_LANGUAGE = new Map<SourceLanguage, FileLanguage>(FILE_LANGUAGES.map((l) => [l.id, l]));
/** Endings with more than one dot (`.prompt.md`): matched on the whole name, before the extension. */
const COMPOUND_ENDINGS = FILE_LANGUAGES.flatMap((l) => l.extensions.filter((e) => e.lastIndexOf('.') > 0).map((ending) => ({ ending, language: l })));
const BY_EXTENSION = new Map<string, FileLanguage>(FILE_LANGUAGES.flatMap((l) => l.extensions.filter((e) => e.lastIndexOf('.') === 0).map((e) => [e, l] as const)));
const BY_FILE_NAME = new Map<string, FileLanguage>(FILE_LANGUAGES.flatMap((l) => (l.fileNames ?? []).map((n) => [n, l] as const)));
const IGNORED_SUFFIXES = LANGUAGE_MODULES.flatMap((m) => m.ignoredSuffixes ?? []);

/** The language of `filePath` by its name alone (no content sniffing), or null when the engine does not read such files. */
export function languageForFile(filePath: string): SourceLanguage | null {
  const base = path.basename(filePath).toLowerCase();
  const named = BY_FILE_NAME.get(filePath.split(/[\\/]/).pop()!.toLowerCase()); // either separator, as for prompts folders
  if (named) return named.id;
  const compound = COMPOUND_ENDINGS.find((c) => base.endsWith(c.ending));
  if (compound) return compound.language.id;
  if (IGNORED_SUFFIXES.some((suffix) => base.endsWith(suffix))) return null;
  const language = BY_EXTENSION.get(path.extname(base));
  if (!language) return null;
  if (language.onlyInPromptsFolder && !isInPromptsFolder(filePath)) return null;
  return language.id;
}


/** The registry's entry for `language`. */
export function fileLanguage(language: SourceLanguage): FileLanguage | undefined {
  return FILE_LANGUAGE.get(language);
}

/** The tree-sitter grammar of a language, or null for prompt files (read as text). */
export function grammarOf(language: SourceLanguage): string | null {
  return FILE_LANGUAGE.get(language)?.grammar ?? null;
}

/** The grammar to load before reading `language`: its own, or the one its text reader parses with (notebooks: Python). */
export function grammarToLoad(language: SourceLanguage): string | null {
  const entry = FILE_LANGUAGE.get(language);
  return entry?.grammar ?? entry?.textGrammar ?? null;
}

/** How `language` imports from other files of a project (`prompts/modules/moduleReader.ts`); undefined when it does not. */
export function moduleReaderOf(language: SourceLanguage): ModuleReader | undefined {
  return MODULE_OF.get(language)?.modules;
}

/** The finder that reads `language`'s tree; undefined for prompt files and unknown languages. */
export function treeFinderOf(language: SourceLanguage): LanguageFinder | undefined {
  return FILE_LANGUAGE.get(language)?.finder;
}

/** The reader of a grammar-less language's text (prompt files); undefined for source languages. */
export function textFinderOf(language: SourceLanguage): ((source: string, filePath: string, language: SourceLanguage) => FoundPrompt[]) | undefined {
  return MODULE_OF.get(language)?.findInText;
}

/** Compress "Apply"'s literal reader for `language`, if it has one. */
export function literalShapeReaderOf(language: SourceLanguage): LiteralShapeReader | undefined {
  return MODULE_OF.get(language)?.readLiteralShape;
}

const GRAMMAR_MODULE = new Map<string, LanguageModule>(LANGUAGE_MODULES.flatMap((m) => Object.keys(m.grammars).map((g) => [g, m] as const)));

/** The wasm file of a grammar, as named in its module's `grammars.json`. */
export function wasmFileOf(grammar: string): string {
  const file = GRAMMAR_MODULE.get(grammar)?.grammars[grammar];
  if (!file) throw new Error(`no language module declares the grammar ${grammar}`);
  return file;
}

/** Incremental reuse: which nodes of `grammar`'s trees hold member declarations. */
export function memberListOf(grammar: string): MemberList {
  return GRAMMAR_MODULE.get(grammar)?.memberList ?? NO_MEMBERS;
}

/** The engine languages VS Code knows by id, in registry order: activation events and the providers' selector. */
export const EDITOR_LANGUAGE_IDS: readonly SourceLanguage[] = FILE_LANGUAGES.filter((l) => l.editorLanguage).map((l) => l.id);

/**
 * A glob that finds a prompt-file language's files by name (VS Code has no language id for most of them);
 * null for source languages, which are found by language id.
 */
export function fileNamePattern(language: FileLanguage): string | null {
  if (language.grammar) return null;
  if (language.fileNames) return language.fileNames.length === 1 ? `**/${language.fileNames[0]}` : `**/{${language.fileNames.join(',')}}`;
  const names = language.extensions.map((e) => e.slice(1));
  const name = names.length === 1 ? names[0] : `{${names.join(',')}}`;
  return language.onlyInPromptsFolder ? `**/${PROMPTS_FOLDER_GLOB}/**/*.${name}` : `**/*.${name}`;
}

/**
 * One glob for every file name the engine may read, for a workspace search (Estimate Workspace):
 * `**\/*.{py,…,md}` by last extension; `languageForFile` then decides per file (`.md` only as `.prompt.md`
 * or under prompts/).
 */
export function workspaceFileGlob(): string {
  const names = FILE_LANGUAGES.flatMap((l) => [...l.extensions, ...(l.fileNames ?? [])]);
  const endings = [...new Set(names.map((e) => e.slice(e.lastIndexOf('.') + 1)))];
  return `**/*.{${endings.join(',')}}`;
}
