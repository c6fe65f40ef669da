/**
 * The workspace file `.promptcost.yml`: settings a team shares in the repository. Unlike editor settings,
 * a mistake here is an error with the file's line and column, because the file is written by hand and
 * silently ignoring a typo would give wrong costs.
 *
 * ```yaml
 * models: [gpt-4o-mini]           # when the code names no model
 * compareModels: [claude-haiku-4-5]
 * expectedOutputTokens: 300
 * placeholderTokens: 80
 * perRequestLimit: 0.02           # USD
 * samples:
 *   question: "How do I reset my password?"   # name: sample text  → everywhere
 *   context: 1200                              # name: token count → everywhere
 *   "prompts/*.prompty":                       # path or glob: { name: value } → only those files
 *     history: 400
 * priceOverrides:
 *   acme-llm-1: { input: 0.5, output: 1.5 }    # USD per 1M tokens
 * modelAliases:
 *   prod-gpt4o: gpt-4o                          # Azure deployment → model
 * estimateFactors: { claude: 1.15 }
 * reasoningTokens: { medium: 1500 }            # effort → typical reasoning tokens of one call
 * thinkingBudgetShare: 0.5                     # share of a thinking budget a call typically spends
 * spend: …   # kept as written for later features
 * usage: …
 * ```
 *
 * Per-file samples: a `samples` entry whose value is a map is a file pattern (relative to the folder of
 * `.promptcost.yml`, `/` separators, `*`, `**`, `?`); a pattern without `/` matches the file name in any
 * folder. Matching patterns apply in file order over the global samples.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import {
  checkFactor,
  checkModelId,
  checkNonNegative,
  checkSampleValue,
  checkShare,
  checkTokenCount,
  isReasoningTableEffort,
  PRICE_OVERRIDE_FIELDS,
  type EngineSettings,
  type PriceOverride,
} from './engineSettings';
import { REASONING_TABLE_EFFORTS } from '../estimate/reasoningTokens';

export const PROJECT_CONFIG_FILE_NAMES = ['.promptcost.yml', '.promptcost.yaml'];

export interface FileSamples {
  /** Path or glob relative to the config file's folder. */
  pattern: string;
  samples: Record<string, number | string>;
}

/** A key the loader does not know: kept out of the config, reported so a typo is seen. */
export interface ProjectConfigWarning {
  line: number;
  column: number;
  message: string;
}

export interface ProjectConfig {
  models?: string[];
  compareModels?: string[];
  expectedOutputTokens?: number;
  placeholderTokens?: number;
  perRequestLimit?: number;
  /** Samples for every file: placeholder name → sample text or token count. */
  samples?: Record<string, number | string>;
  /** Samples for files matching a pattern, in file order. */
  fileSamples?: FileSamples[];
  priceOverrides?: Record<string, PriceOverride>;
  modelAliases?: Record<string, string>;
  estimateFactors?: Record<string, number>;
  reasoningTokens?: Record<string, number>;
  thinkingBudgetShare?: number;
  /** Defined by a later feature; kept as plain data. */
  spend?: unknown;
  /** Defined by a later feature; kept as plain data. */
  usage?: unknown;
  warnings: ProjectConfigWarning[];
}

export class ProjectConfigError extends Error {
  constructor(
    readonly fileName: string,
    /** 1-based. */
    readonly line: number,
    /** 1-based. */
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${fileName}:${line}:${column}: ${reason}`);
    this.name = 'ProjectConfigError';
  }
}

/** Parses and checks `.promptcost.yml`. Throws `ProjectConfigError` on bad YAML or a value of the wrong type. */
export function loadProjectConfig(text: string, fileName: string): ProjectConfig {
  const lineCounter = new YAML.LineCounter();
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = YAML.parseDocument(source, { lineCounter, prettyErrors: false });
  const fail = (offset: number, reason: string): never => {
    const at = lineCounter.linePos(offset);
    throw new ProjectConfigError(fileName, at.line, at.col, reason);
  };
  const [yamlError] = doc.errors;
  if (yamlError) fail(yamlError.pos[0], `invalid YAML: ${yamlError.message}`);

  const reader = new NodeReader(doc, fail);
  const config: ProjectConfig = { warnings: [] };
  if (doc.contents === null || (YAML.isScalar(doc.contents) && doc.contents.value === null)) return config;
  for (const { key, keyNode, value } of reader.pairs(doc.contents, 'the file')) {
    if (value === null) continue; // `models:` with nothing after it: not set
    switch (key) {
      case 'models':
      case 'compareModels':
        config[key] = reader.modelList(value, key);
        break;
      case 'expectedOutputTokens':
      case 'placeholderTokens':
        config[key] = reader.leaf(value, key, checkTokenCount);
        break;
      case 'perRequestLimit':
        config[key] = reader.leaf(value, key, checkNonNegative);
        break;
      case 'samples':
        readSamples(reader, value, config);
        break;
      case 'priceOverrides':
        config.priceOverrides = readPriceOverrides(reader, value);
        break;
      case 'modelAliases':
        config.modelAliases = reader.record(value, key, checkModelId);
        break;
      case 'estimateFactors':
        config.estimateFactors = reader.record(value, key, checkFactor);
        break;
      case 'reasoningTokens':
        config.reasoningTokens = readReasoningTokens(reader, value);
        break;
      case 'thinkingBudgetShare':
        config.thinkingBudgetShare = reader.leaf(value, key, checkShare);
        break;
      case 'spend':
      case 'usage':
        config[key] = value.toJS(doc);
        break;
      default: {
        const at = lineCounter.linePos(keyNode.range?.[0] ?? 0);
        config.warnings.push({ line: at.line, column: at.col, message: `unknown section \`${key}\` (ignored); known: ${KNOWN_SECTIONS.join(', ')}` });
      }
    }
  }
  return config;
}

