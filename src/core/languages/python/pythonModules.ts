/**
 * Python's imports between files of a project (`from .prompts import SYSTEM`, `from app.prompts import A as B`,
 * `import app.prompts as P`) and where a module is on disk, for prompts imported across files.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import * as path from 'path';
import { moduleConstantsWith, moduleModelsWith } from '../../prompts/flow/moduleConstants';
import type { ImportedName, ModuleReader } from '../../prompts/modules/moduleReader';
import { nodeText } from '../../prompts/syntaxTree';
import { pythonAdapter } from './pythonFinder';

/** Top-level and nested import statements (an import inside a function or `try` still binds the name). */
function importsOf(root: Node): ImportedName[] {
  const out: ImportedName[] = [];
  for (const statement of root.descendantsOfType(['import_from_statement', 'import_statement'])) {
    if (!statement) continue;
    const moduleNode = statement.childForFieldName('module_name');
    const module = moduleNode ? nodeText(moduleNode) : null;
    for (const item of statement.childrenForFieldName('name')) {
      if (!item) continue;
      const aliased = item.type === 'aliased_import';
      const name = nodeText(aliased ? item.childForFieldName('name') ?? item : item);
      const local = aliased ? nodeText(item.childForFieldName('alias') ?? item) : name;
      if (module !== null) {
        // `from . import prompts` imports a module; `from .prompts import SYSTEM` a name (or a submodule).
        out.push({ local, module, exported: name });
        out.push({ local, module: module.endsWith('.') ? module + name : `${module}.${name}`, exported: null });
      } else {
        // `import app.prompts` binds `app`; used as `app.prompts.X` — the dotted use names the module.
        out.push({ local, module: name, exported: null });
      }
    }
  }
  return out;
}

/**
 * `.prompts` → beside the file; `..x.y` → one folder up; `app.prompts` → `app/prompts.py` (or its
 * `__init__.py`) under the file's folder or any folder above it (the project root is not known: the
 * nearest one that has it wins).
 */
function candidates(specifier: string, fromFile: string): string[] {
  const dots = /^\.*/.exec(specifier)![0].length;
  const rest = specifier.slice(dots).split('.').filter(Boolean);
  const asFiles = (dir: string) => (rest.length ? [path.join(dir, ...rest) + '.py', path.join(dir, ...rest, '__init__.py')] : [path.join(dir, '__init__.py')]);
  let dir = path.dirname(fromFile);
  if (dots > 0) {
    for (let i = 1; i < dots; i++) dir = path.dirname(dir);
    return asFiles(dir);
  }
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    out.push(...asFiles(dir));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

export const pythonModules: ModuleReader = {
  importsOf: (root) => importsOf(root),
  // A constant used with `.format(…)` / LangChain elsewhere: its `{name}` fields are placeholders.
  constantsOf: (root, ctx) => moduleConstantsWith(root, ctx, pythonAdapter, ['format']),
  modelsOf: (root, ctx) => moduleModelsWith(root, ctx, pythonAdapter),
  candidates,
};
