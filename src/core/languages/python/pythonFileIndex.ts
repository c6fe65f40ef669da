/**
 * What the prompt flow indexes of a Python file, in one pass: its calls, assignments (module, class and
 * `self.x` bindings), functions with their parameters and returns, keyword arguments, dicts and import aliases.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Binding, FileIndex, FunctionDef } from '../../prompts/flow/syntaxAdapter';
import { fieldOf, maybeText, namedChildrenShared, typeOf } from '../../prompts/nodeFacts';
import { normalizeName } from '../../prompts/sdkNames';
import type { StringValue } from '../../prompts/strings/stringValue';
import { enclosingOfTypes, namedChildrenOf, nodesOfTypes, nodeText, usageIndex } from '../../prompts/syntaxTree';

const SCOPE_TYPES = new Set(['function_definition', 'lambda', 'class_definition']);
export const IDENTIFIER_TYPES = new Set(['identifier']);
const INDEX_TYPES = new Set(['aliased_import', 'call', 'assignment', 'function_definition', 'return_statement', 'keyword_argument', 'pair', 'dictionary']);

/** `literalValue` reads a string literal (a dict key), as the finder does. */
export function indexPythonFile(root: Node, literalValue: (node: Node) => StringValue | null): FileIndex {
  const nodes = nodesOfTypes(root, INDEX_TYPES);
  const index: FileIndex = { calls: [], bindings: [], functions: [], usagesOf: usageIndex(root, IDENTIFIER_TYPES), keyed: [], objects: [], aliases: new Map(), aliasSites: [] };
  const functions = new Map<number, FunctionDef>();
  const returns: Node[] = [];
  for (const node of nodes) {
    switch (typeOf(node)) {
      case 'call':
        index.calls.push(node);
        break;
      case 'assignment':
        addBinding(node, root, index.bindings);
        break;
      case 'function_definition': {
        const declared = maybeText(fieldOf(node, 'name'));
        // `Bot(…)` calls `__init__`: index it under the class name.
        const owner = declared === '__init__' ? enclosingOfTypes(node, SCOPE_TYPES) : null;
        const name = owner && typeOf(owner) === 'class_definition' ? maybeText(fieldOf(owner, 'name')) : declared;
        if (!name) break;
        const params = fieldOf(node, 'parameters');
        const def: FunctionDef = { name, node, params: parameterNames(params), returns: [] };
        if (owner === null) {
          const cls = enclosingOfTypes(node, SCOPE_TYPES);
          const className = cls && typeOf(cls) === 'class_definition' ? maybeText(fieldOf(cls, 'name')) : undefined;
          if (className) def.className = className;
        }
        for (const p of params ? namedChildrenOf(params) : []) {
          const paramName = fieldOf(p, 'name');
          const value = fieldOf(p, 'value');
          if ((typeOf(p) === 'default_parameter' || typeOf(p) === 'typed_default_parameter') && paramName && value) {
            index.bindings.push({ name: nodeText(paramName), member: false, value, at: p.startIndex, scope: node, parameter: true });
          }
        }
        functions.set(node.id, def);
        index.functions.push(def);
        break;
      }
      case 'return_statement':
        returns.push(node);
        break;
      case 'keyword_argument': {
        const name = fieldOf(node, 'name');
        const value = fieldOf(node, 'value');
        if (name && value) index.keyed.push({ key: nodeText(name), keyNode: name, value });
        break;
      }
      case 'pair': {
        const key = fieldOf(node, 'key');
        const value = fieldOf(node, 'value');
        const keyValue = key && typeOf(key) === 'string' ? literalValue(key) : null;
        if (key && value && keyValue) index.keyed.push({ key: keyValue.text, keyNode: key, value });
        break;
      }
      case 'dictionary':
        index.objects.push(node);
        break;
      case 'aliased_import': {
        const name = maybeText(fieldOf(node, 'name'))?.split('.').pop();
        const alias = maybeText(fieldOf(node, 'alias'));
        if (name && alias) {
          index.aliases.set(normalizeName(alias), normalizeName(name));
          index.aliasSites.push(node);
        }
        break;
      }
    }
  }
  for (const ret of returns) {
    const fn = enclosingOfTypes(ret, SCOPE_TYPES);
    const def = fn ? functions.get(fn.id) : undefined;
    const value = namedChildrenShared(ret)[0];
    if (def && value) def.returns.push(value);
  }
  return index;
}

function parameterNames(params: Node | null): string[] {
  if (!params) return [];
  const names: string[] = [];
  for (const p of namedChildrenOf(params)) {
    if (typeOf(p) === 'identifier') names.push(nodeText(p));
    else if (typeOf(p) === 'typed_parameter') {
      const id = namedChildrenOf(p).find((c) => typeOf(c) === 'identifier');
      if (id) names.push(nodeText(id));
    } else if (typeOf(p) === 'default_parameter' || typeOf(p) === 'typed_default_parameter') {
      const name = fieldOf(p, 'name');
      if (name) names.push(nodeText(name));
    }
  }
  return names;
}

function addBinding(node: Node, root: Node, bindings: Binding[]): void {
  const left = fieldOf(node, 'left');
  let right = fieldOf(node, 'right');
  while (right && typeOf(right) === 'assignment') right = fieldOf(right, 'right'); // a = b = "…"
  if (!left || !right) return;
  const scopeNode = enclosingOfTypes(node, SCOPE_TYPES) ?? root;
  const inClassBody = typeOf(scopeNode) === 'class_definition';
  if (typeOf(left) === 'identifier') {
    bindings.push({ name: nodeText(left), member: inClassBody, value: right, at: node.startIndex, scope: inClassBody ? root : scopeNode });
    return;
  }
  if (typeOf(left) === 'attribute') {
    const object = fieldOf(left, 'object');
    const attr = fieldOf(left, 'attribute');
    if (object && attr && (nodeText(object) === 'self' || nodeText(object) === 'cls')) {
      bindings.push({ name: nodeText(attr), member: true, value: right, at: node.startIndex, scope: root });
    }
  }
}
