/**
 * Go string shapes: interpreted `"…"` and raw `` `…` `` literals and `+` concatenation with values. A raw
 * string cannot hold a backtick (or a carriage return), so such text falls back to an interpreted string.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { decodeEscapes } from '../prompts/languages/escapes';
import type { LiteralStyle, Part, Shape } from './literalShape';
import { flattenPlus, hexEscape, insertedDisplay, isControl, plainText, shapeFromParts } from './shapeParts';

export function readGoShape(node: Node, source: string): Shape | string {
  const start = node.startIndex;
  const end = node.endIndex;
  if (node.type === 'parenthesized_expression' && node.namedChildren.length === 1 && node.namedChildren[0]) {
    const inner = node.namedChildren[0];
    const shape = readGoShape(inner, source);
    return typeof shape === 'string' ? shape : { ...shape, prefix: source.slice(start, inner.startIndex) + shape.prefix, suffix: shape.suffix + source.slice(inner.endIndex, end) };
  }
  if (node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal') return shapeFromParts(source, start, end, [node], readPart);
  if (isPlus(node)) return shapeFromParts(source, start, end, flattenPlus(node, isPlus), readPart);
  if (node.type === 'call_expression') return 'a prompt built by a call is not rewritten; compress its string literal';
  return `a ${node.type.replace(/_/g, ' ')} is not a string shape the rewriter knows`;
}

function isPlus(node: Node): boolean {
  return node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+';
}

function readPart(node: Node): Part | string {
  if (node.type === 'interpreted_string_literal') return { kind: 'literal', style: interpretedStyle, segments: [{ text: decodeEscapes(node.text.slice(1, -1), 'go') }] };
  if (node.type === 'raw_string_literal') return { kind: 'literal', style: rawStyle, segments: [{ text: node.text.slice(1, -1).replace(/\r/g, '') }] };
  return { kind: 'code', display: insertedDisplay(node.text), source: node.text };
}

const interpretedStyle: LiteralStyle = {
  name: 'a Go interpreted string',
  interpolates: false,
  encode(segments) {
    const text = plainText(segments);
    if (text === null) return null;
    let out = '';
    for (const ch of text) {
      if (ch === '\\') out += '\\\\';
      else if (ch === '"') out += '\\"';
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (isControl(ch)) out += hexEscape(ch);
      else out += ch;
    }
    return `"${out}"`;
  },
};

const rawStyle: LiteralStyle = {
  name: 'a Go raw string',
  interpolates: false,
  fallback: interpretedStyle,
  encode(segments) {
    const text = plainText(segments);
    if (text === null || text.includes('`') || text.includes('\r')) return null;
    return `\`${text}\``;
  },
};
