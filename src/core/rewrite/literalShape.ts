/**
 * The shape of a string expression as the rewriter sees it: a sequence of parts (string literals, each
 * with its own quote style, and code expressions the engine reports as placeholders) joined by the source
 * text between them, inside an optional wrapper (`(`…`)`, `textwrap.dedent(`…`)`, `dedent\``…`\``).
 * Each language module reads a shape from the tree; `rebuildShape.ts` writes new text back into it.
 */
import { dedentValue } from '../prompts/strings/stringValue';

/** A piece of a literal's content: static text, or a value the literal interpolates (`{x}`, `${x}`). */
export type Segment = { text: string } | { hole: string; source: string };

/** How one literal is written; `encode` gives null when this style cannot hold the content. */
export interface LiteralStyle {
  /** Short name for messages (`f-string "…"`, `raw string`). */
  readonly name: string;
  /** True when the style can hold interpolation holes. */
  readonly interpolates: boolean;
  /**
   * The literal's source for `segments` (hole `source` is what the reader stored for this language), or
   * null when this style cannot express them (then `fallback` is tried).
   */
  encode(segments: readonly Segment[]): string | null;
  /** The style to try when `encode` fails (a raw string falls back to an escaped one). */
  readonly fallback?: LiteralStyle;
}

export interface LiteralPart {
  kind: 'literal';
  style: LiteralStyle;
  /** The content as the engine decodes it: text with escapes resolved, holes as the engine writes them. */
  segments: Segment[];
}

/** A non-string operand of a concatenation: the engine reports it as a placeholder written `display`. */
export interface CodePart {
  kind: 'code';
  display: string;
  /** The operand's source, written back verbatim. */
  source: string;
}

export type Part = LiteralPart | CodePart;

/** A wrapper that changes the text: `textwrap.dedent`, `inspect.cleandoc`, the `dedent` template tag. */
export interface DedentTransform {
  kind: 'dedent';
  /** Blank first and last lines are dropped too (`cleandoc`, the `dedent` tag). */
  trimEdges: boolean;
  /** The indentation the wrapper removed (re-added in front of every non-blank line). */
  indent: string;
  /** The original first line when it was blank (kept so the literal still opens on its own line). */
  firstLine: string | null;
  /** The original last line when it was blank (the closing quote's indentation). */
  lastLine: string | null;
}

export interface Shape {
  /** Source text from the span start to the first part (`(`, `textwrap.dedent(`). */
  prefix: string;
  /** Source text from the last part to the span end. */
  suffix: string;
  parts: Part[];
  /** `joiners[i]`: the source between parts i and i+1 (`\n    `, ` +\n    `). */
  joiners: string[];
  transform: DedentTransform | null;
}

export function segmentText(segment: Segment): string {
  return 'text' in segment ? segment.text : segment.hole;
}

/** The text the engine reports for a shape (before the transform). */
export function rawDisplay(shape: Shape): string {
  return shape.parts.map((p) => (p.kind === 'code' ? p.display : p.segments.map(segmentText).join(''))).join('');
}

export function applyTransform(transform: DedentTransform | null, text: string): string {
  if (!transform) return text;
  return dedentValue({ text, holes: [] }, transform.trimEdges).text;
}

/** Text that `applyTransform` turns into `text` (null when no such text is found). */
export function invertTransform(transform: DedentTransform | null, text: string): string | null {
  if (!transform) return text;
  const lines = text.split('\n').map((line) => (line.trim() === '' ? '' : transform.indent + line));
  if (transform.trimEdges) {
    if (transform.firstLine !== null) lines.unshift(transform.firstLine);
    if (transform.lastLine !== null) lines.push(transform.lastLine);
  } else if (transform.lastLine !== null && lines.length > 1 && lines[lines.length - 1] === '') {
    lines[lines.length - 1] = transform.lastLine;
  }
  const raw = lines.join('\n');
  return applyTransform(transform, raw) === text ? raw : null;
}

/** Builds the dedent transform for a wrapper around `raw` (the literal's own text). */
export function dedentTransform(raw: string, trimEdges: boolean): DedentTransform {
  const lines = raw.split('\n');
  let indent: string | null = null;
  for (const line of lines) {
    if (!line.trim()) continue;
    const lead = /^[ \t]*/.exec(line)![0];
    if (indent === null || lead.length < indent.length) indent = lead;
  }
  const first = lines.length > 1 && lines[0].trim() === '' ? lines[0] : null;
  const last = lines.length > 1 && lines[lines.length - 1].trim() === '' ? lines[lines.length - 1] : null;
  return { kind: 'dedent', trimEdges, indent: indent ?? '', firstLine: first, lastLine: last };
}
