/**
 * Duplicate and near-duplicate sentence removal: a later sentence that repeats an earlier one is dropped.
 * Safe mode drops exact repeats (ignoring case and punctuation) and repeats that add no word to the earlier
 * sentence; aggressive mode also drops sentences that share ≥ 80 % of their words with an earlier one.
 * Negations must match ("Do not X" never removes "X"), and sentences holding a protected span are never
 * dropped (their spans differ even when the words match).
 */
import type { CompressionPass } from '../pass';
import { dropEmptiedLines } from './filler';

const MIN_WORDS = 4;
const NEAR_MIN_WORDS = 5;
const SUBSET_MIN_RATIO = 0.75;
const AGGRESSIVE_JACCARD = 0.8;
const NEGATIONS = new Set(['not', 'no', 'never', "don't", 'dont', 'without', 'except', 'unless', 'only', 'nor', 'cannot', "can't", "won't", "doesn't", "isn't", "aren't", 'avoid']);
const LIST_PREFIX = /^[ \t]*(?:(?:[-*+•]|\d+[.)]|[\uE000-\uF8FF][.)])[ \t]+)?/;
// A sentence ends at . ! ? followed by space and a capital, a sentinel, or the end of the line.
const SENTENCE = /.+?(?:[.!?]+(?=\s+[\p{Lu}\uE000-\uF8FF"“(]|\s*$)\s*|$)/gu;

interface Seen {
  key: string;
  words: Set<string>;
  negations: string;
}

export const duplicatesPass: CompressionPass = {
  name: 'duplicates',
  aggressiveOnly: false,
  apply(masked, context) {
    const seen: Seen[] = [];
    const dropped: string[] = [];
    const before = masked.split('\n');
    const after = before.map((line) => {
      const prefix = LIST_PREFIX.exec(line)?.[0] ?? '';
      const body = line.slice(prefix.length);
      const sentences = body.match(SENTENCE) ?? [];
      if (sentences.join('') !== body) return line; // could not split faithfully: leave the line alone
      const kept = sentences.filter((sentence) => {
        if (/[\uE000-\uF8FF]/.test(sentence)) return true;
        const words = sentence.toLowerCase().replace(/’/g, "'").match(/[\p{L}\p{N}']+/gu) ?? [];
        if (words.length < MIN_WORDS) return true;
        const candidate: Seen = { key: words.join(' '), words: new Set(words), negations: words.filter((w) => NEGATIONS.has(w)).sort().join(' ') };
        if (seen.some((earlier) => repeats(earlier, candidate, words.length, context.mode === 'aggressive'))) {
          dropped.push(sentence.trim());
          return false;
        }
        seen.push(candidate);
        return true;
      });
      if (kept.length === sentences.length) return line;
      const rest = kept.join('').trimEnd();
      return rest ? prefix + rest : '';
    });
    return { text: dropEmptiedLines(before, after).join('\n').replace(/\n{3,}/g, '\n\n'), dropped };
  },
};

function repeats(earlier: Seen, later: Seen, laterCount: number, aggressive: boolean): boolean {
  if (earlier.key === later.key) return true;
  if (earlier.negations !== later.negations || laterCount < NEAR_MIN_WORDS) return false;
  const shared = [...later.words].filter((w) => earlier.words.has(w)).length;
  if (shared === later.words.size && later.words.size >= SUBSET_MIN_RATIO * earlier.words.size) return true;
  if (!aggressive) return false;
  const union = new Set([...earlier.words, ...later.words]).size;
  return shared / union >= AGGRESSIVE_JACCARD;
}