const KNOWN_SECTIONS = ['models', 'compareModels', 'expectedOutputTokens', 'placeholderTokens', 'perRequestLimit', 'samples', 'priceOverrides', 'modelAliases', 'estimateFactors', 'reasoningTokens', 'thinkingBudgetShare', 'spend', 'usage'];

function readSamples(reader: NodeReader, node: YAML.Node, config: ProjectConfig): void {
  const samples: Record<string, number | string> = {};
  const fileSamples: FileSamples[] = [];
  for (const { key, value } of reader.pairs(node, 'samples')) {
    if (value !== null && YAML.isMap(value)) {
      fileSamples.push({ pattern: key, samples: reader.record(value, `samples."${key}"`, checkSampleValue) });
    } else if (value !== null) {
      samples[key] = reader.leaf(value, `samples.${key}`, checkSampleValue);
    }
  }
  config.samples = samples;
  if (fileSamples.length > 0) config.fileSamples = fileSamples;
}

function readPriceOverrides(reader: NodeReader, node: YAML.Node): Record<string, PriceOverride> {
  const out: Record<string, PriceOverride> = {};
  for (const { key: model, keyNode: modelNode, value } of reader.pairs(node, 'priceOverrides')) {
    const fields: PriceOverride = {};
    const where = `priceOverrides.${model}`;
    if (value === null) reader.failAt(modelNode, `${where} needs prices, e.g. { input: 2.5, output: 10 } (USD per 1M tokens)`);
    for (const { key: field, keyNode, value: fieldValue } of reader.pairs(value, where)) {
      if (!(PRICE_OVERRIDE_FIELDS as readonly string[]).includes(field)) {
        reader.failAt(keyNode, `unknown price field \`${field}\` in ${where}; expected one of ${PRICE_OVERRIDE_FIELDS.join(', ')}`);
      }
      const check = field === 'contextWindow' ? checkTokenCount : checkNonNegative;
      fields[field as keyof PriceOverride] = reader.leaf(fieldValue ?? keyNode, `${where}.${field}`, check, fieldValue === null);
    }
    out[model] = fields;
  }
  return out;
}

/** Effort → typical reasoning tokens; an effort the table has no row for is a typo, so it fails. */
function readReasoningTokens(reader: NodeReader, node: YAML.Node): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { key: effort, keyNode, value } of reader.pairs(node, 'reasoningTokens')) {
    if (!isReasoningTableEffort(effort)) {
      reader.failAt(keyNode, `unknown reasoning effort \`${effort}\` in reasoningTokens; expected one of ${REASONING_TABLE_EFFORTS.join(', ')}`);
    }
    out[effort] = reader.leaf(value ?? keyNode, `reasoningTokens.${effort}`, checkTokenCount, value === null);
  }
  return out;
}

interface Pair {
  key: string;
  keyNode: YAML.Node;
  value: YAML.Node | null;
}

type Check<T> = (value: unknown, report: (key: string, reason: string) => void, key: string) => T | undefined;

/** Walks YAML nodes, checking types and failing with the node's position. */
class NodeReader {
  constructor(
    private readonly doc: YAML.Document,
    private readonly fail: (offset: number, reason: string) => never,
  ) {}

  failAt(node: YAML.Node | null, reason: string): never {
    return this.fail(node?.range?.[0] ?? 0, reason);
  }

  pairs(node: unknown, where: string): Pair[] {
    if (!YAML.isMap(node)) return this.failAt(YAML.isNode(node) ? node : null, `${where} must be a map of \`key: value\` lines`);
    return node.items.map((pair) => {
      const keyNode = YAML.isNode(pair.key) ? pair.key : null;
      if (!keyNode || !YAML.isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        return this.failAt(keyNode ?? node, `keys in ${where} must be plain names`);
      }
      const key = String(keyNode.value);
      if (key === '__proto__') this.failAt(keyNode, `\`__proto__\` is not allowed as a name in ${where}`);
      const value = YAML.isNode(pair.value) && !(YAML.isScalar(pair.value) && pair.value.value === null) ? pair.value : null;
      return { key, keyNode, value };
    });
  }

