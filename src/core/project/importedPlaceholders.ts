/**
 * Prompts imported across files: a placeholder whose name this file imports from another file of the
 * project (`from .prompts import SYSTEM` … `{SYSTEM}`, `import * as P from './prompts'` … `${P.system}`)
 * gets that file's constant as its value, so the call is priced with the real text and the hover says
 * where it came from. Runs after the finder, on both faces; the files it read are returned, so the
 * editor re-analyses an importer when one of them changes.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { moduleReaderOf } from '../languages/languageRegistry';
import { isControlPlaceholder } from '../estimate/templateTokens';
import type { ModuleConstant, ModuleReader } from '../prompts/modules/moduleReader';
import { loadParser, loadedParser, parseWithinBudget } from '../prompts/parser';
import type { FoundPrompt, ImportedText } from '../prompts/prompt';
import { grammarForLanguage, languageForFile } from '../prompts/sourceLanguage';
import type { ProjectFiles } from './projectFiles';

const DOTTED_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/**
 * Fills `prompts[i].imports` for the placeholders that name imported constants; returns the project files
 * read (the importer depends on them), absolute paths.
 */
export async function resolveImportedPlaceholders(prompts: FoundPrompt[], filePath: string, source: string, files: ProjectFiles, root: Node | null = null): Promise<string[]> {
  const language = languageForFile(filePath);
  const reader = language ? moduleReaderOf(language) : undefined;
  if (!language || !reader) return [];
  const wanted = prompts.flatMap((prompt) => prompt.placeholders.filter((p) => !isControlPlaceholder(p) && DOTTED_NAME.test(p.name) && prompt.samples?.[p.name] === undefined).map((p) => ({ prompt, name: p.name })));
  if (!wanted.length) return [];
  const imports = await importsOf(reader, filePath, source, root);
  if (!imports.size) return [];
  const dependencies = new Set<string>();
  const moduleFiles = new Map<string, string | null>();
  for (const { prompt, name } of wanted) {
    const [head, ...rest] = name.split('.');
    for (const imported of imports.get(head) ?? []) {
      const constantName = imported.exported === null ? rest.join('.') : [imported.exported, ...rest].join('.');
      if (!constantName) continue;
      const key = `${imported.module}`;
      if (!moduleFiles.has(key)) moduleFiles.set(key, reader.candidates(imported.module, filePath).find((f) => f !== filePath && moduleReaderOf(languageForFile(f) ?? 'plaintext') === reader && files.isFile(f)) ?? null);
      const moduleFile = moduleFiles.get(key);
      if (!moduleFile) continue;
      const constant = (await constantsOf(moduleFile, reader, files))?.get(constantName);
      if (!constant) continue;
      dependencies.add(moduleFile);
      const value: ImportedText = { text: constant.text, placeholders: constant.placeholders, file: moduleFile, line: constant.line };
      prompt.imports = { ...prompt.imports, [name]: value };
      break;
    }
  }
  return [...dependencies];
}

/** The file's imports by local name; read from `root` when the caller still has the file's tree (the editor does). */
async function importsOf(reader: ModuleReader, filePath: string, source: string, root: Node | null): Promise<Map<string, { module: string; exported: string | null }[]>> {
  const out = new Map<string, { module: string; exported: string | null }[]>();
  const read = (tree: Node) => {
    for (const i of reader.importsOf(tree, source)) out.set(i.local, [...(out.get(i.local) ?? []), i]);
  };
  if (root) read(root);
  else await withTree(filePath, source, read);
  return out;
}

async function constantsOf(file: string, reader: ModuleReader, files: ProjectFiles): Promise<Map<string, ModuleConstant> | null> {
  const read = files.read(file);
  if (!read) return null;
  const kept = files.keptConstants(file, read.stamp);
  if (kept) return kept;
  const language = languageForFile(file);
  let constants = new Map<string, ModuleConstant>();
  await withTree(file, read.text, (root) => {
    constants = reader.constantsOf(root, { source: read.text, language: language!, filePath: file });
  });
  files.keepConstants(file, read.stamp, constants);
  return constants;
}

/** Parses `source` with its file's grammar, hands the root to `use`, and frees the tree (WASM memory). */
async function withTree(filePath: string, source: string, use: (root: Node) => void): Promise<void> {
  const language = languageForFile(filePath);
  const grammar = language ? grammarForLanguage(language) : null;
  if (!grammar) return;
  await loadParser(grammar);
  const parser = loadedParser(grammar);
  if (!parser) return;
  const tree = parseWithinBudget(parser, source);
  try {
    use(tree.rootNode);
  } finally {
    tree.delete();
  }
}
