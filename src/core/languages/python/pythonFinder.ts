/**
 * Python: reads tree-sitter-python trees for the prompt analysis in `promptFlow.ts` — strings and
 * f-strings, implicit and `+` concatenation, `"\n".join([...])`, calls with keyword arguments,
 * dicts, lists, assignments (module, function, class and `self.x`) and function definitions.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFinder } from '../../prompts/languageFinder';
import { findPromptsWithAdapter } from '../../prompts/flow/promptFlow';
import type { Entry, SyntaxAdapter } from '../../prompts/flow/syntaxAdapter';
import { childrenShared, endOf, fieldOf, maybeText, maybeType, namedChildrenShared, textOf, typeOf } from '../../prompts/nodeFacts';
import { dedentValue, TextBuilder, type StringValue } from '../../prompts/strings/stringValue';
import { namedChildrenOf, nodeText } from '../../prompts/syntaxTree';
import { decodeEscapes, type EscapeDialect } from '../../prompts/strings/escapes';
import { normalizeName } from '../../prompts/sdkNames';
import { DEDENT_WRAPPERS, TEXT_WRAPPERS } from '../../prompts/flow/sdkNameLists';
import { CallSiteReader } from '../../prompts/flow/callSites';
import { foldStringParts, type StringPartsStyle } from '../../prompts/flow/stringParts';
import { IDENTIFIER_TYPES, indexPythonFile } from './pythonFileIndex';

/** How this language's string literals escape characters: read by the finder and by Compress's literal reader. */
export const PYTHON_ESCAPES: EscapeDialect = 'python';

const STRIP_METHODS = new Set(['strip', 'lstrip', 'rstrip']);
const FORMAT_METHODS = new Set(['format', 'formatmap', 'formatmessages', 'formatprompt', 'partial']);

