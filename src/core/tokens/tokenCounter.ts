/**
 * Exact OpenAI token counts (o200k_base, cl100k_base) with a bounded worst case, via gpt-tokenizer.
 *
 * - Special-token text (`<|endoftext|>`, `<|im_start|>`…) is counted as plain text, like tiktoken's
 *   `encode_ordinary`: a prompt in source code is text, not a control sequence.
 * - Encoders are loaded lazily (≈140 ms, ≈70 MB for o200k): importing this module costs nothing.
 * - Worst case: long unbroken runs are cut (BPE is quadratic in a run's length) and counting of a long text
 *   stops after a time budget, extrapolating the rest. Either makes the count approximate, and only then is
 *   `exact` false (and for text containing U+FEFF, which gpt-tokenizer 4.0.0 miscounts: see below).
 * - The first 16 K characters are always counted, so a count of a shorter text never changes because the
 *   machine is busy (the same prompt gave 1,292 and 1,295 tokens on one loaded machine when wall time ran
 *   out mid-count). Past them the budget is the thread's CPU time where the runtime reports it (Node ≥ 23.9,
 *   e.g. code-server's), else wall time, so a longer text may still be ≈ under load.
 */
import type { EncodingName } from './encodings';
import { StringKeyedLruCache } from './lruCache';
import { ExactBoundaryFinder, codePointBoundaryAtOrAfter, findLongRunCut } from './textSegments';

export interface TokenCount {
  tokens: number;
  /** False when the text was cut inside a run or extrapolated past the time budget (show as "≈"). */
  exact: boolean;
}

export interface CountOptions {
  /** Count exactly for at most this long, then extrapolate the rest. Default 35 ms (the editor's bound is 50). */
  timeBudgetMs?: number;
  /** Target length of the segments counted between budget checks. Default 2,048; tests lower it. */
  segmentChars?: number;
}

/** Runs longer than this (letters, symbols or whitespace with no break) are cut: a 512-code-point run costs ≤ ~1.5 ms. */
export const MAX_RUN_CHARS = 512;
// Segments of 2,048–4,096 chars cost ≤ ~11 ms even for the slowest content (≈2.7 µs/char, CJK without
// punctuation), so budget (35 ms) + one segment stays under the editor's 50 ms bound.
const DEFAULT_SEGMENT_CHARS = 2048;
/** How far past a segment's target to look for an exact boundary before cutting approximately. */
const MAX_BOUNDARY_SEARCH_CHARS = 2048;
const DEFAULT_TIME_BUDGET_MS = 35;
/** Counted exactly whatever the budget: ≈ 3 ms of English, ≤ ~45 ms of the slowest content. */
export const MIN_EXACT_CHARS = 16 * 1024;

/** Milliseconds of this thread's CPU time (Node ≥ 23.9), else of wall time. */
const threadCpuUsage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
export const budgetClock: () => number = typeof threadCpuUsage === 'function'
  ? () => {
    const used = threadCpuUsage.call(process);
    return (used.user + used.system) / 1000;
  }
  : () => performance.now();
/** 8 M characters of cached keys in all (4 M per encoding); texts above 512 K characters are not cached. */
const CACHE_KEY_CHARS_PER_ENCODING = 4 * 1024 * 1024;
const MAX_CACHED_TEXT_CHARS = 512 * 1024;

/** The part of gpt-tokenizer's per-encoding module that we use. */
interface EncodingModule {
  countTokens(text: string, options?: { disallowedSpecial?: Set<string> }): number;
}

// An empty disallowed set makes gpt-tokenizer treat special-token text as ordinary text. (Its
// `allowedSpecial: 'all'` is not an option: 4.0.0 then misses special tokens after ordinary text.)
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

const loadedEncodings: Partial<Record<EncodingName, EncodingModule>> = {};
const caches: Record<EncodingName, StringKeyedLruCache<TokenCount>> = {
  o200k_base: new StringKeyedLruCache(CACHE_KEY_CHARS_PER_ENCODING),
  cl100k_base: new StringKeyedLruCache(CACHE_KEY_CHARS_PER_ENCODING),
};

