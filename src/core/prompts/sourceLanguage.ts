/**
 * Which language a file is, by its name alone, and which tree-sitter grammar reads it: answered by the
 * language registry (`core/languages/languageRegistry.ts`). Prompt files (`.prompt.md`, `.prompty`,
 * Jinja, Mustache…) have no grammar: they are read as text.
 */
import { grammarOf, languageForFile } from '../languages/languageRegistry';
import type { GrammarName } from './parser';
import type { SourceLanguage } from './prompt';

export { languageForFile };

/** The tree-sitter grammar for a source language, or null for prompt files. */
export function grammarForLanguage(language: SourceLanguage): GrammarName | null {
  return grammarOf(language);
}
