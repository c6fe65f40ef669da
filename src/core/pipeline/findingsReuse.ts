/**
 * Re-finding the prompts of an edited document without walking its whole tree: the last find's results
 * hold for the new text, shifted past the edit, when the edited declarations could not have mattered to
 * the finder (`findTrace.ts` says what a finder reads):
 *  - in the old text they held no prompt, no node the finder started from (`FindTrace.start`), and no
 *    token spelled like a name the finder looked up; so the last find never read them;
 *  - in the new text they hold no such token either, and the finder starts from none of their nodes
 *    (asked by running the finder on each of them alone, stopped at its first start);
 *  - every substring test the finder made on the whole text gives the same answer.
 * Then a full find of the new text reads exactly what the last one read, at shifted offsets. Otherwise
 * (the edit touches a prompt, a call, a constant that a prompt uses, a name in use…) the caller runs the
 * full find. Tested against full finds on thousands of random edits (test/unit/editor).
 */
import type { Node, Tree } from '@vscode/tree-sitter-wasm';
import { nameKeys, type FindTrace } from '../prompts/findTrace';
import type { FinderContext, LanguageFinder } from '../prompts/languageFinder';
import type { FoundPrompt } from '../prompts/prompt';
import { containersSpellAny, coversRegion, declarationsAround, spellsAny, type EditedDeclarations } from './editedDeclarations';

/** A range of the text, both ends included when testing overlap (touching counts). */
interface Span {
  start: number;
  end: number;
}

/** What one find reported and what it read, for the next find to reuse. */
export interface FindBaseline {
  /** The text the find read. */
  text: string;
  /** Its results, sorted by position. */
  prompts: FoundPrompt[];
  /** The nodes the finder started from. */
  starts: Span[];
  /** Keys (`nameKeys`) of the names it looked up. */
  names: Set<string>;
  /** Its substring tests of the whole lower-cased text and their answers. */
  textTests: Map<string, boolean>;
}

/** Records what a full find reads. */
export class RecordingTrace implements FindTrace {
  private readonly starts: Span[] = [];
  private readonly lookedUp = new Set<string>();
  private readonly textTests = new Map<string, boolean>();

  start(node: Node): void {
    this.starts.push({ start: node.startIndex, end: node.endIndex });
  }

  name(name: string): void {
    this.lookedUp.add(name);
  }

  textContains(needle: string, found: boolean): void {
    this.textTests.set(needle, found);
  }

  baseline(text: string, prompts: FoundPrompt[]): FindBaseline {
    const names = new Set<string>();
    for (const name of this.lookedUp) for (const key of nameKeys(name)) names.add(key);
    return { text, prompts, starts: this.starts, names, textTests: this.textTests };
  }
}

/** Thrown by `STOP_AT_START` to end a finder run at its first start. */
class StartFound extends Error {}

const STOP_AT_START: FindTrace = {
  start() {
    throw new StartFound();
  },
  name() {},
  textContains() {},
};

/** The edits since the baseline, as one range of the current text. */
export interface EditedSpan {
  /** [start, end] in the current text; outside it the text is the baseline's, shifted by `delta` after it. */
  start: number;
  end: number;
  /** Current length minus the baseline's. */
  delta: number;
  /** Current line count minus the baseline's. */
  lineDelta: number;
}

export interface ReuseInput {
  baseline: FindBaseline;
  /** The baseline's tree, as it was before the edits. */
  oldTree: Tree;
  /** The tree of `text`. */
  newTree: Tree;
  text: string;
  edited: EditedSpan;
  /** `getChangedRanges` between the edited old tree and the new one (current offsets). */
  changed: readonly { startIndex: number; endIndex: number }[];
  finder: LanguageFinder;
  ctx: Omit<FinderContext, 'source' | 'trace'>;
}

/** Rounds of widening the region until the old and the new tree agree on the declarations it covers. */
const MAX_WIDENINGS = 6;

