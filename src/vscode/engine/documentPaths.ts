/**
 * Which documents the engine reads, and by which path. The engine decides by file name; an untitled
 * document gets a synthetic name from its language id, so a new Python buffer is read as Python.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { SourceLanguage } from '../../core/prompts/prompt';
import { languageForFile } from '../../core/prompts/sourceLanguage';

const EXTENSION_FOR_LANGUAGE_ID: Record<string, string> = {
  python: '.py',
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  go: '.go',
  java: '.java',
  csharp: '.cs',
  prompt: '.prompt.md',
  jinja: '.j2',
  handlebars: '.hbs',
};

/** Every language the engine can read; the default of `promptCost.enabledLanguages`. */
export const ALL_LANGUAGES: readonly SourceLanguage[] = [
  'python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go', 'java', 'csharp',
  'prompt', 'prompty', 'jinja', 'mustache', 'handlebars', 'plaintext', 'markdown',
];

/** The path the engine reads `doc` by: its file path, or a synthetic name for untitled documents. */
export function enginePathFor(doc: vscode.TextDocument): string {
  if (doc.uri.scheme !== 'untitled') return doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path;
  const ext = EXTENSION_FOR_LANGUAGE_ID[doc.languageId] ?? '';
  const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.sep;
  return path.join(root, `${path.basename(doc.uri.path)}${ext}`);
}

/** The engine language of `doc` when it is enabled, else null. */
export function enabledLanguageOf(doc: vscode.TextDocument, enabled: readonly string[]): SourceLanguage | null {
  if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-scm' || doc.uri.scheme === 'git') return null;
  const language = languageForFile(enginePathFor(doc));
  return language && enabled.includes(language) ? language : null;
}

/**
 * The selector the providers register with: the VS Code languages of source files and of prompt files that
 * have one (`prompt` is VS Code's own id for `*.prompt.md`; with it an untitled prompt buffer matches too),
 * plus prompt files by name (VS Code has no language id for most of them). The provider still checks each
 * document.
 */
export function promptDocumentSelector(enabled: readonly string[]): vscode.DocumentFilter[] {
  const schemes = ['file', 'untitled', 'vscode-remote'];
  const filters: vscode.DocumentFilter[] = [];
  const languages = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go', 'java', 'csharp', 'prompt', 'jinja', 'handlebars'];
  for (const language of languages.filter((l) => enabled.includes(l))) {
    for (const scheme of schemes) filters.push({ language, scheme });
  }
  const patterns: string[] = [];
  if (enabled.includes('prompt')) patterns.push('**/*.prompt.md');
  if (enabled.includes('prompty')) patterns.push('**/*.prompty');
  if (enabled.includes('jinja')) patterns.push('**/*.{j2,jinja,jinja2}');
  if (enabled.includes('mustache')) patterns.push('**/*.mustache');
  if (enabled.includes('handlebars')) patterns.push('**/*.{hbs,handlebars}');
  if (enabled.includes('plaintext')) patterns.push('**/{prompts,Prompts,PROMPTS}/**/*.txt');
  if (enabled.includes('markdown')) patterns.push('**/{prompts,Prompts,PROMPTS}/**/*.md');
  for (const pattern of patterns) filters.push({ pattern });
  return filters;
}
