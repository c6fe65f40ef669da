/**
 * The text-reading pieces every prompt-file format shares: the file as lines with offsets, trimmed sections,
 * YAML front matter, placeholders (template comments and control tags sized as zero), and the prompt built
 * from a section. Positions follow the rules in `promptFileFinder.ts`.
 */
import * as YAML from 'yaml';
import { MAX_OUTPUT_ARGUMENT_NAMES } from '../../prompts/evidence';
import { findPlaceholders } from '../../prompts/placeholders';
import type { FoundPrompt, Placeholder, PlaceholderSyntax, SourceLanguage } from '../../prompts/prompt';

/** Something wrong in a prompt file that did not stop it from being read (1-based line and column). */
export interface PromptFileProblem {
  line: number;
  column: number;
  message: string;
}

export const TEMPLATE_SYNTAXES: readonly PlaceholderSyntax[] = ['mustache', 'jinjaBlock'];

// ──── Lines ────────────────────────────────────────────────────────────────────────────────────────────

export interface Line {
  /** Offset of the first character (after the BOM on line 1). */
  start: number;
  /** Offset just past the last character before the line break. */
  end: number;
  text: string;
}

/** The file split into lines, keeping offsets; accepts LF, CRLF and lone CR. */
export class FileLines {
  readonly lines: Line[] = [];
  readonly bomLength: number;

