/**
 * Every knob of the estimating engine, shared by the CLI and the editor. Values arrive from untyped places
 * (VS Code settings, CLI flags, `.promptcost.yml`), so merging checks each one at run time: a bad value
 * is skipped, the layer below keeps its say, and the reason is collected instead of thrown.
 */
import { DEFAULT_REASONING_SETTINGS, REASONING_TABLE_EFFORTS } from '../estimate/reasoningTokens';
import type { VocabularyPaths } from '../tokens/userVocabulary';

/** USD per 1M tokens (prices) and tokens (`contextWindow`) for one model, replacing the catalogue's. */
export interface PriceOverride {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
  batchInput?: number;
  batchOutput?: number;
  contextWindow?: number;
}

export const PRICE_OVERRIDE_FIELDS = ['input', 'output', 'cacheRead', 'cacheWrite', 'batchInput', 'batchOutput', 'contextWindow'] as const;

export interface EngineSettings {
  /** Models to estimate for when the code names none. */
  models: string[];
  /** Extra models shown side by side with the one the code calls. */
  compareModels: string[];
  /** Output tokens assumed when a call sets no `max_tokens`. */
  expectedOutputTokens: number;
  /** Size in tokens of a placeholder with no sample. */
  placeholderTokens: number;
  /** Per placeholder name: a token count, or sample text to count. */
  placeholderSizes: Record<string, number | string>;
  /** USD; a request estimated above this is flagged. */
  perRequestLimit: number;
  /** Per model id. */
  priceOverrides: Record<string, PriceOverride>;
  /** Name used in code (e.g. an Azure deployment) → model id in the price catalogue. */
  modelAliases: Record<string, string>;
  /** Model family or id prefix → multiplier applied to approximate token counts. */
  estimateFactors: Record<string, number>;
  /** Reasoning effort (`minimal`, `low`, `medium`, `high`, `xhigh`) → typical reasoning tokens of one call. */
  reasoningTokens: Record<string, number>;
  /** Share (0–1) of a thinking budget (Claude `budget_tokens`, Gemini `thinking_budget`) a call typically spends. */
  thinkingBudgetShare: number;
  /** Files larger than this are not scanned. */
  maxFileBytes: number;
  /**
   * Tokenizer name → the user's own tokenizer.json (Llama 3, Gemma 3). Never merged from a layer (a
   * `.promptcost.yml` cannot set it): the faces add it after merging, from a machine setting or the CLI's
   * environment (userVocabulary.ts).
   */
  vocabularies?: VocabularyPaths;
}

export const DEFAULT_ENGINE_SETTINGS: Readonly<EngineSettings> = Object.freeze({
  models: ['gpt-4o'],
  compareModels: [],
  expectedOutputTokens: 256,
  placeholderTokens: 50,
  placeholderSizes: {},
  perRequestLimit: 0.05,
  priceOverrides: {},
  modelAliases: {},
  estimateFactors: {},
  reasoningTokens: { ...DEFAULT_REASONING_SETTINGS.reasoningTokens },
  thinkingBudgetShare: DEFAULT_REASONING_SETTINGS.thinkingBudgetShare,
  maxFileBytes: 1024 * 1024,
});

/** The merged settings plus one message per value that was skipped (e.g. "`perRequestLimit` must be …"). */
export interface MergedEngineSettings {
  settings: EngineSettings;
  problems: string[];
}

type Check<T> = (value: unknown, report: (key: string, reason: string) => void, key: string) => T | undefined;

/**
 * Later layers win. Lists replace lists; maps merge by key (later key wins), and a price override merges
 * field by field, so one layer can set `input` and another `output` for the same model. Unknown keys and
 * bad values are skipped and listed in `problems`; the result never shares objects with the inputs.
 */
export function mergeEngineSettings(...layers: Partial<EngineSettings>[]): MergedEngineSettings {
  const settings: EngineSettings = copySettings(DEFAULT_ENGINE_SETTINGS);
  const problems: string[] = [];
  const report = (key: string, reason: string): void => {
    problems.push(key ? `\`${key}\` ${reason}` : reason);
  };
  for (const layer of layers) {
    if (!isPlainObject(layer)) {
      if (layer !== undefined && layer !== null) report('', 'settings must be an object');
      continue;
    }
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) applySetting(settings, key, value, report);
    }
  }
  return { settings, problems };
}

function applySetting(into: EngineSettings, key: string, value: unknown, report: (key: string, reason: string) => void): void {
  switch (key) {
    case 'models': {
      const list = checkModelList(value, report, key);
      if (list && list.length === 0) report(key, 'must name at least one model');
      else if (list) into.models = list;
      return;
    }
    case 'compareModels': {
      const list = checkModelList(value, report, key);
      if (list) into.compareModels = list;
      return;
    }
    case 'expectedOutputTokens':
    case 'placeholderTokens':
      assign(into, key, checkTokenCount(value, report, key));
      return;
    case 'perRequestLimit':
      assign(into, key, checkNonNegative(value, report, key));
      return;
    case 'maxFileBytes': {
      const bytes = checkTokenCount(value, report, key);
      if (bytes === 0) report(key, 'must be greater than 0');
      else assign(into, key, bytes);
      return;
    }
    case 'placeholderSizes':
      Object.assign(into.placeholderSizes, checkRecord(value, report, key, checkSampleValue));
      return;
    case 'modelAliases':
      Object.assign(into.modelAliases, checkRecord(value, report, key, checkModelId));
      return;
    case 'estimateFactors':
      Object.assign(into.estimateFactors, checkRecord(value, report, key, checkFactor));
      return;
    case 'reasoningTokens':
      Object.assign(into.reasoningTokens, checkReasoningTokens(value, report, key));
      return;
    case 'thinkingBudgetShare':
      assign(into, key, checkShare(value, report, key));
      return;
    case 'priceOverrides': {
      const overrides = checkRecord(value, report, key, checkPriceOverride) ?? {};
      for (const [model, fields] of Object.entries(overrides)) {
        into.priceOverrides[model] = { ...into.priceOverrides[model], ...fields };
      }
      return;
    }
    case 'vocabularies':
      report(key, 'can be set only by you (the promptCost.tokenizers.vocabularies user setting, or PROMPT_COST_VOCABULARIES for the CLI)');
      return;
    default:
      report(key, 'unknown setting');
  }
}

