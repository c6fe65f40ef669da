/**
 * LiteLLM's `model_prices_and_context_window.json` → the catalogue the engine prices with. The one
 * converter: scripts/update-prices.mjs uses it for the bundled `catalogue.json` and the price refresh
 * (`priceRefresh.ts`) for the user's cached copy, so the two cannot disagree. It validates as it goes: a
 * file that is not LiteLLM's (an error page, a truncated download, a renamed file) is refused with the
 * reason, never turned into an empty or partial catalogue.
 */
import { CATALOGUE_FORMAT, type CatalogueData, type CatalogueSource } from './catalogueData';
import type { CatalogueEntry, ModelMode, PriceTier, ServiceTierRates } from './modelPrice';

/** What every catalogue made from LiteLLM's file says about it (credit: MIT, Berri AI). */
export const LITELLM_SOURCE = Object.freeze({
  name: 'LiteLLM model_prices_and_context_window.json',
  license: 'MIT, Copyright (c) 2023 Berri AI',
  url: 'https://github.com/BerriAI/litellm',
});

/** Fewer priced chat models than this and the file is not LiteLLM's full list (it has over 2,000). */
export const MIN_CHAT_MODELS = 500;

/** Something the price data must be and is not; the message says what and where. */
export class PriceDataError extends Error {}

// Which LiteLLM providers we ship. First-party APIs and the big clouds that resell them, plus the
// aggregators people name in code (OpenRouter, Together, Groq, Cerebras). Left out to keep the file small
// and the data clean: long-tail hosts (fireworks_ai, deepinfra, novita, vercel_ai_gateway, replicate,
// cloudflare, nebius, oci, watsonx, snowflake, databricks — whose rates carry float noise —, ollama …)
// and `chatgpt` (subscription, no per-token rate). Users can price anything else through overrides.
const KEPT_PROVIDERS = new Set([
  'openai', 'text-completion-openai',
  'azure', 'azure_text', 'azure_ai',
  'anthropic',
  'gemini', 'vertex_ai', 'vertex_ai-language-models', 'vertex_ai-anthropic_models', 'vertex_ai-mistral_models',
  'vertex_ai-llama_models', 'vertex_ai-deepseek_models', 'vertex_ai-qwen_models', 'vertex_ai-openai_models',
  'vertex_ai-ai21_models', 'vertex_ai-zai_models', 'vertex_ai-minimax_models', 'vertex_ai-moonshot_models',
  'vertex_ai-embedding-models',
  // Bedrock: on-demand model ids only; region-scoped and provisioned-throughput keys
  // (`bedrock/<region>/…`, `bedrock/*/1-month-commitment/…`) are dropped below.
  'bedrock', 'bedrock_converse',
  'mistral', 'codestral', 'deepseek', 'xai', 'cohere', 'cohere_chat', 'perplexity',
  'dashscope', 'moonshot', 'zai', 'minimax',
  'groq', 'cerebras', 'together_ai', 'openrouter',
]);
const KEPT_MODES = new Set<string>(['chat', 'completion', 'responses', 'embedding'] satisfies ModelMode[]);
/** Top-level keys that document the format or hold rules, not models. */
const NON_MODEL_KEYS = new Set(['sample_spec', 'fallback_generalizations']);
/** A per-token USD price field (`input_cost_per_token…`, `cache_read_input_token_cost…`, `output_cost_per_reasoning_token`). */
const PER_TOKEN_PRICE_FIELD = /_token_cost|cost_per_(?:[a-z]+_)?token(?:_|$)/;

/**
 * USD per token → USD per 1M tokens by shifting the decimal exponent of the shortest round-trip
 * representation, so 2.5e-6 becomes exactly 2.5 (multiplying by 1e6 can give 2.4999999999999996).
 */
