/**
 * C# string shapes: regular `"…"`, verbatim `@"…"`, raw `"""…"""` (single- and multi-line), interpolated
 * `$"…"`, `$@"…"`, `$"""…"""` / `$$"""…"""`, and `+` concatenation with values. Interpolations keep their
 * expression as written; literal braces are doubled where the style needs it.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { decodeEscapes } from '../../prompts/strings/escapes';
import { escapeQuoted, isBinaryPlus, readParenthesized } from '../../rewrite/cStyleLiterals';
import type { LiteralStyle, Part, Segment, Shape } from '../../rewrite/literalShape';
import { flattenPlus, insertedDisplay, isControl, longestRun, mergeText, plainText, shapeFromParts } from '../../rewrite/shapeParts';
import { CSHARP_ESCAPES } from './csharpFinder';

export function readCsharpShape(node: Node, source: string): Shape | string {
  const parenthesized = readParenthesized(node, source, readCsharpShape);
  if (parenthesized !== null) return parenthesized;
  const start = node.startIndex;
  const end = node.endIndex;
  if (LITERAL_TYPES.has(node.type)) return shapeFromParts(source, start, end, [node], readPart);
  if (isBinaryPlus(node)) return shapeFromParts(source, start, end, flattenPlus(node, isBinaryPlus), readPart);
  if (node.type === 'invocation_expression') return 'a prompt built by a call (string.Format) is not rewritten; compress its string literal';
  return `a ${node.type.replace(/_/g, ' ')} is not a string shape the rewriter knows`;
}

const LITERAL_TYPES = new Set(['string_literal', 'verbatim_string_literal', 'raw_string_literal', 'interpolated_string_expression']);

interface RawLayout {
  quotes: number;
  /** The closing line's indentation for a multi-line raw string, null for a single-line one. */
  indent: string | null;
}

function readPart(node: Node): Part | string {
  const text = node.text;
  switch (node.type) {
    case 'string_literal':
      if (text.endsWith('u8')) return 'UTF-8 byte strings are not prompts';
      return { kind: 'literal', style: regularStyle, segments: [{ text: decodeEscapes(text.slice(1, -1), CSHARP_ESCAPES) }] };
    case 'verbatim_string_literal':
      return { kind: 'literal', style: verbatimStyle, segments: [{ text: text.slice(2, -1).replace(/""/g, '"') }] };
    case 'raw_string_literal': {
      const content = node.namedChildren.find((c) => c?.type === 'raw_string_content')?.text ?? '';
      const quotes = node.children.find((c) => c?.type === 'raw_string_start')?.text.length ?? 3;
      const { segments, indent } = rawContent([{ text: content }]);
      return { kind: 'literal', style: rawStyle({ quotes, indent }, 0), segments: mergeText(segments) };
    }
    case 'interpolated_string_expression':
      return interpolatedPart(node);
    default:
      return { kind: 'code', display: insertedDisplay(text), source: text };
  }
}

/** `$"…"`, `$@"…"`, `$"""…"""`: as the finder reads it (csharpFinder.ts `interpolatedPieces`), holes keep their inner source. */
function interpolatedPart(node: Node): Part | string {
  const start = node.children.find((c) => c?.type === 'interpolation_start')?.text ?? '$';
  const quote = node.children.find((c) => c?.type === 'interpolation_quote')?.text;
  const raw = !!quote && quote.startsWith('"""');
  const verbatim = start.includes('@');
  const pieces: Segment[] = [];
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'string_content') {
      let t = child.text;
      if (verbatim) t = t.replace(/""/g, '"');
      if (!raw) t = t.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      pieces.push({ text: t });
    } else if (child.type === 'escape_sequence') {
      pieces.push({ text: decodeEscapes(child.text, CSHARP_ESCAPES) });
    } else if (child.type === 'interpolation') {
      const braces = child.children.filter((c): c is Node => !!c && c.type === 'interpolation_brace');
      const open = braces[0];
      const close = braces[braces.length - 1];
      if (!open || !close || open.id === close.id) return 'unreadable interpolation';
      const inner = child.text.slice(open.endIndex - child.startIndex, close.startIndex - child.startIndex);
      pieces.push({ hole: insertedDisplay(inner), source: inner });
    }
  }
  if (!raw) return { kind: 'literal', style: verbatim ? interpolatedVerbatimStyle(start) : interpolatedStyle(start), segments: mergeText(pieces) };
  const dollars = start.replace(/[^$]/g, '').length;
  const { segments, indent } = rawContent(pieces);
  return { kind: 'literal', style: rawStyle({ quotes: quote!.length, indent }, dollars), segments: mergeText(segments) };
}

