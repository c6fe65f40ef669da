/**
 * What a language module declares. Each folder under `src/core/languages/` exports one `LanguageModule`
 * and `languageRegistry.ts` lists them; every language list elsewhere (file names, grammars, finders,
 * Compress rewriters, incremental reuse, the editor's document selector, the esbuild wasm copy, the
 * `package.json` checks) is derived from that list, so adding a language is one folder and one line.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFinder } from '../prompts/languageFinder';
import type { FoundPrompt, SourceLanguage } from '../prompts/prompt';
import type { EscapeDialect } from '../prompts/strings/escapes';
import type { Shape } from '../rewrite/literalShape';
import type { ModuleReader } from '../prompts/modules/moduleReader';
import type { MemberList } from './memberLists';
import type { SdkCallShape } from './sdkCallShape';

/** One engine language: a VS Code language id (where VS Code has one) with the files it is read from. */
export interface FileLanguage {
  id: SourceLanguage;
  /** How the `promptCost.enabledLanguages` setting describes it. */
  label: string;
  /** Lower-case file name endings with their dot (`.py`, `.prompt.md`); the first one names untitled buffers. */
  extensions: readonly string[];
  /**
   * True when VS Code itself knows `id` as a language: the providers register by it, the extension activates
   * on it, and an untitled buffer of it is read. False for prompt files VS Code has no language for (matched
   * by file name) and for plain text and Markdown (only prompts when under a `prompts` folder).
   */
  editorLanguage: boolean;
  /** Only files inside a folder named `prompts` (any case) are this language (`.txt`, `.md`). */
  onlyInPromptsFolder?: boolean;
  /** Whole lower-case file names that are this language in any folder (`skprompt.txt`), checked before extensions. */
  fileNames?: readonly string[];
  /**
   * A text language whose reader parses what it extracts with this grammar (a notebook's cells are Python):
   * the grammar is loaded before the reader runs. It has no tree finder of its own (`grammar` stays unset).
   */
  textGrammar?: string;
  /** The tree-sitter grammar (a key of the module's `grammars`) and its finder; absent for text files. */
  grammar?: string;
  finder?: LanguageFinder;
}

/** Reads the literal shape (quotes, escapes, concatenation) of the node spanning a prompt, or says why not. */
export type LiteralShapeReader = (node: Node, source: string) => Shape | string;

export interface LanguageModule {
  /** The module's folder name. */
  name: string;
  fileLanguages: readonly FileLanguage[];
  /** Grammar name → its wasm file in `@vscode/tree-sitter-wasm` (the folder's `grammars.json`; esbuild.js copies them). */
  grammars: Readonly<Record<string, string>>;
  /** File name endings that look like this language but hold no values (`.d.ts`): never read. */
  ignoredSuffixes?: readonly string[];
  /** Reads the prompts of a file that has no grammar (prompt files: the text is the prompt). */
  findInText?: (source: string, filePath: string, language: SourceLanguage) => FoundPrompt[];
  /** How its string literals escape characters (`prompts/strings/escapes.ts`); absent for prompt files. */
  escapeDialect?: EscapeDialect;
  /** Compress "Apply": the literal rewriter's reader. Absent: prompts are replaced verbatim (prompt files). */
  readLiteralShape?: LiteralShapeReader;
  /** The SDK calls that carry prompt text (`sdkCallShape.ts`), as the module's finder reads them. */
  sdkCalls: readonly SdkCallShape[];
  /** Cross-file prompts: the module's imports, its files on disk and their constants. Absent: a file stands alone. */
  modules?: ModuleReader;
  /** Incremental reuse: for a declaration whose members are declarations of their own, the node holding them. */
  memberList?: MemberList;
}
