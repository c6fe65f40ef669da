/**
 * Incremental reuse (`core/pipeline/editedDeclarations.ts`) re-reads only the declarations an edit touched;
 * inside a class it narrows to the class's members. Each language module says which of its nodes hold
 * members with a `MemberList`; these helpers build the common ones.
 */
import type { Node } from '@vscode/tree-sitter-wasm';

/** For a node whose members can be declarations of their own: the node holding those members, else null. */
export type MemberList = (node: Node) => Node | null;

export const bodyOf = (node: Node): Node | null => node.childForFieldName('body');

/** `members` for nodes of the given types, null for every other node. */
export function typed(types: readonly string[], members: MemberList): MemberList {
  const set = new Set(types);
  return (node) => (set.has(node.type) ? members(node) : null);
}

/** Languages whose declarations are all top level (Go): no member lists. */
export const NO_MEMBERS: MemberList = () => null;
