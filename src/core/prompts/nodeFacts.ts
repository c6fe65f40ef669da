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
  /** The root node's text and where it starts (after any leading whitespace). */
  rootText: string | undefined;
  rootStart = 0;
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

/** Exactly `node.text` (the parsed source between its start and end), sliced from text read once per tree. */
export function textOf(node: Node): string {
  const facts = factsOf(node);
  if (facts.rootText === undefined) {
    const root = node.tree.rootNode;
    facts.rootText = root.text;
    facts.rootStart = root.startIndex;
  }
  const start = node.startIndex - facts.rootStart;
  return start < 0 ? node.text : facts.rootText.slice(start, endOf(node) - facts.rootStart);
}

/** `node?.type`, memoised. */
export function maybeType(node: Node | null | undefined): string | undefined {
  return node ? typeOf(node) : undefined;
}

/** `node?.text`. */
export function maybeText(node: Node | null | undefined): string | undefined {
  return node ? textOf(node) : undefined;
}
