/**
 * Python: reads tree-sitter-python trees for the prompt analysis in `promptFlow.ts` — strings and
 * f-strings, implicit and `+` concatenation, `"\n".join([...])`, calls with keyword arguments,
 * dicts, lists, assignments (module, function, class and `self.x`) and function definitions.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFinder } from '../languageFinder';
import { findPromptsWithAdapter } from '../promptFlow';
import type { Binding, CallSite, Entry, FileIndex, FunctionDef, SyntaxAdapter } from '../syntaxAdapter';
import { dedentValue, usageIndex, nodeText, decodeEscapes, enclosingOfTypes, namedChildrenOf, nodesOfTypes, normalizeName, TextBuilder, type StringValue } from '../treeUtils';
import { DEDENT_WRAPPERS, TEXT_WRAPPERS } from './llmCalls';
import { foldStringParts, type StringPartsStyle } from './stringParts';

const SCOPE_TYPES = new Set(['function_definition', 'lambda', 'class_definition']);
const IDENTIFIER_TYPES = new Set(['identifier']);
const INDEX_TYPES = new Set(['aliased_import', 'call', 'assignment', 'function_definition', 'return_statement', 'keyword_argument', 'pair', 'dictionary']);
const STRIP_METHODS = new Set(['strip', 'lstrip', 'rstrip']);
const FORMAT_METHODS = new Set(['format', 'formatmap', 'formatmessages', 'formatprompt', 'partial']);

function stringPrefix(node: Node): string {
  const start = node.firstChild;
  if (!start || start.type !== 'string_start') return '';
  return nodeText(start).replace(/['"]+$/, '').toLowerCase();
}

/** One `string` node (f-string or not): its decoded text with `{expr}` interpolations as placeholders. */
function literalValue(node: Node): StringValue | null {
  const prefix = stringPrefix(node);
  if (prefix.includes('b')) return null; // bytes are data, not prompts
  const isRaw = prefix.includes('r');
  const isF = prefix.includes('f') || prefix.includes('t');
  const first = node.firstChild;
  const last = node.lastChild;
  if (!first || !last || first.type !== 'string_start') return null;
  const whole = nodeText(node);
  const source = { slice: (from: number, to: number) => whole.slice(from - node.startIndex, to - node.startIndex) };
  const builder = new TextBuilder();
  const appendRaw = (raw: string) => {
    let text = isRaw ? raw : decodeEscapes(raw, 'python');
    if (isF) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    builder.appendText(text);
  };
  let pos = first.endIndex;
  const end = last.type === 'string_end' ? last.startIndex : node.endIndex;
  for (let i = 1; i < node.childCount; i++) {
    const child = node.child(i);
    if (!child || child.type === 'string_end') continue;
    if (child.startIndex > pos) appendRaw(source.slice(pos, child.startIndex));
    if (child.type === 'interpolation') {
      const expression = child.childForFieldName('expression') ?? child.firstNamedChild;
      builder.appendHole(nodeText(child), expression ? nodeText(expression) : nodeText(child).slice(1, -1), 'fstring', expression && isReference(expression) ? expression : undefined);
    } else {
      appendRaw(source.slice(child.startIndex, child.endIndex));
    }
    pos = child.endIndex;
  }
  if (end > pos) appendRaw(source.slice(pos, end));
  return builder.build();
}

function flattenBinary(node: Node, operator: string): Node[] {
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === operator) {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left && right) return [...flattenBinary(left, operator), ...flattenBinary(right, operator)];
  }
  return [node];
}

function attributeName(node: Node | null): string | null {
  if (!node) return null;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text ?? null;
  if (node.type === 'identifier') return nodeText(node);
  return null;
}

