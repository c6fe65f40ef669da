/**
 * Prompt files: files whose content *is* the prompt, so no code parser is needed.
 *
 * - `.prompt.md` (VS Code / Copilot): YAML front matter, then the body, sent as the user's request.
 * - `.prompty`: YAML front matter (model, parameters, sample), then a body split into role sections by
 *   lines such as `system:` / `user:`; text before the first marker is a system message (as the Prompty
 *   runtime treats it).
 * - Jinja (`.j2`, `.jinja`, `.jinja2`), Mustache, Handlebars: the whole file is one prompt.
 * - `.txt` / `.md` in a folder named `prompts`: the whole file is one prompt (LangChain-style `{name}`).
 * - Semantic Kernel `skprompt.txt` (+ its `config.json`) and prompt YAML: see `semanticKernel.ts`.
 * - Jupyter notebooks are not prompt files but Python programs: `notebook.ts` (not one implied call).
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
import { isInPromptsFolder } from '../promptsFolder';
import type { FoundPrompt, PlaceholderSyntax, SourceLanguage } from '../../prompts/prompt';
import {
  FileLines,
  inputSamples,
  sampleText,
  TEMPLATE_SYNTAXES,
  isRecord,
  maxTokensIn,
  readFrontMatter,
  toPrompt,
  trimmedSection,
  wholeFile,
  type PromptExtras,
  type PromptFileProblem,
} from './promptFileText';
import { findPromptsInAppSettings } from './appSettingsPrompts';
import { findPromptsInNotebook } from './notebook';
import { readSkPrompt, readSkYaml } from './semanticKernel';

export type { PromptFileProblem } from './promptFileText';

export interface PromptFileResult {
  prompts: FoundPrompt[];
  problems: PromptFileProblem[];
}

/** The prompts of a prompt file; problems (broken front matter) are dropped, see `readPromptFile`. */
export function findPromptsInPromptFile(source: string, filePath: string, language: SourceLanguage): FoundPrompt[] {
  if (language === 'ipynb') return findPromptsInNotebook(source, filePath);
  if (language === 'appsettings') return findPromptsInAppSettings(source);
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
    case 'skprompt':
      return { prompts: readSkPrompt(file, filePath, problems), problems };
    case 'skyaml':
      return { prompts: readSkYaml(file, problems), problems };
    case 'plaintext':
    case 'markdown':
      if (!isInPromptsFolder(filePath)) return { prompts: [], problems };
      return { prompts: readPlainPromptFile(file, language, problems), problems };
    default:
      return { prompts: [], problems };
  }
}

const COPILOT_SYNTAXES: readonly PlaceholderSyntax[] = ['promptInput', 'mustache'];
const PLAIN_SYNTAXES: readonly PlaceholderSyntax[] = ['mustache', 'dollar', 'format'];

/** True when a folder on the path is named `prompts` (any case): only there is a .txt/.md a prompt. */

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
  return maxTokensIn(model.parameters) ?? maxTokensIn(model.options);
}

/**
 * `sample:` as a mapping (a string such as `${file:sample.json}` points at another file: no samples),
 * plus `inputs:` for names `sample:` does not give: a mapping `{ name: { sample | default } }` or a list
 * `[{ name, sample | default }]` (both forms are in use). Non-strings become JSON.
 */
function promptySamples(data: Record<string, unknown>): Record<string, string> | undefined {
  const samples: Record<string, string> = { ...inputSamples(data.inputs) };
  if (isRecord(data.sample)) {
    for (const [name, value] of Object.entries(data.sample)) samples[name] = sampleText(value);
  }
  return Object.keys(samples).length > 0 ? samples : undefined;
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