function assign<K extends keyof EngineSettings>(into: EngineSettings, key: K, value: EngineSettings[K] | undefined): void {
  if (value !== undefined) into[key] = value;
}

function copySettings(s: Readonly<EngineSettings>): EngineSettings {
  const priceOverrides: Record<string, PriceOverride> = {};
  for (const [model, fields] of Object.entries(s.priceOverrides)) priceOverrides[model] = { ...fields };
  return {
    ...s,
    models: [...s.models],
    compareModels: [...s.compareModels],
    placeholderSizes: { ...s.placeholderSizes },
    priceOverrides,
    modelAliases: { ...s.modelAliases },
    estimateFactors: { ...s.estimateFactors },
    reasoningTokens: { ...s.reasoningTokens },
  };
}

// ──── Checks (also used by projectConfig.ts, which reports with line numbers instead) ─────────────────

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${String(value)}`;
}

/** A list of model ids (a single id is accepted as a list of one); blanks and duplicates are dropped. */
export const checkModelList: Check<string[]> = (value, report, key) => {
  const items = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(items)) {
    report(key, `must be a list of model ids, not ${describe(value)}`);
    return undefined;
  }
  const out: string[] = [];
  items.forEach((item, i) => {
    const id = checkModelId(item, report, `${key}[${i}]`);
    if (id !== undefined && !out.includes(id)) out.push(id);
  });
  return out;
};

export const checkModelId: Check<string> = (value, report, key) => {
  if (typeof value !== 'string' || !value.trim()) {
    report(key, `must be a model id (non-empty text), not ${describe(value)}`);
    return undefined;
  }
  return value.trim();
};

export const checkNonNegative: Check<number> = (value, report, key) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    report(key, `must be a number ≥ 0, not ${describe(value)}`);
    return undefined;
  }
  return value;
};

export const checkTokenCount: Check<number> = (value, report, key) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    report(key, `must be a whole number ≥ 0, not ${describe(value)}`);
    return undefined;
  }
  return value;
};

/** A placeholder size: a token count or sample text. */
export const checkSampleValue: Check<number | string> = (value, report, key) => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return checkTokenCount(value, report, key);
  report(key, `must be sample text or a token count, not ${describe(value)}`);
  return undefined;
};

export const checkFactor: Check<number> = (value, report, key) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    report(key, `must be a number > 0, not ${describe(value)}`);
    return undefined;
  }
  return value;
};

/** A share: a number from 0 to 1. */
export const checkShare: Check<number> = (value, report, key) => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    report(key, `must be a number from 0 to 1, not ${describe(value)}`);
    return undefined;
  }
  return value;
};

/** A reasoning effort the typical-tokens table has a row for. */
export function isReasoningTableEffort(name: string): boolean {
  return (REASONING_TABLE_EFFORTS as readonly string[]).includes(name);
}

/** Effort → typical reasoning tokens; unknown efforts and bad counts are dropped one by one. */
export const checkReasoningTokens: Check<Record<string, number>> = (value, report, key) => {
  if (!isPlainObject(value)) {
    report(key, `must be a map of effort: tokens (${REASONING_TABLE_EFFORTS.join(', ')}), not ${describe(value)}`);
    return undefined;
  }
  const out: Record<string, number> = {};
  for (const [effort, tokens] of Object.entries(value)) {
    const path = `${key}.${effort}`;
    if (!isReasoningTableEffort(effort)) {
      report(path, `unknown reasoning effort (expected one of ${REASONING_TABLE_EFFORTS.join(', ')})`);
      continue;
    }
    const checked = checkTokenCount(tokens, report, path);
    if (checked !== undefined) out[effort] = checked;
  }
  return out;
};

export const checkPriceOverride: Check<PriceOverride> = (value, report, key) => {
  if (!isPlainObject(value)) {
    report(key, `must be a map of ${PRICE_OVERRIDE_FIELDS.join(', ')}, not ${describe(value)}`);
    return undefined;
  }
  const out: PriceOverride = {};
  for (const [field, fieldValue] of Object.entries(value)) {
    const path = `${key}.${field}`;
    if (!(PRICE_OVERRIDE_FIELDS as readonly string[]).includes(field)) {
      report(path, `unknown price field (expected one of ${PRICE_OVERRIDE_FIELDS.join(', ')})`);
      continue;
    }
    const checked = field === 'contextWindow' ? checkTokenCount(fieldValue, report, path) : checkNonNegative(fieldValue, report, path);
    if (checked !== undefined) out[field as keyof PriceOverride] = checked;
  }
  return out;
};

/** A map whose entries each pass `checkEntry`; bad entries are dropped one by one. */
export function checkRecord<T>(value: unknown, report: (key: string, reason: string) => void, key: string, checkEntry: Check<T>): Record<string, T> | undefined {
  if (!isPlainObject(value)) {
    report(key, `must be a map of name: value, not ${describe(value)}`);
    return undefined;
  }
  const out: Record<string, T> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (name === '__proto__') {
      report(`${key}.${name}`, 'is not allowed as a name');
      continue;
    }
    const checked = checkEntry(entry, report, `${key}.${name}`);
    if (checked !== undefined) out[name] = checked;
  }
  return out;
}
