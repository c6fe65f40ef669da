/**
 * Prompt files: files whose content *is* the prompt, so no code parser is needed.
 *
 * - `.prompt.md` (VS Code / Copilot): YAML front matter, then the body, sent as the user's request.
 * - `.prompty`: YAML front matter (model, parameters, sample), then a body split into role sections by
 *   lines such as `system:` / `user:`; text before the first marker is a system message (as the Prompty
 *   runtime treats it).
 * - Jinja (`.j2`, `.jinja`, `.jinja2`), Mustache, Handlebars: the whole file is one prompt.
 * - `.txt` / `.md` in a folder named `prompts`: the whole file is one prompt (LangChain-style `{name}`).
 *
 * Positions: `startOffset`/`endOffset` index the file as given (a BOM counts as one character); lines are
 * 1-based and cover only the kept text (blank lines around a body or section are dropped, front matter is
 * never part of a prompt). `text` is `source.slice(startOffset, endOffset)` with CRLF/CR turned into LF, so
 * a prompt costs the same whichever line endings the checkout has; placeholder offsets index `text`.
 *
 * Template comments (`{# … #}`, `{{! … }}`) and control tags (`{% if %}`, `{{#each}}`, `{{/each}}`,
 * `{{else}}`) never reach the model as text: they are reported with syntax `jinjaBlock`, which the
 * estimator sizes as zero tokens, so the user is not asked for a sample value for them.
 *
 * Nothing here throws on bad input: a broken front matter leaves model/samples empty and is reported in
 * `problems` (see `readPromptFile`), the body is still returned.
 */
import { emptyCall, type LlmCall } from '../../prompts/llmCall';
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

export interface PromptFileResult {
  prompts: FoundPrompt[];
  problems: PromptFileProblem[];
}

/** The prompts of a prompt file; problems (broken front matter) are dropped, see `readPromptFile`. */
export function findPromptsInPromptFile(source: string, filePath: string, language: SourceLanguage): FoundPrompt[] {
  return readPromptFile(source, filePath, language).prompts;
}

/** The prompts of a prompt file plus what was wrong with it. Languages that are not prompt files give none. */
export function readPromptFile(source: string, filePath: string, language: SourceLanguage): PromptFileResult {
  const result = readPromptFileSections(source, filePath, language);
  return { prompts: asOneCall(result.prompts, source), problems: result.problems };
}

/** A prompt file is one implied call whose sections are its messages (Prompty `system:`/`user:`). */
function asOneCall(prompts: FoundPrompt[], source: string): FoundPrompt[] {
  if (prompts.length === 0) return prompts;
  const lines = source.split('\n').length;
  const call: LlmCall = {
    ...emptyCall({ startLine: 1, endLine: lines, startOffset: 0, endOffset: source.length }, true),
    model: prompts[0].model,
    maxOutputTokens: prompts[0].maxOutputTokens,
  };
  return prompts.map((prompt, i) => ({ ...prompt, calls: [{ call, slot: `/${i}` }] }));
}

function readPromptFileSections(source: string, filePath: string, language: SourceLanguage): PromptFileResult {
  const file = new FileLines(source);
  const problems: PromptFileProblem[] = [];
  switch (language) {
    case 'prompt':
      return { prompts: readCopilotPromptFile(file, filePath, problems), problems };
    case 'prompty':
      return { prompts: readPrompty(file, problems), problems };
    case 'jinja':
    case 'mustache':
    case 'handlebars':
      return { prompts: wholeFile(file, 0, language, TEMPLATE_SYNTAXES, {}), problems };
    case 'plaintext':
    case 'markdown':
      if (!isInPromptsFolder(filePath)) return { prompts: [], problems };
      return { prompts: readPlainPromptFile(file, language, problems), problems };
    default:
      return { prompts: [], problems };
  }
}

const TEMPLATE_SYNTAXES: readonly PlaceholderSyntax[] = ['mustache', 'jinjaBlock'];
const COPILOT_SYNTAXES: readonly PlaceholderSyntax[] = ['promptInput', 'mustache'];
const PLAIN_SYNTAXES: readonly PlaceholderSyntax[] = ['mustache', 'dollar', 'format'];

