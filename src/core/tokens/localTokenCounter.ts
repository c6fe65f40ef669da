/**
 * Counts with the local tokenizers (Qwen 3, DeepSeek V3, Mistral; Llama 3 and Gemma 3 from the user's
 * vocabulary file, userVocabulary.ts), each loaded on first use (localTokenizerData.ts) and cached by text, with the same bounded worst case as the OpenAI
 * counter:
 *
 * - the first 16 K characters are always counted whole and exactly (unless a run of 512+ letters, symbols
 *   or spaces must be cut: BPE is quadratic in a piece's length);
 * - past them, the text is counted in segments of ~4 K characters until the time budget runs out, then
 *   the rest is extrapolated. Segments end after a line break where the tokenizer allows it exactly
 *   (`cutsExactlyAtLines`); any other cut, and any extrapolation, makes the count ≈.
 *
 * These engines are 10–50× slower than gpt-tokenizer (≈ 0.3–1 MB/s against 20), so the budget matters
 * more here; a prompt of a few KB still counts in a few milliseconds.
 */
import { StringKeyedLruCache } from './lruCache';
import { loadTokenizerCounter, type TextCounter } from './localTokenizerData';
import { codePointBoundaryAtOrAfter, findLongRunCut } from './textSegments';
import { budgetClock, MAX_RUN_CHARS, MIN_EXACT_CHARS, type CountOptions, type TokenCount } from './tokenCounter';
import { tokenizerInfo, type TokenizerName } from './tokenizerFamilies';
import { isUserTokenizerName, loadUserVocabulary, onUserVocabularyChange, userVocabularyPath } from './userVocabulary';

const DEFAULT_SEGMENT_CHARS = 4096;
const DEFAULT_TIME_BUDGET_MS = 35;
/** How far past a segment's target to look for a line break. */
const MAX_LINE_SEARCH_CHARS = 4096;
/** 1 M characters of cached keys per tokenizer; texts above 256 K characters are not cached. */
const CACHE_KEY_CHARS = 1024 * 1024;
const MAX_CACHED_TEXT_CHARS = 256 * 1024;
/** After a line feed, a character that starts a new piece in every byte-level pattern we use. */
const LINE_BOUNDARY = /\n(?=[^\s/])/g;

const counters = new Map<TokenizerName, TextCounter>();
/** A tokenizer whose data could not be read is not read again: every count would pay for the attempt. */
const failures = new Map<TokenizerName, Error>();
const caches = new Map<TokenizerName, StringKeyedLruCache<TokenCount>>();

// A user's vocabulary whose path changed is read again (or not at all) on next use.
onUserVocabularyChange((name) => {
  counters.delete(name);
  failures.delete(name);
  caches.delete(name);
});

function counterFor(name: TokenizerName): TextCounter {
  const counter = counters.get(name);
  if (counter) return counter;
  const failure = failures.get(name);
  if (failure) throw failure;
  try {
    const loaded = isUserTokenizerName(name) ? loadUserVocabulary(name, userVocabularyOf(name)) : loadTokenizerCounter(name);
    counters.set(name, loaded);
    return loaded;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = new Error(isUserTokenizerName(name) ? message : `the ${name} tokenizer could not be loaded: ${message}`);
    failures.set(name, reason);
    throw reason;
  }
}

function userVocabularyOf(name: TokenizerName & string): string {
  const file = isUserTokenizerName(name) ? userVocabularyPath(name) : undefined;
  if (file === undefined) throw new Error(`no vocabulary file was given for ${name}`);
  return file;
}

/** Why tokenizer `name` could not be loaded, once it was tried and failed; undefined otherwise. */
export function localTokenizerFailure(name: TokenizerName): string | undefined {
  return failures.get(name)?.message;
}

/**
 * Loads a tokenizer now (in a slice of its own) so the first real count is fast. A failure is not thrown:
 * counts then fall back to the family's factor (estimateTokens.ts), which says why.
 */
export function preloadLocalTokenizer(name: TokenizerName): void {
  try {
    counterFor(name);
  } catch {
    // remembered in `failures`
  }
}

/** True once the tokenizer was loaded or failed to load: nothing is left to do before counting. */
export function isLocalTokenizerLoaded(name: TokenizerName): boolean {
  return counters.has(name) || failures.has(name);
}

/** Forgets loaded tokenizers, failures and cached counts (tests and benchmarks). */
export function unloadLocalTokenizers(): void {
  counters.clear();
  failures.clear();
  caches.clear();
}

/** Tokens in `text` for tokenizer `name`. Loads it on first use; throws if its data cannot be read. */
export function countLocalTokens(text: string, name: TokenizerName, options?: CountOptions): TokenCount {
  const usesDefaults = options?.timeBudgetMs === undefined && options?.segmentChars === undefined;
  const budget = options?.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const segment = options?.segmentChars ?? DEFAULT_SEGMENT_CHARS;
  if (!usesDefaults) return countSegmented(text, name, budget, segment);
  let cache = caches.get(name);
  if (!cache) {
    cache = new StringKeyedLruCache(CACHE_KEY_CHARS);
    caches.set(name, cache);
  }
  const cached = cache.get(text);
  if (cached) return { ...cached };
  const result = countSegmented(text, name, budget, segment);
  if (text.length <= MAX_CACHED_TEXT_CHARS) cache.set(text, { ...result });
  return result;
}

function countSegmented(text: string, name: TokenizerName, timeBudgetMs: number, segmentChars: number): TokenCount {
  const count = counterFor(name);
  const length = text.length;
  // Without a time budget (the CLI's `count`) a text with no long run is counted whole: exact whatever the tokenizer.
  const wholeUpTo = Number.isFinite(timeBudgetMs) ? Math.min(length, MIN_EXACT_CHARS) : length;
  if (wholeUpTo === length && findLongRunCut(text, 0, wholeUpTo, MAX_RUN_CHARS) < 0) return count(text);

  const linesAreExact = tokenizerInfo(name).cutsExactlyAtLines;
  const started = budgetClock();
  let exact = true;
  let position = 0;
  let tokens = 0;
  while (position < length) {
    // The first 16 K characters are one segment (as exact as a whole count when they end at a line).
    const target = position === 0 ? Math.max(MIN_EXACT_CHARS, segmentChars) : Math.max(1, Math.floor(segmentChars));
    let end = Math.min(length, position + target);
    if (end < length) {
      const line = nextLineBoundary(text, end);
      if (line >= 0) {
        end = line;
        if (!linesAreExact) exact = false;
      } else {
        end = codePointBoundaryAtOrAfter(text, end);
        exact = false;
      }
    }
    const runCut = findLongRunCut(text, position, end, MAX_RUN_CHARS);
    if (runCut > position) {
      end = runCut;
      exact = false;
    }
    const counted = count(text.slice(position, end));
    tokens += counted.tokens;
    exact &&= counted.exact;
    position = end;
    if (position < length && position >= MIN_EXACT_CHARS && budgetClock() - started > timeBudgetMs) {
      // Out of time: assume the rest has the same tokens-per-character as what was counted.
      tokens += Math.ceil(((length - position) * tokens) / position);
      exact = false;
      break;
    }
  }
  return { tokens, exact };
}

/** The position just after the first line feed at or after `from` that starts a new piece, within reach; -1 if none. */
function nextLineBoundary(text: string, from: number): number {
  const window = text.slice(from, Math.min(text.length, from + MAX_LINE_SEARCH_CHARS + 1));
  LINE_BOUNDARY.lastIndex = 0;
  const match = LINE_BOUNDARY.exec(window);
  return match ? from + match.index + 1 : -1;
}
