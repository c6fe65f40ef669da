/**
 * JS/TS imports between files of a project (`import { SYSTEM } from './prompts'`, `import * as P from …`,
 * `const { SYSTEM } = require(…)`) and where a module is on disk, for prompts imported across files.
 * Packages (`openai`, `@ai-sdk/openai`) are never project files; `@/` and `~/` are the usual aliases of
 * the project's source root.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import * as path from 'path';
import { moduleConstantsWith, moduleModelsWith } from '../../prompts/flow/moduleConstants';
import type { ImportedName, ModuleReader } from '../../prompts/modules/moduleReader';
import { nodeText } from '../../prompts/syntaxTree';
import { javascriptAdapter } from './javascriptFinder';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs', '.cjs'];

function stringOf(node: Node | null): string | null {
  if (!node || node.type !== 'string') return null;
  return nodeText(node).slice(1, -1);
}

function importsOf(root: Node): ImportedName[] {
  const out: ImportedName[] = [];
  for (const statement of root.descendantsOfType('import_statement')) {
    const module = stringOf(statement?.childForFieldName('source') ?? null);
    if (!statement || module === null) continue;
    const clause = statement.namedChildren.find((c) => c?.type === 'import_clause');
    for (const part of clause?.namedChildren ?? []) {
      if (!part) continue;
      if (part.type === 'identifier') out.push({ local: nodeText(part), module, exported: 'default' });
      else if (part.type === 'namespace_import') {
        const id = part.namedChildren.find((c) => c?.type === 'identifier');
        if (id) out.push({ local: nodeText(id), module, exported: null });
      } else if (part.type === 'named_imports') {
        for (const spec of part.namedChildren) {
          const name = spec?.childForFieldName('name');
          if (!spec || !name) continue;
          out.push({ local: nodeText(spec.childForFieldName('alias') ?? name), module, exported: nodeText(name) });
        }
      }
    }
  }
  // `const { A, B: C } = require('./prompts')` / `const P = require('./prompts')`.
  for (const declarator of root.descendantsOfType('variable_declarator')) {
    const value = declarator?.childForFieldName('value');
    const fn = value?.type === 'call_expression' ? value.childForFieldName('function') : null;
    if (!declarator || !value || !fn || nodeText(fn) !== 'require') continue;
    const module = stringOf(value.childForFieldName('arguments')?.namedChildren[0] ?? null);
    const target = declarator.childForFieldName('name');
    if (module === null || !target) continue;
    if (target.type === 'identifier') out.push({ local: nodeText(target), module, exported: null });
    for (const p of target.type === 'object_pattern' ? target.namedChildren : []) {
      if (p?.type === 'shorthand_property_identifier_pattern') out.push({ local: nodeText(p), module, exported: nodeText(p) });
      else if (p?.type === 'pair_pattern') {
        const key = p.childForFieldName('key');
        const local = p.childForFieldName('value');
        if (key && local) out.push({ local: nodeText(local), module, exported: nodeText(key) });
      }
    }
  }
  return out;
}

/** `./x` and `../x` from the file; `@/x` and `~/x` under the nearest folder above with a `src` or the file's own root guesses. */
function candidates(specifier: string, fromFile: string): string[] {
  const bases: string[] = [];
  if (specifier.startsWith('./') || specifier.startsWith('../')) bases.push(path.resolve(path.dirname(fromFile), specifier));
  else if (/^[@~]\//.test(specifier)) {
    const rest = specifier.slice(2);
    let dir = path.dirname(fromFile);
    for (let i = 0; i < 8; i++) {
      bases.push(path.join(dir, rest), path.join(dir, 'src', rest));
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  } else return [];
  // `./prompts.js` written for ESM names the compiled file: the source is `prompts.ts`.
  return bases.flatMap((base) => {
    const stem = base.replace(/\.(m|c)?js$/, '');
    return [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => path.join(base, 'index' + e))];
  });
}

export const javascriptModules: ModuleReader = {
  importsOf: (root) => importsOf(root),
  constantsOf: (root, ctx) => moduleConstantsWith(root, ctx, javascriptAdapter, []),
  modelsOf: (root, ctx) => moduleModelsWith(root, ctx, javascriptAdapter),
  candidates,
};
