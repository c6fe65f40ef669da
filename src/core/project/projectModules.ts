/**
 * The modules of a project as the cross-file readers see them: a file's imports by local name, the file a
 * module specifier is, and what a module defines (string constants, model ids), each read once per version
 * of the file (`ProjectFiles` keeps them).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { moduleReaderOf } from '../languages/languageRegistry';
import type { ImportedName, ModuleConstant, ModuleModel, ModuleReader } from '../prompts/modules/moduleReader';
import { loadParser, loadedParser, parseWithinBudget } from '../prompts/parser';
import { grammarForLanguage, languageForFile } from '../prompts/sourceLanguage';
import type { ProjectFiles } from './projectFiles';

export type ImportsByName = Map<string, ImportedName[]>;

/** A Go package folder may hold many files; more than this are not read for one name. */
const MAX_MODULE_FILES = 30;

export class ProjectModules {
  private readonly moduleFiles = new Map<string, readonly string[]>();

  constructor(readonly files: ProjectFiles, readonly reader: ModuleReader, readonly filePath: string) {}

  /** The reader of `filePath`'s language, when it has one. */
  static readerOf(filePath: string): ModuleReader | undefined {
    const language = languageForFile(filePath);
    return language ? moduleReaderOf(language) : undefined;
  }

  /** The file's imports by local name; read from `root` when the caller still has the file's tree (the editor does). */
  async importsOf(source: string, root: Node | null): Promise<ImportsByName> {
    const out: ImportsByName = new Map();
    const read = (tree: Node) => {
      for (const i of this.reader.importsOf(tree, source)) out.set(i.local, [...(out.get(i.local) ?? []), i]);
    };
    if (root) read(root);
    else await withTree(this.filePath, source, read);
    return out;
  }

  /**
   * The project files module `specifier` may be (same reader, existing), most likely first: one for a Python
   * or JS module, the files of a package folder for Go.
   */
  moduleFilesOf(specifier: string): readonly string[] {
    let found = this.moduleFiles.get(specifier);
    if (!found) {
      found = this.reader.candidates(specifier, this.filePath).filter((f) => f !== this.filePath && ProjectModules.readerOf(f) === this.reader && this.files.isFile(f)).slice(0, MAX_MODULE_FILES);
      this.moduleFiles.set(specifier, found);
    }
    return found;
  }

  /**
   * The module files and the name inside them that `name` (`SYSTEM`, `P.system`, `getTitleModel`) may stand
   * for through the file's imports, most likely first: callers take the first file that defines the name.
   */
  *targets(imports: ImportsByName, name: string): Generator<{ file: string; name: string }> {
    const [head, ...rest] = name.split('.');
    for (const imported of imports.get(head) ?? []) {
      const inModule = imported.exported === null ? rest.join('.') : [imported.exported, ...rest].join('.');
      if (!inModule) continue;
      for (const file of this.moduleFilesOf(imported.module)) yield { file, name: inModule };
    }
  }

  constantsOf(file: string): Promise<Map<string, ModuleConstant>> {
    return this.derive(file, 'constants', (root, source, language) => this.reader.constantsOf(root, { source, language, filePath: file }));
  }

  modelsOf(file: string): Promise<Map<string, ModuleModel>> {
    const read = this.reader.modelsOf;
    return this.derive(file, 'models', (root, source, language) => (read ? read(root, { source, language, filePath: file }) : new Map()));
  }

  private async derive<T>(file: string, kind: string, make: (root: Node, source: string, language: NonNullable<ReturnType<typeof languageForFile>>) => Map<string, T>): Promise<Map<string, T>> {
    const read = this.files.read(file);
    const language = languageForFile(file);
    if (!read || !language) return new Map();
    const kept = this.files.kept<Map<string, T>>(file, kind, read.stamp);
    if (kept) return kept;
    let value = new Map<string, T>();
    await withTree(file, read.text, (root) => {
      value = make(root, read.text, language);
    });
    this.files.keep(file, kind, read.stamp, value);
    return value;
  }
}

/** Parses `source` with its file's grammar, hands the root to `use`, and frees the tree (WASM memory). */
export async function withTree(filePath: string, source: string, use: (root: Node) => void): Promise<void> {
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
