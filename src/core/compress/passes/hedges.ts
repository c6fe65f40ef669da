/** Aggressive only: drops hedges and intensifiers ("generally", "basically", "very"…), reporting each. */
import { HEDGE_TABLE } from '../hedgeTable';
import { tablePass } from './tablePass';

export const hedgesPass = tablePass({
  name: 'hedges',
  entries: HEDGE_TABLE,
  aggressiveOnly: true,
  // "just as … as", "quite a few", "very own": the word carries the comparison or quantity.
  accept: (match, at, text) => {
    const after = text.slice(at + match.length, at + match.length + 8).toLowerCase();
    if (/^just$/i.test(match) && /^\s+as\b/.test(after)) return false;
    if (/^quite$/i.test(match) && /^\s+a\b/.test(after)) return false;
    if (/^very$/i.test(match) && /^\s+(?:own|same|first|last|end|beginning)\b/.test(text.slice(at + match.length, at + match.length + 12).toLowerCase())) return false;
    return true;
  },
});
