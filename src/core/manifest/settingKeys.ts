/**
 * Every setting under `promptCost.`, with its value type, JSON type, scope and, where the code relies on
 * one, its default: the one place a setting key is written. package.json `contributes.configuration` must
 * say the same (test/unit/core/manifest checks both ways). src/vscode/configuration.ts reads them, typed
 * by `ExtensionConfig` below.
 */
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../config/engineSettings';
import { DEFAULT_COUNT_BASE_URLS } from '../exactCounts/countProviders';
import { DEFAULT_PRICES_URL } from '../pricing/priceSource';
import type { SourceLanguage } from '../prompts/prompt';
import { USAGE_PROFILES, type UsageProfileName } from '../simulate/simulationInputs';
import { DEFAULT_SIMULATION_SETTINGS } from '../simulate/simulationSettings';
import { DEFAULT_INTERVAL_MINUTES, DEFAULT_THRESHOLDS } from '../spend/spendConfig';

/** Prefix of every setting and command id. */
export const SETTINGS_PREFIX = 'promptCost';

export type SettingJsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
export type SettingScope = 'window' | 'resource' | 'machine';

export interface SettingDeclaration<T> {
  readonly type: SettingJsonType;
  readonly scope: SettingScope;
  /** Declared only where code falls back on it; package.json must then show the same default. */
  readonly default?: T;
  readonly enum?: readonly T[];
  /** Listed in `restrictedConfigurations`: an untrusted workspace cannot set it (it decides where keys go). */
  readonly restricted?: boolean;
  /** Never set: carries the value's TypeScript type to `ExtensionConfig`. */
  readonly valueType?: T;
}

function setting<T>(declaration: Omit<SettingDeclaration<T>, 'valueType'>): SettingDeclaration<T> {
  return declaration;
}

export const DIAGNOSTIC_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type DiagnosticSeverityName = (typeof DIAGNOSTIC_SEVERITIES)[number];

const engine = DEFAULT_ENGINE_SETTINGS;
const simulation = DEFAULT_SIMULATION_SETTINGS;

