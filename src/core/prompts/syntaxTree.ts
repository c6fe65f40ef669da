/**
 * Language-neutral reading of tree-sitter trees: walking, finding nodes by type or name, containment and
 * line ranges. Every finder may use it; what nodes *mean* is each language's business.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { endOf, namedChildrenShared, parentOf, textOf, treeSourceOf, typeOf } from './nodeFacts';

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
