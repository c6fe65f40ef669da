/**
 * The static value of a string expression as the Go, Java and C# finders read it from the tree: pieces
 * of decoded text and, where the code inserts a value (`{name}` of `$"…{name}…"`, `"a" + x`), a
 * placeholder piece. Rendering scans the text pieces for the template syntaxes the call site implies.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { findPlaceholders } from '../placeholders';
import type { Placeholder, PlaceholderSyntax } from '../prompt';

export interface TextPiece {
  text: string;
  /** Set when this piece is a value inserted by the code; `text` is then the placeholder as written. */
  inserted?: { name: string; syntax: PlaceholderSyntax };
}

export interface StringValue {
  /** The whole string expression: what the prompt's range covers. */
  node: Node;
  pieces: TextPiece[];
  /** Template syntaxes to look for in the text pieces (decided by where the string is used). */
  syntaxes: PlaceholderSyntax[];
  /** Nodes of other string bindings whose values were inlined into this one. */
  inlined: Node[];
}

export function textPiece(text: string): TextPiece {
  return { text };
}

/** A value the code inserts, written `{expr}` in the prompt text. */
export function insertedPiece(expression: string, syntax: PlaceholderSyntax = 'fstring'): TextPiece {
  const compact = expression.replace(/\s+/g, ' ').trim();
  return { text: `{${compact}}`, inserted: { name: compact, syntax } };
}

export function withSyntaxes(value: StringValue, syntaxes: readonly PlaceholderSyntax[]): StringValue {
  const merged = [...value.syntaxes];
  for (const s of syntaxes) if (!merged.includes(s)) merged.push(s);
  return { ...value, syntaxes: merged };
}

/** The prompt text, and its placeholders in order: inserted values plus template syntax found in the text. */
export function renderValue(value: StringValue): { text: string; placeholders: Placeholder[] } {
  let text = '';
  const inserted: Placeholder[] = [];
  for (const piece of value.pieces) {
    if (piece.inserted) inserted.push({ name: piece.inserted.name, syntax: piece.inserted.syntax, raw: piece.text, offset: text.length });
    text += piece.text;
  }
  const scanned = value.syntaxes.length ? findPlaceholders(text, value.syntaxes) : [];
  const overlapsInserted = (p: Placeholder): boolean =>
    inserted.some((q) => p.offset < q.offset + q.raw.length && q.offset < p.offset + p.raw.length);
  const placeholders = [...inserted, ...scanned.filter((p) => !overlapsInserted(p))].sort((a, b) => a.offset - b.offset);
  return { text, placeholders };
}

/** The text pieces only (placeholders dropped): what `readsAsInstructions` judges. */
export function staticValueText(value: StringValue): string {
  return value.pieces.filter((p) => !p.inserted).map((p) => p.text).join(' ');
}

/**
 * Removes the indentation `indent` from the start of every line of the text pieces (C# raw strings):
 * only the first piece starts a line at offset 0, later pieces only after a newline.
 */
export function stripLineIndent(pieces: TextPiece[], indent: string): TextPiece[] {
  if (!indent) return pieces;
  return pieces.map((piece, i) => {
    if (piece.inserted) return piece;
    const lines = piece.text.split('\n');
    const stripped = lines.map((line, j) => (j === 0 && i > 0 ? line : line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
    return { text: stripped.join('\n') };
  });
}