export const SETTINGS = {
  // ──── Estimating engine (same names as `EngineSettings`; also settable in .promptcost.yml) ────
  models: setting<EngineSettings['models']>({ type: 'array', scope: 'resource', default: [...engine.models] }),
  compareModels: setting<EngineSettings['compareModels']>({ type: 'array', scope: 'resource', default: [...engine.compareModels] }),
  expectedOutputTokens: setting<number>({ type: 'integer', scope: 'resource', default: engine.expectedOutputTokens }),
  placeholderTokens: setting<number>({ type: 'integer', scope: 'resource', default: engine.placeholderTokens }),
  placeholderSizes: setting<EngineSettings['placeholderSizes']>({ type: 'object', scope: 'resource', default: { ...engine.placeholderSizes } }),
  perRequestLimit: setting<number>({ type: 'number', scope: 'resource', default: engine.perRequestLimit }),
  priceOverrides: setting<EngineSettings['priceOverrides']>({ type: 'object', scope: 'resource', default: { ...engine.priceOverrides } }),
  modelAliases: setting<EngineSettings['modelAliases']>({ type: 'object', scope: 'resource', default: { ...engine.modelAliases } }),
  estimateFactors: setting<EngineSettings['estimateFactors']>({ type: 'object', scope: 'resource', default: { ...engine.estimateFactors } }),
  reasoningTokens: setting<EngineSettings['reasoningTokens']>({ type: 'object', scope: 'resource', default: { ...engine.reasoningTokens } }),
  thinkingBudgetShare: setting<number>({ type: 'number', scope: 'resource', default: engine.thinkingBudgetShare }),
  // ──── Editor features ────
  enabledLanguages: setting<SourceLanguage[]>({ type: 'array', scope: 'window' }),
  'codeLens.enabled': setting<boolean>({ type: 'boolean', scope: 'window', default: true }),
  'hover.enabled': setting<boolean>({ type: 'boolean', scope: 'window', default: true }),
  'diagnostics.severity': setting<DiagnosticSeverityName>({ type: 'string', scope: 'resource', default: 'warning', enum: DIAGNOSTIC_SEVERITIES }),
  // ──── Spend tracking (src/vscode/spend/); URLs are read with inspect() there, for workspace trust ────
  'spend.sources': setting<string[]>({ type: 'array', scope: 'window', default: [] }),
  'spend.tracker.url': setting<string>({ type: 'string', scope: 'window', default: '', restricted: true }),
  'spend.tracker.tokenIn': setting<'query' | 'header'>({ type: 'string', scope: 'window', default: 'query', enum: ['query', 'header'], restricted: true }),
  'spend.tracker.todayField': setting<string>({ type: 'string', scope: 'window', default: '' }),
  'spend.openai.url': setting<string>({ type: 'string', scope: 'window', restricted: true }),
  'spend.anthropic.url': setting<string>({ type: 'string', scope: 'window', restricted: true }),
  'spend.litellm.url': setting<string>({ type: 'string', scope: 'window', restricted: true }),
  'spend.openrouter.url': setting<string>({ type: 'string', scope: 'window', restricted: true }),
  'spend.intervalMinutes': setting<number>({ type: 'number', scope: 'window', default: DEFAULT_INTERVAL_MINUTES }),
  'spend.useTrackerPricing': setting<boolean>({ type: 'boolean', scope: 'window', default: false }),
  'budget.daily': setting<number>({ type: 'number', scope: 'window', default: 0 }),
  'budget.monthly': setting<number>({ type: 'number', scope: 'window', default: 0 }),
  'budget.thresholds': setting<number[]>({ type: 'array', scope: 'window', default: [...DEFAULT_THRESHOLDS] }),
  'budget.timeZone': setting<string>({ type: 'string', scope: 'window', default: '' }),
  // ──── Price catalogue refresh (src/vscode/prices/); the source decides what every figure is computed from ────
  'prices.source': setting<string>({ type: 'string', scope: 'window', default: DEFAULT_PRICES_URL, restricted: true }),
  'prices.weeklyCheck': setting<boolean>({ type: 'boolean', scope: 'window', default: false, restricted: true }),
  // ──── Exact counts from the provider (src/vscode/exactCounts/): read from user settings only (never a workspace's), window scope like the spend URLs (machine scope is ignored in user settings under code-server and remotes) ────
  'exactCounts.anthropic': setting<boolean>({ type: 'boolean', scope: 'window', default: false, restricted: true }),
  'exactCounts.gemini': setting<boolean>({ type: 'boolean', scope: 'window', default: false, restricted: true }),
  'exactCounts.anthropicUrl': setting<string>({ type: 'string', scope: 'window', default: DEFAULT_COUNT_BASE_URLS.anthropic, restricted: true }),
  'exactCounts.geminiUrl': setting<string>({ type: 'string', scope: 'window', default: DEFAULT_COUNT_BASE_URLS.gemini, restricted: true }),
  // ──── Your own vocabulary files for Llama 3 / Gemma 3 (core/tokens/userVocabulary.ts): read from user settings only, window scope (as above) ────
  'tokenizers.vocabularies': setting<Record<string, string>>({ type: 'object', scope: 'window', default: {}, restricted: true }),
  // ──── Compress Prompt (src/vscode/compress/) ────
  'compress.mode': setting<'safe' | 'aggressive'>({ type: 'string', scope: 'resource', default: 'safe', enum: ['safe', 'aggressive'] }),
  'compress.modelAssisted.enabled': setting<boolean>({ type: 'boolean', scope: 'window', default: false }),
  'compress.modelAssisted.endpoint': setting<string>({ type: 'string', scope: 'machine', default: '', restricted: true }),
  'compress.modelAssisted.model': setting<string>({ type: 'string', scope: 'window', default: 'gpt-4o-mini' }),
  // ──── Monthly cost simulation (src/vscode/simulate/) ────
  'simulation.requestsPerDay': setting<number>({ type: 'number', scope: 'resource', default: simulation.requestsPerDay }),
  'simulation.growth': setting<number>({ type: 'number', scope: 'resource', default: simulation.growth }),
  'simulation.cacheHitRate': setting<number>({ type: 'number', scope: 'resource', default: simulation.cacheHitRate }),
  'simulation.cachedPrefixShare': setting<number>({ type: 'number', scope: 'resource', default: simulation.cachedPrefixShare }),
  'simulation.batchShare': setting<number>({ type: 'number', scope: 'resource', default: simulation.batchShare }),
  'simulation.monthlyBudget': setting<number>({ type: 'number', scope: 'resource', default: 0 }),
  'simulation.acceptableModels': setting<string[]>({ type: 'array', scope: 'resource', default: [] }),
  'simulation.profile': setting<UsageProfileName>({ type: 'string', scope: 'resource', default: 'expected', enum: USAGE_PROFILES }),
} as const;

export type SettingKey = keyof typeof SETTINGS;

/** The TypeScript type of every setting's value, by its key without the prefix. */
export type ExtensionConfig = { [K in SettingKey]: (typeof SETTINGS)[K] extends SettingDeclaration<infer T> ? T : never };

/** A full setting id, e.g. `promptCost.compareModels`. */
export type SettingId = `${typeof SETTINGS_PREFIX}.${SettingKey}`;

export function settingId(key: SettingKey): SettingId {
  return `${SETTINGS_PREFIX}.${key}`;
}

/** Every setting key, in declaration order. */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** A setting's declared default, for code that falls back on it (throws if the declaration has none). */
export function settingDefault<K extends SettingKey>(key: K): ExtensionConfig[K] {
  const value = (SETTINGS[key] as SettingDeclaration<ExtensionConfig[K]>).default;
  if (value === undefined) throw new Error(`setting ${settingId(key)} declares no default`);
  return value;
}
