/**
 * Politeness and filler that asks nothing of the model: removing it leaves the same instruction
 * ("I would like you to summarize" → "Summarize"). Most entries are removals; a few need a shorter verb to
 * stay grammatical ("make sure that X" → "ensure X").
 */
import type { PhraseEntry } from './tableReplace';

export const FILLER_TABLE: readonly PhraseEntry[] = [
  ['please', ''],
  ['kindly', ''],
  ['i would like you to', ''],
  ["i'd like you to", ''],
  ['i would like to ask you to', ''],
  ['i want you to', ''],
  ['i need you to', ''],
  ['i am asking you to', ''],
  ["i'm asking you to", ''],
  ['i would appreciate it if you could', ''],
  ['i would appreciate it if you would', ''],
  ['it would be great if you could', ''],
  ['it would be helpful if you could', ''],
  ['if you would be so kind as to', ''],
  ['your task is to', ''],
  ['your job is to', ''],
  ['it is important that you', ''],
  ['it is very important that you', ''],
  ["it's important that you", ''],
  ["it's very important that you", ''],
  ['it is important to', ''],
  ['it is very important to', ''],
  ["it's important to", ''],
  ["it's very important to", ''],
  ['it is extremely important that you', ''],
  ['it is absolutely essential that you', ''],
  ['it is extremely important to', ''],
  ['it is essential to', ''],
  ['it is crucial to', ''],
  ['make sure to', ''],
  ['make sure that you', ''],
  ['make sure you', ''],
  ['be sure to', ''],
  ['remember to', ''],
  ["don't forget to", ''],
  ['do not forget to', ''],
  ['ensure that you', ''],
  ['make sure that', 'ensure'],
  ['feel free to', 'you may'],
  ['you are free to', 'you may'],
  ['you are welcome to', 'you may'],
  ['it should be noted that', ''],
  ['it is worth noting that', ''],
  ['it is worth mentioning that', ''],
  ['it is important to note that', ''],
  ['it is important to remember that', ''],
  ['keep in mind that', ''],
  ['bear in mind that', ''],
  ['note that', ''],
];

/** Whole sentences of thanks or sign-off (never matched inside a sentence: "thanks to the cache" is not filler). */
export const COURTESY_SENTENCE =
  /^(?:(?:thank you|thanks|many thanks)(?:\s+(?:so much|very much|a lot))?(?:\s+for\s+(?:your|the)\s+(?:help|time|assistance|patience|cooperation|effort))?(?:\s+in advance)?|good luck|have a (?:nice|great) day|cheers)[.!]*$/i;
