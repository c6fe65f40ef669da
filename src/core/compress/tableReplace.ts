/**
 * Case-preserving, word-boundary-safe replacement from a phrase table. Removals (empty replacements) tidy
 * up after themselves: no double spaces, no orphaned commas, and a sentence that lost its first words still
 * starts with a capital ("Please answer" → "Answer").
 */
import type { EncodingName } from '../tokens/encodings';
import { countTokens } from '../tokens/tokenCounter';

export type PhraseEntry = readonly [from: string, to: string];

export interface CompiledTable {
  pattern: RegExp;
  replacements: Map<string, string>;
}

// Letters, digits, apostrophes and hyphens continue a word; sentinels do not (they stand for whole spans).
const WORD_CHAR = "[\\p{L}\\p{N}_'’-]";

export function compileTable(entries: readonly PhraseEntry[]): CompiledTable {
  const replacements = new Map<string, string>();
  for (const [from, to] of entries) replacements.set(normalise(from), to);
  const alternatives = [...replacements.keys()]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(escapeRegExp).join('[ \\t]+'));
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`, 'giu');
  return { pattern, replacements };
}

/** Only the entries whose replacement costs fewer tokens than the phrase under `encoding` (mid-sentence). */
export function profitableEntries(entries: readonly PhraseEntry[], encoding: EncodingName): PhraseEntry[] {
  return entries.filter(([from, to]) => {
    const before = countTokens(` ${from} x`, encoding).tokens;
    const after = countTokens(to ? ` ${to} x` : ' x', encoding).tokens;
    return after < before;
  });
}

export interface TableReplaceResult {
  text: string;
  /** Each match as written, in order. */
  replaced: string[];
}

export function replaceFromTable(text: string, table: CompiledTable, accept?: (match: string, at: number, text: string) => boolean): TableReplaceResult {
  const replaced: string[] = [];
  let out = '';
  let at = 0;
  const pattern = new RegExp(table.pattern.source, table.pattern.flags);
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const match = m[0];
    if (accept && !accept(match, m.index, text)) continue;
    const to = table.replacements.get(normalise(match));
    if (to === undefined) continue;
    out += text.slice(at, m.index);
    let next = m.index + match.length;
    const startsSentence = atSentenceStart(out);
    if (to === '') {
      // Swallow one adjacent space, a comma that only framed the removed words, and an emptied ", ".
      if (text[next] === ',' && (startsSentence || /,\s*$/.test(out))) next++;
      if (/[ \t]$/.test(out) || startsSentence || out === '') {
        while (text[next] === ' ' || text[next] === '\t') next++;
      }
      if (/,[ \t]*$/.test(out) && /^[ \t]*[.,;:!?)]/.test(text.slice(next))) out = out.replace(/,[ \t]*$/, '');
      if (/[ \t]$/.test(out) && /^[.,;:!?)]/.test(text.slice(next))) out = out.replace(/[ \t]+$/, '');
      const capitalise = startsSentence || (isCapitalised(match) && !/^I\b/.test(match));
      if (capitalise) {
        const rest = /^(\s*)(\p{Ll})/u.exec(text.slice(next));
        if (rest) {
          out += rest[1] + rest[2].toUpperCase();
          next += rest[0].length;
        }
      }
    } else {
      out += matchCase(match, to, startsSentence);
    }
    at = next;
    pattern.lastIndex = next;
    replaced.push(match);
  }
  return { text: out + text.slice(at), replaced };
}

/** Does the output so far end where a sentence (or list item, heading, line) starts? */
export function atSentenceStart(before: string): boolean {
  return /(?:^|[\n.!?]|\n[ \t]*(?:[-*+•]|#{1,6}|[\uE000-\uF8FF][.)]|\d+[.)]))[ \t"“]*$/.test(before) || before.trim() === '';
}

function matchCase(match: string, to: string, startsSentence: boolean): string {
  if (!to) return to;
  const letters = match.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return to.toUpperCase();
  if (isCapitalised(match) || startsSentence) return to[0].toUpperCase() + to.slice(1);
  return to;
}

function isCapitalised(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

function normalise(phrase: string): string {
  return phrase.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
}
