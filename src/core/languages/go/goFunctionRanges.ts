/** Which Go function encloses a node, asked once per node or for many nodes at once. */
import type { Node } from '@vscode/tree-sitter-wasm';
import { endOf, nearestAncestorOfTypes } from '../../prompts/nodeFacts';

/** Function declarations, methods and function literals: the scopes of Go. */
export const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The function (declaration, method or literal) around `node`, asking the tree. */
export function enclosingFunction(node: Node): Node | null {
  return nearestAncestorOfTypes(node, FUNCTION_TYPES);
}

/**
 * `enclosingFunction` of many nodes without walking each one's parents: the functions of the file in
 * source order with their ranges. A node that is not empty lies within a function's range exactly when
 * that function is its ancestor (tree-sitter ranges nest), so the innermost such function is found by
 * a binary search on start offsets and then the chain of functions enclosing the candidate.
 */
export class FunctionRanges {
  private readonly starts: number[];
  private readonly ends: number[];
  /** Index of the function enclosing function i, or -1. */
  private readonly outer: number[];

  constructor(private readonly functions: readonly Node[]) {
    this.starts = functions.map((f) => f.startIndex);
    this.ends = functions.map((f) => endOf(f));
    const indexById = new Map(functions.map((f, i) => [f.id, i]));
    this.outer = functions.map((f) => {
      const outer = enclosingFunction(f);
      return outer ? indexById.get(outer.id) ?? -1 : -1;
    });
  }

  enclosing(node: Node): Node | null {
    const start = node.startIndex;
    const end = endOf(node);
    if (end <= start) return enclosingFunction(node); // an empty node may sit on a boundary: ask the tree
    let lo = 0;
    let hi = this.starts.length - 1;
    let candidate = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= start) {
        candidate = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    for (let i = candidate; i >= 0; i = this.outer[i]) {
      if (this.starts[i] <= start && end <= this.ends[i] && this.functions[i].id !== node.id) return this.functions[i];
    }
    return null;
  }
}
