/**
 * Which documents the engine reads, and by which path. The engine decides by file name; an untitled
 * document gets a synthetic name from its language id, so a new Python buffer is read as Python.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { SourceLanguage } from '../../core/prompts/prompt';
import { languageForFile } from '../../core/prompts/sourceLanguage';
import { EDITOR_LANGUAGE_IDS, FILE_LANGUAGES, fileNamePattern } from '../../core/languages/languageRegistry';

/** The name ending an untitled buffer of a VS Code language gets, so it is read as that language. */
const EXTENSION_FOR_LANGUAGE_ID: Record<string, string> = Object.fromEntries(
  FILE_LANGUAGES.filter((l) => l.editorLanguage).map((l) => [l.id, l.extensions[0]]),
);

/** The path the engine reads `doc` by: its file path, or a synthetic name for untitled documents. */
export function enginePathFor(doc: vscode.TextDocument): string {
  if (doc.uri.scheme === 'vscode-notebook-cell') return `${doc.uri.fsPath}${EXTENSION_FOR_LANGUAGE_ID[doc.languageId] ?? `.${doc.languageId}`}`; // nb.ipynb's Python cells: nb.ipynb.py
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
  const schemes = ['file', 'untitled', 'vscode-remote', 'vscode-notebook-cell'];
  const filters: vscode.DocumentFilter[] = [];
  for (const language of EDITOR_LANGUAGE_IDS.filter((l) => enabled.includes(l))) {
    for (const scheme of schemes) filters.push({ language, scheme });
  }
  const patterns = FILE_LANGUAGES.filter((l) => enabled.includes(l.id)).flatMap((l) => fileNamePattern(l) ?? []);
  for (const pattern of patterns) filters.push({ pattern });
  return filters;
}
