/**
 * Memoised reads of tree-sitter node facts that cost a call into WASM every time (`type`, `endIndex`,
 * fields, parent, named children). The finders ask the same nodes the same questions many times, and
 * node objects are rebuilt on every navigation, so the memo is kept per tree and keyed by node id (unique
 * within a tree, stable while it lives). Assumes a tree is not edited (`tree.edit`) while it is being
 * read; an edited tree is only ever the base of a new parse, whose tree gets its own memo.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';

class TreeFacts {
  readonly types = new Map<number, string>();
  readonly ends = new Map<number, number>();
  readonly parents = new Map<number, Node | null>();
  readonly fields = new Map<string, Map<number, Node | null>>();
  readonly namedChildren = new Map<number, Node[]>();
  readonly children = new Map<number, Node[]>();
  /** Per set of types: the nearest strict ancestor of a node whose type is in the set, by node id. */
  readonly ancestors = new Map<ReadonlySet<string>, Map<number, Node | null>>();
  /** The root node's text and where it starts (after any leading whitespace). */
  source: { text: string; offset: number } | undefined;
}

const factsByTree = new WeakMap<Tree, TreeFacts>();
// The tree read last: nearly every question is about it, so it skips the WeakMap lookup.
let lastTree: Tree | undefined;
let lastFacts: TreeFacts | undefined;

function factsOf(node: Node): TreeFacts {
  const tree = node.tree;
  if (tree === lastTree) return lastFacts!;
  let facts = factsByTree.get(tree);
  if (!facts) {
    facts = new TreeFacts();
    factsByTree.set(tree, facts);
  }
  lastTree = tree;
  lastFacts = facts;
  return facts;
}

/**
 * Drops the memo of `tree` now rather than when the tree object is collected: a caller that keeps a tree
 * object alive but will not read it again (it keeps a copy for the next incremental parse) spares the
 * garbage collector from carrying thousands of memoised nodes along.
 */
export function releaseTreeFacts(tree: Tree): void {
  factsByTree.delete(tree);
  if (lastTree === tree) {
    lastTree = undefined;
    lastFacts = undefined;
  }
}

/** `node.type`, memoised. */
export function typeOf(node: Node): string {
  const types = factsOf(node).types;
  let type = types.get(node.id);
  if (type === undefined) {
    type = node.type;
    types.set(node.id, type);
  }
  return type;
}

/** `node.endIndex`, memoised. */
export function endOf(node: Node): number {
  const ends = factsOf(node).ends;
  let end = ends.get(node.id);
  if (end === undefined) {
    end = node.endIndex;
    ends.set(node.id, end);
  }
  return end;
}

/** `node.childForFieldName(name)`, memoised. */
export function fieldOf(node: Node, name: string): Node | null {
  const fields = factsOf(node).fields;
  let byId = fields.get(name);
  if (!byId) {
    byId = new Map();
    fields.set(name, byId);
  }
  let child = byId.get(node.id);
  if (child === undefined) {
    child = node.childForFieldName(name);
    byId.set(node.id, child);
  }
  return child;
}

/** `node.parent`, memoised. */
export function parentOf(node: Node): Node | null {
  const parents = factsOf(node).parents;
  let parent = parents.get(node.id);
  if (parent === undefined) {
    parent = node.parent;
    parents.set(node.id, parent);
  }
  return parent;
}

/** `node.namedChildren` without nulls, memoised; the array is shared: callers must not change it. */
export function namedChildrenShared(node: Node): readonly Node[] {
  const named = factsOf(node).namedChildren;
  let children = named.get(node.id);
  if (children === undefined) {
    children = node.namedChildren.filter((c): c is Node => c !== null);
    named.set(node.id, children);
  }
  return children;
}

/** `node.children` without nulls, memoised; the array is shared: callers must not change it. */
export function childrenShared(node: Node): readonly Node[] {
  const all = factsOf(node).children;
  let children = all.get(node.id);
  if (children === undefined) {
    children = node.children.filter((c): c is Node => c !== null);
    all.set(node.id, children);
  }
  return children;
}

