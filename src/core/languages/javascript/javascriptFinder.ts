/**
 * JavaScript and TypeScript (and their JSX variants): reads tree-sitter-javascript/typescript/tsx trees
 * for the prompt analysis in `promptFlow.ts` — string and template literals (`${…}` kept as
 * placeholders), `+` concatenation, `[...].join("\n")`, calls and `new` with options objects, object
 * and array literals, `const`/`let`/class fields/`this.x =` bindings and function definitions.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { LanguageFinder } from '../../prompts/languageFinder';
import type { GrammarName } from '../../prompts/parser';
import { findPromptsWithAdapter } from '../../prompts/flow/promptFlow';
import type { Entry, SyntaxAdapter } from '../../prompts/flow/syntaxAdapter';
import { dedentValue, TextBuilder, type StringValue } from '../../prompts/strings/stringValue';
import { namedChildrenOf, nodeText } from '../../prompts/syntaxTree';
import { decodeEscapes, type EscapeDialect } from '../../prompts/strings/escapes';
import { normalizeName } from '../../prompts/sdkNames';
import { DEDENT_WRAPPERS, TEXT_WRAPPERS } from '../../prompts/flow/sdkNameLists';
import { CallSiteReader } from '../../prompts/flow/callSites';
import { foldStringParts, type StringPartsStyle } from '../../prompts/flow/stringParts';
import { indexJavascriptFile } from './javascriptFileIndex';

/** How this language's string literals escape characters: read by the finder and by Compress's literal reader. */
export const JAVASCRIPT_ESCAPES: EscapeDialect = 'javascript';

const WRAPPER_TYPES = new Set([
  'parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression',
  'type_assertion', 'expression_statement',
]);
/** What a callee path looks through: `(client).chat`, `(await getClient()).chat`, `client!.chat`. */
const PATH_WRAPPER_TYPES = new Set(['parenthesized_expression', 'await_expression', 'non_null_expression']);
const TRIM_METHODS = new Set(['trim', 'trimstart', 'trimend', 'tostring']);
const FORMAT_METHODS = new Set(['format', 'formatmessages', 'formatpromptvalue']);

/** A quoted string literal's decoded content. */
function quotedValue(node: Node): StringValue {
  return new TextBuilder().appendText(decodeEscapes(nodeText(node).slice(1, -1), JAVASCRIPT_ESCAPES)).build();
}

/** A template literal: static text decoded, `${expr}` substitutions kept verbatim as placeholders. */
function templateValue(node: Node, raw: boolean): StringValue {
  const builder = new TextBuilder();
  const whole = nodeText(node);
  const base = node.startIndex;
  let pos = base + 1;
  const end = node.endIndex - 1;
  const appendRaw = (from: number, to: number) => {
    const text = whole.slice(from - base, to - base);
    builder.appendText(raw ? text : decodeEscapes(text, JAVASCRIPT_ESCAPES));
  };
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (!child || child.type !== 'template_substitution') continue;
    if (child.startIndex > pos) appendRaw(pos, child.startIndex);
    const inner = child.firstNamedChild;
    builder.appendHole(nodeText(child), inner ? nodeText(inner) : nodeText(child).slice(2, -1).trim(), 'dollar', inner && isReference(inner) ? inner : undefined);
    pos = child.endIndex;
  }
  if (end > pos) appendRaw(pos, end);
  return builder.build();
}

/** `dedent\`…\`` and `String.raw\`…\`` are text; `sql\`…\``, `html\`…\``, `gql\`…\`` are not prompts. */
function tagOf(template: Node): Node | null {
  const parent = template.parent;
  if (parent?.type === 'call_expression' && parent.childForFieldName('arguments')?.id === template.id) return parent.childForFieldName('function');
  return null;
}

function flattenBinary(node: Node, operators: readonly string[]): Node[] {
  if (node.type === 'binary_expression' && operators.includes(node.childForFieldName('operator')?.type ?? '')) {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left && right) return [...flattenBinary(left, operators), ...flattenBinary(right, operators)];
  }
  return [node];
}

function isReference(node: Node): boolean {
  return node.type === 'identifier' || node.type === 'member_expression' || node.type === 'subscript_expression';
}

/** A part of `a + b` that is no string becomes `${expr}`, as in a template literal. */
const STRING_PARTS: StringPartsStyle = { isReference, holeSyntax: 'dollar', writeHole: (expression) => `\${${expression}}` };

