/**
 * Semantic Kernel prompt functions, in their two file forms; each is one implied call.
 *
 * - `skprompt.txt` (any folder): the whole file is the prompt, in SK template syntax (`{{$input}}`,
 *   `{{function.name $arg}}`), read as mustache placeholders. The function's settings live in the sibling
 *   `config.json` (`execution_settings: { <service id>: { model_id | ai_model_id, max_tokens, … } }`, older
 *   files `completion: { max_tokens }`; `input_variables` defaults, older `input.parameters[].defaultValue`).
 *   That file is read here, synchronously: the finder runs in the pipeline worker (off the UI thread) and in
 *   the CLI, and the read is capped at `CONFIG_MAX_BYTES`. A missing config.json is normal (no model); an
 *   unreadable or broken one is reported as a problem on line 1 and ignored.
 * - Prompt YAML (`*.yaml`/`*.yml`): a top-level `template:` plus at least one of `template_format:`,
 *   `input_variables:` or `execution_settings:`; any other YAML gives nothing. `template` is the prompt;
 *   its positions cover the scalar's text in the file (a block scalar's lines), while `text` is the value
 *   YAML gives (indentation removed).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import type { FoundPrompt } from '../../prompts/prompt';
import { FileLines, TEMPLATE_SYNTAXES, inputSamples, isRecord, maxTokensIn, sampleText, toPrompt, wholeFile, type PromptExtras, type PromptFileProblem } from './promptFileText';

/** config.json files are a few hundred bytes; anything larger is not a prompt config and is not read. */
export const CONFIG_MAX_BYTES = 64 * 1024;

/** `skprompt.txt`: the whole file, with the model, output cap and samples of its `config.json`. */
export function readSkPrompt(file: FileLines, filePath: string, problems: PromptFileProblem[]): FoundPrompt[] {
  const config = readSiblingConfig(filePath, problems);
  const folder = path.basename(path.dirname(filePath));
  const extras: PromptExtras = { ...(config ? skSettings(config) : {}), name: folder && folder !== '.' ? folder : undefined };
  return wholeFile(file, 0, 'skprompt', TEMPLATE_SYNTAXES, extras);
}

/** The parsed `config.json` next to `filePath`, or null when there is none or it cannot be used. */
function readSiblingConfig(filePath: string, problems: PromptFileProblem[]): Record<string, unknown> | null {
  const configPath = path.join(path.dirname(filePath), 'config.json');
  let text: string;
  try {
    const stat = fs.statSync(configPath, { throwIfNoEntry: false });
    if (!stat || !stat.isFile()) return null;
    if (stat.size > CONFIG_MAX_BYTES) {
      problems.push({ line: 1, column: 1, message: `config.json is larger than ${CONFIG_MAX_BYTES} bytes: not read` });
      return null;
    }
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    problems.push({ line: 1, column: 1, message: `config.json could not be read: ${(error as Error).message}` });
    return null;
  }
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (isRecord(value)) return value;
    problems.push({ line: 1, column: 1, message: 'config.json is not a JSON object: ignored' });
  } catch (error) {
    problems.push({ line: 1, column: 1, message: `config.json: ${(error as Error).message} (ignored)` });
  }
  return null;
}

/** Model, output cap and samples from SK settings (config.json or prompt YAML: the same keys). */
function skSettings(data: Record<string, unknown>): PromptExtras {
  const settings = executionSettings(data.execution_settings);
  const legacy = isRecord(data.completion) ? data.completion : {};
  const model = [settings.model_id, settings.ai_model_id, settings.model, legacy.model_id, legacy.model].find((m): m is string => typeof m === 'string' && m.trim() !== '');
  const samples = { ...legacySamples(data.input), ...inputSamples(data.input_variables) };
  return {
    model: model?.trim() ?? null,
    maxOutputTokens: maxTokensIn(settings) ?? maxTokensIn(legacy),
    samples: Object.keys(samples).length > 0 ? samples : undefined,
  };
}

/** The settings of the `default` service, else of the first service; a list (some exports) takes its first entry. */
function executionSettings(value: unknown): Record<string, unknown> {
  const services = Array.isArray(value) ? value : isRecord(value) ? (isRecord(value.default) ? [value.default] : Object.values(value)) : [];
  return services.find(isRecord) ?? {};
}

/** Older config.json: `input: { parameters: [{ name, defaultValue }] }`. */
function legacySamples(input: unknown): Record<string, string> {
  const samples: Record<string, string> = {};
  const parameters = isRecord(input) && Array.isArray(input.parameters) ? input.parameters : [];
  for (const p of parameters) {
    if (isRecord(p) && typeof p.name === 'string' && p.defaultValue !== undefined && p.defaultValue !== null && p.defaultValue !== '') samples[p.name] = sampleText(p.defaultValue);
  }
  return samples;
}

const SK_YAML_KEYS = ['template_format', 'input_variables', 'execution_settings'];

/** An SK prompt YAML: its `template` as one prompt; other YAML (and broken YAML) gives nothing. */
export function readSkYaml(file: FileLines, problems: PromptFileProblem[]): FoundPrompt[] {
  const source = file.source;
  if (!/^template\s*:/m.test(source)) return []; // cheap: most YAML files are not prompts
  const doc = YAML.parseDocument(source.slice(file.bomLength), { keepSourceTokens: false });
  if (doc.errors.length > 0 || !YAML.isMap(doc.contents)) return [];
  const pair = doc.contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === 'template');
  if (!pair || !YAML.isScalar(pair.value) || typeof pair.value.value !== 'string' || !pair.value.range) return [];
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!isRecord(data) || !SK_YAML_KEYS.some((key) => key in data)) return [];
  const format = typeof data.template_format === 'string' ? data.template_format.toLowerCase() : 'semantic-kernel';
  if (!['semantic-kernel', 'handlebars', 'liquid', 'jinja2'].includes(format)) {
    problems.push({ line: 1, column: 1, message: `template_format ${format} is not one Prompt Cost Lens reads; placeholders may be missed` });
  }
  const section = scalarSection(file, pair.value, file.bomLength);
  if (!section) return [];
  const name = typeof data.name === 'string' && data.name.trim() ? data.name.trim() : undefined;
  return [toPrompt(section, 'skyaml', TEMPLATE_SYNTAXES, { ...skSettings(data), name })];
}

/** Where a scalar's text is in the file (block scalars: their content lines), with its value as the text. */
function scalarSection(file: FileLines, scalar: YAML.Scalar, shift: number): Parameters<typeof toPrompt>[0] | null {
  const text = String(scalar.value).replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (text.trim() === '') return null;
  const [start, valueEnd] = scalar.range!;
  const block = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
  let startOffset = start + shift;
  if (block) {
    // Past the `|`/`>` header line, then past blank lines and the indentation of the first content line.
    const firstLine = file.lines.findIndex((l) => l.start > startOffset && l.text.trim() !== '');
    if (firstLine < 0) return null;
    startOffset = file.lines[firstLine].start + (file.lines[firstLine].text.length - file.lines[firstLine].text.trimStart().length);
  }
  let endOffset = valueEnd + shift;
  while (endOffset > startOffset && /\s/.test(file.source[endOffset - 1])) endOffset--;
  return { startLine: lineOf(file, startOffset), endLine: lineOf(file, endOffset), startOffset, endOffset, text };
}

/** 1-based line of an offset. */
function lineOf(file: FileLines, offset: number): number {
  let line = 0;
  while (line + 1 < file.lines.length && file.lines[line + 1].start <= offset) line++;
  return line + 1;
}
