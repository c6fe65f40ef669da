/**
 * Which language a file is, by its name alone (no content sniffing), and which tree-sitter grammar
 * reads it. Prompt files (`.prompt.md`, `.prompty`, Jinja, Mustache…) have no grammar: they are read
 * as text by `promptFiles.ts`.
 */
import * as path from 'path';
import type { GrammarName } from './parser';
import type { SourceLanguage } from './prompt';

const BY_EXTENSION: Record<string, SourceLanguage> = {
  '.py': 'python',
  '.pyi': 'python',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.go': 'go',
  '.java': 'java',
  '.cs': 'csharp',
  '.prompty': 'prompty',
  '.j2': 'jinja',
  '.jinja': 'jinja',
  '.jinja2': 'jinja',
  '.mustache': 'mustache',
  '.hbs': 'handlebars',
  '.handlebars': 'handlebars',
};

/** The language of `filePath`, or null when the engine does not read such files. */
export function languageForFile(filePath: string): SourceLanguage | null {
  const base = path.basename(filePath).toLowerCase();
  if (base.endsWith('.prompt.md')) return 'prompt';
  if (base.endsWith('.d.ts') || base.endsWith('.d.mts') || base.endsWith('.d.cts')) return null; // declarations hold no values
  const ext = path.extname(base);
  const known = BY_EXTENSION[ext];
  if (known) return known;
  if ((ext === '.txt' || ext === '.md') && inPromptsFolder(filePath)) return ext === '.txt' ? 'plaintext' : 'markdown';
  return null;
}

/** True when a parent folder is named `prompts` (any case): plain text there is prompt text. */
function inPromptsFolder(filePath: string): boolean {
  const parts = filePath.split(/[\\/]+/);
  return parts.slice(0, -1).some((p) => p.toLowerCase() === 'prompts');
}

/** The tree-sitter grammar for a source language, or null for prompt files. */
export function grammarForLanguage(language: SourceLanguage): GrammarName | null {
  switch (language) {
    case 'python':
      return 'python';
    case 'typescript':
      return 'typescript';
    case 'typescriptreact':
      return 'tsx';
    case 'javascript':
    case 'javascriptreact':
      return 'javascript';
    case 'go':
      return 'go';
    case 'java':
      return 'java';
    case 'csharp':
      return 'c-sharp';
    default:
      return null;
  }
}
