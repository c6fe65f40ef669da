/**
 * Sentence openers that only frame an instruction ("You should…", "Your goal is to…", "Remember that…")
 * and "Here is/are …:" preambles ("Here is the customer's email:" → "Customer's email:"). Both only
 * apply where a sentence starts, so the words are never removed from the middle of an instruction.
 */
import { LEADING_CLAUSE, NOT_AN_INSTRUCTION_AFTER_SHOULD, OPENER_TABLE } from '../openerTable';
import { atSentenceStart } from '../tableReplace';
import { tablePass } from './tablePass';

export const openersPass = tablePass({
  name: 'openers',
  entries: OPENER_TABLE,
  aggressiveOnly: false,
  accept: (match, at, text) => {
    if (/^you should$/i.test(match) && NOT_AN_INSTRUCTION_AFTER_SHOULD.test(text.slice(at + match.length, at + match.length + 20))) return false;
    const before = text.slice(0, at);
    if (atSentenceStart(before)) return true;
    // "If you are unsure, you should ask" → "If you are unsure, ask": only for "you should…" after a leading clause.
    if (!/^you should/i.test(match) || !/,[ \t]*$/.test(before)) return false;
    const sentence = /(?:^|[\n.!?][ \t]*)([^\n.!?]*)$/.exec(before)?.[1] ?? '';
    return LEADING_CLAUSE.test(sentence.replace(/^[-*+•#\d.)\s]+/, '')) && !/\byou\s+should\b/i.test(sentence);
  },
  after: (text, dropped) => dropPreambles(text, dropped),
});

// "Here is the document:" / "Here are some examples of X:" / "Below is the ticket:" ending a sentence.
const PREAMBLE = /(^|[\n.!?][ \t]+|\n[ \t]*)(here(?: is| are|'s|’s)|below(?: is| are))[ \t]+(?:(?:the|some|a|an)[ \t]+)?([^\n.!?:\uE000-\uF8FF]{1,80}?)[ \t]*:(?=[ \t]*(?:\n|$|[\uE000-\uF8FF]))/gim;

/** "Here is the X:" → "X:" (only when the colon ends the sentence, i.e. the X itself follows). */
function dropPreambles(text: string, dropped: string[]): string {
  return text.replace(PREAMBLE, (whole: string, lead: string, _opener: string, noun: string) => {
    // "Here is what to do:" / "Here is how…": the rest is not a noun phrase that can stand alone.
    if (/^(?:what|how|why|when|where|which|who|that|this|these|it)\b/i.test(noun)) return whole;
    if (/\b(?:is|are|was|were|be|will|should|must|you|I|we)\b/i.test(noun)) return whole;
    dropped.push(whole.slice(lead.length, whole.indexOf(noun, lead.length)).trim());
    return `${lead}${noun[0].toUpperCase()}${noun.slice(1)}:`;
  });
}