  constructor(readonly source: string) {
    this.bomLength = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    const breaks = /\r\n|\n|\r/g;
    let start = this.bomLength;
    for (let m = breaks.exec(source); m; m = breaks.exec(source)) {
      this.lines.push({ start, end: m.index, text: source.slice(start, m.index) });
      start = m.index + m[0].length;
    }
    this.lines.push({ start, end: source.length, text: source.slice(start) });
  }
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** Kept lines of a file: where a prompt starts and ends, and its text. */
export type Section = Pick<FoundPrompt, 'startLine' | 'endLine' | 'startOffset' | 'endOffset' | 'text'>;

/** Lines [from, to) without the blank lines around them, or null when nothing but blank lines is left. */
export function trimmedSection(file: FileLines, from: number, to: number): Section | null {
  let first = from;
  while (first < to && isBlank(file.lines[first])) first++;
  let last = to - 1;
  while (last >= first && isBlank(file.lines[last])) last--;
  if (first > last) return null;
  const startOffset = file.lines[first].start;
  const endOffset = file.lines[last].end;
  return {
    startLine: first + 1,
    endLine: last + 1,
    startOffset,
    endOffset,
    text: file.source.slice(startOffset, endOffset).replace(/\r\n?/g, '\n'),
  };
}

// ──── Front matter ─────────────────────────────────────────────────────────────────────────────────────

export interface FrontMatter {
  /** The YAML mapping, or null when there is none or it is broken. */
  data: Record<string, unknown> | null;
  /** Index of the first line after the closing `---` (0 when there is no front matter). */
  bodyLine: number;
}

/** Reads `---` … `---` at the top of the file. Broken YAML is reported, never thrown. */
export function readFrontMatter(file: FileLines, problems: PromptFileProblem[]): FrontMatter {
  const lines = file.lines;
  if (lines[0].text.trimEnd() !== '---') return { data: null, bodyLine: 0 };
  let close = 1;
  while (close < lines.length && lines[close].text.trimEnd() !== '---') close++;
  if (close >= lines.length) {
    problems.push({ line: 1, column: 1, message: 'front matter has no closing `---`; the whole file is read as the prompt' });
    return { data: null, bodyLine: 0 };
  }
  const bodyLine = close + 1;
  if (close === 1) return { data: {}, bodyLine };
  const yamlStart = lines[1].start;
  const yamlText = file.source.slice(yamlStart, lines[close].start);
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    problems.push({ line: at.line + 1, column: at.col, message: `front matter: ${error.message}` });
    return { data: null, bodyLine };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push({ line: 2, column: 1, message: `front matter: ${(e as Error).message}` });
    return { data: null, bodyLine };
  }
  if (value === null || value === undefined) return { data: {}, bodyLine };
  if (!isRecord(value)) {
    problems.push({ line: 2, column: 1, message: 'front matter is not a mapping of `key: value` lines' });
    return { data: null, bodyLine };
  }
  return { data: value, bodyLine };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ──── Placeholders ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Placeholders of `text`, with template comments and control tags re-labelled `jinjaBlock` (zero size)
 * and Jinja whitespace control (`{{- x -}}`) removed from names.
 */
export function placeholdersOf(text: string, syntaxes: readonly PlaceholderSyntax[], plain = false): Placeholder[] {
  const result: Placeholder[] = [];
  for (const p of findPlaceholders(text, syntaxes)) {
    if (p.syntax === 'format' && !/^\{[A-Za-z_]\w*\}$/.test(p.raw)) continue; // `{a: 1}` in a JSON example
    if (p.syntax !== 'mustache') {
      result.push(p);
      continue;
    }
    const inner = p.raw.replace(/^\{\{\{?[-~+]?/, '').replace(/[-~+]?\}?\}\}$/, '').trim();
    if (plain && !/^[#/^>&!$]?\s*[A-Za-z_]/.test(inner)) continue; // `{{"a": 1}}`: escaped braces, not a tag
    if (inner.startsWith('!')) {
      result.push({ ...p, syntax: 'jinjaBlock', name: 'comment' });
    } else if (/^[#/^]/.test(inner) || /^else\b/.test(inner)) {
      result.push({ ...p, syntax: 'jinjaBlock', name: inner.split(/\s+/).slice(0, 2).join(' ') });
    } else {
      const name = inner.replace(/^[>&$]\s*/, '').split(/[\s|(]+/)[0];
      result.push({ ...p, name: name || inner });
    }
  }
  return result;
}

// ──── Formats ──────────────────────────────────────────────────────────────────────────────────────────

/** What a format's front matter or section markers tell about its prompts. */
export type PromptExtras = Partial<Pick<FoundPrompt, 'model' | 'maxOutputTokens' | 'role' | 'name' | 'samples'>>;

export function toPrompt(section: Section, language: SourceLanguage, syntaxes: readonly PlaceholderSyntax[], extras: PromptExtras, plain = false): FoundPrompt {
  const prompt: FoundPrompt = {
    startLine: section.startLine,
    endLine: section.endLine,
    startOffset: section.startOffset,
    endOffset: section.endOffset,
    language,
    kind: 'file',
    text: section.text,
    placeholders: placeholdersOf(section.text, syntaxes, plain),
    model: extras.model ?? null,
    maxOutputTokens: extras.maxOutputTokens ?? null,
    evidence: 'file',
  };
  if (extras.role) prompt.role = extras.role;
  if (extras.name) prompt.name = extras.name;
  if (extras.samples && Object.keys(extras.samples).length > 0) prompt.samples = extras.samples;
  return prompt;
}

export function wholeFile(file: FileLines, fromLine: number, language: SourceLanguage, syntaxes: readonly PlaceholderSyntax[], extras: PromptExtras, plain = false): FoundPrompt[] {
  const section = trimmedSection(file, fromLine, file.lines.length);
  return section ? [toPrompt(section, language, syntaxes, extras, plain)] : [];
}

/** The first whole number ≥ 0 under an output-cap key (`max_tokens`, `max_completion_tokens`…) of `block`. */
export function maxTokensIn(block: unknown): number | null {
  if (!isRecord(block)) return null;
  for (const [key, value] of Object.entries(block)) {
    if (MAX_OUTPUT_ARGUMENT_NAMES.includes(key.toLowerCase()) && typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  }
  return null;
}

/** A sample value as the text it stands for; non-strings become JSON. */
export function sampleText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/** Sample values of declared inputs: `sample` wins over `default`; a mapping or a list of `{ name, … }`; empty values are no sample. */
export function inputSamples(inputs: unknown): Record<string, string> {
  const samples: Record<string, string> = {};
  const entries: [unknown, unknown][] = Array.isArray(inputs)
    ? inputs.map((input) => [isRecord(input) ? input.name : undefined, input])
    : isRecord(inputs)
      ? Object.entries(inputs)
      : [];
  for (const [name, input] of entries) {
    if (typeof name !== 'string' || !name.trim() || !isRecord(input)) continue;
    const value = 'sample' in input ? input.sample : input.default;
    if (value !== undefined && value !== null && value !== '') samples[name.trim()] = sampleText(value); // `default: ""` says nothing
  }
  return samples;
}
