/**
 * Masking: every protected span is replaced by one private-use character (U+E000 + its index), which no pass
 * can match as a word, split, or rewrite; unmasking puts the exact original bytes back. Private-use
 * characters already in the text are themselves protected spans, so every such character in masked text
 * is a sentinel.
 */
import type { ProtectedSpan } from './protectedSpans';

const FIRST = 0xe000;
const LAST = 0xf8ff;
/** How many spans one text can have masked. */
export const SENTINEL_CAPACITY = LAST - FIRST + 1;
/** For regular expressions: one sentinel character. */
export const SENTINEL_CLASS = '[\\uE000-\\uF8FF]';
const SENTINELS = /[\uE000-\uF8FF]/g;

export function sentinelFor(index: number): string {
  return String.fromCharCode(FIRST + index);
}

export function isSentinel(char: string): boolean {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= FIRST && code <= LAST;
}

export function sentinelIndex(char: string): number {
  return char.charCodeAt(0) - FIRST;
}

export function mask(text: string, spans: readonly ProtectedSpan[]): string {
  if (spans.length > SENTINEL_CAPACITY) throw new RangeError(`too many protected spans (${spans.length})`);
  let out = '';
  let at = 0;
  spans.forEach((span, i) => {
    out += text.slice(at, span.start) + sentinelFor(i);
    at = span.end;
  });
  return out + text.slice(at);
}

export function unmask(masked: string, spans: readonly ProtectedSpan[]): string {
  return masked.replace(SENTINELS, (ch) => spans[sentinelIndex(ch)]?.text ?? ch);
}

/** Span indices in the order their sentinels appear. */
export function sentinelsIn(masked: string): number[] {
  return Array.from(masked.matchAll(SENTINELS), (m) => sentinelIndex(m[0]));
}
