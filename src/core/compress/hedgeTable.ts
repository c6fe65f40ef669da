/**
 * Hedges and intensifiers that soften or pad an instruction without changing what is asked. Dropped only
 * in aggressive mode, and always reported. Words with a second, load-bearing sense are absent ("maybe"
 * is a classification label, "kind of"/"sort of" follow "what", "rather" precedes "than").
 */
import type { PhraseEntry } from './tableReplace';

export const HEDGE_TABLE: readonly PhraseEntry[] = [
  ['generally', ''],
  ['generally speaking', ''],
  ['in general', ''],
  ['typically', ''],
  ['basically', ''],
  ['essentially', ''],
  ['actually', ''],
  ['really', ''],
  ['simply', ''],
  ['just', ''],
  ['perhaps', ''],
  ['it seems that', ''],
  ['it seems', ''],
  ['it appears that', ''],
  ['somewhat', ''],
  ['fairly', ''],
  ['quite', ''],
  ['very', ''],
  ['arguably', ''],
  ['more or less', ''],
  ['of course', ''],
  ['obviously', ''],
  ['literally', ''],
  ['definitely', ''],
  ['certainly', ''],
  ['truly', ''],
  ['honestly', ''],
];
