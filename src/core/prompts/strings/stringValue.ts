/**
 * The value of a string expression as both prompt-discovery frameworks report it: static text with escapes
 * decoded, and the placeholders the tree shows (interpolations, values concatenated in). The prompt flow
 * (Python, JavaScript) builds it while folding a string expression; the prompt collector (Go, Java, C#)
 * renders its evaluated pieces into it (`collector/evaluatedString.ts`). Template syntax in the static text
 * (`{name}`, `{{name}}`…) is found by `placeholdersOf` once the use decides which syntaxes apply.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { findPlaceholders } from '../placeholders';
import type { Placeholder, PlaceholderSyntax } from '../prompt';

/** The value of a string expression: its static text, with the placeholders already known from the tree. */
export interface StringValue {
  /** Static text, escapes decoded, placeholders verbatim. */
  text: string;
  /** Placeholders known from the tree (interpolations, non-literal parts of a concatenation), by offset. */
  holes: Placeholder[];
  /** The expressions inside those holes, when they are names (a constant prompt inserted into a template). */
  refs?: Node[];
}

/** Accumulates text and tree-known placeholders while folding the parts of a string expression. */
export class TextBuilder {
  private text = '';
  private readonly holes: Placeholder[] = [];
  private readonly refs: Node[] = [];

  appendText(text: string): this {
    this.text += text;
    return this;
  }

  /** Appends a placeholder; `ref` is the expression it stands for, when worth following. */
  appendHole(raw: string, name: string, syntax: PlaceholderSyntax, ref?: Node): this {
    this.holes.push({ name, syntax, raw, offset: this.text.length });
    if (ref) this.refs.push(ref);
    this.text += raw;
    return this;
  }

  appendValue(value: StringValue): this {
    const base = this.text.length;
    for (const h of value.holes) this.holes.push({ ...h, offset: h.offset + base });
    if (value.refs) this.refs.push(...value.refs);
    this.text += value.text;
    return this;
  }

  build(): StringValue {
    return this.refs.length > 0 ? { text: this.text, holes: this.holes.slice(), refs: this.refs.slice() } : { text: this.text, holes: this.holes.slice() };
  }
}

/**
 * Removes the common indentation of the non-blank lines (blank lines become empty), as
 * `textwrap.dedent` and the `dedent` npm tag do; `trimEdges` also drops a blank first and last line
 * (`dedent` tag, `inspect.cleandoc`). Placeholder offsets follow the text.
 */
export function dedentValue(value: StringValue, trimEdges: boolean): StringValue {
  const text = value.text;
  const lines = text.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (!line.trim()) continue;
    let n = 0;
    while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
    indent = Math.min(indent, n);
  }
  if (!Number.isFinite(indent)) indent = 0;
  const removed: [number, number][] = [];
  let pos = 0;
  lines.forEach((line, i) => {
    const blank = !line.trim();
    if (trimEdges && blank && (i === 0 || i === lines.length - 1) && lines.length > 1) {
      // The blank first line goes with its line break; the blank last line with the break before it.
      removed.push(i === 0 ? [pos, pos + line.length + 1] : [pos - 1, pos + line.length]);
    } else if (blank) removed.push([pos, pos + line.length]);
    else if (indent > 0) removed.push([pos, pos + indent]);
    pos += line.length + 1;
  });
  const builder = new TextBuilder();
  let at = 0;
  const holes = value.holes.slice().sort((a, b) => a.offset - b.offset);
  const copy = (from: number, to: number) => {
    // Copies text[from, to) and the holes starting inside it.
    let cursor = from;
    for (const h of holes) {
      if (h.offset < from || h.offset >= to) continue;
      builder.appendText(text.slice(cursor, h.offset));
      builder.appendHole(h.raw, h.name, h.syntax);
      cursor = h.offset + h.raw.length;
    }
    if (cursor < to) builder.appendText(text.slice(cursor, to));
  };
  for (const [from, to] of removed.sort((a, b) => a[0] - b[0])) {
    if (from < at) continue;
    if (holes.some((h) => h.offset < to && from < h.offset + h.raw.length)) continue; // never cut a placeholder
    copy(at, from);
    at = to;
  }
  copy(at, text.length);
  const result = builder.build();
  return value.refs ? { ...result, refs: value.refs } : result;
}

/**
 * All placeholders of a value: the tree-known holes plus those of `syntaxes` found in the static text
 * between them (a `{name}` inside a hole's own text is not counted twice).
 */
export function placeholdersOf(value: StringValue, syntaxes: readonly PlaceholderSyntax[]): Placeholder[] {
  if (syntaxes.length === 0) return value.holes.slice();
  const extra = findPlaceholders(value.text, syntaxes).filter(
    (p) => !value.holes.some((h) => p.offset < h.offset + h.raw.length && h.offset < p.offset + p.raw.length),
  );
  return [...value.holes, ...extra].sort((a, b) => a.offset - b.offset);
}
