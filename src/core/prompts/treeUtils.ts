/**
 * Small, language-neutral helpers over tree-sitter trees that every language module may use:
 * walking, positions, decoding string escapes, building prompt text with placeholders, and turning
 * a string expression into a `FoundPrompt`. Stable API: helper modules for other languages use it.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { endOf, namedChildrenShared, parentOf, textOf, treeSourceOf, typeOf } from './nodeFacts';
import { findPlaceholders } from './placeholders';
import type { FoundPrompt, Placeholder, PlaceholderSyntax, PromptEvidence } from './prompt';

// ──── Walking ───────────────────────────────────────────────────────────────────────────────────

/**
 * Pre-order walk over every node under `root` (itself included). Return `false` from `visit` to skip a
 * node's children. Uses a cursor, so it is cheap on large files.
 */
export function visitNodes(root: Node, visit: (node: Node) => boolean | void): void {
  const cursor = root.walk();
  try {
    for (;;) {
      const descend = visit(cursor.currentNode) !== false;
      if (descend && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || cursor.currentDepth === 0) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * Every node under `root` (itself included) whose type is in `types`, in source order. One call into
 * WASM: the walk happens inside tree-sitter and only the matching nodes are materialised, instead of a
 * JS cursor walk that crosses into WASM several times per node.
 */
export function nodesOfTypes(root: Node, types: ReadonlySet<string>): Node[] {
  const found = root.descendantsOfType([...types]);
  return found.every((n) => n !== null) ? (found as Node[]) : found.filter((n): n is Node => n !== null);
}

/**
 * `usagesOf(name)`: the identifier nodes spelled `name`, in source order. Each name is answered on its
 * own: every occurrence of `name` in the text is looked up in the tree (one call into WASM each) and
 * kept when an identifier spans exactly that occurrence, instead of materialising every identifier of
 * the file. When the tree's text does not start at offset 0 (leading whitespace), `nodeText` slices are
 * offset, so the answer falls back to indexing all identifiers by their `nodeText`, as before.
 */
export function usageIndex(root: Node, identifierTypes: ReadonlySet<string>, keep?: (node: Node) => boolean): (name: string) => Node[] {
  let byName: Map<string, Node[]> | undefined;
  const answered = new Map<string, Node[]>();
  let searchable: boolean | undefined;
  const indexAll = (): Map<string, Node[]> => {
    const map = new Map<string, Node[]>();
    for (const node of nodesOfTypes(root, identifierTypes)) {
      if (keep && !keep(node)) continue;
      const text = nodeText(node);
      const list = map.get(text);
      if (list) list.push(node);
      else map.set(text, [node]);
    }
    return map;
  };
  return (name) => {
    if (byName) return byName.get(name) ?? [];
    const known = answered.get(name);
    if (known) return known;
    searchable ??= root.id === root.tree.rootNode.id;
    if (!searchable || name === '') {
      byName = indexAll();
      return byName.get(name) ?? [];
    }
    const { text, offset } = treeSourceOf(root);
    const found: Node[] = [];
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
      const at = i + offset;
      const node = root.descendantForIndex(at, at + name.length);
      if (node && node.startIndex === at && endOf(node) === at + name.length && identifierTypes.has(typeOf(node)) && (!keep || keep(node))) found.push(node);
    }
    answered.set(name, found);
    return found;
  };
}

/** The nearest ancestor (not `node` itself) whose type is in `types`, or null. */
export function enclosingOfTypes(node: Node, types: ReadonlySet<string>): Node | null {
  for (let p = parentOf(node); p; p = parentOf(p)) if (types.has(typeOf(p))) return p;
  return null;
}

/**
 * The source text of a node: `textOf` (nodeFacts.ts), faster than `node.text` (which re-reads the input
 * on every call) since the whole text is read once per tree and sliced.
 */
export const nodeText = textOf;

/** True when `inner` lies within `outer` (same node included). */
export function contains(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && endOf(inner) <= endOf(outer);
}

/** Named children that are not comments (a new array: callers may change it). */
export function namedChildrenOf(node: Node): Node[] {
  return namedChildrenShared(node).filter((c) => typeOf(c) !== 'comment');
}

/** 1-based inclusive line range of a node. */
export function lineRange(node: Node): { startLine: number; endLine: number } {
  return { startLine: node.startPosition.row + 1, endLine: node.endPosition.row + 1 };
}

/** `system_instruction`, `systemInstruction`, `SystemInstruction` → `systeminstruction`: compare SDK names across languages. */
export function normalizeName(name: string): string {
  return name.replace(/[_-]/g, '').toLowerCase();
}

// ──── String content ────────────────────────────────────────────────────────────────────────────

/** Escape dialect of a string literal: what `\x`, `\u{…}`, `\N{…}`, octal and line continuations mean. */
export type EscapeDialect = 'python' | 'javascript' | 'c';

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '0': '\0', '\\': '\\', "'": "'", '"': '"', '`': '`', '$': '$', '?': '?',
};

/**
 * Decodes backslash escapes in the *content* of a string literal (quotes already removed). Unknown
 * escapes keep their backslash in Python (as Python does) and drop it in JS/C-like languages.
 */
export function decodeEscapes(raw: string, dialect: EscapeDialect): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '\\' || i + 1 >= raw.length) {
      out += ch;
      continue;
    }
    const next = raw[i + 1];
    if (next === '\n' || next === '\r') {
      // Line continuation: the backslash and the line break disappear.
      i += next === '\r' && raw[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(raw.slice(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 2, i + 4), 16));
      i += 3;
      continue;
    }
    if (next === 'u' && dialect === 'javascript' && raw[i + 2] === '{') {
      const close = raw.indexOf('}', i + 3);
      const code = close > 0 ? parseInt(raw.slice(i + 3, close), 16) : NaN;
      if (Number.isFinite(code) && code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i = close;
        continue;
      }
    }
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      i += 5;
      continue;
    }
    if (next === 'U' && dialect !== 'javascript' && /^[0-9a-fA-F]{8}$/.test(raw.slice(i + 2, i + 10))) {
      const code = parseInt(raw.slice(i + 2, i + 10), 16);
      if (code <= 0x10ffff) {
        out += String.fromCodePoint(code);
        i += 9;
        continue;
      }
    }
    if (dialect === 'python' && /[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(raw.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(digits, 8));
      i += digits.length;
      continue;
    }
    if (next in SIMPLE_ESCAPES && !(dialect === 'python' && (next === '`' || next === '$' || next === '?'))) {
      out += SIMPLE_ESCAPES[next];
      i += 1;
      continue;
    }
    // Unknown escape (`\N{…}`, `\d` in a Python string…): Python keeps it verbatim.
    out += dialect === 'python' ? ch + next : next;
    i += 1;
  }
  return out;
}

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

