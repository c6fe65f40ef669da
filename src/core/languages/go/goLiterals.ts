/**
 * Go string shapes: interpreted `"…"` and raw `` `…` `` literals and `+` concatenation with values. A raw
 * string cannot hold a backtick (or a carriage return), so such text falls back to an interpreted string.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { decodeEscapes } from '../../prompts/strings/escapes';
import { escapeQuoted, isBinaryPlus, readParenthesized } from '../../rewrite/cStyleLiterals';
import type { LiteralStyle, Part, Shape } from '../../rewrite/literalShape';
import { flattenPlus, hexEscape, insertedDisplay, isControl, plainText, shapeFromParts } from '../../rewrite/shapeParts';
import { GO_ESCAPES } from './goFinder';

export function readGoShape(node: Node, source: string): Shape | string {
  const parenthesized = readParenthesized(node, source, readGoShape);
  if (parenthesized !== null) return parenthesized;
  const start = node.startIndex;
  const end = node.endIndex;
  if (node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal') return shapeFromParts(source, start, end, [node], readPart);
  if (isBinaryPlus(node)) return shapeFromParts(source, start, end, flattenPlus(node, isBinaryPlus), readPart);
  if (node.type === 'call_expression') return 'a prompt built by a call is not rewritten; compress its string literal';
  return `a ${node.type.replace(/_/g, ' ')} is not a string shape the rewriter knows`;
}

function readPart(node: Node): Part | string {
  if (node.type === 'interpreted_string_literal') return { kind: 'literal', style: interpretedStyle, segments: [{ text: decodeEscapes(node.text.slice(1, -1), GO_ESCAPES) }] };
  if (node.type === 'raw_string_literal') return { kind: 'literal', style: rawStyle, segments: [{ text: node.text.slice(1, -1).replace(/\r/g, '') }] };
  return { kind: 'code', display: insertedDisplay(node.text), source: node.text };
}

const interpretedStyle: LiteralStyle = {
  name: 'a Go interpreted string',
  interpolates: false,
  encode(segments) {
    const text = plainText(segments);
    if (text === null) return null;
    return `"${escapeQuoted(text, '"', (ch) => (isControl(ch) ? hexEscape(ch) : null))}"`;
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