export const pythonAdapter: SyntaxAdapter = {
  unwrap(node: Node): Node {
    for (let guard = 0; guard < 20; guard++) {
      if (node.type === 'parenthesized_expression' || node.type === 'await' || node.type === 'expression_statement') {
        const inner = namedChildrenOf(node);
        if (inner.length !== 1) return node;
        node = inner[0];
        continue;
      }
      if (node.type === 'call') {
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        const name = normalizeName(attributeName(fn) ?? '');
        const argNodes = args ? namedChildrenOf(args) : [];
        // dedent("…"), inspect.cleandoc("…"), str(x)
        if (TEXT_WRAPPERS.has(name) && argNodes.length === 1 && argNodes[0].type !== 'keyword_argument') {
          node = argNodes[0];
          continue;
        }
        // "…".strip(), prompt.replace("\n", " ") (not a placeholder substitution)
        if (fn?.type === 'attribute' && (STRIP_METHODS.has(name) || (name === 'replace' && !isPlaceholderLiteral(argNodes[0])))) {
          node = fn.childForFieldName('object') ?? node;
          continue;
        }
      }
      return node;
    }
    return node;
  },

  stringValue(node, resolve) {
    switch (node.type) {
      case 'string':
        return literalValue(node);
      case 'concatenated_string': {
        const builder = new TextBuilder();
        for (const part of namedChildrenOf(node)) {
          const value = part.type === 'string' ? literalValue(part) : null;
          if (!value) return null;
          builder.appendValue(value);
        }
        return builder.build();
      }
      case 'parenthesized_expression': {
        const inner = namedChildrenOf(node);
        return inner.length === 1 ? this.stringValue(inner[0], resolve) : null;
      }
      case 'binary_operator': {
        const parts = flattenBinary(node, '+');
        return parts.length < 2 ? null : foldStringParts(this, parts, resolve, STRING_PARTS);
      }
      case 'call': {
        const fn = node.childForFieldName('function');
        const wrapper = normalizeName(attributeName(fn) ?? '');
        if (DEDENT_WRAPPERS.has(wrapper)) {
          const args = node.childForFieldName('arguments');
          const argNodes = args ? namedChildrenOf(args) : [];
          const inner = argNodes.length === 1 ? this.stringValue(this.unwrap(argNodes[0]), resolve) : null;
          return inner ? dedentValue(inner, wrapper === 'cleandoc') : null;
        }
        // "\n".join(["…", "…"])
        if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'join') return null;
        const separatorNode = fn.childForFieldName('object');
        const separator = separatorNode && separatorNode.type === 'string' ? literalValue(separatorNode) : null;
        const args = node.childForFieldName('arguments');
        const list = args ? namedChildrenOf(args) : [];
        const items = list.length === 1 && (list[0].type === 'list' || list[0].type === 'tuple') ? namedChildrenOf(list[0]) : null;
        if (!separator || !items || items.length === 0) return null;
        return foldStringParts(this, items, resolve, STRING_PARTS, separator);
      }
      default:
        return null;
    }
  },

  call(node: Node): CallSite | null {
    if (node.type !== 'call') return null;
    const fn = node.childForFieldName('function');
    if (!fn) return null;
    const path: string[] = [];
    let receiver: Node | null = null;
    let cursor: Node | null = fn;
    while (cursor) {
      if (cursor.type === 'identifier') {
        path.unshift(normalizeName(nodeText(cursor)));
        break;
      }
      if (cursor.type === 'attribute') {
        const attr = cursor.childForFieldName('attribute');
        const object = cursor.childForFieldName('object');
        if (attr) path.unshift(normalizeName(nodeText(attr)));
        if (cursor === fn) receiver = object;
        cursor = object;
        continue;
      }
      if (cursor.type === 'subscript' && cursor === fn) {
        cursor = cursor.childForFieldName('value'); // Agent[Context](…): generic class
        continue;
      }
      if (cursor.type === 'call') {
        // genai.Client().models.generate_content: keep the called name as a segment.
        const inner = cursor.childForFieldName('function');
        const name = attributeName(inner);
        if (name) path.unshift(normalizeName(name));
      }
      break;
    }
    const positional: Node[] = [];
    const named = new Map<string, Node>();
    const spreads: Node[] = [];
    const args = node.childForFieldName('arguments');
    if (args?.type === 'generator_expression') positional.push(args);
    else if (args) {
      for (const arg of namedChildrenOf(args)) {
        if (arg.type === 'keyword_argument') {
          const name = arg.childForFieldName('name');
          const value = arg.childForFieldName('value');
          if (name && value) named.set(normalizeName(nodeText(name)), value);
        } else if (arg.type === 'dictionary_splat') {
          const inner = arg.firstNamedChild;
          if (inner) spreads.push(inner);
        } else if (arg.type !== 'list_splat') {
          positional.push(arg);
        }
      }
    }
    return { node, path, receiver, positional, named, spreads };
  },

  entries(node: Node): Entry[] | null {
    if (node.type === 'call' && node.childForFieldName('function')?.text === 'dict') {
      const site = this.call(node);
      return site ? [...site.named].map(([key, value]) => ({ key, keyNode: null, value })) : null;
    }
    if (node.type !== 'dictionary') return null;
    const out: Entry[] = [];
    for (const pair of namedChildrenOf(node)) {
      if (pair.type !== 'pair') continue;
      const keyNode = pair.childForFieldName('key');
      const value = pair.childForFieldName('value');
      if (!keyNode || !value) continue;
      const keyValue = keyNode.type === 'string' ? literalValue(keyNode) : null;
      out.push({ key: keyValue && keyValue.holes.length === 0 ? keyValue.text : null, keyNode, value });
    }
    return out;
  },

  elements(node: Node): Node[] | null {
    if (node.type !== 'list' && node.type !== 'tuple') return null;
    return namedChildrenOf(node);
  },

  spread(node: Node): Node | null {
    return node.type === 'list_splat' ? node.firstNamedChild : null;
  },

  concatParts(node: Node): Node[] | null {
    const parts = flattenBinary(node, '+');
    return parts.length > 1 ? parts : null;
  },

  identifier(node: Node): string | null {
    return node.type === 'identifier' ? nodeText(node) : null;
  },

  member(node: Node) {
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const attr = node.childForFieldName('attribute');
      return object && attr ? { object, name: nodeText(attr) } : null;
    }
    if (node.type === 'subscript') {
      const object = node.childForFieldName('value');
      const key = node.childForFieldName('subscript');
      const keyValue = key?.type === 'string' ? literalValue(key) : null;
      return object && keyValue && keyValue.holes.length === 0 ? { object, name: keyValue.text } : null;
    }
    return null;
  },

  isSelf(node: Node): boolean {
    return node.type === 'identifier' && (nodeText(node) === 'self' || nodeText(node) === 'cls');
  },

  alternatives(node: Node): Node[] | null {
    if (node.type === 'conditional_expression') {
      const parts = namedChildrenOf(node);
      return parts.length === 3 ? [parts[0], parts[2]] : null;
    }
    if (node.type === 'boolean_operator' && node.childForFieldName('operator')?.type === 'or') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      return left && right ? [left, right] : null;
    }
    return null;
  },

  templateUse(node: Node) {
    if (node.type === 'binary_operator' && node.childForFieldName('operator')?.type === '%') {
      const left = node.childForFieldName('left');
      return left ? { template: left, syntax: 'percent' } : null;
    }
    if (node.type !== 'call') return null;
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'attribute') return null;
    const method = normalizeName(fn.childForFieldName('attribute')?.text ?? '');
    const object = fn.childForFieldName('object');
    if (!object) return null;
    if (FORMAT_METHODS.has(method)) return { template: object, syntax: 'format' };
    if (method === 'replace') {
      const args = node.childForFieldName('arguments');
      const first = args ? namedChildrenOf(args)[0] : undefined;
      if (isPlaceholderLiteral(first)) return { template: object, syntax: first!.text.includes('{{') ? 'mustache' : 'format' };
    }
    return null;
  },

  pipeOperands(node: Node): Node[] | null {
    const parts = flattenBinary(node, '|');
    return parts.length > 1 ? parts : null;
  },

  numberValue(node: Node): number | null {
    if (node.type !== 'integer' && node.type !== 'float') return null;
    const n = Number(nodeText(node).replace(/_/g, ''));
    return Number.isFinite(n) ? n : null;
  },

  index(root: Node): FileIndex {
    const nodes = nodesOfTypes(root, INDEX_TYPES);
    const index: FileIndex = { calls: [], bindings: [], functions: [], usagesOf: usageIndex(root, IDENTIFIER_TYPES), keyed: [], objects: [], aliases: new Map() };
    const functions = new Map<number, FunctionDef>();
    const returns: Node[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'call':
          index.calls.push(node);
          break;
        case 'assignment':
          addBinding(node, root, index.bindings);
          break;
        case 'function_definition': {
          const declared = node.childForFieldName('name')?.text;
          // `Bot(…)` calls `__init__`: index it under the class name.
          const owner = declared === '__init__' ? enclosingOfTypes(node, SCOPE_TYPES) : null;
          const name = owner?.type === 'class_definition' ? owner.childForFieldName('name')?.text : declared;
          if (!name) break;
          const params = node.childForFieldName('parameters');
          const def: FunctionDef = { name, node, params: parameterNames(params), returns: [] };
          if (owner === null) {
            const cls = enclosingOfTypes(node, SCOPE_TYPES);
            const className = cls?.type === 'class_definition' ? cls.childForFieldName('name')?.text : undefined;
            if (className) def.className = className;
          }
          for (const p of params ? namedChildrenOf(params) : []) {
            const paramName = p.childForFieldName('name');
            const value = p.childForFieldName('value');
            if ((p.type === 'default_parameter' || p.type === 'typed_default_parameter') && paramName && value) {
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
          const name = node.childForFieldName('name');
          const value = node.childForFieldName('value');
          if (name && value) index.keyed.push({ key: nodeText(name), keyNode: name, value });
          break;
        }
        case 'pair': {
          const key = node.childForFieldName('key');
          const value = node.childForFieldName('value');
          const keyValue = key?.type === 'string' ? literalValue(key) : null;
          if (key && value && keyValue) index.keyed.push({ key: keyValue.text, keyNode: key, value });
          break;
        }
        case 'dictionary':
          index.objects.push(node);
          break;
        case 'aliased_import': {
          const name = node.childForFieldName('name')?.text.split('.').pop();
          const alias = node.childForFieldName('alias')?.text;
          if (name && alias) index.aliases.set(normalizeName(alias), normalizeName(name));
          break;
        }
      }
    }
    for (const ret of returns) {
      const fn = enclosingOfTypes(ret, SCOPE_TYPES);
      const def = fn ? functions.get(fn.id) : undefined;
      const value = ret.firstNamedChild;
      if (def && value) def.returns.push(value);
    }
    return index;
  },
};

