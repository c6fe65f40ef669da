/**
 * Which LLM call Simulate Monthly Cost is about, and what of it the simulation starts from. The call is the
 * unit of cost: its input is the whole request (every part, the framing, tools and schema), its output
 * everything billed at the output rate (typical visible + typical reasoning), per model.
 *
 * A lens passes an offset: a call lens its call's start, a part lens its prompt's start (a part means its
 * call; a prompt several calls share means each of them, and the user picks one).
 */
import type { CallEstimate } from '../../estimate/estimateCall';
import type { CallAnalysis } from '../../pipeline/callAnalysis';
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';
import { pricedEstimate } from '../../simulate/findingMonthlyCost';
import type { CallTokens } from './simulationState';

/** A document's analysed prompts (the parts) and calls. */
export interface CallDocument {
  prompts: readonly Pick<PromptAnalysis, 'prompt'>[];
  calls: readonly CallAnalysis[];
}

/**
 * The calls `offset` means, in source order: a call starting there; else the calls of a prompt starting
 * there; else the innermost call around it; else the calls of the innermost prompt around it; else (with
 * `line`, 0-based) the innermost call on that line, or the calls of a prompt on it. Empty when none.
 */
export function callsAtOffset(doc: CallDocument, offset: number, line?: number): CallAnalysis[] {
  const starting = doc.calls.filter((c) => c.call.startOffset === offset);
  if (starting.length > 0) return [innermost(starting, (c) => c.call)];
  const part = doc.prompts.findIndex((p) => p.prompt.startOffset === offset);
  if (part >= 0 && callsOfPart(doc, part).length > 0) return callsOfPart(doc, part);
  const around = doc.calls.filter((c) => c.call.startOffset <= offset && offset <= c.call.endOffset);
  if (around.length > 0) return [innermost(around, (c) => c.call)];
  const inside = doc.prompts.map((p, index) => ({ p, index })).filter(({ p }) => p.prompt.startOffset <= offset && offset <= p.prompt.endOffset);
  if (inside.length > 0) return callsOfPart(doc, innermost(inside, ({ p }) => p.prompt).index);
  if (line === undefined) return [];
  const onLine = doc.calls.filter((c) => c.call.startLine - 1 <= line && line <= c.call.endLine - 1);
  if (onLine.length > 0) return [innermost(onLine, (c) => c.call)];
  const partOnLine = doc.prompts.findIndex((p) => p.prompt.startLine - 1 <= line && line <= p.prompt.endLine - 1);
  return partOnLine >= 0 ? callsOfPart(doc, partOnLine) : [];
}

/** The calls a prompt (by its index in `prompts`) is a part of, in source order. */
export function callsOfPart(doc: Pick<CallDocument, 'calls'>, index: number): CallAnalysis[] {
  return doc.calls.filter((c) => c.parts.some((p) => p.index === index));
}

/** Per model: the call's whole input, and its typical visible + reasoning output (both billed at the output rate). */
export function callTokens(estimates: readonly Pick<CallEstimate, 'model' | 'inputTokens' | 'outputTokens' | 'reasoningTokens'>[]): CallTokens[] {
  return estimates.map(pricedEstimate);
}

/** `call at line 43 of app/bot.py (SYSTEM_PROMPT)`: the panel's title; the name is its first named part's. */
export function callSubjectLabel(analysis: Pick<CallAnalysis, 'call' | 'parts'>, prompts: readonly Pick<PromptAnalysis, 'prompt'>[], where: string): string {
  const name = analysis.parts.map((p) => prompts[p.index]?.prompt.name).find((n) => n);
  return `call at line ${analysis.call.startLine} of ${where}${name ? ` (${name})` : ''}`;
}

function innermost<T>(items: readonly T[], range: (item: T) => { startOffset: number; endOffset: number }): T {
  return items.reduce((best, item) => (range(item).endOffset - range(item).startOffset < range(best).endOffset - range(best).startOffset ? item : best));
}
