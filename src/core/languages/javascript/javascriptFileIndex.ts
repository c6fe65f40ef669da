/**
 * What the prompt flow indexes of a JavaScript/TypeScript file, in one pass: its calls, declarations and
 * assignments (including `this.x` members), functions with their parameters and returns, object
 * properties, objects and import aliases.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Binding, FileIndex, FunctionDef } from '../../prompts/flow/syntaxAdapter';
import { normalizeName } from '../../prompts/sdkNames';
import { enclosingOfTypes, namedChildrenOf, nodesOfTypes, nodeText, usageIndex } from '../../prompts/syntaxTree';

const FUNCTION_TYPES = new Set([
  'function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition',
  'generator_function_declaration', 'generator_function',
]);
const IDENTIFIER_TYPES = new Set(['identifier', 'shorthand_property_identifier', 'property_identifier']);
const CLASS_TYPES = new Set(['class_declaration', 'class', 'abstract_class_declaration']);
const INDEX_TYPES = new Set([
  ...FUNCTION_TYPES, 'call_expression', 'new_expression', 'variable_declarator', 'assignment_expression',
  'public_field_definition', 'field_definition', 'return_statement',
  'pair', 'object', 'import_specifier',
]);

/** What indexing needs of the finder's reading of expressions (kept there, beside the rest of it). */
export interface JavascriptReading {
  /** The expression inside wrappers that do not change a value (parentheses, `await`, `as`, `.trim()`…). */
  unwrap(node: Node): Node;
  /** The name a property key spells (`a`, `"a"`, `[\`a\`]`), or null when it is computed. */
  propertyKey(key: Node | null): string | null;
}

export function indexJavascriptFile(root: Node, reading: JavascriptReading): FileIndex {
  const nodes = nodesOfTypes(root, INDEX_TYPES);
  const index: FileIndex = { calls: [], bindings: [], functions: [], usagesOf: usageIndex(root, IDENTIFIER_TYPES, (n) => n.type !== 'property_identifier' || n.parent?.type === 'member_expression'), keyed: [], objects: [], aliases: new Map(), aliasSites: [] };
  const functions = new Map<number, FunctionDef>();
  const returns: Node[] = [];
  const scopeOf = (node: Node) => enclosingOfTypes(node, FUNCTION_TYPES) ?? root;
  const addFunction = (declared: string | undefined, fn: Node) => {
    // `new Bot(…)` calls the constructor: index it under the class name.
    const name = declared === 'constructor' ? enclosingOfTypes(fn, CLASS_TYPES)?.childForFieldName('name')?.text : declared;
    if (!name || functions.has(fn.id)) return;
    const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
    const def: FunctionDef = { name, node: fn, params: parameterNames(params), returns: [] };
    if (fn.type === 'method_definition' && declared !== 'constructor') {
      const className = enclosingOfTypes(fn, CLASS_TYPES)?.childForFieldName('name')?.text;
      if (className) def.className = className;
    }
    for (const p of params ? namedChildrenOf(params) : []) {
      const id = p.childForFieldName('pattern') ?? p.childForFieldName('left');
      const value = p.childForFieldName('value') ?? p.childForFieldName('right');
      if (id?.type === 'identifier' && value) index.bindings.push({ name: nodeText(id), member: false, value, at: p.startIndex, scope: fn, parameter: true });
    }
    if (fn.type === 'arrow_function') {
      const body = fn.childForFieldName('body');
      if (body && body.type !== 'statement_block') def.returns.push(body);
    }
    functions.set(fn.id, def);
    index.functions.push(def);
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'call_expression':
      case 'new_expression':
        index.calls.push(node);
        break;
      case 'variable_declarator': {
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        if (name?.type !== 'identifier' || !value) break;
        index.bindings.push({ name: nodeText(name), member: false, value, at: node.startIndex, scope: scopeOf(node) });
        const fn = reading.unwrap(value);
        if (fn.type === 'arrow_function' || fn.type === 'function_expression' || fn.type === 'function') addFunction(nodeText(name), fn);
        break;
      }
      case 'assignment_expression':
        addAssignment(node, scopeOf(node), root, index.bindings);
        break;
      case 'public_field_definition':
      case 'field_definition': {
        const name = node.childForFieldName('name') ?? node.childForFieldName('property');
        const value = node.childForFieldName('value');
        if (name && value) index.bindings.push({ name: nodeText(name), member: true, value, at: node.startIndex, scope: root });
        break;
      }
      case 'return_statement':
        returns.push(node);
        break;
      case 'pair': {
        const key = reading.propertyKey(node.childForFieldName('key'));
        const value = node.childForFieldName('value');
        if (key !== null && value) index.keyed.push({ key, keyNode: node.childForFieldName('key'), value });
        break;
      }
      case 'object':
        index.objects.push(node);
        break;
      case 'import_specifier': {
        const name = node.childForFieldName('name')?.text;
        const alias = node.childForFieldName('alias')?.text;
        if (name && alias) {
          index.aliases.set(normalizeName(alias), normalizeName(name));
          index.aliasSites.push(node);
        }
        break;
      }
      default:
        if (FUNCTION_TYPES.has(node.type)) addFunction(node.childForFieldName('name')?.text, node);
    }
  }
  for (const ret of returns) {
    const fn = enclosingOfTypes(ret, FUNCTION_TYPES);
    const def = fn ? functions.get(fn.id) : undefined;
    const value = ret.firstNamedChild;
    if (def && value) def.returns.push(value);
  }
  return index;
}

function parameterNames(params: Node | null): string[] {
  if (!params) return [];
  if (params.type === 'identifier') return [nodeText(params)]; // x => …
  const names: string[] = [];
  for (const p of namedChildrenOf(params)) {
    if (p.type === 'identifier') names.push(nodeText(p));
    else if (p.type === 'required_parameter' || p.type === 'optional_parameter') {
      const pattern = p.childForFieldName('pattern');
      names.push(pattern?.type === 'identifier' ? nodeText(pattern) : '');
    } else if (p.type === 'assignment_pattern') {
      const left = p.childForFieldName('left');
      names.push(left?.type === 'identifier' ? nodeText(left) : '');
    } else names.push('');
  }
  return names;
}

function addAssignment(node: Node, scope: Node, root: Node, bindings: Binding[]): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right) return;
  if (left.type === 'identifier') {
    bindings.push({ name: nodeText(left), member: false, value: right, at: node.startIndex, scope });
  } else if (left.type === 'member_expression' && left.childForFieldName('object')?.type === 'this') {
    const prop = left.childForFieldName('property');
    if (prop) bindings.push({ name: nodeText(prop), member: true, value: right, at: node.startIndex, scope: root });
  }
}