function isReference(node: Node): boolean {
  return node.type === 'identifier' || node.type === 'attribute' || node.type === 'subscript';
}

/** A part of `a + b` that is no string becomes `{expr}`, as in an f-string. */
const STRING_PARTS: StringPartsStyle = { isReference, holeSyntax: 'fstring', writeHole: (expression) => `{${expression}}` };

/** `"{name}"` / `"{{name}}"` as the first argument of `.replace(…)`: a hand-rolled template substitution. */
function isPlaceholderLiteral(node: Node | undefined): boolean {
  if (!node || node.type !== 'string') return false;
  const value = literalValue(node);
  return !!value && /^\{\{?\s*[\w.$-]+\s*\}?\}$/.test(value.text);
}

function parameterNames(params: Node | null): string[] {
  if (!params) return [];
  const names: string[] = [];
  for (const p of namedChildrenOf(params)) {
    if (p.type === 'identifier') names.push(nodeText(p));
    else if (p.type === 'typed_parameter') {
      const id = namedChildrenOf(p).find((c) => c.type === 'identifier');
      if (id) names.push(nodeText(id));
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const name = p.childForFieldName('name');
      if (name) names.push(nodeText(name));
    }
  }
  return names;
}

function addBinding(node: Node, root: Node, bindings: Binding[]): void {
  const left = node.childForFieldName('left');
  let right = node.childForFieldName('right');
  while (right && right.type === 'assignment') right = right.childForFieldName('right'); // a = b = "…"
  if (!left || !right) return;
  const scopeNode = enclosingOfTypes(node, SCOPE_TYPES) ?? root;
  const inClassBody = scopeNode.type === 'class_definition';
  if (left.type === 'identifier') {
    bindings.push({ name: nodeText(left), member: inClassBody, value: right, at: node.startIndex, scope: inClassBody ? root : scopeNode });
    return;
  }
  if (left.type === 'attribute') {
    const object = left.childForFieldName('object');
    const attr = left.childForFieldName('attribute');
    if (object && attr && (nodeText(object) === 'self' || nodeText(object) === 'cls')) {
      bindings.push({ name: nodeText(attr), member: true, value: right, at: node.startIndex, scope: root });
    }
  }
}

export const pythonFinder: LanguageFinder = {
  grammar: 'python',
  find: (root, ctx) => findPromptsWithAdapter(root, ctx, pythonAdapter),
};