/**
 * The text of the whole tree (its root node's) and the offset it starts at, read once per tree. The root
 * node starts at the first token, not at offset 0, so a file that begins with blank lines has an offset.
 */
export function treeSourceOf(node: Node): { text: string; offset: number } {
  const facts = factsOf(node);
  if (facts.source === undefined) {
    const root = node.tree.rootNode;
    facts.source = { text: root.text, offset: root.startIndex };
  }
  return facts.source;
}

/** Exactly `node.text` (the parsed source between its start and end), sliced from text read once per tree. */
export function textOf(node: Node): string {
  const { text, offset } = treeSourceOf(node);
  const start = node.startIndex - offset;
  return start < 0 ? node.text : text.slice(start, endOf(node) - offset);
}

/** `node?.type`, memoised. */
export function maybeType(node: Node | null | undefined): string | undefined {
  return node ? typeOf(node) : undefined;
}

/** `node?.text`. */
export function maybeText(node: Node | null | undefined): string | undefined {
  return node ? textOf(node) : undefined;
}

/**
 * The nodes under `root` (itself included) of a fixed set of types, from a single `descendantsOfType`
 * walk: a finder that needs several type lists asks for all of them up front and `of` picks each list
 * out in source order, instead of walking the whole tree inside WASM once per list. `of(types)` is
 * exactly `root.descendantsOfType(types)` (nulls dropped) for any `types` within the indexed set, since
 * a node's match depends on its own type only.
 */
export class TypeIndex {
  private readonly all: Node[];
  private readonly lists = new Map<string, Node[]>();
  private readonly indexed: ReadonlySet<string>;

  constructor(root: Node, types: readonly string[]) {
    this.indexed = new Set(types);
    this.all = root.descendantsOfType([...types]).filter((n): n is Node => n !== null);
  }

  /** The indexed nodes whose type is `types` (or one of them), in source order; shared: do not change. */
  of(types: string | readonly string[]): readonly Node[] {
    const wanted = typeof types === 'string' ? [types] : types;
    const key = wanted.join(',');
    let list = this.lists.get(key);
    if (list === undefined) {
      for (const type of wanted) if (!this.indexed.has(type)) throw new Error(`TypeIndex: ${type} is not indexed`);
      const set = new Set(wanted);
      list = this.all.filter((n) => set.has(typeOf(n)));
      this.lists.set(key, list);
    }
    return list;
  }
}

/**
 * The nearest ancestor (not `node` itself) whose type is in `types`, or null; memoised per node and per
 * `types` set (pass the same set object each time), so nodes that share ancestors (the declarations of
 * one block) walk the shared part of the chain once.
 */
export function nearestAncestorOfTypes(node: Node, types: ReadonlySet<string>): Node | null {
  const all = factsOf(node).ancestors;
  let memo = all.get(types);
  if (!memo) {
    memo = new Map();
    all.set(types, memo);
  }
  const path: number[] = [];
  let result: Node | null = null;
  for (let n = node; ; ) {
    const known = memo.get(n.id);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(n.id);
    const parent = parentOf(n);
    if (!parent || types.has(typeOf(parent))) {
      result = parent;
      break;
    }
    n = parent;
  }
  for (const id of path) memo.set(id, result);
  return result;
}

/**
 * `compute(node)` memoised per tree and node id, like the facts above, for a finder's own questions about
 * a node (a call's arguments, the name a declaration defines). The value is shared: callers must not change
 * it. `compute` never returns undefined (that marks "not asked yet").
 */
export function memoPerNode<T extends NonNullable<unknown> | null>(compute: (node: Node) => T): (node: Node) => T {
  const byTree = new WeakMap<Tree, Map<number, T>>();
  return (node) => {
    let byId = byTree.get(node.tree);
    if (!byId) {
      byId = new Map();
      byTree.set(node.tree, byId);
    }
    let value = byId.get(node.id);
    if (value === undefined) {
      value = compute(node);
      byId.set(node.id, value);
    }
    return value;
  };
}
