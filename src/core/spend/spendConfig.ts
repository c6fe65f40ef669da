/**
 * The `spend` section of `.promptcost.yml` (and the same shape from editor settings): which spend sources
 * to poll and the budgets. The project loader keeps the section as plain data; this file gives it a
 * shape and rejects mistakes with the path of the bad value.
 *
 * ```yaml
 * spend:
 *   timeZone: Europe/Berlin        # day/month boundaries for budgets (default UTC)
 *   intervalMinutes: 5
 *   sources:
 *     - kind: tracker              # tracker | openai | anthropic | litellm | openrouter
 *       id: team                   # optional, defaults to the kind (must be unique)
 *       url: https://costs.example.com
 *       options: { todayField: totals.total_cost, tokenIn: header }
 *     - kind: openai               # url defaults to https://api.openai.com
 *   budget: { daily: 2, monthly: 50, thresholds: [50, 80, 95, 100] }
 * ```
 */
import { isValidTimeZone } from './periods';
import { SOURCE_KINDS, type SourceKind } from './spendTypes';

export interface TrackerOptions {
  /** Dotted path of today's cost in `/today`'s JSON; default: the first of total_cost, cost, spend (also inside `totals`). */
  todayField?: string;
  /** `query` sends `?token=` (what the original tracker expects); `header` sends `Authorization: Bearer`. */
  tokenIn: 'query' | 'header';
  /** Also read `/month` (month-to-date, projection). */
  month: boolean;
  /** Also read `/summary?days=1` grouped by model and by endpoint. */
  breakdown: boolean;
  /** Unit of `/pricing` prices whose field names do not say it. */
  pricingUnit: 'per1M' | 'per1K' | 'perToken';
}
export interface OpenAiOptions {
  /** `group_by[]=line_item` for a per-model split. */
  groupByLineItem: boolean;
}
export interface AnthropicOptions {
  /** The `anthropic-version` header. */
  version: string;
}
export interface LiteLlmOptions {
  /** Also read `/key/info` for the key's budget. */
  keyInfo: boolean;
}
export type OpenRouterOptions = Record<string, never>;

interface SourceBase {
  /** Unique; names the source in results, key storage and the CLI's JSON. */
  id: string;
  /** Base URL; the official one when omitted for openai, anthropic and openrouter. */
  url?: string;
}
export type SpendSourceConfig =
  | (SourceBase & { kind: 'tracker'; options: TrackerOptions })
  | (SourceBase & { kind: 'openai'; options: OpenAiOptions })
  | (SourceBase & { kind: 'anthropic'; options: AnthropicOptions })
  | (SourceBase & { kind: 'litellm'; options: LiteLlmOptions })
  | (SourceBase & { kind: 'openrouter'; options: OpenRouterOptions });

export interface BudgetConfig {
  /** USD per day; null = off. */
  daily: number | null;
  /** USD per month; null = off. */
  monthly: number | null;
  /** Percentages of a budget at which to alert, ascending. */
  thresholds: number[];
}

export interface SpendConfig {
  sources: SpendSourceConfig[];
  budget: BudgetConfig;
  /** IANA zone for budget days/months and the tracker's/OpenAI's "today"; undefined = UTC. */
  timeZone?: string;
  intervalMinutes: number;
}

export const DEFAULT_THRESHOLDS = [50, 80, 95, 100];
export const DEFAULT_INTERVAL_MINUTES = 5;

/** Official base URLs; tracker and litellm have none (they are self-hosted). */
export const DEFAULT_BASE_URLS: Partial<Record<SourceKind, string>> = {
  openai: 'https://api.openai.com',
  anthropic: 'https://api.anthropic.com',
  openrouter: 'https://openrouter.ai',
};

/** The base URL a source will use: the configured one or the provider's official one. */
export function effectiveBaseUrl(config: SpendSourceConfig): string | undefined {
  return config.url ?? DEFAULT_BASE_URLS[config.kind];
}