export function perMillion(perToken: number): number {
  const [mantissa, exponent] = perToken.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + 6}`);
}

type Entry = Record<string, unknown>;

const isPrice = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isObject = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `entry[field]` per 1M tokens, or undefined. */
function rate(entry: Entry, field: string): number | undefined {
  const value = entry[field];
  return isPrice(value) ? perMillion(value) : undefined;
}

/** The four token rates of one entry (or tier, or service tier given by `suffix`), per 1M tokens. */
function rates(entry: Entry, suffix = ''): ServiceTierRates {
  return withoutUndefined({
    input: rate(entry, `input_cost_per_token${suffix}`),
    output: rate(entry, `output_cost_per_token${suffix}`),
    cacheRead: rate(entry, `cache_read_input_token_cost${suffix}`),
    cacheWrite: rate(entry, `cache_creation_input_token_cost${suffix}`),
  });
}

function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

/** A service tier's rates (`_flex`, `_priority`), or undefined when the entry has none. */
function serviceTier(entry: Entry, suffix: string): ServiceTierRates | undefined {
  const tier = rates(entry, suffix);
  return Object.keys(tier).length > 0 ? tier : undefined;
}

/** Above-threshold tiers: `*_above_<N>k_tokens` keys and range-based `tiered_pricing` tables. */
function aboveTiers(entry: Entry, base: { input: number; output: number }): PriceTier[] {
  const tiers: PriceTier[] = [];
  const thresholds = new Set<number>();
  for (const key of Object.keys(entry)) {
    // LiteLLM keys a tier on its input rate; `_priority` and `_1hr` variants hang off it.
    const match = /^input_cost_per_token_above_(\d+)k_tokens$/.exec(key);
    if (match) thresholds.add(Number(match[1]) * 1000);
  }
  for (const threshold of thresholds) {
    const suffix = `_above_${threshold / 1000}k_tokens`;
    const tier = rates(entry, suffix);
    tiers.push(withoutUndefined({
      threshold,
      input: tier.input ?? base.input,
      output: tier.output ?? base.output,
      cacheRead: tier.cacheRead,
      cacheWrite: tier.cacheWrite,
      cacheWrite1h: rate(entry, `cache_creation_input_token_cost_above_1hr${suffix}`),
      priority: serviceTier(entry, `${suffix}_priority`),
    }));
  }
  if (Array.isArray(entry.tiered_pricing)) {
    for (const step of entry.tiered_pricing as unknown[]) {
      if (!isObject(step)) continue;
      const start = Array.isArray(step.range) ? (step.range[0] as unknown) : undefined;
      if (!isCount(start)) continue; // the first range (from 0) is the base rate
      const tier = rates(step);
      if (tier.input === undefined) continue;
      tiers.push(withoutUndefined({
        threshold: start,
        input: tier.input,
        output: tier.output ?? base.output,
        cacheRead: tier.cacheRead,
        cacheWrite: tier.cacheWrite,
      }));
    }
  }
  return tiers.sort((a, b) => a.threshold - b.threshold);
}

/** Region-scoped or provisioned-throughput Bedrock keys: `bedrock/<region>/…`, `bedrock/*\/1-month-commitment/…`. */
const isScopedBedrockKey = (key: string): boolean => /^bedrock\/[^/]+\//.test(key);

export type ConvertedEntry = { model: CatalogueEntry } | { skip: string };

/** One LiteLLM entry → a catalogue entry, or the reason it is not shipped. */
export function convertLiteLlmEntry(key: string, entry: unknown): ConvertedEntry {
  if (NON_MODEL_KEYS.has(key) || !isObject(entry)) return { skip: 'not a model' };
  const provider = entry.litellm_provider;
  const mode = entry.mode;
  if (typeof provider !== 'string' || !KEPT_PROVIDERS.has(provider)) return { skip: 'provider' };
  if (typeof mode !== 'string' || !KEPT_MODES.has(mode)) return { skip: 'mode' };
  if (isScopedBedrockKey(key)) return { skip: 'bedrock region/commitment' };

  let base = rates(entry);
  if (base.input === undefined && Array.isArray(entry.tiered_pricing)) {
    const first = (entry.tiered_pricing as unknown[]).find((step) => isObject(step) && Array.isArray(step.range) && step.range[0] === 0);
    if (isObject(first)) base = rates(first);
  }
  // Embeddings produce no output tokens; LiteLLM often omits their output rate.
  if (base.output === undefined && mode === 'embedding') base.output = 0;
  const { input, output } = base;
  if (input === undefined || output === undefined) return { skip: 'no per-token price' };

  const above = aboveTiers(entry, { input, output });
  const uplift = withoutUndefined({
    eu: isPrice(entry.regional_processing_uplift_multiplier_eu) ? entry.regional_processing_uplift_multiplier_eu : undefined,
    us: isPrice(entry.regional_processing_uplift_multiplier_us) ? entry.regional_processing_uplift_multiplier_us : undefined,
  });
  return {
    model: withoutUndefined<CatalogueEntry>({
      provider,
      mode: mode as ModelMode,
      input,
      output,
      cacheRead: base.cacheRead,
      cacheWrite: base.cacheWrite,
      cacheWrite1h: rate(entry, 'cache_creation_input_token_cost_above_1hr'),
      cacheHitInput: rate(entry, 'input_cost_per_token_cache_hit'),
      reasoningOutput: rate(entry, 'output_cost_per_reasoning_token'),
      batchInput: rate(entry, 'input_cost_per_token_batches'),
      batchOutput: rate(entry, 'output_cost_per_token_batches'),
      flex: serviceTier(entry, '_flex'),
      priority: serviceTier(entry, '_priority'),
      contextWindow: isCount(entry.max_input_tokens) ? entry.max_input_tokens : undefined,
      maxOutput: isCount(entry.max_output_tokens) ? entry.max_output_tokens : undefined,
      cacheMinTokens: isCount(entry.prompt_cache_min_tokens) ? entry.prompt_cache_min_tokens : undefined,
      regionalUplift: Object.keys(uplift).length > 0 ? uplift : undefined,
      above: above.length > 0 ? above : undefined,
    }),
  };
}

