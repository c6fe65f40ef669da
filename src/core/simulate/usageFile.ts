/**
 * The `usage` section of `.promptcost.yml` (or a separate usage file): how much traffic each prompt gets,
 * like an Infracost usage file. Costs built on a typo would be silently wrong, so every mistake is an
 * error carrying the file, line and column.
 *
 * ```yaml
 * usage:
 *   profile: expected                 # profile used when none is asked for (low | expected | high)
 *   monthlyBudget: 500                # USD per month: the budget line
 *   acceptableModels: [gpt-4o-mini]   # models you would accept instead: the cheapest one's saving is shown
 *   defaults:                         # fill in what a prompt entry leaves out
 *     requestsPerDay: 1000
 *     cacheHitRate: 0.25
 *   prompts:
 *     - file: python/support_bot.py   # relative to the folder of the usage file
 *       line: 12                      # any line of the call, or of one of its prompts (or within 3 lines of a start)
 *       requestsPerDay: { low: 500, expected: 2000, high: 8000 }
 *       outputTokens: 300
 *       growth: 0.05
 *     - name: SYSTEM_PROMPT           # the prompt's variable name, or a prompt file's name
 *       file: python/rag_pipeline.py  # optional with `name`: restricts the match to that file
 *       requestsPerDay: 300
 *       model: gpt-4o-mini            # price it on this model instead of the one the code calls
 * ```
 *
 * Per-prompt (and default) values, each a number or a `{ low, expected, high }` map (`expected` is required;
 * a missing `low`/`high` falls back to `expected`):
 * - `requestsPerDay` (≥ 0; required, here or in `defaults`),
 * - `inputTokens` (whole ≥ 0; default: the call's whole input estimate),
 * - `outputTokens` (whole ≥ 0; default: the call's typical output, `expectedOutputTokens` within its cap, plus
 *   its typical reasoning). An entry's own `outputTokens` is also the call's typical visible output in the
 *   CodeLens and the CLI: the per-call-site override of `expectedOutputTokens`,
 * - `growth` (> −1, per month, compounded), `cacheHitRate`, `cachedPrefixShare`, `batchShare`, `flexShare` (0–1;
 *   batch + flex at most 1; flex is OpenAI's `service_tier: "flex"`),
 * - `daysPerMonth` (default 30).
 * Plus `model` (a model id). A prompt entry names its prompt with `file` + `line`, or `name` (+ optional `file`).
 *
 * Entries describe calls: an entry naming any prompt of a call (its line or its name) means that call, and
 * the call is priced once, whole (all its prompts, framing, tools, output and reasoning). Old files that
 * named one prompt of a call keep working.
 */
import * as YAML from 'yaml';
import { INPUT_RULES, USAGE_PROFILES, type SimulationInputs, type UsageProfileName } from './simulationInputs';

/** A value per profile (a plain number in the file gives the same value to all three). */
export type ProfiledValue = Readonly<Record<UsageProfileName, number>>;

export type UsageValueKey = keyof SimulationInputs;
export const USAGE_VALUE_KEYS = Object.keys(INPUT_RULES) as UsageValueKey[];

export type UsageValues = { [K in UsageValueKey]?: ProfiledValue } & { model?: string };

/** Where something was written: 1-based, or null when parsed from plain data without positions. */
export interface UsagePosition {
  line: number | null;
  column: number | null;
}

export interface UsagePromptEntry extends UsageValues {
  file?: string;
  line?: number;
  name?: string;
  /** Position of the entry in the usage file. */
  at: UsagePosition;
}

export interface UsageFile {
  fileName: string;
  defaultProfile: UsageProfileName;
  monthlyBudget: number | null;
  acceptableModels: string[];
  defaults: UsageValues;
  prompts: UsagePromptEntry[];
}

export class UsageFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    readonly column: number | null,
    readonly reason: string,
  ) {
    super(line === null ? `${fileName}: ${reason}` : `${fileName}:${line}:${column}: ${reason}`);
    this.name = 'UsageFileError';
  }
}

const SECTION_KEYS = ['profile', 'monthlyBudget', 'acceptableModels', 'defaults', 'prompts'];
const ENTRY_KEYS = ['file', 'line', 'name', 'model', ...USAGE_VALUE_KEYS];
const DEFAULT_KEYS = ['model', ...USAGE_VALUE_KEYS];

/**
 * The `usage` section of a `.promptcost.yml` text, or null when the file has none.
 * Throws `UsageFileError` for bad YAML or a bad usage section.
 */
export function readUsageSection(text: string, fileName: string): UsageFile | null {
  const { doc, reader } = parse(text, fileName);
  const section = topLevelUsage(doc, reader);
  if (section === undefined) return null;
  return reader.usage(section);
}

/**
 * A file given with `--usage`: its `usage` section when it has one, else the whole document is the section
 * (so a dedicated `usage.yml` may leave out the `usage:` line).
 */
