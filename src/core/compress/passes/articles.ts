/**
 * Aggressive only: telegraphic style, dropping the articles "the", "a" and "an" ("Summarize the article in
 * a short paragraph" → "Summarize article in short paragraph"). Models read such text the same way, but it
 * is no longer grammatical English, so safe mode never does it. Each article is about one token, typically
 * 5–10 % of an English prompt.
 *
 * Kept where the article carries meaning or the word is not an article:
 * - quantities and fixed phrases: "a few", "a little", "a lot", "a number of", "the same", "at a time";
 * - rates: "once a day", "$5 a month", "twice an hour";
 * - a letter or a name: "a" or "A" before "and"/"or"/"is"… ("choose between a and b", "vitamin A is");
 * - anything but a word after it (a placeholder, a number, punctuation, a line end);
 * - text that is not mostly English: "a" is a preposition in Spanish, Italian and Portuguese ("responde a
 *   la pregunta") and a verb in French ("il a").
 */
import type { CompressionPass } from '../pass';

const B = "(?<![\\p{L}\\p{N}_'’./-])";

/** Words after which the article is part of a fixed phrase whose meaning changes without it. */
const MEANINGFUL_AFTER = new Set([
  'few', 'little', 'lot', 'lots', 'bit', 'couple', 'number', 'great', 'good', 'while', 'same', 'former', 'latter',
]);
/** Words that cannot follow an article: the "a" before them is a letter or a label ("options a or b"). */
const NOT_A_NOUN_PHRASE = new Set([
  'and', 'or', 'nor', 'but', 'to', 'of', 'is', 'are', 'was', 'were', 'be', 'in', 'on', 'at', 'with', 'from', 'than',
  'then', 'if', 'the', 'a', 'an', 'as', 'by', 'for', 'into', 'vs', 'versus', 'through', 'via', 'has', 'have',
]);
const TIME_UNITS = '(?:time|second|minute|hour|day|night|week|month|quarter|year|session|request|call|user|page|line)';
/**
 * "once a day", "5 times a week", "$5 a month", "one at a time": a rate or a pace, not an article. Numbers
 * are protected spans, so a sentinel stands where "$5" was.
 */
const RATE_BEFORE = /(?:\b(?:once|twice|thrice|times|per|at|one)|\d[\d,.%$€£]*|[$€£]\s*\d[\d,.]*|[\uE000-\uF8FF])\s+$/i;
const RATE_AFTER = new RegExp(`^${TIME_UNITS}s?(?![\\p{L}])`, 'iu');

/** Function words that only English uses this often; a text without them is not English prose. */
const ENGLISH_MARKERS = new Set(['the', 'and', 'of', 'to', 'is', 'are', 'you', 'your', 'that', 'for', 'with', 'this', 'it', 'be', 'if', 'or']);
const MIN_ENGLISH_SHARE = 0.03;

const ARTICLE = new RegExp(`${B}(the|an?)([ \\t]+)(?=(\\p{L}[\\p{L}\\p{N}_'’-]*))`, 'giu');

export const articlesPass: CompressionPass = {
  name: 'articles',
  aggressiveOnly: true,
  apply(masked) {
    if (!looksEnglish(masked)) return { text: masked };
    const counts = new Map<string, number>();
    let out = '';
    let at = 0;
    for (const match of masked.matchAll(ARTICLE)) {
      const [whole, article, , next] = match;
      const start = match.index;
      const nextWord = next.toLowerCase();
      if (MEANINGFUL_AFTER.has(nextWord) || NOT_A_NOUN_PHRASE.has(nextWord)) continue;
      if (article.toLowerCase() !== 'the' && RATE_AFTER.test(next) && RATE_BEFORE.test(masked.slice(Math.max(0, start - 24), start))) continue;
      // An all-caps "A" or "THE" mid-sentence is more likely a label or shouting than an article.
      if (article.length > 1 && article === article.toUpperCase()) continue;
      if (article === 'A' && !startsSentence(masked, start)) continue;
      out += masked.slice(at, start);
      // "The model…" → "Model…": the sentence keeps its capital.
      const capital = /^\p{Lu}/u.test(article) && startsSentence(masked, start);
      at = start + whole.length;
      if (capital) {
        out += next[0].toUpperCase();
        at += 1;
      }
      const key = article.toLowerCase();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (!counts.size) return { text: masked };
    const dropped = [...counts].map(([article, count]) => (count === 1 ? article : `${article} (×${count})`));
    return { text: out + masked.slice(at), dropped };
  },
};

/** At the text start, after a line break, a list marker, a heading mark, an opening quote or a sentence end. */
function startsSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at).replace(/[ \t]+$/, '');
  return before === '' || /[\n.!?:"“(]$/.test(before) || /(?:^|\n)[ \t]*(?:[-*+•]|\d+[.)]|#+)$/.test(before);
}

/** At least 3 % of the words are English function words (English prose has 15–30 %, even terse instructions beside code 5 %; other languages ~0 %). */
function looksEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (!words.length) return false;
  const markers = words.filter((w) => ENGLISH_MARKERS.has(w)).length;
  return markers / words.length >= MIN_ENGLISH_SHARE;
}
