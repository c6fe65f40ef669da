/**
 * JavaScript / TypeScript string shapes: `'…'`, `"…"`, template literals with `${…}`, `String.raw\`…\``,
 * `dedent\`…\``, and `+` concatenation with values.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { DEDENT_WRAPPERS } from '../../prompts/flow/sdkNameLists';
import { JAVASCRIPT_ESCAPES, javascriptAdapter } from './javascriptFinder';
import { decodeEscapes } from '../../prompts/strings/escapes';
import { namedChildrenOf, nodeText } from '../../prompts/syntaxTree';
import { normalizeName } from '../../prompts/sdkNames';
import { escapeQuoted } from '../../rewrite/cStyleLiterals';
import { dedentTransform, rawDisplay, type LiteralStyle, type Part, type Segment, type Shape } from '../../rewrite/literalShape';
import { flattenPlus, hexEscape, isControl, oddTrailingBackslashes, plainText, segmentsFrom, shapeFromParts } from '../../rewrite/shapeParts';

export function readJavascriptShape(node: Node, source: string): Shape | string {
  const start = node.startIndex;
  const end = node.endIndex;
  switch (node.type) {
    case 'parenthesized_expression': {
      const inner = namedChildrenOf(node);
      if (inner.length !== 1) return 'unexpected parenthesized expression';
      const shape = readJavascriptShape(inner[0], source);
      return typeof shape === 'string' ? shape : { ...shape, prefix: source.slice(start, inner[0].startIndex) + shape.prefix, suffix: shape.suffix + source.slice(inner[0].endIndex, end) };
    }
    case 'string':
    case 'template_string':
      return shapeFromParts(source, start, end, [node], readPart);
    case 'binary_expression':
      if (isPlus(node)) return shapeFromParts(source, start, end, flattenPlus(node, isPlus), readPart);
      break;
    case 'call_expression': {
      const fn = node.childForFieldName('function');
      const template = node.childForFieldName('arguments');
      const tag = normalizeName(fn?.type === 'member_expression' ? fn.childForFieldName('property')?.text ?? '' : fn ? nodeText(fn) : '');
      if (template?.type === 'template_string' && (tag === 'raw' || DEDENT_WRAPPERS.has(tag))) {
        const part = templatePart(template, tag === 'raw');
        const shape: Shape = { prefix: source.slice(start, template.startIndex), suffix: source.slice(template.endIndex, end), parts: [part], joiners: [], transform: null };
        return tag === 'raw' ? shape : { ...shape, transform: dedentTransform(rawDisplay(shape), true) };
      }
      return `a prompt built by a call (${fn ? nodeText(fn) : 'call'}(…)) is not rewritten; compress its string literal`;
    }
  }
  return `a ${node.type.replace(/_/g, ' ')} is not a string shape the rewriter knows`;
}

function isPlus(node: Node): boolean {
  return node.type === 'binary_expression' && node.childForFieldName('operator')?.type === '+';
}

function readPart(node: Node): Part | string {
  if (node.type === 'string') {
    const value = javascriptAdapter.stringValue(node, () => null);
    if (!value) return 'unreadable string';
    return { kind: 'literal', style: quotedStyle(nodeText(node)[0]), segments: segmentsFrom(value.text, value.holes) };
  }
  if (node.type === 'template_string') return templatePart(node, false);
  const inner = javascriptAdapter.unwrap(node);
  return { kind: 'code', display: `\${${nodeText(inner)}}`, source: nodeText(node) };
}

/** A template literal's content; `raw` (String.raw) keeps backslashes as written. */
function templatePart(node: Node, raw: boolean): Part {
  const whole = nodeText(node);
  const segments: Segment[] = [];
  let pos = node.startIndex + 1;
  const push = (from: number, to: number) => {
    const text = whole.slice(from - node.startIndex, to - node.startIndex);
    segments.push({ text: raw ? text : decodeEscapes(text, JAVASCRIPT_ESCAPES) });
  };
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (!child || child.type !== 'template_substitution') continue;
    if (child.startIndex > pos) push(pos, child.startIndex);
    segments.push({ hole: nodeText(child), source: nodeText(child) });
    pos = child.endIndex;
  }
  if (node.endIndex - 1 > pos) push(pos, node.endIndex - 1);
  return { kind: 'literal', style: raw ? rawTemplateStyle : templateStyle, segments };
}

/** `'…'` or `"…"`. */
function quotedStyle(q: string): LiteralStyle {
  return {
    name: `a ${q === '"' ? 'double' : 'single'}-quoted string`,
    interpolates: false,
    fallback: templateStyle,
    encode(segments) {
      const text = plainText(segments);
      if (text === null) return null;
      const out = escapeQuoted(text, q, (ch) => (ch === '\u2028' || ch === '\u2029' ? `\\u${ch.charCodeAt(0).toString(16)}` : isControl(ch) ? hexEscape(ch) : null));
      return q + out + q;
    },
  };
}

/** A template literal: backticks, backslashes and a `${` that is not a placeholder are escaped. */
const templateStyle: LiteralStyle = {
  name: 'a template literal',
  interpolates: true,
  encode(segments) {
    return templateLiteral(segments, (text) => {
      let out = '';
      for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\\') out += '\\\\';
        else if (ch === '`') out += '\\`';
        else if (ch === '$' && text[i + 1] === '{') out += '\\$';
        else if (ch === '\r') out += '\\r';
        else if (isControl(ch) && ch !== '\n' && ch !== '\t') out += hexEscape(ch);
        else out += ch;
      }
      return out;
    });
  },
};

/** `String.raw\`…\``: nothing can be escaped, so text that would need it is refused. */
const rawTemplateStyle: LiteralStyle = {
  name: 'a String.raw template',
  interpolates: true,
  encode(segments) {
    return templateLiteral(segments, (text) => (text.includes('`') || text.includes('${') || text.includes('\r') || oddTrailingBackslashes(text) ? null : text));
  },
};

/** Backticks around the segments: placeholders written back as their source, text through `encodeText` (null refuses the whole). */
function templateLiteral(segments: readonly Segment[], encodeText: (text: string) => string | null): string | null {
  let out = '';
  for (const s of segments) {
    if (!('text' in s)) {
      out += s.source;
      continue;
    }
    const encoded = encodeText(s.text);
    if (encoded === null) return null;
    out += encoded;
  }
  return `\`${out}\``;
}

