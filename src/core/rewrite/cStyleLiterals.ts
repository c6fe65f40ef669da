/**
 * What the readers of C-style languages (Go, Java, C#, and JavaScript for escaping) share: a parenthesized
 * expression read through to its inner shape, `a + b` recognised by its operator, and backslash escaping
 * for a quoted literal.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Shape } from './literalShape';

/**
 * `( inner )` with exactly one inner expression: the inner shape with the parentheses (and the space around
 * them) kept in its prefix and suffix, or the inner refusal. Null when `node` is not such an expression.
 */
export function readParenthesized(node: Node, source: string, read: (inner: Node, source: string) => Shape | string): Shape | string | null {
  if (node.type !== 'parenthesized_expression' || node.namedChildren.length !== 1 || !node.namedChildren[0]) return null;
  const inner = node.namedChildren[0];
  const shape = read(inner, source);
  return typeof shape === 'string'
    ? shape
    : { ...shape, prefix: source.slice(node.startIndex, inner.startIndex) + shape.prefix, suffix: shape.suffix + source.slice(inner.endIndex, node.endIndex) };
}

/** `a + b` in the Go, Java and C# grammars (a binary expression whose operator field's text is `+`). */
export function isBinaryPlus(node: Node): boolean {
  return node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+';
}

/**
 * Text escaped for a backslash-quoted literal: `\\`, the quote, `\n`, `\r` and `\t` as every C-style
 * language writes them; any other character goes to `escapeOther`, which returns its escape or null to
 * keep it as is (control characters differ: `\xNN`, octal, `\uNNNN`, …).
 */
export function escapeQuoted(text: string, quote: string, escapeOther: (ch: string) => string | null): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else out += escapeOther(ch) ?? ch;
  }
  return out;
}
