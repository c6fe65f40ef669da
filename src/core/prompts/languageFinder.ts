/**
 * The contract every source-language module implements: given a parsed tree, report the prompts.
 * One module per language lives in `core/languages/` (`languageRegistry.ts`); `findPrompts.ts` picks it by file name.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FindTrace } from './findTrace';
import type { GrammarName } from './parser';
import type { FoundPrompt, SourceLanguage } from './prompt';

export interface FinderContext {
  /** The whole file's text; tree node indices (startIndex/endIndex) are JS string indices into it. */
  source: string;
  language: SourceLanguage;
  filePath: string;
  /** Told what the finder reads (see `findTrace.ts`); only the incremental re-find passes one. */
  trace?: FindTrace;
}

export interface LanguageFinder {
  grammar: GrammarName;
  find(root: Node, ctx: FinderContext): FoundPrompt[];
}
