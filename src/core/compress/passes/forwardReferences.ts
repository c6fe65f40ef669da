/** "the following text" → "this text", "the following rules" → "these rules" (see forwardReferences.ts). */
import { FOLLOWS_A_NOUN_PHRASE, NOT_A_MODIFIER, PLURAL_CONTENT_NOUNS, SINGULAR_CONTENT_NOUNS, SINGULAR_ENDING_IN_S } from '../forwardReferences';
import type { CompressionPass } from '../pass';

// "the following" + up to three words, and what comes right after them.
const FOLLOWING = /(?<![\p{L}\p{N}_'’-])(the[ \t]+following)((?:[ \t]+[\p{L}-]+){1,3})([ \t]*)(.?)/giu;
const OF_THE_FOLLOWING = /(?<![\p{L}\p{N}_'’-])(one|any|all|each|both|none|some|either|neither)[ \t]+of[ \t]+the[ \t]+following(?=[ \t]*:)/giu;

type Determiner = 'this' | 'these';

export const forwardReferencesPass: CompressionPass = {
  name: 'forward-references',
  aggressiveOnly: false,
  apply(masked) {
    const dropped: string[] = [];
    let text = masked.replace(FOLLOWING, (whole: string, phrase: string, wordRun: string, gap: string, after: string) => {
      const determiner = determinerFor(wordRun.trim().split(/[ \t]+/), gap, after);
      if (!determiner) return whole;
      dropped.push(phrase);
      const cased = /^T/.test(phrase) ? determiner[0].toUpperCase() + determiner.slice(1) : determiner;
      return cased + whole.slice(phrase.length);
    });
    // "one of the following: a, b, c" → "one of: a, b, c"
    text = text.replace(OF_THE_FOLLOWING, (_whole: string, quantifier: string) => {
      dropped.push('the following');
      return `${quantifier} of`;
    });
    return { text, dropped };
  },
};

/**
 * The determiner for the noun phrase `words` (then `after`, the next character), or null when the head
 * noun is not certain: it must be a listed content noun (or any noun right before a colon), optionally
 * after one modifier, and be followed by punctuation, the end, or a word that cannot extend the phrase.
 */
function determinerFor(words: string[], gap: string, after: string): Determiner | null {
  for (let head = 0; head < Math.min(2, words.length); head++) {
    if (head === 1 && NOT_A_MODIFIER.has(words[0].toLowerCase())) return null;
    const next = words[head + 1];
    const endsPhrase = next === undefined ? !/[\p{L}\p{N}]/u.test(after) : FOLLOWS_A_NOUN_PHRASE.has(next.toLowerCase());
    const beforeColon = next === undefined && gap === '' && after === ':';
    const number = listedNumber(words[head]) ?? (beforeColon ? guessedNumber(words[head]) : null);
    if (number) return endsPhrase ? number : null;
  }
  return null;
}

function listedNumber(word: string): Determiner | null {
  const w = word.toLowerCase();
  if (PLURAL_CONTENT_NOUNS.has(w)) return 'these';
  if (SINGULAR_CONTENT_NOUNS.has(w)) return 'this';
  return null;
}

/** Before a colon the word is the head noun; its ending tells the number ("runbooks:", "profile:"). */
function guessedNumber(word: string): Determiner | null {
  const w = word.toLowerCase();
  if (!/^\p{L}[\p{L}-]*$/u.test(w) || NOT_A_MODIFIER.has(w)) return null;
  return /[^su]s$/.test(w) && !SINGULAR_ENDING_IN_S.has(w) ? 'these' : 'this';
}
