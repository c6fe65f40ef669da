/**
 * What the prompt flow (`promptFlow.ts`) needs to know about one grammar: how to read calls, dict/object
 * literals, lists, names and string expressions out of its tree. Python and JavaScript/TypeScript implement
 * it in `core/languages/python/` and `core/languages/javascript/`; the flow itself never looks at node types.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { PlaceholderSyntax } from '../prompt';
import type { StringValue } from '../strings/stringValue';

export interface CallSite {
  node: Node;
  /** Callee as normalised segments (`client.chat.completions.create` → ['client','chat','completions','create']). */
  path: string[];
  /** The object a method is called on (`client.chat.completions` for `…create(…)`), else null. */
  receiver: Node | null;
  positional: Node[];
  /** Keyword arguments (Python) or the properties of object-literal arguments (JS), by normalised name. */
  named: Map<string, Node>;
  /** `**kwargs` / `...options` spread into the call: their entries count as named arguments when resolvable. */
  spreads: Node[];
}

export interface Entry {
  /** The key as written (`"role"`, `system`), or null when computed. */
  key: string | null;
  keyNode: Node | null;
  value: Node;
}

/** A binding `name = value` (or `self.name = value` when `member` is set). */
export interface Binding {
  name: string;
  member: boolean;
  value: Node;
  /** The whole statement, for ordering. */
  at: number;
  /** The function (or the root) whose locals hold the binding; class bodies count as their class. */
  scope: Node;
  /** A parameter's default value: callers may pass something else. */
  parameter?: boolean;
}

/** A function defined in the file, for following prompts passed as arguments. */
export interface FunctionDef {
  name: string;
  node: Node;
  params: string[];
  /** Expressions returned by the function body (not nested functions). */
  returns: Node[];
  /** For a method: its class name (calls must be on `self`/`this` or an instance of it). */
  className?: string;
}

export interface FileIndex {
  calls: Node[];
  bindings: Binding[];
  functions: FunctionDef[];
  /** Identifier uses of `name` (for finding where a prompt variable goes); built on first need. */
  usagesOf(name: string): Node[];
  /** Dict/object literals, keyword arguments and object properties: key → value candidates for name evidence. */
  keyed: Entry[];
  /** Dict/object literals (for chat-message shaped ones). */
  objects: Node[];
  /** `import X as Y` / `import { X as Y }`: normalised alias → normalised imported name (last segment). */
  aliases: Map<string, string>;
  /** The import nodes that define `aliases`. */
  aliasSites: Node[];
}

export interface SyntaxAdapter {
  /** Strips parentheses, `await`, type assertions and text-only wrappers (`dedent(…)`, `.strip()`). */
  unwrap(node: Node): Node;
  /**
   * The value of `node` when it is a string expression: a literal, an f-string / template literal,
   * or a concatenation with at least one literal part. `resolve` folds in identifiers bound to constant
   * strings; other non-literal parts become placeholders.
   */
  stringValue(node: Node, resolve: (identifier: Node) => StringValue | null): StringValue | null;
  call(node: Node): CallSite | null;
  /** The callee part of `call(node)` alone (cheaper: arguments are not read); null exactly when `call` is. */
  callee(node: Node): { path: string[]; receiver: Node | null } | null;
  /** Entries of a dict/object literal, else null. */
  entries(node: Node): Entry[] | null;
  /** Elements of a list/tuple/array literal (spreads included, see `spread`), else null. */
  elements(node: Node): Node[] | null;
  /** `*xs` / `...xs` → xs, else null. */
  spread(node: Node): Node | null;
  /** `a + b + c` → [a, b, c] (list or string concatenation), else null. */
  concatParts(node: Node): Node[] | null;
  /** The name of a plain identifier, else null. */
  identifier(node: Node): string | null;
  /** `obj.name`, `obj["name"]`, `self.name`, `this.name`, else null. */
  member(node: Node): { object: Node; name: string } | null;
  /** `self`/`this`/`cls`: members resolve against class-level and `self.x =` bindings. */
  isSelf(node: Node): boolean;
  /** Branches of `a if c else b`, `c ? a : b`, `a or b`, `a ?? b`, `a || b`, else null. */
  alternatives(node: Node): Node[] | null;
  /** `tmpl.format(…)` → {template: tmpl, syntax: 'format'}; `tmpl % args` → percent; else null. */
  templateUse(node: Node): { template: Node; syntax: PlaceholderSyntax } | null;
  /** `a | b | c` (LangChain LCEL) → [a, b, c]; else null. */
  pipeOperands(node: Node): Node[] | null;
  /** A number literal's value, else null. */
  numberValue(node: Node): number | null;
  /** Walks the tree once and indexes what the analysis needs. */
  index(root: Node): FileIndex;
}
