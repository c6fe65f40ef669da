/**
 * Pairs the LLM calls of two revisions of a tree by their parts: same file and same variable name (of the
 * call's first named prompt) first, then same file with similar text of the parts at the nearest line, and
 * whatever is left is added (head only) or removed (base only). Among calls that share a name (two calls
 * sending one SYSTEM constant), the more similar text, then the nearer line, decides. A renamed file's
 * calls count as removed + added: there is no reliable link without git's rename data.
 */
import type { FindingLocation } from './usageMatch';

/** A call's place and name, and its parts' text joined (`callText`). */
export type PairableFinding = FindingLocation & { text: string };

export interface CallPair<T> {
  base: T | null;
  head: T | null;
  /** `name`: same variable; `text`: similar text near the same line; `added` / `removed`: no partner. */
  how: 'name' | 'text' | 'added' | 'removed';
}

/** Word-multiset Dice coefficient; below it two calls' texts are different texts. */
export const MIN_TEXT_SIMILARITY = 0.5;

interface Candidate {
  hi: number;
  bi: number;
  how: 'name' | 'text';
  similarity: number;
  distance: number;
}

export function pairCalls<T extends PairableFinding>(base: readonly T[], head: readonly T[]): CallPair<T>[] {
  // Same name before similar text; then the best pairs first, so one edit does not steal the partner of a
  // closer, more similar call.
  const candidates: Candidate[] = [];
  head.forEach((h, hi) => {
    base.forEach((b, bi) => {
      if (b.file !== h.file) return;
      const similarity = textSimilarity(b.text, h.text);
      const how = h.name && b.name === h.name ? 'name' : 'text';
      if (how === 'name' || similarity >= MIN_TEXT_SIMILARITY) candidates.push({ hi, bi, how, similarity, distance: Math.abs(b.startLine - h.startLine) });
    });
  });
  const byName = (c: Candidate) => (c.how === 'name' ? 0 : 1);
  candidates.sort((a, b) => byName(a) - byName(b) || b.similarity - a.similarity || a.distance - b.distance || a.hi - b.hi || a.bi - b.bi);
  const baseUsed = new Set<number>();
  const headPartner = new Map<number, { index: number; how: 'name' | 'text' }>();
  for (const c of candidates) {
    if (headPartner.has(c.hi) || baseUsed.has(c.bi)) continue;
    baseUsed.add(c.bi);
    headPartner.set(c.hi, { index: c.bi, how: c.how });
  }

  const pairs: CallPair<T>[] = head.map((h, hi) => {
    const partner = headPartner.get(hi);
    return partner ? { base: base[partner.index], head: h, how: partner.how } : { base: null, head: h, how: 'added' };
  });
  base.forEach((b, bi) => {
    if (!baseUsed.has(bi)) pairs.push({ base: b, head: null, how: 'removed' });
  });
  const where = (p: CallPair<T>) => (p.head ?? p.base)!;
  return pairs.sort((a, b) => {
    const fa = where(a).file;
    const fb = where(b).file;
    return fa < fb ? -1 : fa > fb ? 1 : where(a).startLine - where(b).startLine;
  });
}

/** 1 for the same words (in any order), 0 for no word in common; case-insensitive. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const wordsA = words(a);
  const wordsB = words(b);
  if (wordsA.length === 0 && wordsB.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of wordsA) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wordsB) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(w, n - 1);
    }
  }
  return (2 * shared) / (wordsA.length + wordsB.length);
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
}
