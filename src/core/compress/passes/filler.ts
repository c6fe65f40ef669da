/** Filler and politeness removal ("please", "I would like you to", "make sure to", thank-you sentences…). */
import { COURTESY_SENTENCE, FILLER_TABLE } from '../fillerTable';
import { tablePass } from './tablePass';

export const fillerPass = tablePass({
  name: 'filler',
  entries: FILLER_TABLE,
  aggressiveOnly: false,
  // "say please" and "the word please" name the word rather than use it.
  accept: (match, at, text) => !(/^please$/i.test(match) && /\b(?:say|says|saying|word|with)\s+["“']?$/i.test(text.slice(Math.max(0, at - 12), at))),
  after: (text, dropped) => removeCourtesySentences(text, dropped),
});

/** Drops whole sentences that only thank or sign off; a line left empty goes too. */
function removeCourtesySentences(text: string, dropped: string[]): string {
  const lines = text.split('\n').map((line) => {
    const sentences = line.match(/[^.!?]+[.!?]*\s*/g);
    if (!sentences) return line;
    const kept = sentences.filter((s) => {
      if (!COURTESY_SENTENCE.test(s.trim())) return true;
      dropped.push(s.trim());
      return false;
    });
    return kept.length === sentences.length ? line : kept.join('').trimEnd();
  });
  return dropEmptiedLines(text.split('\n'), lines).join('\n');
}

/** Lines that a pass emptied are removed (lines that were already blank stay). */
export function dropEmptiedLines(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((line, i) => line.trim() !== '' || before[i].trim() === '');
}
