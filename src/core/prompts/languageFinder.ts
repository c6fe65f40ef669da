/**
 * The contract every source-language module implements: given a parsed tree, report the prompts.
 * One module per language lives in `languages/`; `findPrompts.ts` picks the module by file name.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { GrammarName } from './parser';
import type { FoundPrompt, SourceLanguage } from './prompt';

export interface FinderContext {
  /** The whole file's text; tree node indices (startIndex/endIndex) are JS string indices into it. */
  source: string;
  language: SourceLanguage;
  filePath: string;
}

export interface LanguageFinder {
  grammar: GrammarName;
  find(root: Node, ctx: FinderContext): FoundPrompt[];
}
