/**
 * What the prompt flow carries along a path from an LLM call to the strings that reach it: where found
 * text goes and what it inherits from the call (evidence, model, budget, role, template syntaxes).
 */
import type { LlmCall } from '../llmCall';
import type { PlaceholderSyntax, PromptEvidence } from '../prompt';
import { evidenceRank } from '../evidence';

/** How many steps (calls, variables, messages) a path may take before the flow gives up on it. */
export const MAX_DEPTH = 12;

/** Where found text goes and what it inherits from the call that uses it. */
export interface Sink {
  evidence: PromptEvidence;
  model: string | null;
  maxTokens: number | null;
  syntaxes: PlaceholderSyntax[];
  role?: string;
  /** Name of the variable crossed last, reported only for the string bound to it (`nameFor`). */
  name?: string;
  nameFor?: number;
  depth: number;
  /** The call the text reaches (a request, or the template or agent of an implied call); none for text found by name. */
  call?: LlmCall;
  /** Where in that call the text sits (see `CallMembership.slot`). */
  slot: string;
  /** The text is a constant inserted into this part's placeholder. */
  fills?: { part: string; placeholder: string };
}

/** The slot one place further into the call; `alternative`: one of several values for the same place. */
export function within(sink: Sink, segment: string | number, alternative = false): string {
  return `${sink.slot}/${alternative ? '?' : ''}${segment}`;
}

/** The weaker of two kinds of evidence: text reached through a variable is `flow` at best. */
export function weaker(a: PromptEvidence, b: PromptEvidence): PromptEvidence {
  return evidenceRank(a) <= evidenceRank(b) ? a : b;
}
