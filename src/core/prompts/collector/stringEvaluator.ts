/**
 * Folds a Go, Java or C# string expression to its static value, and follows a prompt argument back to
 * the string it names. The three grammars share the shapes handled here (parentheses, `+`
 * concatenation, names bound in the file, formatting calls); each supplies its reference node types,
 * its literals and its own calls (joins) through a `StringGrammar`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { fieldOf, maybeText, namedChildrenShared, textOf, typeOf } from '../nodeFacts';
import type { PlaceholderSyntax } from '../prompt';
import { insertedPiece, withSyntaxes, type EvaluatedString } from './evaluatedString';

/** How deep evaluation follows parentheses, operands and bindings (a guard against reference cycles). */
const MAX_DEPTH = 6;
/** Named alike in the Go, Java and C# grammars; a binary expression has `operator`, `left`, `right` fields. */
const PARENTHESIZED_TYPE = 'parenthesized_expression';
const BINARY_TYPE = 'binary_expression';

/** A formatting call (`String.format(template, …)`): its template and the placeholder syntaxes it implies. */
export interface FormatCall {
  template: Node;
  syntaxes: PlaceholderSyntax[];
}

/** What the evaluator needs to know of one grammar. */
export interface StringGrammar {
  /** Node types that name a value (`identifier`, `field_access`, …), resolved through `lookup`. */
  referenceTypes: ReadonlySet<string>;
  lookup(ref: Node): { name: string; value: Node } | undefined;
  /** A formatting call inside a string expression, or null when `node` is none. */
  formatCall(node: Node): FormatCall | null;
  /** The formatting call a prompt argument is built with (default: `formatCall`). */
  promptFormatCall?(node: Node): FormatCall | null;
  /** Literals and the grammar's own string expressions; `depth` is that of `node`. */
  evaluateOther(node: Node, depth: number): EvaluatedString | null;
}

/** A prompt argument followed to its string: `flow` when it went through a binding, `name` the binding's. */
export interface ResolvedPrompt {
  value: EvaluatedString;
  name?: string;
  flow: boolean;
}

export class StringEvaluator {
  constructor(private readonly grammar: StringGrammar) {}

  /** The static value of a string expression, or null when `node` is not one. */
  evaluate(node: Node, depth = 0): EvaluatedString | null {
    if (depth > MAX_DEPTH) return null;
    const grammar = this.grammar;
    const type = typeOf(node);
    if (type === PARENTHESIZED_TYPE) {
      const inner = namedChildrenShared(node)[0];
      const value = inner ? this.evaluate(inner, depth + 1) : null;
      return value ? { ...value, node } : null;
    }
    if (type === BINARY_TYPE) return this.concatenation(node, depth);
    if (grammar.referenceTypes.has(type)) {
      const binding = grammar.lookup(node);
      if (!binding || binding.value.id === node.id) return null;
      const value = this.evaluate(binding.value, depth + 1);
      return value ? { node, pieces: value.pieces, syntaxes: value.syntaxes, inlined: [...value.inlined, binding.value] } : null;
    }
    const format = grammar.formatCall(node);
    if (format) {
      const value = this.evaluate(format.template, depth + 1);
      return value ? withSyntaxes({ ...value, node }, format.syntaxes) : null;
    }
    return grammar.evaluateOther(node, depth);
  }

  /**
   * Follows a call argument to the string expression that is the prompt: through bindings (evidence
   * 'flow', named after the binding) and through a formatting call to its template.
   */
  resolvePrompt(expr: Node, depth = 0): ResolvedPrompt | null {
    if (depth > MAX_DEPTH) return null;
    const grammar = this.grammar;
    const type = typeOf(expr);
    if (grammar.referenceTypes.has(type)) {
      const binding = grammar.lookup(expr);
      if (!binding) return null;
      const inner = this.resolvePrompt(binding.value, depth + 1);
      return inner ? { value: inner.value, name: inner.name ?? binding.name, flow: true } : null;
    }
    const format = grammar.promptFormatCall ? grammar.promptFormatCall(expr) : grammar.formatCall(expr);
    if (format) {
      const inner = this.resolvePrompt(format.template, depth + 1);
      return inner ? { ...inner, value: withSyntaxes(inner.value, format.syntaxes) } : null;
    }
    const inner = type === PARENTHESIZED_TYPE ? namedChildrenShared(expr)[0] : undefined;
    if (inner) return this.resolvePrompt(inner, depth + 1);
    const value = this.evaluate(expr, depth);
    return value ? { value, flow: false } : null;
  }

  /** `a + b`: the operands' values in order; an operand that is no string becomes a `{expr}` placeholder. */
  private concatenation(node: Node, depth: number): EvaluatedString | null {
    if (maybeText(fieldOf(node, 'operator')) !== '+') return null;
    const left = fieldOf(node, 'left');
    const right = fieldOf(node, 'right');
    if (!left || !right) return null;
    const l = this.evaluate(left, depth + 1);
    const r = this.evaluate(right, depth + 1);
    if (!l && !r) return null;
    const part = (v: EvaluatedString | null, n: Node): EvaluatedString => v ?? { node: n, pieces: [insertedPiece(textOf(n))], syntaxes: [], inlined: [] };
    const a = part(l, left);
    const b = part(r, right);
    return { node, pieces: [...a.pieces, ...b.pieces], syntaxes: [...new Set([...a.syntaxes, ...b.syntaxes])], inlined: [...a.inlined, ...b.inlined] };
  }
}
