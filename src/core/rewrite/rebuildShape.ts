/**
 * Writes new prompt text back into a string expression's shape: the code operands stay where they were
 * (in order), each run of literals between them gets the new text of its stretch, written in the
 * literals' own styles. A run of several literals is re-split at line ends (one literal per line, joined
 * as the original was), so a concatenation keeps its look; a single literal stays a single literal.
 */
import { invertTransform, type LiteralPart, type LiteralStyle, type Part, type Segment, type Shape } from './literalShape';

export type RebuildResult = { source: string } | { refused: string };

interface Group {
  /** Index of the group's first part in `shape.parts`, and how many literal parts it had. */
  first: number;
  count: number;
  literals: LiteralPart[];
}

export function rebuildShape(shape: Shape, newText: string): RebuildResult {
  const raw = invertTransform(shape.transform, newText);
  if (raw === null) return { refused: 'the new text cannot be re-indented for the dedent wrapper around this string' };

  // Code operands are anchors: their placeholder text must be found in the new text, in order.
  const units: { code?: Part; group?: Group; text?: string }[] = [];
  let cursor = 0;
  let group: Group | null = null;
  let groupStart = 0;
  const closeGroup = (end: number) => {
    if (!group) return;
    units.push({ group, text: raw.slice(groupStart, end) });
    group = null;
  };
  for (const [i, part] of shape.parts.entries()) {
    if (part.kind === 'literal') {
      if (!group) {
        group = { first: i, count: 0, literals: [] };
        groupStart = cursor;
      }
      group.count++;
      group.literals.push(part);
      continue;
    }
    const at = raw.indexOf(part.display, cursor);
    if (at < 0) return { refused: `the new text lost the inserted value ${part.display}` };
    if (group) closeGroup(at);
    else if (at !== cursor) return { refused: `text was added next to ${part.display}, where the code has no string literal to hold it` };
    units.push({ code: part });
    cursor = at + part.display.length;
  }
  if (group) closeGroup(raw.length);
  else if (cursor !== raw.length) return { refused: 'text was added after the last inserted value, where the code has no string literal to hold it' };

  // Write each unit, then join them with the original separators.
  const written: { source: string; first: number; last: number }[] = [];
  let index = 0;
  for (const unit of units) {
    if (unit.code) {
      written.push({ source: codeSource(shape, index), first: index, last: index });
      index++;
      continue;
    }
    const g = unit.group!;
    const segments = splitHoles(unit.text!, g.literals);
    if (typeof segments === 'string') return { refused: segments };
    const pieces = g.count > 1 ? splitLines(segments) : [segments];
    const innerJoiner = g.count > 1 ? shape.joiners[g.first] : '';
    if (pieces.length !== g.count && g.count > 1 && /[^\s+]/.test(innerJoiner)) {
      return { refused: 'a comment sits between the parts of this concatenation; edit it by hand' };
    }
    const sources: string[] = [];
    for (const piece of pieces) {
      const encoded = encodePiece(piece, g.literals);
      if (encoded === null) return { refused: `the new text cannot be written as ${g.literals[0].style.name}` };
      sources.push(encoded);
    }
    written.push({ source: sources.join(innerJoiner), first: g.first, last: g.first + g.count - 1 });
    index = g.first + g.count;
  }
  let body = '';
  written.forEach((w, i) => {
    if (i > 0) body += shape.joiners[written[i - 1].last];
    body += w.source;
  });
  return { source: shape.prefix + body + shape.suffix };
}

function codeSource(shape: Shape, index: number): string {
  const part = shape.parts[index];
  return part.kind === 'code' ? part.source : '';
}

/** Splits a run's text at the holes its literals had (in order); a message when one is missing. */
function splitHoles(text: string, literals: readonly LiteralPart[]): Segment[] | string {
  const holes = literals.flatMap((l) => l.segments.filter((s): s is Extract<Segment, { hole: string }> => 'hole' in s));
  const out: Segment[] = [];
  let cursor = 0;
  for (const hole of holes) {
    const at = text.indexOf(hole.hole, cursor);
    if (at < 0) return `the new text lost the placeholder ${hole.hole}`;
    if (at > cursor) out.push({ text: text.slice(cursor, at) });
    out.push(hole);
    cursor = at + hole.hole.length;
  }
  if (cursor < text.length) out.push({ text: text.slice(cursor) });
  return out;
}

/** Splits segments after every line break (holes never hold one), dropping nothing. */
function splitLines(segments: readonly Segment[]): Segment[][] {
  const pieces: Segment[][] = [[]];
  for (const segment of segments) {
    if (!('text' in segment)) {
      pieces[pieces.length - 1].push(segment);
      continue;
    }
    const lines = segment.text.split(/(?<=\n)/);
    lines.forEach((line, i) => {
      if (i > 0) pieces.push([]);
      if (line) pieces[pieces.length - 1].push({ text: line });
    });
  }
  if (pieces.length > 1 && pieces[pieces.length - 1].length === 0) pieces.pop();
  return pieces;
}

/**
 * The piece as a literal: a piece with holes goes into the first style that interpolates, one without
 * into the first that does not (else the first style); each style's fallbacks are tried in turn.
 */
function encodePiece(piece: readonly Segment[], literals: readonly LiteralPart[]): string | null {
  const hasHoles = piece.some((s) => 'hole' in s);
  const styles = literals.map((l) => l.style);
  const preferred = hasHoles ? styles.filter((s) => s.interpolates) : [...styles.filter((s) => !s.interpolates), ...styles.filter((s) => s.interpolates)];
  for (const style of preferred) {
    for (let s: LiteralStyle | undefined = style; s; s = s.fallback) {
      const encoded = s.encode(piece);
      if (encoded !== null) return encoded;
    }
  }
  return null;
}