/** True when a folder on the path is named `prompts` (any case): only there is a .txt/.md a prompt. */
export function isInPromptsFolder(filePath: string): boolean {
  const parts = filePath.split(/[\\/]+/);
  return parts.slice(0, -1).some((p) => p.toLowerCase() === 'prompts');
}

// ──── Lines ────────────────────────────────────────────────────────────────────────────────────────────

interface Line {
  /** Offset of the first character (after the BOM on line 1). */
  start: number;
  /** Offset just past the last character before the line break. */
  end: number;
  text: string;
}

/** The file split into lines, keeping offsets; accepts LF, CRLF and lone CR. */
class FileLines {
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

function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/** Kept lines of a file: where a prompt starts and ends, and its text. */
type Section = Pick<FoundPrompt, 'startLine' | 'endLine' | 'startOffset' | 'endOffset' | 'text'>;

/** Lines [from, to) without the blank lines around them, or null when nothing but blank lines is left. */
function trimmedSection(file: FileLines, from: number, to: number): Section | null {
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

interface FrontMatter {
  /** The YAML mapping, or null when there is none or it is broken. */
  data: Record<string, unknown> | null;
  /** Index of the first line after the closing `---` (0 when there is no front matter). */
  bodyLine: number;
}

/** Reads `---` … `---` at the top of the file. Broken YAML is reported, never thrown. */
function readFrontMatter(file: FileLines, problems: PromptFileProblem[]): FrontMatter {
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ──── Placeholders ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Placeholders of `text`, with template comments and control tags re-labelled `jinjaBlock` (zero size)
 * and Jinja whitespace control (`{{- x -}}`) removed from names.
 */
function placeholdersOf(text: string, syntaxes: readonly PlaceholderSyntax[], plain = false): Placeholder[] {
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
type PromptExtras = Partial<Pick<FoundPrompt, 'model' | 'maxOutputTokens' | 'role' | 'name' | 'samples'>>;

function toPrompt(section: Section, language: SourceLanguage, syntaxes: readonly PlaceholderSyntax[], extras: PromptExtras, plain = false): FoundPrompt {
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

function wholeFile(file: FileLines, fromLine: number, language: SourceLanguage, syntaxes: readonly PlaceholderSyntax[], extras: PromptExtras, plain = false): FoundPrompt[] {
  const section = trimmedSection(file, fromLine, file.lines.length);
  return section ? [toPrompt(section, language, syntaxes, extras, plain)] : [];
}

/** `.prompt.md`: the body is the user's request; `model` may be a display name or a list (first wins). */
function readCopilotPromptFile(file: FileLines, filePath: string, problems: PromptFileProblem[]): FoundPrompt[] {
  const front = readFrontMatter(file, problems);
  const data = front.data ?? {};
  const declared = Array.isArray(data.model) ? data.model.find((m) => typeof m === 'string') : data.model;
  const model = typeof declared === 'string' && declared.trim() ? normaliseModelName(declared) : null;
  const stem = (filePath.split(/[\\/]/).pop() ?? '').replace(/\.prompt\.md$/i, '');
  const name = typeof data.name === 'string' && data.name.trim() ? data.name.trim() : stem || undefined;
  return wholeFile(file, front.bodyLine, 'prompt', COPILOT_SYNTAXES, { model, role: 'user', name });
}

/** `.txt`/`.md` in a prompts folder; a Markdown file may carry front matter with a `model:`. */
function readPlainPromptFile(file: FileLines, language: SourceLanguage, problems: PromptFileProblem[]): FoundPrompt[] {
  const front = language === 'markdown' ? readFrontMatter(file, problems) : { data: null, bodyLine: 0 };
  const declared = front.data?.model;
  const model = typeof declared === 'string' && declared.trim() ? normaliseModelName(declared) : null;
  return wholeFile(file, front.bodyLine, language, PLAIN_SYNTAXES, { model }, true);
}

const PROMPTY_ROLE_LINE = /^\s*#?\s*(system|user|assistant|developer|function|tool)\s*(\[[^\]]*\])?\s*:\s*$/i;

/** `.prompty`: one prompt per role section, all sharing the model, output budget and samples. */
function readPrompty(file: FileLines, problems: PromptFileProblem[]): FoundPrompt[] {
  const front = readFrontMatter(file, problems);
  const data = front.data ?? {};
  const shared: PromptExtras = {
    model: promptyModel(data.model),
    maxOutputTokens: promptyMaxTokens(data.model),
    samples: promptySamples(data),
    name: typeof data.name === 'string' && data.name.trim() ? data.name.trim() : undefined,
  };
  const prompts: FoundPrompt[] = [];
  let role = 'system'; // Prompty treats text before the first role marker as the system message
  let from = front.bodyLine;
  const flush = (to: number): void => {
    const section = trimmedSection(file, from, to);
    if (section) prompts.push(toPrompt(section, 'prompty', TEMPLATE_SYNTAXES, { ...shared, role }));
  };
  for (let i = front.bodyLine; i < file.lines.length; i++) {
    const marker = PROMPTY_ROLE_LINE.exec(file.lines[i].text);
    if (!marker) continue;
    flush(i);
    role = marker[1].toLowerCase();
    from = i + 1;
  }
  flush(file.lines.length);
  return prompts;
}

/** `model: gpt-4o`, or `model: { configuration: { model | name | azure_deployment | deployment } }`. */
function promptyModel(model: unknown): string | null {
  if (typeof model === 'string') return model.trim() || null;
  if (!isRecord(model)) return null;
  const config = isRecord(model.configuration) ? model.configuration : {};
  for (const value of [config.model, model.id, config.name, config.azure_deployment, config.deployment]) {
    if (typeof value === 'string' && value.trim() && !value.includes('${')) return value.trim();
  }
  return null;
}

/** `model.parameters.max_tokens` (or `max_completion_tokens`, `max_output_tokens`…), or v2 `model.options`. */
function promptyMaxTokens(model: unknown): number | null {
  if (!isRecord(model)) return null;
  for (const block of [model.parameters, model.options]) {
    if (!isRecord(block)) continue;
    for (const [key, value] of Object.entries(block)) {
      if (MAX_OUTPUT_ARGUMENT_NAMES.includes(key.toLowerCase()) && typeof value === 'number' && Number.isInteger(value) && value >= 0) {
        return value;
      }
    }
  }
  return null;
}

/**
 * `sample:` as a mapping (a string such as `${file:sample.json}` points at another file: no samples),
 * plus `inputs: { name: { sample | default } }` for names `sample:` does not give. Non-strings become JSON.
 */
function promptySamples(data: Record<string, unknown>): Record<string, string> | undefined {
  const samples: Record<string, string> = {};
  if (isRecord(data.inputs)) {
    for (const [name, input] of Object.entries(data.inputs)) {
      if (!isRecord(input)) continue;
      const value = 'sample' in input ? input.sample : input.default;
      if (value !== undefined) samples[name] = sampleText(value);
    }
  }
  if (isRecord(data.sample)) {
    for (const [name, value] of Object.entries(data.sample)) samples[name] = sampleText(value);
  }
  return Object.keys(samples).length > 0 ? samples : undefined;
}

function sampleText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/**
 * Copilot model pickers show display names (`GPT-4o`, `Claude Sonnet 4.5 (copilot)`); price tables use ids
 * (`gpt-4o`, `claude-sonnet-4-5`). Lower-case, drop a trailing `(vendor)`, spaces → `-`; Anthropic ids
 * write versions with dashes, so `4.5` → `4-5` for Claude only (`gemini-2.5-pro`, `gpt-4.1` keep dots).
 */
export function normaliseModelName(display: string): string {
  let id = display.trim().replace(/\s*\([^)]*\)\s*$/, '').trim().toLowerCase().replace(/\s+/g, '-');
  if (id.startsWith('claude-')) id = id.replace(/(\d)\.(\d)/g, '$1-$2');
  return id;
}
