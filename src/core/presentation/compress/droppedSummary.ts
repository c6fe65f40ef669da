/**
 * What aggressive-only passes dropped (content, unlike safe mode's filler), in one short line for a notification: the words as they read, and
 * long items (whole examples) as a count, so the user knows what to look for in the diff. The full text of
 * every dropped item goes to the log and the CLI.
 */
import type { PassReport } from '../../compress/types';

const LONG_ITEM = 40;

export function droppedSummary(passes: readonly PassReport[], maxChars = 160): string | null {
  const parts: string[] = [];
  for (const pass of passes) {
    const dropped = pass.aggressive ? pass.dropped ?? [] : [];
    if (!dropped.length) continue;
    const short = dropped.filter((d) => d.length <= LONG_ITEM && !d.includes('\n'));
    const long = dropped.length - short.length;
    const words = short.map((d) => (/ \(×\d+\)$/.test(d) ? d : `"${d}"`));
    if (long) words.push(`${long} ${pass.name === 'examples' ? 'example' : 'passage'}${long === 1 ? '' : 's'}`);
    parts.push(`${pass.name} ${words.join(', ')}`);
  }
  if (!parts.length) return null;
  const line = parts.join('; ');
  return line.length <= maxChars ? line : `${line.slice(0, maxChars - 1).replace(/[,;]?\s*\S*$/, '')}…`;
}
