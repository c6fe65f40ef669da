/**
 * Aggressive only: keeps the first few-shot example and drops the ones after it, reporting each dropped
 * block. Two shapes are recognised: numbered headers ("Example 2:", "### Example 3 — refunds", "**Sample
 * B**") up to the next header, heading or unrelated paragraph; and `<example>…</example>` elements. A block
 * holding a placeholder is never dropped (its placeholder must reach the model).
 */
import type { CompressionPass, PassContext } from '../pass';
import { isSentinel, sentinelIndex } from '../sentinels';

// "Example 2:", "## Example #3 - edge case", "**Example B**", "Sample 4)". The ordinal may be a masked number.
const NUMBERED_HEADER = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:example|sample|shot)[ \t]*#?[ \t]*(?:[\uE000-\uF8FF]|[A-Z]\b)[ \t]*(?:\*\*)?[ \t]*(?:[:.)\-—–][^\n]{0,80})?(?:\*\*)?[ \t]*$/i;
const HEADING = /^[ \t]*#{1,6}[ \t]/;
// Lines that continue an example after a blank line: labelled fields, quoted or masked content, indentation.
const CONTINUATION = /^(?:[ \t]+\S|[\uE000-\uF8FF"“'{[]|(?:input|output|text|label|answer|question|q|a|user|assistant|customer|agent|response|query|result|category|sentiment|reasoning|explanation|document|context|review|email|message|ticket|classification|summary|json|expected|human|ai|bot|system)\s*:)/i;

export const examplesPass: CompressionPass = {
  name: 'examples',
  aggressiveOnly: true,
  mayDropSpans: true,
  apply(masked, context) {
    const dropped: string[] = [];
    const afterNumbered = dropNumberedExamples(masked, context, dropped);
    const text = dropXmlExamples(afterNumbered, context, dropped);
    return { text: text.replace(/\n{3,}/g, '\n\n'), dropped };
  },
};

function holdsPlaceholder(block: string, context: PassContext): boolean {
  for (const ch of block) if (isSentinel(ch) && context.spans[sentinelIndex(ch)]?.holdsPlaceholder) return true;
  return false;
}

function dropNumberedExamples(text: string, context: PassContext, dropped: string[]): string {
  const lines = text.split('\n');
  const keep = lines.map(() => true);
  let headersSeen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!NUMBERED_HEADER.test(lines[i])) continue;
    headersSeen++;
    let end = i + 1;
    while (end < lines.length) {
      const line = lines[end];
      if (NUMBERED_HEADER.test(line) || HEADING.test(line) || isClosingTag(line, context)) break;
      if (line.trim() === '') {
        const next = lines.slice(end + 1).find((l) => l.trim() !== '');
        if (next === undefined || !CONTINUATION.test(next) || NUMBERED_HEADER.test(next)) break;
      }
      end++;
    }
    if (headersSeen > 1) {
      const block = lines.slice(i, end).join('\n');
      if (!holdsPlaceholder(block, context)) {
        for (let j = i; j < end; j++) keep[j] = false;
        dropped.push(block.trim());
      }
    }
    i = end - 1;
  }
  return lines.filter((_, i) => keep[i]).join('\n');
}

function isClosingTag(line: string, context: PassContext): boolean {
  const trimmed = line.trim();
  return trimmed.length === 1 && isSentinel(trimmed) && /^\s*<\//.test(context.spans[sentinelIndex(trimmed)]?.text ?? '');
}

/** `<example>` … `</example>` where both tags are masked spans (tag-only lines or inline tags). */
function dropXmlExamples(text: string, context: PassContext, dropped: string[]): string {
  const tagOf = (ch: string): 'open' | 'close' | null => {
    const raw = context.spans[sentinelIndex(ch)]?.text.trim() ?? '';
    if (/^<example\b[^>]*>$/i.test(raw)) return 'open';
    if (/^<\/example\s*>$/i.test(raw)) return 'close';
    return null;
  };
  let out = '';
  let at = 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSentinel(text[i]) || tagOf(text[i]) !== 'open') continue;
    let close = -1;
    for (let j = i + 1; j < text.length; j++) {
      if (isSentinel(text[j]) && tagOf(text[j]) === 'close') {
        close = j;
        break;
      }
    }
    if (close < 0) break;
    seen++;
    if (seen > 1 && !holdsPlaceholder(text.slice(i, close + 1), context)) {
      // Take the whole lines the element occupies when it is alone on them.
      const lineStart = text.lastIndexOf('\n', i - 1) + 1;
      const start = text.slice(lineStart, i).trim() === '' ? lineStart : i;
      const lineEnd = text.indexOf('\n', close);
      const end = text.slice(close + 1, lineEnd < 0 ? text.length : lineEnd).trim() === '' ? (lineEnd < 0 ? text.length : lineEnd + 1) : close + 1;
      out += text.slice(at, start);
      dropped.push(text.slice(start, end).trim());
      at = end;
    }
    i = close;
  }
  return out + text.slice(at);
}