function stringPrefix(node: Node): string {
  const start = childrenShared(node)[0];
  if (!start || typeOf(start) !== 'string_start') return '';
  return nodeText(start).replace(/['"]+$/, '').toLowerCase();
}

/** One `string` node (f-string or not): its decoded text with `{expr}` interpolations as placeholders. */
function literalValue(node: Node): StringValue | null {
  const prefix = stringPrefix(node);
  if (prefix.includes('b')) return null; // bytes are data, not prompts
  const isRaw = prefix.includes('r');
  const isF = prefix.includes('f') || prefix.includes('t');
  const children = childrenShared(node);
  const first = children[0];
  const last = children[children.length - 1];
  if (!first || !last || typeOf(first) !== 'string_start') return null;
  const whole = nodeText(node);
  const source = { slice: (from: number, to: number) => whole.slice(from - node.startIndex, to - node.startIndex) };
  const builder = new TextBuilder();
  const appendRaw = (raw: string) => {
    let text = isRaw ? raw : decodeEscapes(raw, PYTHON_ESCAPES);
    if (isF) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
    builder.appendText(text);
  };
  let pos = endOf(first);
  const end = typeOf(last) === 'string_end' ? last.startIndex : endOf(node);
  for (let i = 1; i < children.length; i++) {
    const child = children[i];
    if (typeOf(child) === 'string_end') continue;
    if (child.startIndex > pos) appendRaw(source.slice(pos, child.startIndex));
    if (typeOf(child) === 'interpolation') {
      const expression = fieldOf(child, 'expression') ?? namedChildrenShared(child)[0] ?? null;
      builder.appendHole(nodeText(child), expression ? nodeText(expression) : nodeText(child).slice(1, -1), 'fstring', expression && isReference(expression) ? expression : undefined);
    } else {
      appendRaw(source.slice(child.startIndex, endOf(child)));
    }
    pos = endOf(child);
  }
  if (end > pos) appendRaw(source.slice(pos, end));
  return builder.build();
}

function flattenBinary(node: Node, operator: string): Node[] {
  if (typeOf(node) === 'binary_operator' && maybeType(fieldOf(node, 'operator')) === operator) {
    const left = fieldOf(node, 'left');
    const right = fieldOf(node, 'right');
    if (left && right) return [...flattenBinary(left, operator), ...flattenBinary(right, operator)];
  }
  return [node];
}

/** Calls `f(…)`, `a.b(…)`; keyword arguments and `**kwargs` are the named ones. */
const calls = new CallSiteReader({
  calls: { call: 'function' },
  pathStarts: IDENTIFIER_TYPES,
  identifier: 'identifier',
  member: { type: 'attribute', object: 'object', property: 'attribute' },
  // Agent[Context](…): a generic class is called.
  lookThrough: (node, isCallee) => (isCallee && typeOf(node) === 'subscript' ? fieldOf(node, 'value') : undefined),
  argumentsOf(call) {
    const args = fieldOf(call, 'arguments');
    if (!args) return [];
    return typeOf(args) === 'generator_expression' ? [args] : namedChildrenOf(args);
  },
  argument(arg) {
    switch (typeOf(arg)) {
      case 'keyword_argument': {
        const name = fieldOf(arg, 'name');
        const value = fieldOf(arg, 'value');
        return name && value ? { name: nodeText(name), value } : 'skip';
      }
      case 'dictionary_splat': {
        const inner = namedChildrenShared(arg)[0];
        return inner ? { spread: inner } : 'skip';
      }
      case 'list_splat':
        return 'skip';
      default:
        return 'positional';
    }
  },
});

export const pythonAdapter: SyntaxAdapter = {
  unwrap(node: Node): Node {
    for (let guard = 0; guard < 20; guard++) {
      if (typeOf(node) === 'parenthesized_expression' || typeOf(node) === 'await' || typeOf(node) === 'expression_statement') {
        const inner = namedChildrenOf(node);
        if (inner.length !== 1) return node;
        node = inner[0];
        continue;
      }
      if (typeOf(node) === 'call') {
        const fn = fieldOf(node, 'function');
        const args = fieldOf(node, 'arguments');
        const name = normalizeName(calls.lastName(fn) ?? '');
        const argNodes = args ? namedChildrenOf(args) : [];
        // dedent("…"), inspect.cleandoc("…"), str(x)
        if (TEXT_WRAPPERS.has(name) && argNodes.length === 1 && typeOf(argNodes[0]) !== 'keyword_argument') {
          node = argNodes[0];
          continue;
        }
        // "…".strip(), prompt.replace("\n", " ") (not a placeholder substitution)
        if (fn && typeOf(fn) === 'attribute' && (STRIP_METHODS.has(name) || (name === 'replace' && !isPlaceholderLiteral(argNodes[0])))) {
          node = fieldOf(fn, 'object') ?? node;
          continue;
        }
      }
      return node;
    }
    return node;
  },

  stringValue(node, resolve) {
    switch (typeOf(node)) {
      case 'string':
        return literalValue(node);
      case 'concatenated_string': {
        const builder = new TextBuilder();
        for (const part of namedChildrenOf(node)) {
          const value = typeOf(part) === 'string' ? literalValue(part) : null;
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
        const fn = fieldOf(node, 'function');
        const wrapper = normalizeName(calls.lastName(fn) ?? '');
        if (DEDENT_WRAPPERS.has(wrapper)) {
          const args = fieldOf(node, 'arguments');
          const argNodes = args ? namedChildrenOf(args) : [];
          const inner = argNodes.length === 1 ? this.stringValue(this.unwrap(argNodes[0]), resolve) : null;
          return inner ? dedentValue(inner, wrapper === 'cleandoc') : null;
        }
        // "\n".join(["…", "…"])
        if (!fn || typeOf(fn) !== 'attribute' || maybeText(fieldOf(fn, 'attribute')) !== 'join') return null;
        const separatorNode = fieldOf(fn, 'object');
        const separator = separatorNode && typeOf(separatorNode) === 'string' ? literalValue(separatorNode) : null;
        const args = fieldOf(node, 'arguments');
        const list = args ? namedChildrenOf(args) : [];
        const items = list.length === 1 && (typeOf(list[0]) === 'list' || typeOf(list[0]) === 'tuple') ? namedChildrenOf(list[0]) : null;
        if (!separator || !items || items.length === 0) return null;
        return foldStringParts(this, items, resolve, STRING_PARTS, separator);
      }
      default:
        return null;
    }
  },

  call: (node) => calls.call(node),
  callee: (node) => calls.callee(node),

  entries(node: Node): Entry[] | null {
    if (typeOf(node) === 'call' && maybeText(fieldOf(node, 'function')) === 'dict') {
      const site = this.call(node);
      return site ? [...site.named].map(([key, value]) => ({ key, keyNode: null, value })) : null;
    }
    if (typeOf(node) !== 'dictionary') return null;
    const out: Entry[] = [];
    for (const pair of namedChildrenOf(node)) {
      if (typeOf(pair) !== 'pair') continue;
      const keyNode = fieldOf(pair, 'key');
      const value = fieldOf(pair, 'value');
      if (!keyNode || !value) continue;
      const keyValue = typeOf(keyNode) === 'string' ? literalValue(keyNode) : null;
      out.push({ key: keyValue && keyValue.holes.length === 0 ? keyValue.text : null, keyNode, value });
    }
    return out;
  },

  elements(node: Node): Node[] | null {
    if (typeOf(node) !== 'list' && typeOf(node) !== 'tuple') return null;
    return namedChildrenOf(node);
  },

  spread(node: Node): Node | null {
    return typeOf(node) === 'list_splat' ? namedChildrenShared(node)[0] ?? null : null;
  },

  concatParts(node: Node): Node[] | null {
    const parts = flattenBinary(node, '+');
    return parts.length > 1 ? parts : null;
  },

  identifier(node: Node): string | null {
    return typeOf(node) === 'identifier' ? nodeText(node) : null;
  },

  member(node: Node) {
    if (typeOf(node) === 'attribute') {
      const object = fieldOf(node, 'object');
      const attr = fieldOf(node, 'attribute');
      return object && attr ? { object, name: nodeText(attr) } : null;
    }
    if (typeOf(node) === 'subscript') {
      const object = fieldOf(node, 'value');
      const key = fieldOf(node, 'subscript');
      const keyValue = key && typeOf(key) === 'string' ? literalValue(key) : null;
      return object && keyValue && keyValue.holes.length === 0 ? { object, name: keyValue.text } : null;
    }
    return null;
  },

  isSelf(node: Node): boolean {
    return typeOf(node) === 'identifier' && (nodeText(node) === 'self' || nodeText(node) === 'cls');
  },

  alternatives(node: Node): Node[] | null {
    if (typeOf(node) === 'conditional_expression') {
      const parts = namedChildrenOf(node);
      return parts.length === 3 ? [parts[0], parts[2]] : null;
    }
    if (typeOf(node) === 'boolean_operator' && maybeType(fieldOf(node, 'operator')) === 'or') {
      const left = fieldOf(node, 'left');
      const right = fieldOf(node, 'right');
      return left && right ? [left, right] : null;
    }
    return null;
  },

  templateUse(node: Node) {
    if (typeOf(node) === 'binary_operator' && maybeType(fieldOf(node, 'operator')) === '%') {
      const left = fieldOf(node, 'left');
      return left ? { template: left, syntax: 'percent' } : null;
    }
    if (typeOf(node) !== 'call') return null;
    const fn = fieldOf(node, 'function');
    if (!fn || typeOf(fn) !== 'attribute') return null;
    const method = normalizeName(maybeText(fieldOf(fn, 'attribute')) ?? '');
    const object = fieldOf(fn, 'object');
    if (!object) return null;
    if (FORMAT_METHODS.has(method)) return { template: object, syntax: 'format' };
    if (method === 'replace') {
      const args = fieldOf(node, 'arguments');
      const first = args ? namedChildrenOf(args)[0] : undefined;
      if (isPlaceholderLiteral(first)) return { template: object, syntax: textOf(first!).includes('{{') ? 'mustache' : 'format' };
    }
    return null;
  },

  pipeOperands(node: Node): Node[] | null {
    const parts = flattenBinary(node, '|');
    return parts.length > 1 ? parts : null;
  },

  numberValue(node: Node): number | null {
    if (typeOf(node) !== 'integer' && typeOf(node) !== 'float') return null;
    const n = Number(nodeText(node).replace(/_/g, ''));
    return Number.isFinite(n) ? n : null;
  },
  index: (root) => indexPythonFile(root, literalValue),
};

function isReference(node: Node): boolean {
  return typeOf(node) === 'identifier' || typeOf(node) === 'attribute' || typeOf(node) === 'subscript';
}

/** A part of `a + b` that is no string becomes `{expr}`, as in an f-string. */
const STRING_PARTS: StringPartsStyle = { isReference, holeSyntax: 'fstring', writeHole: (expression) => `{${expression}}` };

/** `"{name}"` / `"{{name}}"` as the first argument of `.replace(…)`: a hand-rolled template substitution. */
function isPlaceholderLiteral(node: Node | undefined): boolean {
  if (!node || typeOf(node) !== 'string') return false;
  const value = literalValue(node);
  return !!value && /^\{\{?\s*[\w.$-]+\s*\}?\}$/.test(value.text);
}

export const pythonFinder: LanguageFinder = {
  grammar: 'python',
  find: (root, ctx) => findPromptsWithAdapter(root, ctx, pythonAdapter),
};
