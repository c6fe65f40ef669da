/**
 * A string expression as the prompt collector (Go, Java, C#) evaluates it from the tree: pieces of decoded
 * text and, where the code inserts a value (`{name}` of `$"…{name}…"`, `"a" + x`), a placeholder piece, with
 * the template syntaxes its use implies. It renders into the `StringValue` both frameworks share
 * (`strings/stringValue.ts`), whose placeholder scan finds template syntax in the text pieces.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Placeholder, PlaceholderSyntax } from '../prompt';
import { placeholdersOf, TextBuilder } from '../strings/stringValue';

export interface TextPiece {
  text: string;
  /** Set when this piece is a value inserted by the code; `text` is then the placeholder as written. */
  inserted?: { name: string; syntax: PlaceholderSyntax };
}

export interface EvaluatedString {
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

export function withSyntaxes(value: EvaluatedString, syntaxes: readonly PlaceholderSyntax[]): EvaluatedString {
  const merged = [...value.syntaxes];
  for (const s of syntaxes) if (!merged.includes(s)) merged.push(s);
  return { ...value, syntaxes: merged };
}

/** The prompt text, and its placeholders in order: inserted values plus template syntax found in the text. */
export function renderValue(value: EvaluatedString): { text: string; placeholders: Placeholder[] } {
  const builder = new TextBuilder();
  for (const piece of value.pieces) {
    if (piece.inserted) builder.appendHole(piece.text, piece.inserted.name, piece.inserted.syntax);
    else builder.appendText(piece.text);
  }
  const rendered = builder.build();
  return { text: rendered.text, placeholders: placeholdersOf(rendered, value.syntaxes) };
}

/** The text pieces only (placeholders dropped): what `readsAsInstructions` judges. */
export function staticValueText(value: EvaluatedString): string {
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
