/**
 * Finding the call under a cursor, a lens or a diagnostic, in an analysis. The call is the unit of cost:
 * an offset inside a call's range means that call; an offset on a prompt string outside any call (a
 * constant defined above its calls) means the calls that prompt is a part of.
 */
import type { CallAnalysis } from './callAnalysis';
import type { PromptAnalysis } from './promptAnalysis';
import { promptAt } from './promptLookup';

/** Anything that holds a document's analysed prompts (the parts) and calls. */
type CallDocument = { prompts: readonly PromptAnalysis[]; calls: readonly CallAnalysis[] };

/** The calls a prompt (by its index in `prompts`) is a part of, in source order. */
export function callsOfPart(analysis: CallDocument, index: number): CallAnalysis[] {
  return analysis.calls.filter((c) => c.parts.some((p) => p.index === index));
}

/** The innermost call whose [start, end] range covers `offset`. */
function innermostCallAt(analysis: CallDocument, offset: number): CallAnalysis | undefined {
  let best: CallAnalysis | undefined;
  for (const item of analysis.calls) {
    const { startOffset, endOffset } = item.call;
    if (offset < startOffset || offset > endOffset) continue;
    if (!best || endOffset - startOffset < best.call.endOffset - best.call.startOffset) best = item;
  }
  return best;
}

/** The call at `offset`: the innermost call range covering it, else the (first) call of the prompt covering it. */
export function callAt(analysis: CallDocument, offset: number): CallAnalysis | undefined {
  const inside = innermostCallAt(analysis, offset);
  if (inside) return inside;
  const part = promptAt(analysis, offset);
  return part ? callsOfPart(analysis, analysis.prompts.indexOf(part))[0] : undefined;
}

/**
 * A lens or quick-fix argument: a call starting at `startOffset` (the call lens), else a prompt starting
 * there (a part lens: its first call), else the call at that offset, else the first call on `line` (0-based).
 */
export function callForLens(analysis: CallDocument, startOffset: number, line?: number): CallAnalysis | undefined {
  const starting = analysis.calls.filter((c) => c.call.startOffset === startOffset);
  if (starting.length > 0) return starting.reduce((a, b) => (b.call.endOffset < a.call.endOffset ? b : a));
  const part = analysis.prompts.findIndex((p) => p.prompt.startOffset === startOffset);
  const ofPart = part >= 0 ? callsOfPart(analysis, part)[0] : undefined;
  return ofPart
    ?? callAt(analysis, startOffset)
    ?? (line === undefined ? undefined : analysis.calls.find((c) => c.call.startLine - 1 <= line && line <= c.call.endLine - 1));
}

/** What a hover at an offset shows: one call's anatomy, and the calls of the prompt under the cursor when it has several. */
export interface CallHit {
  /** The call whose anatomy is shown. */
  call: CallAnalysis;
  /** Index (into `prompts`) of the prompt under the cursor, when there is one and it is a part of `call`. */
  part: number | null;
  /** Every call the prompt under the cursor is a part of, when more than one; else empty. */
  callsOfPart: CallAnalysis[];
  /** The range the hover belongs to: the prompt's (a shared part) or the call's. */
  startOffset: number;
  endOffset: number;
}

/**
 * The call at `offset`, for a hover. A prompt under the cursor that several calls share lists them all and
 * shows the one around the cursor if any, else the first; otherwise the innermost call around the cursor,
 * else the call of the prompt under it.
 */
export function callHitAt(analysis: CallDocument, offset: number): CallHit | undefined {
  const prompt = promptAt(analysis, offset);
  const index = prompt ? analysis.prompts.indexOf(prompt) : -1;
  const shared = index >= 0 ? callsOfPart(analysis, index) : [];
  const inside = innermostCallAt(analysis, offset);
  if (prompt && shared.length > 1) {
    const call = inside && shared.includes(inside) ? inside : shared[0];
    return { call, part: index, callsOfPart: shared, startOffset: prompt.prompt.startOffset, endOffset: prompt.prompt.endOffset };
  }
  if (inside) {
    const part = index >= 0 && inside.parts.some((p) => p.index === index) ? index : null;
    return { call: inside, part, callsOfPart: [], startOffset: inside.call.startOffset, endOffset: inside.call.endOffset };
  }
  if (prompt && shared.length === 1) {
    return { call: shared[0], part: index, callsOfPart: [], startOffset: prompt.prompt.startOffset, endOffset: prompt.prompt.endOffset };
  }
  return undefined;
}