/** The baseline for the new text when the last find's results can be reused, else null. */
export function reuseFindings(input: ReuseInput): FindBaseline | null {
  const { baseline, text, edited } = input;
  const region = editedRegion(input);
  if (!region) return null;
  const { before, after } = region;
  const old: Span = { start: after.start, end: after.end - edited.delta };
  // Outside the declarations found, the region must be whitespace: then their tokens are all it holds.
  if (!coversRegion(before, baseline.text) || !coversRegion(after, text)) return null;
  // Children of an ERROR node are fragments (a key, a comma) that a finder may read as siblings of each
  // other, not declarations that stand alone.
  if (before.parent.type === 'ERROR' || after.parent.type === 'ERROR') return null;

  if (baseline.starts.some((s) => overlaps(s, old))) return null;
  if (baseline.prompts.some((p) => overlaps({ start: p.startOffset, end: p.endOffset }, old))) return null;
  // A call around the edit may have gained or lost a parameter (`max_tokens=…`): find again.
  if (baseline.prompts.some((p) => p.calls?.some((m) => overlaps({ start: m.call.startOffset, end: m.call.endOffset }, old)))) return null;

  const names = baseline.names;
  if (spellsAny(before.declarations, baseline.text, names) || spellsAny(after.declarations, text, names)) return null;
  if (containersSpellAny(after.containers, input.finder.grammar, text, names)) return null;

  if (baseline.textTests.size > 0) {
    const lower = text.toLowerCase();
    for (const [needle, found] of baseline.textTests) if (lower.includes(needle) !== found) return null;
  }

  for (const declaration of after.declarations) if (startsFrom(declaration, input)) return null;

  // Nothing overlaps the region: what starts after it moves with the text, the rest stays.
  return {
    text,
    prompts: baseline.prompts.map((p) => shiftPrompt(p, edited, old.end)),
    starts: baseline.starts.map((s) => (s.start > old.end ? { start: s.start + edited.delta, end: s.end + edited.delta } : s)),
    names: baseline.names,
    textTests: baseline.textTests,
  };
}

/**
 * The declarations around the edit in both trees, widened until both cover the same text: the edited
 * range, the ranges whose tree changed, and whole declarations on either side. Null when they sit in
 * different classes or do not settle.
 */
function editedRegion(input: ReuseInput): { before: EditedDeclarations; after: EditedDeclarations } | null {
  const { edited, changed, oldTree, newTree } = input;
  const grammar = input.finder.grammar;
  let from = edited.start;
  let to = edited.end;
  for (const range of changed) {
    from = Math.min(from, range.startIndex);
    to = Math.max(to, range.endIndex);
  }
  for (let round = 0; round < MAX_WIDENINGS; round++) {
    const after = declarationsAround(newTree, grammar, from, to);
    const before = declarationsAround(oldTree, grammar, after.start, after.end - edited.delta);
    const beforeEnd = before.end + edited.delta;
    if (before.start >= after.start && beforeEnd <= after.end) return samePlace(before, after) ? { before, after } : null;
    from = Math.min(after.start, before.start);
    to = Math.max(after.end, beforeEnd);
  }
  return null;
}

/** Both lists of declarations are members of the same classes (which start where they started). */
function samePlace(before: EditedDeclarations, after: EditedDeclarations): boolean {
  const path = (d: EditedDeclarations) => [...d.containers, d.parent].map((n) => `${n.type}@${n.startIndex}`).join('/');
  return path(before) === path(after);
}

/** True when the finder, run on `declaration` alone, starts from one of its nodes (or reports anything). */
function startsFrom(declaration: Node, input: ReuseInput): boolean {
  try {
    return input.finder.find(declaration, { ...input.ctx, source: input.text, trace: STOP_AT_START }).length > 0;
  } catch (error) {
    if (error instanceof StartFound) return true;
    throw error;
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** A prompt, and each call it reaches, moved with the text when it starts after the edited region (`oldEnd`). */
function shiftPrompt(prompt: FoundPrompt, edited: EditedSpan, oldEnd: number): FoundPrompt {
  const moved = prompt.startOffset > oldEnd ? shiftRange(prompt, edited) : prompt;
  if (!prompt.calls) return moved;
  const calls = prompt.calls.map((m) => {
    const call = m.call.startOffset > oldEnd ? shiftRange(m.call, edited) : m.call;
    const fills = m.fills && offsetOfKey(m.fills.part) > oldEnd ? { ...m.fills, part: shiftKey(m.fills.part, edited.delta) } : m.fills;
    return { ...m, call: call === m.call ? call : { ...call, key: shiftKey(call.key, edited.delta) }, ...(fills ? { fills } : {}) };
  });
  return { ...moved, calls };
}

function shiftRange<T extends { startOffset: number; endOffset: number; startLine: number; endLine: number }>(range: T, edited: EditedSpan): T {
  return {
    ...range,
    startOffset: range.startOffset + edited.delta,
    endOffset: range.endOffset + edited.delta,
    startLine: range.startLine + edited.lineDelta,
    endLine: range.endLine + edited.lineDelta,
  };
}

/** Keys are `start:end` offsets. */
function offsetOfKey(key: string): number {
  return Number(key.split(':')[0]);
}

function shiftKey(key: string, delta: number): string {
  const [start, end] = key.split(':').map(Number);
  return `${start + delta}:${end + delta}`;
}