// ──── Building results ──────────────────────────────────────────────────────────────────────────

export interface PromptDetails extends Pick<FoundPrompt, 'language' | 'evidence'>, Partial<Pick<FoundPrompt, 'model' | 'maxOutputTokens' | 'role' | 'name'>> {
  /** Template syntaxes that apply to the static text (e.g. `format` for a LangChain template). */
  syntaxes?: readonly PlaceholderSyntax[];
}

/** A `FoundPrompt` covering `node` (the whole string expression) with the given value. */
export function promptFromNode(node: Node, value: StringValue, details: PromptDetails): FoundPrompt {
  const placeholders = placeholdersOf(value, details.syntaxes ?? []);
  const prompt: FoundPrompt = {
    ...lineRange(node),
    startOffset: node.startIndex,
    endOffset: node.endIndex,
    language: details.language,
    kind: placeholders.length > 0 ? 'template' : 'literal',
    text: value.text,
    placeholders,
    model: details.model ?? null,
    maxOutputTokens: details.maxOutputTokens ?? null,
    evidence: details.evidence,
  };
  if (details.role) prompt.role = details.role;
  if (details.name) prompt.name = details.name;
  return prompt;
}

/** Chat role names as the engine reports them (`human` → `user`, `ai`/`model` → `assistant`). */
export function normalizeRole(role: string): string | undefined {
  const r = role.trim().toLowerCase();
  if (r === 'system' || r === 'developer' || r === 'user' || r === 'assistant') return r;
  if (r === 'human') return 'user';
  if (r === 'ai' || r === 'model' || r === 'bot') return 'assistant';
  return undefined;
}

/** Evidence strength, for keeping the strongest when the same string is reached twice. */
export function evidenceRank(e: PromptEvidence): number {
  return e === 'call' ? 3 : e === 'flow' ? 2 : e === 'file' ? 1 : 0;
}