  /** Checks one value; `missing` means the key has no value at all. */
  leaf<T>(node: YAML.Node, where: string, check: Check<T>, missing = false): T {
    const value = missing ? null : node.toJS(this.doc);
    const checked = check(value, (key, reason) => this.failAt(node, `\`${key}\` ${reason}`), where);
    if (checked === undefined) return this.failAt(node, `\`${where}\` has a bad value`);
    return checked;
  }

  /** A model id, or a list of them. */
  modelList(node: YAML.Node, where: string): string[] {
    if (YAML.isScalar(node)) return [this.leaf(node, where, checkModelId)];
    if (!YAML.isSeq(node)) return this.failAt(node, `\`${where}\` must be a list of model ids, e.g. [gpt-4o, claude-sonnet-4-5]`);
    const out: string[] = [];
    node.items.forEach((item, i) => {
      if (!YAML.isNode(item)) this.failAt(node, `\`${where}[${i}]\` must be a model id`);
      const id = this.leaf(item, `${where}[${i}]`, checkModelId);
      if (!out.includes(id)) out.push(id);
    });
    return out;
  }

  record<T>(node: YAML.Node, where: string, check: Check<T>): Record<string, T> {
    const out: Record<string, T> = {};
    for (const { key, keyNode, value } of this.pairs(node, where)) {
      out[key] = this.leaf(value ?? keyNode, `${where}.${key}`, check, value === null);
    }
    return out;
  }
}

/**
 * The engine settings the config gives for one file. With `relativeFilePath` (relative to the config's
 * folder), per-file samples whose pattern matches are laid over the global ones.
 */
export function projectConfigToSettings(config: ProjectConfig, relativeFilePath?: string): Partial<EngineSettings> {
  const settings: Partial<EngineSettings> = {};
  if (config.models) settings.models = [...config.models];
  if (config.compareModels) settings.compareModels = [...config.compareModels];
  if (config.expectedOutputTokens !== undefined) settings.expectedOutputTokens = config.expectedOutputTokens;
  if (config.placeholderTokens !== undefined) settings.placeholderTokens = config.placeholderTokens;
  if (config.perRequestLimit !== undefined) settings.perRequestLimit = config.perRequestLimit;
  if (config.priceOverrides) {
    settings.priceOverrides = {};
    for (const [model, fields] of Object.entries(config.priceOverrides)) settings.priceOverrides[model] = { ...fields };
  }
  if (config.modelAliases) settings.modelAliases = { ...config.modelAliases };
  if (config.estimateFactors) settings.estimateFactors = { ...config.estimateFactors };
  if (config.reasoningTokens) settings.reasoningTokens = { ...config.reasoningTokens };
  if (config.thinkingBudgetShare !== undefined) settings.thinkingBudgetShare = config.thinkingBudgetShare;
  const sizes: Record<string, number | string> = { ...config.samples };
  if (relativeFilePath !== undefined) {
    for (const entry of config.fileSamples ?? []) {
      if (matchesFilePattern(entry.pattern, relativeFilePath)) Object.assign(sizes, entry.samples);
    }
  }
  if (config.samples || Object.keys(sizes).length > 0) settings.placeholderSizes = sizes;
  return settings;
}

/** `*` and `?` stay inside one folder, `**` spans folders; a pattern without `/` matches the file name. */
export function matchesFilePattern(pattern: string, relativeFilePath: string): boolean {
  const file = relativeFilePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const glob = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const subject = glob.includes('/') ? file : file.slice(file.lastIndexOf('/') + 1);
  return globToRegExp(glob).test(subject);
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * The nearest `.promptcost.yml` (or `.yaml`) from `startDir` upwards. The search stops at a folder holding
 * `.git` (the repository root: a config above it belongs to something else) or at the filesystem root.
 */
export function findProjectConfigFile(startDir: string): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of PROJECT_CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    if (fs.existsSync(path.join(dir, '.git'))) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** `findProjectConfigFile` without blocking the thread (the editor's extension host). */
export async function findProjectConfigFileAsync(startDir: string): Promise<string | null> {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of PROJECT_CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (await isFileAsync(candidate)) return candidate;
    }
    if (await existsAsync(path.join(dir, '.git'))) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function isFileAsync(p: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(p)).isFile();
  } catch {
    return false;
  }
}

async function existsAsync(p: string): Promise<boolean> {
  try {
    await fs.promises.access(p);
    return true;
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
