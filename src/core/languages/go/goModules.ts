/**
 * Go's imports of the project's own packages (`prompts.SystemPrompt` with `import "github.com/acme/app/prompts"`):
 * a package is a folder, found from the module path in the nearest `go.mod`; its constant may be in any of
 * its `.go` files (tests excluded).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import * as fs from 'fs';
import * as path from 'path';
import type { ImportedName, ModuleReader } from '../../prompts/modules/moduleReader';
import { nodeText } from '../../prompts/syntaxTree';
import { goStringConstants } from './goFinder';

function importsOf(root: Node): ImportedName[] {
  const out: ImportedName[] = [];
  for (const spec of root.descendantsOfType('import_spec')) {
    const pathNode = spec?.childForFieldName('path');
    if (!spec || !pathNode) continue;
    const importPath = nodeText(pathNode).replace(/^["`]|["`]$/g, '');
    const alias = spec.childForFieldName('name');
    const local = alias ? nodeText(alias) : importPath.split('/').pop() ?? importPath;
    if (local === '_' || local === '.') continue;
    out.push({ local, module: importPath, exported: null });
  }
  return out;
}

/** The nearest `go.mod` above `dir`: its folder and module path. */
function goModule(dir: string): { dir: string; module: string } | null {
  for (let level = 0; level < 12; level++) {
    try {
      const text = fs.readFileSync(path.join(dir, 'go.mod'), 'utf8');
      const module = /^module\s+(\S+)/m.exec(text)?.[1];
      return module ? { dir, module } : null;
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }
  return null;
}

function candidates(importPath: string, fromFile: string): string[] {
  const mod = goModule(path.dirname(fromFile));
  if (!mod || (importPath !== mod.module && !importPath.startsWith(`${mod.module}/`))) return [];
  const dir = path.join(mod.dir, ...importPath.slice(mod.module.length).split('/').filter(Boolean));
  try {
    return fs.readdirSync(dir).filter((name) => name.endsWith('.go') && !name.endsWith('_test.go')).sort().map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

export const goModules: ModuleReader = { importsOf: (root) => importsOf(root), constantsOf: goStringConstants, candidates };
