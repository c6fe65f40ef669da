/**
 * Whitespace and blank-line normalisation: CRLF → LF, no trailing spaces, runs of spaces → one, at most one
 * blank line, common indentation removed (prompts in triple-quoted strings carry the code's indentation),
 * and prose lines unindented while list items keep their relative nesting.
 */
import type { CompressionPass } from '../pass';

const LIST_ITEM = /^[ \t]*(?:[-*+•]|\d+[.)]|[\uE000-\uF8FF][.)]|[a-z][.)])[ \t]/;

export const whitespacePass: CompressionPass = {
  name: 'whitespace',
  aggressiveOnly: false,
  apply(masked) {
    // Line breaks at either end are kept (they join the prompt to its neighbours); the first line's
    // indentation and the last line's trailing spaces are not.
    const lead = /^\s*/.exec(masked)?.[0] ?? '';
    const body = masked.slice(lead.length);
    const tail = /\s*$/.exec(body)?.[0] ?? '';
    const core = body.slice(0, body.length - tail.length);
    const keptLead = lead.includes('\n') ? lead.replace(/[^\n]/g, '') : lead;
    const keptTail = tail.includes('\n') ? tail.replace(/[^\n]/g, '') : tail;
    return { text: keptLead + normaliseBody(core) + keptTail };
  },
};

export function normaliseBody(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].replace(/\t/g, '    ').length ?? 0);
  // The first line of a fragment often starts right after the opening quote, unindented: ignore it.
  const common = Math.min(...(indents.length > 1 ? indents.slice(1) : indents), Infinity);
  const out = lines.map((line) => {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    const width = indent.replace(/\t/g, '    ').length;
    const rest = line.slice(indent.length).replace(/[ \t]{2,}/g, ' ');
    if (!LIST_ITEM.test(line)) return rest;
    return ' '.repeat(Math.max(0, width - (Number.isFinite(common) ? common : 0))) + rest;
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