export interface ConvertedCatalogue {
  catalogue: CatalogueData;
  /** Entries not shipped, by reason (`provider`, `mode`, …). */
  skipped: Record<string, number>;
  /** Priced chat models in the whole file (every provider): what `MIN_CHAT_MODELS` is checked against. */
  chatModels: number;
}

/**
 * LiteLLM's parsed price file → a catalogue stamped with `source`, or a `PriceDataError` saying why the
 * file is refused: not a JSON object, a model entry with a per-token price that is not a number ≥ 0, or
 * fewer than `MIN_CHAT_MODELS` priced chat models (an error object, a truncated or foreign file).
 */
export function convertLiteLlmPrices(raw: unknown, source: CatalogueSource, generated: string): ConvertedCatalogue {
  if (!isObject(raw)) throw new PriceDataError(`expected a JSON object of model entries, got ${describeJson(raw)}`);
  const models: Record<string, CatalogueEntry> = {};
  const skipped: Record<string, number> = {};
  let chatModels = 0;
  for (const key of Object.keys(raw).sort()) {
    const entry = raw[key];
    // Metadata beside the models (a mirror's `last_updated` string) is not a model: skipped, not an error.
    if (isObject(entry) && !NON_MODEL_KEYS.has(key)) checkPriceFields(key, entry);
    if (isObject(entry) && entry.mode === 'chat' && isPrice(entry.input_cost_per_token) && isPrice(entry.output_cost_per_token)) chatModels++;
    const converted = convertLiteLlmEntry(key, entry);
    if ('model' in converted) models[key] = converted.model;
    else skipped[converted.skip] = (skipped[converted.skip] ?? 0) + 1;
  }
  if (chatModels < MIN_CHAT_MODELS) {
    throw new PriceDataError(
      `only ${chatModels} chat models with per-token prices (at least ${MIN_CHAT_MODELS} expected): is this LiteLLM's model_prices_and_context_window.json?`,
    );
  }
  const modelCount = Object.keys(models).length;
  return { catalogue: { format: CATALOGUE_FORMAT, generated, modelCount, models, source }, skipped, chatModels };
}

/** Every per-token price of an entry (and of its `tiered_pricing` steps) is a number ≥ 0. */
function checkPriceFields(key: string, entry: Entry): void {
  const check = (where: string, object: Entry) => {
    for (const [field, value] of Object.entries(object)) {
      if (PER_TOKEN_PRICE_FIELD.test(field) && !isPrice(value)) {
        throw new PriceDataError(`${where}.${field} is ${describeJson(value)}, not a price per token (a number ≥ 0)`);
      }
    }
  };
  check(`"${key}"`, entry);
  if (Array.isArray(entry.tiered_pricing)) entry.tiered_pricing.forEach((step, i) => isObject(step) && check(`"${key}".tiered_pricing[${i}]`, step));
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
  return typeof value === 'object' ? 'an object' : String(value);
}

/** JSON with keys sorted at every level. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The catalogue as text: deterministic (same catalogue → same bytes), keys sorted at every level, one model
 * a line so that a price update diffs cleanly.
 */
export function serialiseCatalogue(catalogue: CatalogueData): string {
  const ids = Object.keys(catalogue.models).sort();
  return [
    '{',
    `"format":${catalogue.format},`,
    `"generated":${JSON.stringify(catalogue.generated)},`,
    `"modelCount":${catalogue.modelCount},`,
    '"models":{',
    ids.map((id) => `${JSON.stringify(id)}:${sortedJson(catalogue.models[id])}`).join(',\n'),
    '},',
    `"source":${sortedJson(catalogue.source)}`,
    '}',
    '',
  ].join('\n');
}