/** Multi-line raw content loses its first and last line and the closing line's indentation (csharpFinder.ts `rawContent`). */
function rawContent(pieces: Segment[]): { segments: Segment[]; indent: string | null } {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !('text' in first) || !first.text.includes('\n') || !last || !('text' in last)) return { segments: pieces, indent: null };
  const lastBreak = last.text.lastIndexOf('\n');
  if (lastBreak < 0 || last.text.slice(lastBreak + 1).trim() !== '') return { segments: pieces, indent: null };
  const indent = last.text.slice(lastBreak + 1);
  const firstBreak = first.text.indexOf('\n');
  if (first.text.slice(0, firstBreak).trim() !== '') return { segments: pieces, indent: null };
  let out: Segment[];
  if (pieces.length === 1) out = [{ text: first.text.slice(firstBreak + 1, first.text.lastIndexOf('\n')) }];
  else out = [{ text: first.text.slice(firstBreak + 1) }, ...pieces.slice(1, -1), { text: last.text.slice(0, lastBreak) }];
  const stripped = out.map((piece, i): Segment => {
    if (!('text' in piece) || !indent) return piece;
    const lines = piece.text.split('\n');
    return { text: lines.map((line, j) => (j === 0 && i > 0 ? line : line.startsWith(indent) ? line.slice(indent.length) : line.trimStart())).join('\n') };
  });
  return { segments: stripped, indent };
}

function escapeRegular(text: string): string {
  return escapeQuoted(text, '"', (ch) => (ch === '\0' ? '\\0' : isControl(ch) ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : null));
}

const regularStyle: LiteralStyle = {
  name: 'a C# string',
  interpolates: false,
  encode(segments) {
    const text = plainText(segments);
    return text === null ? null : `"${escapeRegular(text)}"`;
  },
};

const verbatimStyle: LiteralStyle = {
  name: 'a C# verbatim string',
  interpolates: false,
  encode(segments) {
    const text = plainText(segments);
    return text === null ? null : `@"${text.replace(/"/g, '""')}"`;
  },
};

const doubleBraces = (text: string): string => text.replace(/\{/g, '{{').replace(/\}/g, '}}');

function interpolatedStyle(start: string): LiteralStyle {
  return {
    name: 'a C# interpolated string',
    interpolates: true,
    encode(segments) {
      return `${start}"${segments.map((s) => ('text' in s ? doubleBraces(escapeRegular(s.text)) : `{${s.source}}`)).join('')}"`;
    },
  };
}

function interpolatedVerbatimStyle(start: string): LiteralStyle {
  return {
    name: 'a C# verbatim interpolated string',
    interpolates: true,
    encode(segments) {
      return `${start}"${segments.map((s) => ('text' in s ? doubleBraces(s.text.replace(/"/g, '""')) : `{${s.source}}`)).join('')}"`;
    },
  };
}

/**
 * A raw string (`dollars` > 0: interpolated with that many `$`). The delimiter grows past any run of quotes
 * in the text; a literal brace run as long as the interpolation braces cannot be written (refused).
 */
function rawStyle(layout: RawLayout, dollars: number): LiteralStyle {
  const interpolates = dollars > 0;
  return {
    name: `a C# ${interpolates ? 'interpolated ' : ''}raw string`,
    interpolates,
    fallback: interpolates ? interpolatedStyle('$') : regularStyle,
    encode(segments) {
      if (!interpolates && segments.some((s) => !('text' in s))) return null;
      const texts = segments.filter((s): s is { text: string } => 'text' in s).map((s) => s.text);
      const all = texts.join('');
      if (all.includes('\r') || all === '') return null;
      if (interpolates && texts.some((t) => longestRun(t, '{') >= dollars || longestRun(t, '}') >= dollars)) return null;
      const quotes = '"'.repeat(Math.max(layout.quotes, 3, longestRun(all, '"') + 1));
      const open = '{'.repeat(dollars);
      const close = '}'.repeat(dollars);
      const body = segments.map((s) => ('text' in s ? s.text : `${open}${s.source}${close}`)).join('');
      const prefix = '$'.repeat(dollars);
      if (layout.indent === null) {
        if (body.includes('\n') || body.startsWith('"') || body.endsWith('"')) return null;
        return `${prefix}${quotes}${body}${quotes}`;
      }
      const indent = layout.indent;
      const lines = body.split('\n').map((line) => (line.trim() === '' && line === '' ? '' : indent + line));
      return `${prefix}${quotes}\n${lines.join('\n')}\n${indent}${quotes}`;
    },
  };
}