export class SpendConfigError extends Error {
  constructor(
    /** e.g. `spend.sources[1].url`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'SpendConfigError';
  }
}

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function expectObject(value: unknown, path: string, example: string): Obj {
  if (!isObject(value)) throw new SpendConfigError(path, `must be a map, e.g. ${example}`);
  return value;
}

function onlyKeys(obj: Obj, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) throw new SpendConfigError(`${path}.${key}`, `is not a known setting; expected one of ${allowed.join(', ')}`);
  }
}

function optionalBoolean(obj: Obj, key: string, path: string, fallback: boolean): boolean {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new SpendConfigError(`${path}.${key}`, 'must be true or false');
  return v;
}

function optionalEnum<T extends string>(obj: Obj, key: string, path: string, values: readonly T[], fallback: T): T {
  const v = obj[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) throw new SpendConfigError(`${path}.${key}`, `must be one of ${values.join(', ')}`);
  return v as T;
}

function optionalString(obj: Obj, key: string, path: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.trim() === '') throw new SpendConfigError(`${path}.${key}`, 'must be a non-empty string');
  return v.trim();
}

function optionalUsd(obj: Obj, key: string, path: string): number | null {
  const v = obj[key];
  if (v === undefined || v === null || v === false) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new SpendConfigError(`${path}.${key}`, 'must be a positive amount in USD (or omitted for no budget)');
  return v;
}

/** Options of one kind, checked; unknown option names are errors (a typo would silently do nothing). */
export function parseSourceOptions(kind: SourceKind, raw: unknown, path: string): SpendSourceConfig['options'] {
  const obj = raw === undefined || raw === null ? {} : expectObject(raw, path, '{ tokenIn: header }');
  switch (kind) {
    case 'tracker':
      onlyKeys(obj, ['todayField', 'tokenIn', 'month', 'breakdown', 'pricingUnit'], path);
      return {
        todayField: optionalString(obj, 'todayField', path),
        tokenIn: optionalEnum(obj, 'tokenIn', path, ['query', 'header'] as const, 'query'),
        month: optionalBoolean(obj, 'month', path, true),
        breakdown: optionalBoolean(obj, 'breakdown', path, true),
        pricingUnit: optionalEnum(obj, 'pricingUnit', path, ['per1M', 'per1K', 'perToken'] as const, 'per1K'),
      } satisfies TrackerOptions;
    case 'openai':
      onlyKeys(obj, ['groupByLineItem'], path);
      return { groupByLineItem: optionalBoolean(obj, 'groupByLineItem', path, true) } satisfies OpenAiOptions;
    case 'anthropic':
      onlyKeys(obj, ['version'], path);
      return { version: optionalString(obj, 'version', path) ?? '2023-06-01' } satisfies AnthropicOptions;
    case 'litellm':
      onlyKeys(obj, ['keyInfo'], path);
      return { keyInfo: optionalBoolean(obj, 'keyInfo', path, true) } satisfies LiteLlmOptions;
    case 'openrouter':
      onlyKeys(obj, [], path);
      return {};
  }
}

/** One source from its parts (the CLI's `--source`/`--url`, or a config entry). */
export function makeSourceConfig(kind: SourceKind, url: string | undefined, rawOptions: unknown, id: string = kind, path = 'source'): SpendSourceConfig {
  if (url === undefined && !DEFAULT_BASE_URLS[kind]) throw new SpendConfigError(`${path}.url`, `is required for kind ${kind} (it is self-hosted)`);
  return { id, kind, url, options: parseSourceOptions(kind, rawOptions, `${path}.options`) } as SpendSourceConfig;
}

/** Parses the `spend` section (already plain data). `undefined`/`null` → no sources, no budgets. */
export function parseSpendConfig(raw: unknown, path = 'spend'): SpendConfig {
  const config: SpendConfig = {
    sources: [],
    budget: { daily: null, monthly: null, thresholds: [...DEFAULT_THRESHOLDS] },
    intervalMinutes: DEFAULT_INTERVAL_MINUTES,
  };
  if (raw === undefined || raw === null) return config;
  const obj = expectObject(raw, path, '{ sources: [{ kind: openai }], budget: { daily: 2 } }');
  onlyKeys(obj, ['sources', 'budget', 'timeZone', 'intervalMinutes'], path);

  const timeZone = optionalString(obj, 'timeZone', path);
  if (timeZone !== undefined) {
    if (!isValidTimeZone(timeZone)) throw new SpendConfigError(`${path}.timeZone`, `'${timeZone}' is not an IANA time zone (e.g. Europe/Berlin, UTC)`);
    config.timeZone = timeZone;
  }
  if (obj.intervalMinutes !== undefined && obj.intervalMinutes !== null) {
    const v = obj.intervalMinutes;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > 24 * 60) throw new SpendConfigError(`${path}.intervalMinutes`, 'must be a number of minutes from 1 to 1440');
    config.intervalMinutes = v;
  }

  if (obj.sources !== undefined && obj.sources !== null) {
    if (!Array.isArray(obj.sources)) throw new SpendConfigError(`${path}.sources`, 'must be a list, e.g. [{ kind: openai }]');
    const ids = new Set<string>();
    obj.sources.forEach((entry, i) => {
      const at = `${path}.sources[${i}]`;
      const src = expectObject(entry, at, '{ kind: litellm, url: http://localhost:4000 }');
      onlyKeys(src, ['kind', 'id', 'url', 'options'], at);
      const kind = src.kind;
      if (typeof kind !== 'string' || !(SOURCE_KINDS as readonly string[]).includes(kind)) {
        throw new SpendConfigError(`${at}.kind`, `must be one of ${SOURCE_KINDS.join(', ')}`);
      }
      const id = optionalString(src, 'id', at) ?? kind;
      if (!/^[A-Za-z0-9_.-]+$/.test(id)) throw new SpendConfigError(`${at}.id`, 'may only use letters, digits, _ . -');
      if (ids.has(id)) throw new SpendConfigError(`${at}.id`, `'${id}' is used twice; give each source of the same kind its own id`);
      ids.add(id);
      config.sources.push(makeSourceConfig(kind as SourceKind, optionalString(src, 'url', at), src.options, id, at));
    });
  }

  if (obj.budget !== undefined && obj.budget !== null) {
    const at = `${path}.budget`;
    const budget = expectObject(obj.budget, at, '{ daily: 2, monthly: 50 }');
    onlyKeys(budget, ['daily', 'monthly', 'thresholds'], at);
    config.budget.daily = optionalUsd(budget, 'daily', at);
    config.budget.monthly = optionalUsd(budget, 'monthly', at);
    if (budget.thresholds !== undefined && budget.thresholds !== null) {
      config.budget.thresholds = parseThresholds(budget.thresholds, `${at}.thresholds`);
    }
  }
  return config;
}

/** Percentages, e.g. [50, 80, 95, 100]; fractions (0.8) are refused rather than read as 0.8 %. */
export function parseThresholds(raw: unknown, path: string): number[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new SpendConfigError(path, 'must be a non-empty list of percentages, e.g. [50, 80, 95, 100]');
  const out = raw.map((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > 1000) {
      throw new SpendConfigError(`${path}[${i}]`, 'must be a percentage from 1 to 1000 (write 80 for 80 %, not 0.8)');
    }
    return v;
  });
  return [...new Set(out)].sort((a, b) => a - b);
}
