/**
 * Pairs the prompts of two revisions of a tree: same file and same variable name first, then same file
 * with similar text at the nearest line, and whatever is left is added (head only) or removed (base only).
 * A renamed file's prompts count as removed + added: there is no reliable link without git's rename data.
 */
import type { FindingLocation } from './usageMatch';

export type PairableFinding = FindingLocation & { text: string };

export interface PromptPair<T> {
  base: T | null;
  head: T | null;
  /** `name`: same variable; `text`: similar text near the same line; `added` / `removed`: no partner. */
  how: 'name' | 'text' | 'added' | 'removed';
}

/** Word-multiset Dice coefficient; below it two prompts are different prompts. */
export const MIN_TEXT_SIMILARITY = 0.5;

export function pairPrompts<T extends PairableFinding>(base: readonly T[], head: readonly T[]): PromptPair<T>[] {
  const baseUsed = new Set<number>();
  const headPartner = new Map<number, { index: number; how: 'name' | 'text' }>();

  head.forEach((h, hi) => {
    if (!h.name) return;
    const bi = base.findIndex((b, i) => !baseUsed.has(i) && b.file === h.file && b.name === h.name);
    if (bi >= 0) {
      baseUsed.add(bi);
      headPartner.set(hi, { index: bi, how: 'name' });
    }
  });

  // Best pairs first, so one edit does not steal the partner of a closer, more similar prompt.
  const candidates: { hi: number; bi: number; similarity: number; distance: number }[] = [];
  head.forEach((h, hi) => {
    if (headPartner.has(hi)) return;
    base.forEach((b, bi) => {
      if (baseUsed.has(bi) || b.file !== h.file) return;
      const similarity = textSimilarity(b.text, h.text);
      if (similarity >= MIN_TEXT_SIMILARITY) candidates.push({ hi, bi, similarity, distance: Math.abs(b.startLine - h.startLine) });
    });
  });
  candidates.sort((a, b) => b.similarity - a.similarity || a.distance - b.distance || a.hi - b.hi || a.bi - b.bi);
  for (const c of candidates) {
    if (headPartner.has(c.hi) || baseUsed.has(c.bi)) continue;
    baseUsed.add(c.bi);
    headPartner.set(c.hi, { index: c.bi, how: 'text' });
  }

  const pairs: PromptPair<T>[] = head.map((h, hi) => {
    const partner = headPartner.get(hi);
    return partner ? { base: base[partner.index], head: h, how: partner.how } : { base: null, head: h, how: 'added' };
  });
  base.forEach((b, bi) => {
    if (!baseUsed.has(bi)) pairs.push({ base: b, head: null, how: 'removed' });
  });
  const where = (p: PromptPair<T>) => (p.head ?? p.base)!;
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
