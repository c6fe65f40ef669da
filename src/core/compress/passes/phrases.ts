/** Verbose → concise phrase substitutions from the curated table (see phraseTable.ts). */
import { PHRASE_TABLE } from '../phraseTable';
import { tablePass } from './tablePass';

export const phrasesPass = tablePass({ name: 'phrases', entries: PHRASE_TABLE, aggressiveOnly: false });
