/**
 * Cross-file prompts: what a language module reads so that a prompt written in one file and sent from
 * another is priced as its text, not as a placeholder (`core/project/importedPlaceholders.ts` uses it).
 * A `prompts.py` / `prompts.ts` / `Prompts.java` holding the text and the call elsewhere is the common
 * shape of real projects.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FinderContext } from '../languageFinder';
import type { Placeholder } from '../prompt';

/** One name a file takes from another module of the project. */
export interface ImportedName {
  /** The name as the file uses it (`SYSTEM`, or `P` for `import * as P` / `import app.prompts as P`). */
  local: string;
  /** The module as written (`.prompts`, `app.prompts`, `./prompts`, `@/lib/prompts`). */
  module: string;
  /** The name in that module; null when `local` stands for the whole module (`P.SYSTEM`). */
  exported: string | null;
}

/** A string constant a module defines at its top level (or a member of a constant object: `PROMPTS.system`). */
export interface ModuleConstant {
  text: string;
  placeholders: Placeholder[];
  /** 1-based line of the value. */
  line: number;
}

/** A model id a module's name stands for, and the 1-based line that says it. */
export interface ModuleModel {
  model: string;
  line: number;
}

export interface ModuleReader {
  /** The names this file imports from modules that may be files of the project. */
  importsOf(root: Node, source: string): ImportedName[];
  /** The file's top-level string constants by name (`PROMPTS.system` for an object's members). */
  constantsOf(root: Node, ctx: FinderContext): Map<string, ModuleConstant>;
  /**
   * The model ids the file's top-level names stand for: a model object (`llm = ChatOpenAI(model="gpt-4o")`),
   * a model id constant, or a function returning one (`getTitleModel()` → its last such `return`).
   */
  modelsOf?(root: Node, ctx: FinderContext): Map<string, ModuleModel>;
  /** The files `specifier` may be, most likely first, when imported from `fromFile` (absolute paths). */
  candidates(specifier: string, fromFile: string): string[];
}

/** The prefix of a placeholder that stands for a classpath resource's text (`{resource:/prompts/system.st}`, Java). */
export const RESOURCE_PLACEHOLDER = 'resource:';