export function readUsageDocument(text: string, fileName: string): UsageFile {
  const { doc, reader } = parse(text, fileName);
  const section = topLevelUsage(doc, reader);
  return reader.usage(section === undefined ? doc.contents : section);
}

/**
 * The section from plain data, e.g. `ProjectConfig.usage` (already parsed). Positions are lost there, so
 * errors name the setting's path instead; re-read the file with `readUsageSection` to get lines.
 */
export function usageFromValue(value: unknown, fileName: string): UsageFile {
  const doc = new YAML.Document(value);
  return new UsageReader(doc, fileName, null).usage(doc.contents);
}

function parse(text: string, fileName: string): { doc: YAML.Document; reader: UsageReader } {
  const lineCounter = new YAML.LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = YAML.parseDocument(source, { lineCounter, prettyErrors: false });
  const reader = new UsageReader(doc, fileName, lineCounter);
  const [yamlError] = doc.errors;
  if (yamlError) reader.failAtOffset(yamlError.pos[0], `invalid YAML: ${yamlError.message}`);
  return { doc, reader };
}

/** The node under `usage:` (null when empty), or undefined when there is no such key. */
function topLevelUsage(doc: YAML.Document, reader: UsageReader): YAML.Node | null | undefined {
  if (!YAML.isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (YAML.isScalar(pair.key) && pair.key.value === 'usage') {
      if (!YAML.isNode(pair.value) || (YAML.isScalar(pair.value) && pair.value.value === null)) reader.failAt(pair.key, '`usage` is empty: give `prompts:` (and optionally `defaults:`)');
      return pair.value as YAML.Node;
    }
  }
  return undefined;
}

interface Pair {
  key: string;
  keyNode: YAML.Node;
  value: YAML.Node;
}

class UsageReader {
  constructor(
    private readonly doc: YAML.Document,
    private readonly fileName: string,
    private readonly lines: YAML.LineCounter | null,
  ) {}

  failAtOffset(offset: number, reason: string): never {
    if (!this.lines) throw new UsageFileError(this.fileName, null, null, reason);
    const at = this.lines.linePos(offset);
    throw new UsageFileError(this.fileName, at.line, at.col, reason);
  }

  failAt(node: YAML.Node | null | undefined, reason: string): never {
    return this.failAtOffset(node?.range?.[0] ?? 0, reason);
  }

  position(node: YAML.Node): UsagePosition {
    if (!this.lines || !node.range) return { line: null, column: null };
    const at = this.lines.linePos(node.range[0]);
    return { line: at.line, column: at.col };
  }

  usage(node: unknown): UsageFile {
    const usage: UsageFile = { fileName: this.fileName, defaultProfile: 'expected', monthlyBudget: null, acceptableModels: [], defaults: {}, prompts: [] };
    if (node === null || (YAML.isScalar(node) && node.value === null)) return usage;
    for (const { key, keyNode, value } of this.pairs(node, 'usage', SECTION_KEYS)) {
      switch (key) {
        case 'profile':
          usage.defaultProfile = this.profileName(value, 'usage.profile');
          break;
        case 'monthlyBudget':
          usage.monthlyBudget = this.number(value, 'usage.monthlyBudget', (v) => v >= 0, 'an amount in USD ≥ 0');
          break;
        case 'acceptableModels':
          usage.acceptableModels = this.modelList(value, 'usage.acceptableModels');
          break;
        case 'defaults':
          usage.defaults = this.values(value, 'usage.defaults', DEFAULT_KEYS);
          break;
        case 'prompts':
          usage.prompts = this.entries(value, keyNode);
          break;
      }
    }
    const defaultRequests = usage.defaults.requestsPerDay !== undefined;
    for (const [i, entry] of usage.prompts.entries()) {
      if (entry.requestsPerDay === undefined && !defaultRequests) {
        throw new UsageFileError(this.fileName, entry.at.line, entry.at.column, `usage.prompts[${i}] needs \`requestsPerDay\` (here or in usage.defaults)`);
      }
    }
    return usage;
  }

  private entries(node: YAML.Node, keyNode: YAML.Node): UsagePromptEntry[] {
    if (!YAML.isSeq(node)) this.failAt(node ?? keyNode, '`usage.prompts` must be a list of entries, each starting with `- file:` or `- name:`');
    return node.items.map((item, i) => {
      const where = `usage.prompts[${i}]`;
      if (!YAML.isNode(item)) this.failAt(node, `${where} must be a map`);
      const values = this.values(item, where, ENTRY_KEYS) as UsagePromptEntry;
      const entry: UsagePromptEntry = { ...values, at: this.position(item) };
      for (const { key, value } of this.pairs(item, where, ENTRY_KEYS)) {
        if (key === 'file') entry.file = normalizeUsagePath(this.text(value, `${where}.file`));
        else if (key === 'name') entry.name = this.text(value, `${where}.name`);
        else if (key === 'line') entry.line = this.number(value, `${where}.line`, (v) => Number.isInteger(v) && v >= 1, 'a line number ≥ 1');
      }
      if (entry.file === undefined && entry.name === undefined) this.failAt(item, `${where} must say which prompt it is about: \`file\` + \`line\`, or \`name\``);
      if (entry.line !== undefined && entry.file === undefined) this.failAt(item, `${where} has \`line\` but no \`file\``);
      if (entry.file !== undefined && entry.line === undefined && entry.name === undefined) this.failAt(item, `${where} needs \`line\` or \`name\` with \`file\``);
      return entry;
    });
  }

