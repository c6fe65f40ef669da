/**
 * Where a text may be cut before BPE counting.
 *
 * tiktoken-style encoders first split text into "pieces" with a regex, then run BPE inside each piece.
 * BPE is quadratic in the length of one piece, so a long piece (a run of letters, of symbols/emoji, or of
 * whitespace with no break) must be cut, which can change the count. Cuts *between* pieces cannot.
 *
 * - `ExactBoundaryFinder` finds positions where both o200k_base and cl100k_base always end a piece and
 *   where counting the prefix and the suffix separately gives the same total (see the rules below).
 * - `findLongRunCut` finds cut positions inside runs long enough to be slow; cutting there is approximate.
 */

/**
 * Positions p where a piece always ends, for both encodings, and no piece before p looks past p:
 * 1. a non-whitespace character, then a space or tab: no piece pattern continues from non-space into a
 *    space (letters, digits and symbol runs only take `[\r\n/]` after them);
 * 2. a letter, then anything but a letter, a combining mark or an ASCII apostrophe (o200k glues `'s`,
 *    `'re`… and marks onto the preceding letters);
 * 3. a line feed, then a character that is neither whitespace nor `/` (symbol pieces absorb trailing
 *    `[\r\n/]`; whitespace pieces end at the last line break).
 * The only pattern that behaves differently on a truncated string, `\s+(?!\S)` / `\s+$`, can only start in
 * whitespace that reaches p, which rules 1–2 exclude and rule 3 makes match the same span.
 * The agreement test checks this against js-tiktoken by cutting at every such boundary.
 */
const EXACT_BOUNDARY = /(?<=\S)(?=[ \t])|(?<=\p{L})(?=[^\p{L}\p{M}'])|(?<=\n)(?=[^\s/])/gu;

/** Finds exact boundaries at or after a position, looking only a bounded distance ahead. */
export class ExactBoundaryFinder {
  private readonly pattern = new RegExp(EXACT_BOUNDARY.source, EXACT_BOUNDARY.flags);

  constructor(private readonly text: string) {}

  /**
   * The first exact boundary in [from, from + maxDistance] (never inside a surrogate pair), `text.length`
   * if the text ends first, or -1 if there is none. Searching a window keeps text without boundaries
   * (emoji, CJK without punctuation) from costing a scan of the whole rest per query.
   */
  nextWithin(from: number, maxDistance: number): number {
    const text = this.text;
    const start = codePointBoundaryAtOrAfter(text, from);
    const limit = start + maxDistance;
    // The window keeps two code units on each side so the look-behind and look-ahead see whole code points.
    const windowStart = Math.max(0, start - 2);
    const window = text.slice(windowStart, Math.min(text.length, limit + 2));
    this.pattern.lastIndex = start - windowStart;
    const match = this.pattern.exec(window);
    if (match !== null) {
      const found = windowStart + match.index;
      if (found >= start && found <= limit) return found;
    }
    return limit >= text.length ? text.length : -1;
  }
}

// Per code point: which run classes it belongs to. A piece of either encoding lies inside one run of
// letters/marks (plus one prefix character and a contraction), of symbols (`[^\s\p{L}\p{N}]`, which
// includes marks) followed by line breaks or `/`, or of whitespace; digits come in pieces of at most 3.
const LETTER = 1;
const SYMBOL = 2; // symbol pieces may also absorb \r \n
const SPACE = 4;
const KNOWN = 128;
const CLASS_RUNS: readonly [RegExp, number][] = [
  [/[\p{L}\p{M}]+/gu, LETTER],
  [/(?:[^\s\p{L}\p{N}]|[\r\n])+/gu, SYMBOL],
  [/\s+/gu, SPACE],
];
// Filled one 256-code-point block at a time, on first sight: three regex passes over a block are far
// cheaper than Unicode-property regexes over the whole text.
const classTable = new Uint8Array(0x110000);

function classifyBlock(block: number): void {
  const first = block << 8;
  const width = first >= 0x10000 ? 2 : 1; // every code point of a block has the same UTF-16 width
  let chars = '';
  for (let codePoint = first; codePoint < first + 256; codePoint++) chars += String.fromCodePoint(codePoint);
  classTable.fill(KNOWN, first, first + 256);
  for (const [pattern, bit] of CLASS_RUNS) {
    for (const run of chars.matchAll(pattern)) {
      const start = first + (run.index ?? 0) / width;
      const end = start + run[0].length / width;
      for (let codePoint = start; codePoint < end; codePoint++) classTable[codePoint]! |= bit;
    }
  }
}

/**
 * The first position in (from, limit) at which [from, limit) must be cut so that no run of letters, of
 * symbols or of whitespace is longer than `maxRun` code points; -1 when there is none (ordinary text).
 * Only runs inside [from, limit) matter: callers end segments at piece boundaries or at earlier cuts.
 */
export function findLongRunCut(text: string, from: number, limit: number, maxRun: number): number {
  if (limit - from <= maxRun || !mayHoldLongRun(text, from, limit, maxRun)) return -1;
  const table = classTable;
  let letterRun = 0;
  let symbolRun = 0;
  let spaceRun = 0;
  let index = from;
  while (index < limit) {
    let codePoint = text.charCodeAt(index);
    let width = 1;
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = ((codePoint - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    let bits = table[codePoint]!;
    if (bits === 0) {
      classifyBlock(codePoint >> 8);
      bits = table[codePoint]!;
    }
    letterRun = bits & LETTER ? letterRun + 1 : 0;
    symbolRun = bits & SYMBOL ? symbolRun + 1 : 0;
    spaceRun = bits & SPACE ? spaceRun + 1 : 0;
    if (letterRun > maxRun || symbolRun > maxRun || spaceRun > maxRun) return index;
    index += width;
  }
  return -1;
}

// Quick over-approximation: letter and symbol runs contain no space or tab, whitespace runs no ASCII
// non-whitespace. Non-ASCII code units count toward both, so only text that might hold a long run pays
// for the exact scan above.
function mayHoldLongRun(text: string, from: number, limit: number, maxRun: number): boolean {
  let blankRun = 0;
  let nonBlankRun = 0;
  for (let index = from; index < limit; index++) {
    const unit = text.charCodeAt(index);
    if (unit === 0x20 || unit === 0x09) {
      nonBlankRun = 0;
      blankRun++;
    } else if (unit < 0x80 && (unit < 0x0a || unit > 0x0d)) {
      blankRun = 0;
      nonBlankRun++;
    } else {
      blankRun++;
      nonBlankRun++;
    }
    if (blankRun > maxRun || nonBlankRun > maxRun) return true;
  }
  return false;
}

/** `index`, or `index + 1` when `index` would split a surrogate pair. */
export function codePointBoundaryAtOrAfter(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return index;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  const splitsPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splitsPair ? index + 1 : index;
}
