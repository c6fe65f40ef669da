/**
 * What every compression, deterministic or model-assisted, must satisfy before it is offered:
 * 1. the same placeholders, with the same counts, in the same order;
 * 2. every protected span of the original present, byte-identical and in order (except spans a reported
 *    aggressive pass dropped);
 * 3. not longer in tokens for the target model.
 */
import { findPlaceholders } from '../prompts/placeholders';
import type { PlaceholderSyntax } from '../prompts/prompt';
import { estimateTokens } from '../tokens/estimateTokens';
import { findProtectedSpans } from './protectedSpans';
import { DEFAULT_COMPRESS_MODEL } from './types';

export interface InvariantOptions {
  /** Model for the token comparison. Default: gpt-4o. */
  model?: string;
  /** Indices into findProtectedSpans(original) that a reported pass removed on purpose. */
  droppedSpans?: ReadonlySet<number> | readonly number[];
}

export interface InvariantReport {
  ok: boolean;
  /** Human-readable reasons, empty when ok. */
  violations: string[];
}

export function checkInvariants(
  original: string,
  compressed: string,
  syntaxes: readonly PlaceholderSyntax[],
  options: InvariantOptions = {},
): InvariantReport {
  const violations: string[] = [];
  const placeholderProblem = comparePlaceholders(original, compressed, syntaxes);
  if (placeholderProblem) violations.push(placeholderProblem);

  const dropped = new Set(options.droppedSpans ?? []);
  let cursor = 0;
  const spans = findProtectedSpans(original);
  for (let i = 0; i < spans.length; i++) {
    if (dropped.has(i)) continue;
    const found = compressed.indexOf(spans[i].text, cursor);
    if (found < 0) {
      violations.push(`protected ${spans[i].kind} changed, missing or out of order: ${preview(spans[i].text)}`);
      break;
    }
    cursor = found + spans[i].text.length;
  }

  const model = options.model ?? DEFAULT_COMPRESS_MODEL;
  const before = estimateTokens(original, model).tokens;
  const after = estimateTokens(compressed, model).tokens;
  if (after > before) violations.push(`longer in tokens for ${model} (${after} > ${before})`);
  return { ok: violations.length === 0, violations };
}

/** Null when both texts have the same placeholders in the same order, else what differs. */
export function comparePlaceholders(original: string, compressed: string, syntaxes: readonly PlaceholderSyntax[]): string | null {
  const expected = findPlaceholders(original, syntaxes).map((p) => p.raw);
  const actual = findPlaceholders(compressed, syntaxes).map((p) => p.raw);
  const count = (list: readonly string[], raw: string) => list.filter((r) => r === raw).length;
  for (const raw of new Set([...expected, ...actual])) {
    const before = count(expected, raw);
    const after = count(actual, raw);
    if (before === after) continue;
    if (before === 0) return `placeholder ${raw} added`;
    return after < before ? `placeholder ${raw} lost (${before} before, ${after} after)` : `placeholder ${raw} duplicated (${before} before, ${after} after)`;
  }
  const first = expected.findIndex((raw, i) => actual[i] !== raw);
  return first < 0 ? null : `placeholders out of order at ${expected[first]}`;
}

function preview(text: string): string {
  const flat = JSON.stringify(text);
  return flat.length > 60 ? `${flat.slice(0, 57)}…"` : flat;
}
