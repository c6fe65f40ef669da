/**
 * The declarations an edit touched: the top-level statements, or the members of one class (namespace,
 * enum…) when the edit lies inside its body, that overlap a range of the text. An incremental re-find
 * re-reads only these (`findingsReuse.ts`); everything outside them is the same text with the same tree.
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { nameKeys } from '../prompts/findTrace';
import type { GrammarName } from '../prompts/parser';
import { memberListOf } from '../languages/languageRegistry';

export interface EditedDeclarations {
  /** The classes (namespaces…) the declarations are members of, outermost first. */
  containers: Node[];
  /** The member list the declarations belong to (the tree's root at top level). */
  parent: Node;
  /** The children of `parent` that overlap the range (none when it lies in whitespace between them). */
  declarations: Node[];
  /** The range they cover together with the asked range, [start, end]. */
  start: number;
  end: number;
}

/**
 * The declarations overlapping [from, to] (a child that only touches the range counts): members of the
 * innermost class whose member list holds the whole range, else top-level statements.
 */
export function declarationsAround(tree: Tree, grammar: GrammarName, from: number, to: number): EditedDeclarations {
  const memberList = memberListOf(grammar);
  const containers: Node[] = [];
  let parent = tree.rootNode;
  for (;;) {
    const declarations = childrenTouching(parent, from, to);
    const only = declarations.length === 1 ? declarations[0] : null;
    const members = only ? memberList(only) : null;
    if (only && members && members.startIndex <= from && to <= members.endIndex) {
      containers.push(only);
      parent = members;
      continue;
    }
    const start = declarations.length > 0 ? Math.min(from, declarations[0].startIndex) : from;
    const end = declarations.length > 0 ? Math.max(to, declarations[declarations.length - 1].endIndex) : to;
    return { containers, parent, declarations, start, end };
  }
}

/** The children of `parent` with start ≤ to and end ≥ from, in order. */
function childrenTouching(parent: Node, from: number, to: number): Node[] {
  // Binary search for the first child that ends at or after `from` (children are in order and do not
  // overlap). The bindings' `firstChildForIndex` and the cursor's `gotoFirstChildForIndex` miss children
  // in some trees, so they are not used.
  let low = 0;
  let high = parent.childCount;
  while (low < high) {
    const middle = (low + high) >> 1;
    const child = parent.child(middle);
    if (child && child.endIndex < from) low = middle + 1;
    else high = middle;
  }
  const found: Node[] = [];
  for (let child = low < parent.childCount ? parent.child(low) : null; child && child.startIndex <= to; child = child.nextSibling) {
    if (child.endIndex >= from) found.push(child);
  }
  return found;
}

/**
 * True when the declarations cover all the text of [start, end] but whitespace: the tree has no text
 * there outside them, so they are all that the edit touched.
 */
export function coversRegion(found: EditedDeclarations, text: string): boolean {
  let at = found.start;
  for (const declaration of found.declarations) {
    if (text.slice(at, declaration.startIndex).trim() !== '') return false;
    at = Math.max(at, declaration.endIndex);
  }
  return text.slice(at, found.end).trim() === '';
}

/**
 * True when a token of `nodes` has a key (`nameKeys`) in `keys`: the text of a leaf, or a word of their
 * text (words also cover text that no leaf holds, such as string content between escapes).
 */
export function spellsAny(nodes: readonly Node[], text: string, keys: ReadonlySet<string>): boolean {
  for (const node of nodes) {
    if (leafSpellsAny(node, text, keys, null)) return true;
    if (wordsSpellAny(text.slice(node.startIndex, node.endIndex), keys)) return true;
  }
  return false;
}

/** `spellsAny` for the containers' own tokens (class name, bases, decorators), their member lists left out. */
export function containersSpellAny(containers: readonly Node[], grammar: GrammarName, text: string, keys: ReadonlySet<string>): boolean {
  const memberList = memberListOf(grammar);
  for (const container of containers) {
    const members = memberList(container);
    if (!members || members.id === container.id) continue;
    if (leafSpellsAny(container, text, keys, members)) return true;
    if (wordsSpellAny(text.slice(container.startIndex, members.startIndex), keys)) return true;
    if (wordsSpellAny(text.slice(members.endIndex, container.endIndex), keys)) return true;
  }
  return false;
}

/** True when a leaf under `node` (not under `skip`) has a key in `keys`. */
function leafSpellsAny(node: Node, text: string, keys: ReadonlySet<string>, skip: Node | null): boolean {
  const cursor = node.walk();
  try {
    for (;;) {
      const skipped = skip !== null && cursor.nodeId === skip.id;
      if (!skipped && cursor.gotoFirstChild()) continue;
      if (!skipped && hasKey(text.slice(cursor.startIndex, cursor.endIndex), keys)) return true;
      // Next sibling, else the parent's next sibling…, never past `node` itself (depth 0).
      for (;;) {
        if (cursor.currentDepth === 0) return false;
        if (cursor.gotoNextSibling()) break;
        cursor.gotoParent();
      }
    }
  } finally {
    cursor.delete();
  }
}

/** Runs of characters that can spell a name in one of the languages (`$x`, `@class`, `#field`, `snake_case`). */
const WORD = /[\p{L}\p{N}_$@#-]+/gu;

/** True when a word of `slice` has a key in `keys`. */
function wordsSpellAny(slice: string, keys: ReadonlySet<string>): boolean {
  for (const word of slice.match(WORD) ?? []) if (hasKey(word, keys)) return true;
  return false;
}

function hasKey(token: string, keys: ReadonlySet<string>): boolean {
  for (const key of nameKeys(token)) if (keys.has(key)) return true;
  return false;
}
