/**
 * The entry point of prompt discovery: picks the language by file name, parses with tree-sitter and
 * hands the tree to that language's finder (or reads a prompt file as text). Results are sorted by
 * position; trees are always freed (WASM memory is not garbage collected).
 */
import type { LanguageFinder } from './languageFinder';
import { textFinderOf, treeFinderOf } from '../languages/languageRegistry';
import { loadedParser, loadParser, parseWithinBudget, type GrammarName } from './parser';
import type { FoundPrompt, SourceLanguage } from './prompt';
import { grammarForLanguage, languageForFile } from './sourceLanguage';

/** Lower-case substrings that mark a file as possibly talking to a model (cheap pre-filter). */
const LLM_SIGNALS = [
  'openai', 'anthropic', 'claude', 'gpt-', 'gemini', 'genai', 'generativeai', 'vertexai', 'langchain', 'langgraph', 'llama',
  'litellm', 'ollama', 'mistral', 'cohere', 'semantic_kernel', 'semantickernel', 'semantic-kernel', 'bedrock', 'groq',
  'deepseek', 'huggingface', 'transformers', 'generatetext', 'streamtext', 'generateobject', 'streamobject', '@ai-sdk',
  'prompt', 'instruction', 'completion', 'llm', 'model', 'messages', '"role"', "'role'", 'role:', 'system_message',
  'systemmessage', 'chatmessage', 'agent',
];

/**
 * Every signal as one alternation: a file with no sign of LLM use is the common case and is rejected in
 * one pass over its text (~4x faster than one `includes` per signal on a 55 MB tree). It matches the
 * lower-cased *text*; it finds no prompts, so the rule "no regexes over source code" is about the finders.
 */
const LLM_SIGNAL_PATTERN = new RegExp(LLM_SIGNALS.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** The finder that reads `language`'s tree; undefined for prompt files and unknown languages (read as text). */
export function finderForLanguage(language: SourceLanguage): LanguageFinder | undefined {
  return treeFinderOf(language);
}

/** The prompts in one file; loads the grammar on first need. Unknown file types give []. */
export async function findPrompts(source: string, filePath: string): Promise<FoundPrompt[]> {
  const language = languageForFile(filePath);
  if (!language) return [];
  const grammar = grammarForLanguage(language);
  if (grammar) await loadParser(grammar);
  return findPromptsSync(source, filePath) ?? [];
}

/**
 * Same as `findPrompts` without waiting: null when the file's grammar is not loaded yet (call
 * `findPrompts` or `warmGrammar` once first). For editors that must answer synchronously.
 */
export function findPromptsSync(source: string, filePath: string): FoundPrompt[] | null {
  const language = languageForFile(filePath);
  if (!language) return [];
  const finder = treeFinderOf(language);
  if (!finder) return sortByPosition(textFinderOf(language)?.(source, filePath, language) ?? []);
  const parser = loadedParser(finder.grammar);
  if (!parser) return null;
  const tree = parseWithinBudget(parser, source);
  try {
    return sortByPosition(finder.find(tree.rootNode, { source, language, filePath }));
  } finally {
    tree.delete();
  }
}

/** Loads the grammar a file needs, so `findPromptsSync` can answer for it. */
export async function warmGrammar(filePath: string): Promise<void> {
  const language = languageForFile(filePath);
  const grammar: GrammarName | null = language ? grammarForLanguage(language) : null;
  if (grammar) await loadParser(grammar);
}

/**
 * Cheap pre-filter on the raw text (plain substring checks, no parsing): false when a source file
 * shows no sign of talking to a model, so a scanner can skip it. Prompt files always pass.
 */
export function hasLlmSignal(source: string, language: SourceLanguage): boolean {
  if (!grammarForLanguage(language)) return true;
  return LLM_SIGNAL_PATTERN.test(source.toLowerCase());
}

function sortByPosition(prompts: FoundPrompt[]): FoundPrompt[] {
  return prompts.sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
}
