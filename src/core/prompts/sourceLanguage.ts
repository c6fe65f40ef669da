/**
 * Which language a file is, by its name alone, and which tree-sitter grammar reads it: answered by the
 * language registry (`core/languages/languageRegistry.ts`). Prompt files (`.prompt.md`, `.prompty`,
 * Jinja, Mustache…) have no grammar: they are read as text.
 */
import { grammarToLoad, languageForFile } from '../languages/languageRegistry';
import type { GrammarName } from './parser';
import type { SourceLanguage } from './prompt';

export { languageForFile };

/**
 * The tree-sitter grammar to load for a language: a source language's own, the one a notebook's cells are
 * parsed with, or null for prompt files (read as text).
 */
export function grammarForLanguage(language: SourceLanguage): GrammarName | null {
  return grammarToLoad(language);
}
