/**
 * Sentence openers that only frame the instruction after them ("You should answer briefly" → "Answer
 * briefly", "Your goal is to guide…" → "Guide…"). Matched only where a sentence (or a clause after a
 * leading "If …,") starts: mid-sentence the same words can carry meaning ("what you should do").
 */
import type { PhraseEntry } from './tableReplace';

export const OPENER_TABLE: readonly PhraseEntry[] = [
  ['you should', ''],
  ['you should not', 'do not'],
  ['you should also', 'also'],
  ['your goal is to', ''],
  ['your main goal is to', ''],
  ['your role is to', ''],
  ['your objective is to', ''],
  ['your mission is to', ''],
  ['your purpose is to', ''],
  ['in this task,', ''],
  ['for this task,', ''],
  ['as an ai,', ''],
  ['as an ai assistant,', ''],
  ['as an ai language model,', ''],
  ['be aware that', ''],
  ['please be aware that', ''],
  ['remember that', ''],
  ['remember,', ''],
  ['always remember to', 'always'],
  ['always make sure to', 'always'],
  ['always make sure that you', 'always'],
  ['always ensure that you', 'always'],
  ['also note that', 'also,'],
  ['please also note that', 'also,'],
  ['it is also important to', 'also'],
  ['it is also important that you', 'also'],
];

/**
 * Words after "You should" that make it a prediction or expectation rather than an instruction ("You
 * should receive a file", "You should have access to…"): such openers stay.
 */
export const NOT_AN_INSTRUCTION_AFTER_SHOULD = /^\s*(?:have|has|had|receive|get|see|find|notice|expect|already|now|be able|know|never have|not have|not expect)\b/i;

/** A leading subordinate clause, after which ", you should" starts the main (imperative) clause. */
export const LEADING_CLAUSE = /^(?:if|when|whenever|unless|once|before|after|while|otherwise|for|in|where|since|as soon as)\b/i;