function propertyKey(key: Node | null): string | null {
  if (!key) return null;
  if (key.type === 'property_identifier' || key.type === 'identifier' || key.type === 'private_property_identifier') return nodeText(key);
  if (key.type === 'string') return quotedValue(key).text;
  if (key.type === 'number') return nodeText(key);
  return null;
}

/** `"{name}"` / `"{{name}}"` as the first argument of `.replace(…)`: a hand-rolled template substitution. */
function isPlaceholderLiteral(node: Node | undefined): boolean {
  if (!node || (node.type !== 'string' && node.type !== 'template_string')) return false;
  const text = node.type === 'string' ? quotedValue(node).text : nodeText(node).slice(1, -1);
  return /^\{\{?\s*[\w.$-]+\s*\}?\}$/.test(text);
}

function argumentNodes(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'arguments') return [];
  return namedChildrenOf(args);
}

/** Calls and `new` (tagged templates are strings); the properties of an options object are the named arguments. */
const calls = new CallSiteReader({
  calls: { call_expression: 'function', new_expression: 'constructor' },
  pathStarts: new Set(['identifier', 'this']),
  identifier: 'identifier',
  member: { type: 'member_expression', object: 'object', property: 'property' },
  lookThrough: (node) => (PATH_WRAPPER_TYPES.has(node.type) ? namedChildrenOf(node)[0] ?? null : undefined),
  isTaggedTemplate: (call) => call.childForFieldName('arguments')?.type === 'template_string',
  argumentsOf: argumentNodes,
  argument: (arg) => (arg.type === 'spread_element' ? 'skip' : 'positional'),
  optionsObject(arg) {
    const object = javascriptAdapter.unwrap(arg);
    return object.type === 'object' ? object : null;
  },
  option(property) {
    switch (property.type) {
      case 'pair': {
        const name = propertyKey(property.childForFieldName('key'));
        const value = property.childForFieldName('value');
        return name !== null && value ? { name, value } : 'skip';
      }
      case 'shorthand_property_identifier':
        return { name: nodeText(property), value: property };
      case 'spread_element': {
        const inner = property.firstNamedChild;
        return inner ? { spread: inner } : 'skip';
      }
      default:
        return 'skip';
    }
  },
});

