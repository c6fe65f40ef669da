/**
 * Deterministic prompt compression. Protected spans are masked, then each pass rewrites the masked text and
 * is kept only when the unmasked result has fewer tokens for the target model, keeps every placeholder, and
 * keeps every protected span (only a pass allowed to drop spans, in aggressive mode, may remove them, and
 * reports what it removed). The invariants are checked once more on the final text; if they fail the result
 * is refused and `compressed` is the original. Only text is returned, never a source edit, so the editor can
 * re-escape it for the string literal it came from.
 */
import { findPlaceholders } from '../prompts/placeholders';
import { estimateTokens } from '../tokens/estimateTokens';
import { encodingForModel } from '../tokens/encodings';
import { checkInvariants, comparePlaceholders } from './invariants';
import type { CompressionPass, PassContext } from './pass';
import { articlesPass } from './passes/articles';
import { duplicatesPass } from './passes/duplicates';
import { examplesPass } from './passes/examples';
import { fillerPass } from './passes/filler';
import { forwardReferencesPass } from './passes/forwardReferences';
import { hedgesPass } from './passes/hedges';
import { listsHeadingsPass } from './passes/listsHeadings';
import { openersPass } from './passes/openers';
import { phrasesPass } from './passes/phrases';
import { redundantWordsPass } from './passes/redundantWords';
import { whitespacePass } from './passes/whitespace';
import { findProtectedSpans } from './protectedSpans';
import { SENTINEL_CAPACITY, mask, sentinelsIn, unmask } from './sentinels';
import { DEFAULT_COMPRESS_MODEL, DEFAULT_PLACEHOLDER_SYNTAXES, type CompressOptions, type CompressionResult, type PassReport } from './types';

/**
 * In the order they run: whitespace first so the tables see normalised text; filler before openers so
 * "Please remember that…" is a bare opener by then; duplicates after every rewording so repeats that were
 * worded differently match; examples, then articles last, so
 * what they report dropped is what the reader no longer sees.
 */
export const PASSES: readonly CompressionPass[] = [
  whitespacePass,
  fillerPass,
  openersPass,
  phrasesPass,
  forwardReferencesPass,
  redundantWordsPass,
  hedgesPass,
  duplicatesPass,
  listsHeadingsPass,
  examplesPass,
  articlesPass,
];

export function compressPrompt(text: string, options: CompressOptions = {}): CompressionResult {
  const mode = options.mode ?? 'safe';
  const model = options.model ?? DEFAULT_COMPRESS_MODEL;
  const syntaxes = options.placeholderSyntaxes ?? DEFAULT_PLACEHOLDER_SYNTAXES;
  const tokensBefore = estimateTokens(text, model).tokens;
  const base: CompressionResult = {
    original: text,
    compressed: text,
    tokensBefore,
    tokensAfter: tokensBefore,
    model,
    placeholders: findPlaceholders(text, syntaxes).map((p) => p.name),
    passes: [],
    refused: null,
  };

  const spans = findProtectedSpans(text, syntaxes);
  if (spans.length > SENTINEL_CAPACITY) return { ...base, refused: `too many protected spans (${spans.length} > ${SENTINEL_CAPACITY})` };
  const context: PassContext = { mode, spans, encoding: encodingForModel(model) ?? 'o200k_base' };

  let masked = mask(text, spans);
  let current = text;
  let tokens = tokensBefore;
  let present = sentinelsIn(masked);
  const droppedSpans = new Set<number>();
  const passes: PassReport[] = [];

  for (const pass of PASSES) {
    if (pass.aggressiveOnly && mode !== 'aggressive') continue;
    const output = pass.apply(masked, context);
    if (output.text === masked) continue;
    const after = sentinelsIn(output.text);
    const removed = spansRemoved(present, after);
    if (removed === null) continue; // reordered or duplicated a span: a bug in the pass, never accept it
    if (removed.length && (!pass.mayDropSpans || removed.some((i) => spans[i].holdsPlaceholder))) continue;
    const candidate = unmask(output.text, spans);
    if (comparePlaceholders(text, candidate, syntaxes) !== null) continue; // e.g. a removal joined "100%" and "s…"
    const candidateTokens = estimateTokens(candidate, model).tokens;
    if (candidateTokens >= tokens) continue;
    const report: PassReport = { name: pass.name, tokensSaved: tokens - candidateTokens };
    if (output.dropped?.length) report.dropped = output.dropped.map((d) => unmask(d, spans));
    if (pass.aggressiveOnly) report.aggressive = true;
    passes.push(report);
    for (const i of removed) droppedSpans.add(i);
    masked = output.text;
    current = candidate;
    tokens = candidateTokens;
    present = after;
  }

  const report = checkInvariants(text, current, syntaxes, { model, droppedSpans });
  if (!report.ok) return { ...base, refused: report.violations.join('; ') };
  return { ...base, compressed: current, tokensAfter: tokens, passes };
}

/** Indices in `before` that are missing from `after`, or null when `after` is not `before` minus some of them. */
function spansRemoved(before: readonly number[], after: readonly number[]): number[] | null {
  const removed: number[] = [];
  let j = 0;
  for (const index of before) {
    if (after[j] === index) j++;
    else removed.push(index);
  }
  return j === after.length ? removed : null;
}
