/**
 * Folds the parts of a JavaScript or Python string concatenation (`a + b`) or join
 * (`[a, b].join(sep)`, `sep.join([a, b])`) into one value: a part's own string value, else the value of
 * the name it is, else a placeholder written as the language interpolates it (`${x}`, `{x}`).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { PlaceholderSyntax } from '../prompt';
import type { SyntaxAdapter } from './syntaxAdapter';
import { nodeText } from '../syntaxTree';
import { TextBuilder, type StringValue } from '../strings/stringValue';

/** How one language reads the parts of a concatenation. */
export interface StringPartsStyle {
  /** Node types worth following through `resolve` (names, members, subscripts). */
  isReference(node: Node): boolean;
  /** The placeholder a non-string part becomes: its syntax and how it is written around the expression. */
  holeSyntax: PlaceholderSyntax;
  writeHole(expression: string): string;
}

/** The parts folded in order, `separator` between each two; null when no part is text. */
export function foldStringParts(
  adapter: SyntaxAdapter,
  parts: readonly Node[],
  resolve: (identifier: Node) => StringValue | null,
  style: StringPartsStyle,
  separator?: StringValue,
): StringValue | null {
  const builder = new TextBuilder();
  let textual = 0;
  for (const [i, part] of parts.entries()) {
    const inner = adapter.unwrap(part);
    const value = adapter.stringValue(inner, resolve) ?? (style.isReference(inner) ? resolve(inner) : null);
    if (i > 0 && separator) builder.appendValue(separator);
    if (value) {
      textual++;
      builder.appendValue(value);
    } else {
      builder.appendHole(style.writeHole(nodeText(inner)), nodeText(inner), style.holeSyntax);
    }
  }
  return textual > 0 ? builder.build() : null;
}
