/**
 * Java string shapes: `"…"` literals, text blocks (`"""` + line break … `"""`, re-indented with the
 * block's own indentation) and `+` concatenation with values.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { decodeEscapes } from '../../prompts/strings/escapes';
import { escapeQuoted, isBinaryPlus, readParenthesized } from '../../rewrite/cStyleLiterals';
import type { LiteralStyle, Part, Shape } from '../../rewrite/literalShape';
import { flattenPlus, insertedDisplay, isControl, plainText, shapeFromParts } from '../../rewrite/shapeParts';
import { JAVA_ESCAPES } from './javaFinder';

export function readJavaShape(node: Node, source: string): Shape | string {
  const parenthesized = readParenthesized(node, source, readJavaShape);
  if (parenthesized !== null) return parenthesized;
  const start = node.startIndex;
  const end = node.endIndex;
  if (node.type === 'string_literal') return shapeFromParts(source, start, end, [node], readPart);
  if (isBinaryPlus(node)) return shapeFromParts(source, start, end, flattenPlus(node, isBinaryPlus), readPart);
  if (node.type === 'method_invocation') return 'a prompt built by a call (String.format, .formatted, String.join) is not rewritten; compress its string literal';
  return `a ${node.type.replace(/_/g, ' ')} is not a string shape the rewriter knows`;
}

function readPart(node: Node): Part | string {
  if (node.type !== 'string_literal') return { kind: 'code', display: insertedDisplay(node.text), source: node.text };
  const raw = node.text;
  if (!raw.startsWith('"""')) return { kind: 'literal', style: stringStyle, segments: [{ text: decodeEscapes(raw.slice(1, -1), JAVA_ESCAPES) }] };
  const block = textBlockLayout(raw.slice(3, -3));
  return { kind: 'literal', style: textBlockStyle(block.indent, block.closingIndent), segments: [{ text: decodeEscapes(block.content, JAVA_ESCAPES) }] };
}

/** Java text block content (JLS 3.10.6: drop the opening line, strip the incidental indentation and trailing spaces), plus its layout. */
function textBlockLayout(raw: string): { content: string; indent: string; closingIndent: string | null } {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').slice(1);
  const closingOwnLine = lines.length > 0 && lines[lines.length - 1].trim() === '';
  const significant = lines.filter((line, i) => line.trim() !== '' || (closingOwnLine && i === lines.length - 1));
  const width = Math.min(...significant.map((line) => line.length - line.trimStart().length));
  const n = Number.isFinite(width) ? width : 0;
  const stripped = lines.map((line) => (line.trim() === '' ? '' : line.slice(n).replace(/[ \t\f]+$/, '')));
  const sample = closingOwnLine ? lines[lines.length - 1] : significant[0] ?? '';
  return { content: stripped.join('\n'), indent: sample.slice(0, n), closingIndent: closingOwnLine ? lines[lines.length - 1] : null };
}

const stringStyle: LiteralStyle = {
  name: 'a Java string',
  interpolates: false,
  encode(segments) {
    const text = plainText(segments);
    if (text === null) return null;
    return `"${escapeQuoted(text, '"', (ch) => (isControl(ch) ? octalEscape(ch) : null))}"`;
  },
};

/** A text block indented like the original; `closingIndent` null when `"""` closed on the last text line. */
function textBlockStyle(indent: string, closingIndent: string | null): LiteralStyle {
  return {
    name: 'a Java text block',
    interpolates: false,
    encode(segments) {
      const text = plainText(segments);
      if (text === null) return null;
      const ownLine = text.endsWith('\n');
      const lines = (ownLine ? text.slice(0, -1) : text).split('\n').map(encodeBlockLine);
      if (!ownLine) lines[lines.length - 1] = lines[lines.length - 1].replace(/"$/, '\\"');
      const body = lines.map((line) => (line === '' ? '' : indent + line)).join('\n');
      return `"""\n${body}${ownLine ? `\n${closingIndent ?? indent}` : ''}"""`;
    },
  };
}

/** One line of a text block: backslashes and `"""` escaped, trailing blanks kept with `\s` / `\t`. */
function encodeBlockLine(line: string): string {
  let out = '';
  for (const ch of line) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '\r') out += '\\r';
    else if (isControl(ch) && ch !== '\t') out += octalEscape(ch);
    else out += ch;
  }
  out = out.replace(/"""/g, '\\"""');
  const trailing = /[ \t]$/.exec(out);
  if (trailing) out = out.slice(0, -1) + (trailing[0] === ' ' ? '\\s' : '\\t');
  return out;
}

function octalEscape(ch: string): string {
  return `\\${ch.charCodeAt(0).toString(8).padStart(3, '0')}`;
}
