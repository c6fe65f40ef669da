/** Helpers the language readers share: flattening `+`, turning part nodes into a shape, escaping characters. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Part, Segment, Shape } from './literalShape';

/** Reads one operand: a part, or a refusal message. */
export type PartReader = (node: Node) => Part | string;

/** The operands of a left-nested `a + b + c` (not descending into parentheses, as the finders do not either). */
export function flattenPlus(node: Node, isPlus: (node: Node) => boolean): Node[] {
  if (isPlus(node)) {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (left && right) return [...flattenPlus(left, isPlus), ...flattenPlus(right, isPlus)];
  }
  return [node];
}

export function shapeFromParts(source: string, start: number, end: number, nodes: readonly Node[], read: PartReader): Shape | string {
  const parts: Part[] = [];
  for (const node of nodes) {
    const part = read(node);
    if (typeof part === 'string') return part;
    parts.push(part);
  }
  if (!parts.some((p) => p.kind === 'literal')) return 'this expression has no string literal to rewrite';
  const joiners = nodes.slice(1).map((node, i) => source.slice(nodes[i].endIndex, node.startIndex));
  return {
    prefix: source.slice(start, nodes[0].startIndex),
    suffix: source.slice(nodes[nodes.length - 1].endIndex, end),
    parts,
    joiners,
    transform: null,
  };
}

/** `{expr}` as the Go, Java and C# finders write a value the code inserts (whitespace collapsed). */
export function insertedDisplay(expression: string): string {
  return `{${expression.replace(/\s+/g, ' ').trim()}}`;
}

/** Segments from text whose holes sit at known offsets (the engine's `StringValue`). */
export function segmentsFrom(text: string, holes: readonly { raw: string; offset: number }[]): Segment[] {
  const out: Segment[] = [];
  let cursor = 0;
  for (const hole of [...holes].sort((a, b) => a.offset - b.offset)) {
    if (hole.offset > cursor) out.push({ text: text.slice(cursor, hole.offset) });
    out.push({ hole: hole.raw, source: hole.raw });
    cursor = hole.offset + hole.raw.length;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

/** Adjacent text segments merged (readers that build content piece by piece). */
export function mergeText(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if ('text' in s && last && 'text' in last) out[out.length - 1] = { text: last.text + s.text };
    else if (!('text' in s) || s.text) out.push(s);
  }
  return out;
}

/** `\xNN` for a control character (two hex digits). */
export function hexEscape(ch: string): string {
  return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

export function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** The text of segments that hold no holes, or null (styles that cannot interpolate). */
export function plainText(segments: readonly Segment[]): string | null {
  let text = '';
  for (const s of segments) {
    if (!('text' in s)) return null;
    text += s.text;
  }
  return text;
}

/** Longest run of `ch` in `text`. */
export function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** True when the text ends in an odd number of backslashes (it would escape what follows). */
export function oddTrailingBackslashes(text: string): boolean {
  let n = 0;
  while (n < text.length && text[text.length - 1 - n] === '\\') n++;
  return n % 2 === 1;
}