  /** The numeric values and `model` of an entry or of `defaults` (other keys are left to the caller). */
  private values(node: YAML.Node | null, where: string, allowed: readonly string[]): UsageValues {
    const out: UsageValues = {};
    if (node === null) return out;
    for (const { key, value } of this.pairs(node, where, allowed)) {
      if (key === 'model') out.model = this.text(value, `${where}.model`);
      else if ((USAGE_VALUE_KEYS as string[]).includes(key)) out[key as UsageValueKey] = this.profiled(value, `${where}.${key}`, INPUT_RULES[key as UsageValueKey]);
    }
    return out;
  }

  private profiled(node: YAML.Node, where: string, rule: { check: (v: number) => boolean; expected: string }): ProfiledValue {
    if (!YAML.isMap(node)) {
      const value = this.number(node, where, rule.check, rule.expected);
      return { low: value, expected: value, high: value };
    }
    const given: Partial<Record<UsageProfileName, number>> = {};
    for (const { key, value } of this.pairs(node, where, USAGE_PROFILES)) {
      given[key as UsageProfileName] = this.number(value, `${where}.${key}`, rule.check, rule.expected);
    }
    if (given.expected === undefined) this.failAt(node, `${where} needs an \`expected\` value (low and high fall back to it)`);
    return { low: given.low ?? given.expected, expected: given.expected, high: given.high ?? given.expected };
  }

  private pairs(node: unknown, where: string, allowed: readonly string[]): Pair[] {
    if (!YAML.isMap(node)) return this.failAt(YAML.isNode(node) ? node : null, `${where} must be a map of \`key: value\` lines`);
    return node.items.map((pair) => {
      const keyNode = YAML.isNode(pair.key) ? pair.key : null;
      if (!keyNode || !YAML.isScalar(keyNode) || typeof keyNode.value !== 'string') return this.failAt(keyNode ?? node, `keys in ${where} must be plain names`);
      const key = keyNode.value;
      if (!allowed.includes(key)) this.failAt(keyNode, `unknown key \`${key}\` in ${where}; expected one of ${allowed.join(', ')}`);
      const value = YAML.isNode(pair.value) && !(YAML.isScalar(pair.value) && pair.value.value === null) ? pair.value : null;
      if (value === null) this.failAt(keyNode, `\`${where}.${key}\` has no value`);
      return { key, keyNode, value };
    });
  }

  private number(node: YAML.Node, where: string, check: (v: number) => boolean, expected: string): number {
    const value = YAML.isScalar(node) ? node.value : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) {
      this.failAt(node, `\`${where}\` must be ${expected}, not ${describe(node.toJS(this.doc))}`);
    }
    return value as number;
  }

  private text(node: YAML.Node, where: string): string {
    const value = YAML.isScalar(node) ? node.value : undefined;
    if (typeof value !== 'string' || !value.trim()) this.failAt(node, `\`${where}\` must be non-empty text, not ${describe(node.toJS(this.doc))}`);
    return (value as string).trim();
  }

  private profileName(node: YAML.Node, where: string): UsageProfileName {
    const value = YAML.isScalar(node) ? node.value : undefined;
    if (!USAGE_PROFILES.includes(value as UsageProfileName)) this.failAt(node, `\`${where}\` must be one of ${USAGE_PROFILES.join(', ')}, not ${describe(node.toJS(this.doc))}`);
    return value as UsageProfileName;
  }

  private modelList(node: YAML.Node, where: string): string[] {
    if (YAML.isScalar(node)) return [this.text(node, where)];
    if (!YAML.isSeq(node)) this.failAt(node, `\`${where}\` must be a list of model ids, e.g. [gpt-4o-mini, claude-haiku-4-5]`);
    const out: string[] = [];
    node.items.forEach((item, i) => {
      if (!YAML.isNode(item)) this.failAt(node, `\`${where}[${i}]\` must be a model id`);
      const id = this.text(item, `${where}[${i}]`);
      if (!out.includes(id)) out.push(id);
    });
    return out;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'a map';
  return String(value);
}

/** Forward slashes, no leading `./`: the form finding paths are compared in. */
export function normalizeUsagePath(file: string): string {
  return file.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/** The value of `key` for `profile`: the entry's own, else the defaults', else undefined. */
export function usageValue(entry: UsageValues | null, defaults: UsageValues, key: UsageValueKey, profile: UsageProfileName): number | undefined {
  return (entry?.[key] ?? defaults[key])?.[profile];
}
