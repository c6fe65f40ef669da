/**
 * Escaping for text that comes from the user's files (model names, variable names, placeholder text) before
 * it goes into hover Markdown: it must read as plain text, never as links, HTML, emphasis or table syntax.
 */

/** Backslash-escapes every Markdown punctuation character, and neutralises HTML and line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
    .replace(/\r?\n/g, ' ');
}
