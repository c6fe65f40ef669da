/**
 * Spans of a prompt that compression must never change: placeholders of every syntax, code, structured
 * data (JSON, XML, YAML), quoted text, URLs, e-mail addresses and numbers. Detection leans toward
 * protecting too much: a false positive only costs a little compression, a false negative could alter
 * what the prompt asks for.
 */
import { findPlaceholders } from '../prompts/placeholders';
import type { PlaceholderSyntax } from '../prompts/prompt';

export type ProtectedKind =
  | 'placeholder'
  | 'codeFence'
  | 'inlineCode'
  | 'structured' // balanced {…} / […]: JSON, schemas, brace templates
  | 'markup' // XML/HTML tags and tag-only lines
  | 'yaml'
  | 'quoted'
  | 'url'
  | 'number'
  | 'privateUse'; // characters in the sentinel range (see sentinels.ts)

export interface ProtectedSpan {
  start: number;
  end: number;
  text: string;
  kind: ProtectedKind;
  /** True when a placeholder (of any syntax) lies inside: such a span may never be dropped. */
  holdsPlaceholder: boolean;
}

/** Every syntax, whatever the prompt declares: text that looks like a placeholder is never rewritten. */
const EVERY_SYNTAX: readonly PlaceholderSyntax[] = ['format', 'fstring', 'percent', 'printf', 'dollar', 'mustache', 'jinjaBlock', 'promptInput'];

interface Range {
  start: number;
  end: number;
  kind: ProtectedKind;
}

const MAX_BRACKET_SPAN = 20_000;
const MAX_QUOTE = 400;

/**
 * The protected spans of `text`, in order, never overlapping. Text in any placeholder syntax is protected;
 * `holdsPlaceholder` marks spans holding a placeholder of the declared `syntaxes` (default: every syntax).
 */
export function findProtectedSpans(text: string, syntaxes: readonly PlaceholderSyntax[] = EVERY_SYNTAX): ProtectedSpan[] {
  const ranges: Range[] = [];
  const add = (start: number, end: number, kind: ProtectedKind) => {
    if (end > start) ranges.push({ start, end, kind });
  };
  const addAll = (pattern: RegExp, kind: ProtectedKind, trim?: (s: string) => string) => {
    for (const m of text.matchAll(pattern)) {
      const raw = trim ? trim(m[0]) : m[0];
      add(m.index, m.index + raw.length, kind);
    }
  };

  for (const m of text.matchAll(/[\uE000-\uF8FF]/g)) add(m.index, m.index + 1, 'privateUse');
  for (const r of codeFences(text)) add(r.start, r.end, 'codeFence');
  addAll(/```[\s\S]*?```|~~~[\s\S]*?~~~/g, 'codeFence'); // fences that do not start a line still hold code
  addAll(/(`+)[^`\n]+?\1(?!`)/g, 'inlineCode');
  for (const p of findPlaceholders(text, EVERY_SYNTAX)) add(p.offset, p.offset + p.raw.length, 'placeholder');
  const placeholderRanges = findPlaceholders(text, syntaxes).map((p) => ({ start: p.offset, end: p.offset + p.raw.length }));
  for (const r of bracketBlocks(text)) add(r.start, r.end, 'structured');
  for (const r of tagLines(text)) add(r.start, r.end, 'markup');
  addAll(/<\/?[A-Za-z][\w:.-]*(?:\s[^<>\n]*?)?\/?>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, 'markup');
  for (const r of yamlBlocks(text)) add(r.start, r.end, 'yaml');
  addAll(new RegExp(`"[^"\\n]{1,${MAX_QUOTE}}"|“[^”\\n]{1,${MAX_QUOTE}}”|‘[^’\\n]{1,${MAX_QUOTE}}’|«[^»\\n]{1,${MAX_QUOTE}}»`, 'g'), 'quoted');
  // Straight single quotes: only where they cannot be apostrophes (no letter before the opener or after the closer).
  addAll(new RegExp(`(?<![\\w'’])'(?=\\S)[^'\\n]{1,${MAX_QUOTE}}(?<=\\S)'(?![\\w])`, 'g'), 'quoted');
  addAll(/\b(?:(?:https?|ftp|wss?|file):\/\/|www\.)[^\s<>"'`]+/gi, 'url', (s) => s.replace(/[.,;:!?)\]]+$/, ''));
  addAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, 'url');
  addAll(/\d+(?:[.,:]\d+)*/g, 'number');

  return mergeRanges(ranges).map((r) => ({
    ...r,
    text: text.slice(r.start, r.end),
    holdsPlaceholder: placeholderRanges.some((p) => p.start < r.end && p.end > r.start),
  }));
}

/** Overlapping ranges become one (the first, i.e. outermost, kind wins). */
function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** ``` / ~~~ fences, from the start of the opening line (indentation included) to the end of the closing one. */
function codeFences(text: string): Range[] {
  const out: Range[] = [];
  const opener = /^[ \t]*(`{3,}|~{3,})[^\n]*$/gm;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const fence = m[1];
    const closer = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`, 'gm');
    closer.lastIndex = m.index + m[0].length + 1;
    const close = closer.exec(text);
    const end = close ? close.index + close[0].length : text.length;
    out.push({ start: m.index, end, kind: 'codeFence' });
    opener.lastIndex = end;
  }
  return out;
}

/** Balanced {…} and […] regions (strings inside are skipped, so `"}"` does not close a block). */
function bracketBlocks(text: string): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '{' && c !== '[') continue;
    const end = matchBracket(text, i);
    if (end > 0) {
      out.push({ start: i, end, kind: 'structured' });
      i = end - 1;
    }
  }
  return out;
}

function matchBracket(text: string, open: number): number {
  const stack: string[] = [];
  let inString = false;
  const limit = Math.min(text.length, open + MAX_BRACKET_SPAN);
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"' || c === '\n') inString = false; // a raw newline means it was prose, not a JSON string
      continue;
    }
    if (c === '"' && stack.length) inString = true;
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') {
      const top = stack.pop();
      if ((top === '{') !== (c === '}')) return -1;
      if (!stack.length) return i + 1;
    }
  }
  return -1;
}

/** Whole lines that are markup: they start with a tag and end with `>` (`<name>Ada Lovelace</name>`). */
function tagLines(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(/^[ \t]*<[A-Za-z/!?][^\n]*>[ \t]*$/gm)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'markup' });
  return out;
}

const YAML_KEY_LINE = /^[ \t]*(?:- )?[A-Za-z_][\w.-]*:(?:[ \t]+(.*))?$/;
const YAML_ITEM_LINE = /^[ \t]+- \S.*$/;

/**
 * YAML-ish blocks: two or more consecutive `key: value` lines with short values (or nested items). Prose
 * such as "Note: answer briefly and cite the source." has a long value and is left alone.
 */
function yamlBlocks(text: string): Range[] {
  const out: Range[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let runStart = -1;
  let runLines = 0;
  let runEnd = 0;
  const flush = () => {
    if (runLines >= 2) out.push({ start: runStart, end: runEnd, kind: 'yaml' });
    runStart = -1;
    runLines = 0;
  };
  for (const line of lines) {
    const key = YAML_KEY_LINE.exec(line);
    const value = key?.[1]?.trim() ?? '';
    const yamlish = (key && value.split(/\s+/).length <= 3 && !/[.!?]$/.test(value)) || (runLines > 0 && YAML_ITEM_LINE.test(line));
    if (yamlish) {
      if (runStart < 0) runStart = offset;
      runLines++;
      runEnd = offset + line.length;
    } else flush();
    offset += line.length + 1;
  }
  flush();
  return out;
}