function loadEncoding(encoding: EncodingName): EncodingModule {
  const loaded = loadedEncodings[encoding];
  if (loaded) return loaded;
  // Literal paths so that esbuild bundles both; the require runs only on first use.
  const module: EncodingModule =
    encoding === 'o200k_base'
      ? require('gpt-tokenizer/encoding/o200k_base')
      : require('gpt-tokenizer/encoding/cl100k_base');
  loadedEncodings[encoding] = module;
  return module;
}

/** Loads an encoding now (e.g. when the editor is idle) so the first real count is fast. */
export function preloadEncoding(encoding: EncodingName): void {
  loadEncoding(encoding);
}

export function isEncodingLoaded(encoding: EncodingName): boolean {
  return loadedEncodings[encoding] !== undefined;
}

/** Empties the count cache (benchmarks and tests). */
export function clearTokenCountCache(): void {
  caches.o200k_base.clear();
  caches.cl100k_base.clear();
}

/** Tokens in `text` under `encoding`, counting special-token text as plain text. */
export function countTokens(text: string, encoding: EncodingName, options?: CountOptions): TokenCount {
  const usesDefaults = options?.timeBudgetMs === undefined && options?.segmentChars === undefined;
  if (!usesDefaults) {
    return countUncached(text, encoding, options?.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS, options?.segmentChars ?? DEFAULT_SEGMENT_CHARS);
  }
  const cache = caches[encoding];
  const cached = cache.get(text);
  if (cached) return { ...cached };
  const result = countUncached(text, encoding, DEFAULT_TIME_BUDGET_MS, DEFAULT_SEGMENT_CHARS);
  if (text.length <= MAX_CACHED_TEXT_CHARS) cache.set(text, { ...result });
  return result;
}

const BYTE_ORDER_MARK = /\uFEFF/g;

function countUncached(text: string, encoding: EncodingName, timeBudgetMs: number, segmentChars: number): TokenCount {
  // gpt-tokenizer 4.0.0 decodes byte sequences with a TextDecoder that drops a leading U+FEFF, so it
  // miscounts text containing U+FEFF (e.g. "\uFEFFbom": 3 instead of tiktoken's 2). Count the text without
  // them plus one token each (tiktoken's usual result) and say it is approximate.
  const byteOrderMarks = text.match(BYTE_ORDER_MARK)?.length ?? 0;
  if (byteOrderMarks > 0) {
    const rest = countSegmented(text.replace(BYTE_ORDER_MARK, ''), encoding, timeBudgetMs, segmentChars);
    return { tokens: rest.tokens + byteOrderMarks, exact: false };
  }
  return countSegmented(text, encoding, timeBudgetMs, segmentChars);
}

function countSegmented(text: string, encoding: EncodingName, timeBudgetMs: number, segmentChars: number): TokenCount {
  const tokenizer = loadEncoding(encoding);
  const length = text.length;
  const segmentTarget = Math.max(1, Math.floor(segmentChars));
  if (length <= MAX_RUN_CHARS && length <= segmentTarget) {
    return { tokens: tokenizer.countTokens(text, PLAIN_TEXT), exact: true };
  }

  const started = budgetClock();
  const boundaries = new ExactBoundaryFinder(text);
  let exact = true;
  let position = 0;
  let tokens = 0;

  while (position < length) {
    let end = Math.min(length, position + segmentTarget);
    if (end < length) {
      const boundary = boundaries.nextWithin(end, MAX_BOUNDARY_SEARCH_CHARS);
      if (boundary >= 0) {
        end = boundary;
      } else {
        // No exact boundary nearby (e.g. a long line of emoji with variation selectors): cut anyway so the
        // time budget can be checked.
        end = codePointBoundaryAtOrAfter(text, end);
        exact = false;
      }
    }
    const runCut = findLongRunCut(text, position, end, MAX_RUN_CHARS);
    if (runCut > position) {
      end = runCut;
      exact = false;
    }

    tokens += tokenizer.countTokens(text.slice(position, end), PLAIN_TEXT);
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