export const javascriptAdapter: SyntaxAdapter = {
  unwrap(node: Node): Node {
    for (let guard = 0; guard < 20; guard++) {
      if (WRAPPER_TYPES.has(node.type)) {
        const inner = namedChildrenOf(node)[0];
        if (!inner) return node;
        node = inner;
        continue;
      }
      if (node.type === 'call_expression') {
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments');
        const name = normalizeName(calls.lastName(fn) ?? '');
        if (args?.type === 'template_string') return node; // tagged template: `stringValue` decides
        const argNodes = argumentNodes(node);
        if (fn?.type === 'identifier' && TEXT_WRAPPERS.has(name) && argNodes.length === 1) {
          node = argNodes[0];
          continue;
        }
        if (fn?.type === 'member_expression' && (TRIM_METHODS.has(name) || ((name === 'replace' || name === 'replaceall') && !isPlaceholderLiteral(argNodes[0])))) {
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
        return quotedValue(node);
      case 'template_string':
        // Tagged templates are read at the call: `sql\`…\``, `html\`…\``, `gql\`…\`` are not prompts.
        return tagOf(node) ? null : templateValue(node, false);
      case 'parenthesized_expression': {
        const inner = namedChildrenOf(node);
        return inner.length === 1 ? this.stringValue(this.unwrap(inner[0]), resolve) : null;
      }
      case 'binary_expression': {
        const parts = flattenBinary(node, ['+']);
        return parts.length < 2 ? null : foldStringParts(this, parts, resolve, STRING_PARTS);
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const tag = normalizeName(calls.lastName(fn) ?? '');
        const tagged = node.childForFieldName('arguments');
        if (tagged?.type === 'template_string') {
          // String.raw`…` keeps backslashes; dedent`…` removes common indentation and the edge lines.
          if (tag === 'raw') return templateValue(tagged, true);
          return DEDENT_WRAPPERS.has(tag) ? dedentValue(templateValue(tagged, false), true) : null;
        }
        if (DEDENT_WRAPPERS.has(tag)) {
          const args = argumentNodes(node);
          const inner = args.length === 1 ? this.stringValue(this.unwrap(args[0]), resolve) : null;
          return inner ? dedentValue(inner, true) : null;
        }
        // ["…", "…"].join("\n")
        if (fn?.type !== 'member_expression' || fn.childForFieldName('property')?.text !== 'join') return null;
        const array = fn.childForFieldName('object');
        const args = argumentNodes(node);
        if (array?.type !== 'array' || args.length > 1) return null;
        const separator = args.length === 0 ? new TextBuilder().appendText(',').build() : this.stringValue(args[0], resolve);
        const items = namedChildrenOf(array);
        if (!separator || items.length === 0) return null;
        return foldStringParts(this, items, resolve, STRING_PARTS, separator);
      }
      default:
        return null;
    }
  },

  call: (node) => calls.call(node),
  callee: (node) => calls.callee(node),

  entries(node: Node): Entry[] | null {
    if (node.type !== 'object') return null;
    const out: Entry[] = [];
    for (const prop of namedChildrenOf(node)) {
      if (prop.type === 'pair') {
        const keyNode = prop.childForFieldName('key');
        const value = prop.childForFieldName('value');
        if (value) out.push({ key: propertyKey(keyNode), keyNode, value });
      } else if (prop.type === 'shorthand_property_identifier') {
        out.push({ key: nodeText(prop), keyNode: prop, value: prop });
      }
    }
    return out;
  },

  elements(node: Node): Node[] | null {
    return node.type === 'array' ? namedChildrenOf(node) : null;
  },

  spread(node: Node): Node | null {
    return node.type === 'spread_element' ? node.firstNamedChild : null;
  },

  concatParts(node: Node): Node[] | null {
    const parts = flattenBinary(node, ['+']);
    return parts.length > 1 ? parts : null;
  },

  identifier(node: Node): string | null {
    return node.type === 'identifier' || node.type === 'shorthand_property_identifier' ? nodeText(node) : null;
  },

  member(node: Node) {
    if (node.type === 'member_expression') {
      const object = node.childForFieldName('object');
      const prop = node.childForFieldName('property');
      return object && prop ? { object, name: nodeText(prop) } : null;
    }
    if (node.type === 'subscript_expression') {
      const object = node.childForFieldName('object');
      const index = node.childForFieldName('index');
      return object && index?.type === 'string' ? { object, name: quotedValue(index).text } : null;
    }
    return null;
  },

  isSelf(node: Node): boolean {
    return node.type === 'this';
  },

  alternatives(node: Node): Node[] | null {
    if (node.type === 'ternary_expression') {
      const a = node.childForFieldName('consequence');
      const b = node.childForFieldName('alternative');
      return a && b ? [a, b] : null;
    }
    if (node.type === 'binary_expression') {
      const parts = flattenBinary(node, ['||', '??']);
      return parts.length > 1 ? parts : null;
    }
    return null;
  },

  templateUse(node: Node) {
    if (node.type !== 'call_expression') return null;
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'member_expression') return null;
    const method = normalizeName(fn.childForFieldName('property')?.text ?? '');
    const object = fn.childForFieldName('object');
    if (!object) return null;
    if (FORMAT_METHODS.has(method)) return { template: object, syntax: 'format' };
    if (method === 'replace' || method === 'replaceall') {
      const first = argumentNodes(node)[0];
      if (isPlaceholderLiteral(first)) return { template: object, syntax: nodeText(first).includes('{{') ? 'mustache' : 'format' };
    }
    return null;
  },

  pipeOperands(): Node[] | null {
    return null; // LangChain.js pipes with `.pipe(…)` calls, handled as calls
  },

  numberValue(node: Node): number | null {
    if (node.type !== 'number') return null;
    const n = Number(nodeText(node).replace(/_/g, ''));
    return Number.isFinite(n) ? n : null;
  },
  index: (root) => indexJavascriptFile(root, { unwrap: (node) => javascriptAdapter.unwrap(node), propertyKey }),
};

function finder(grammar: GrammarName): LanguageFinder {
  return { grammar, find: (root, ctx) => findPromptsWithAdapter(root, ctx, javascriptAdapter) };
}

export const typescriptFinder = finder('typescript');
export const tsxFinder = finder('tsx');
export const javascriptFinder = finder('javascript');
