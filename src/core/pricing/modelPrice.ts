/**
 * The price of one model. All rates are USD per 1M tokens; token limits are token counts.
 * The shape mirrors one entry of `catalogue.json` (made by `litellmCatalogue.ts`).
 */

/** Rates of a service tier (OpenAI/Gemini `flex`, `priority`), each present only when LiteLLM has it. */
export interface ServiceTierRates {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
}

/** Rates that replace the base rates when a request's prompt exceeds `threshold` tokens. */
export interface PriceTier {
  /** Prompt size in tokens; the tier applies when the prompt is strictly larger. */
  threshold: number;
  input: number;
  output: number;
  /** Falls back to the base `cacheRead` when absent. */
  cacheRead?: number;
  /** Falls back to the base `cacheWrite` when absent. */
  cacheWrite?: number;
  /** Cache writes that live 1 hour (Anthropic), in this tier. */
  cacheWrite1h?: number;
  /** Priority-tier rates in this tier. */
  priority?: ServiceTierRates;
}

/** The fields a user override may set (each optional in an override). */
export interface PriceFields {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  batchInput?: number;
  batchOutput?: number;
  /** Maximum prompt tokens (LiteLLM `max_input_tokens`). */
  contextWindow?: number;
  maxOutput?: number;
  /** Long-context tiers, ascending by threshold. */
  above?: PriceTier[];
}

export type ModelMode = 'chat' | 'completion' | 'responses' | 'embedding';

/** One model as stored in the catalogue. */
export interface CatalogueEntry extends PriceFields {
  /** LiteLLM provider name, e.g. `openai`, `anthropic`, `vertex_ai-language-models`. */
  provider: string;
  mode: ModelMode;
  // Kept from LiteLLM for the provider billing rules; the engine does not price with them yet.
  /** Cache writes that live 1 hour (Anthropic's `ttl: 1h`; `cacheWrite` is the 5-minute rate). */
  cacheWrite1h?: number;
  /** DeepSeek's input rate on a cache hit (LiteLLM `input_cost_per_token_cache_hit`). */
  cacheHitInput?: number;
  /** A separate rate for reasoning tokens, where the provider bills them apart from output. */
  reasoningOutput?: number;
  /** The `flex` service tier (cheaper, slower). */
  flex?: ServiceTierRates;
  /** The `priority` service tier. */
  priority?: ServiceTierRates;
  /** The smallest prompt the provider caches (LiteLLM `prompt_cache_min_tokens`). */
  cacheMinTokens?: number;
  /** Multipliers for regional processing (OpenAI data residency), e.g. `{ eu: 1.1 }`. */
  regionalUplift?: { eu?: number; us?: number };
}

/** A resolved price: the catalogue entry (possibly overridden) and the id it was found under. */
export interface ModelPrice extends CatalogueEntry {
  /** The catalogue key the model name resolved to, or the override's own key for override-only models. */
  id: string;
  /** `override` when any field came from the user's overrides. */
  source: 'catalogue' | 'override';
  /**
   * How the name reached `id` when it is not the name's own entry: a provider alias, or a reseller's rate
   * for a model its vendor no longer prices (`claude-3-5-haiku-latest → claude-3-5-haiku-20241022 …`).
   */
  resolvedVia?: string;
}
