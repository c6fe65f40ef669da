/**
 * Token estimate for any model: exact for OpenAI models with a known encoding, otherwise the o200k_base
 * count scaled by a per-family factor (always marked approximate).
 */
import { bareModelName, encodingForModel, modelFamily, type EncodingName, type ModelFamily } from './encodings';
import { countTokens } from './tokenCounter';

export interface TokenEstimate {
  tokens: number;
  exact: boolean;
  /** The encoding that was counted (o200k_base for every non-OpenAI model). */
  encoding: EncodingName;
  /** Multiplier applied to that count (1 for OpenAI models). */
  factor: number;
}

/**
 * o200k_base tokens × factor ≈ the family's own tokens, for prose. Sources: /work/shared/reference/peers.md
 * ("Facts") and tokenizers.md; where no measurement exists the factor says which way we lean and why.
 */
export const DEFAULT_FAMILY_FACTORS: Readonly<Record<ModelFamily, number>> = {
  // Exact encodings are used instead; this applies only to OpenAI ids with no known encoding (davinci…).
  openai: 1.0,
  // peers.md: "tiktoken undercounts Claude by ~15–20 % on English and more on code"; "newer Claude
  // tokenizers count 1.0–1.35× more". 1.2 is the middle of the English range. Code: see CODE_FAMILY_FACTORS.
  anthropic: 1.2,
  // peers.md: "Gemini ≈ 4 chars/token" (o200k is also ≈ 4 on English), but cl100k-based estimates
  // "undercounted Gemini JSON by 16.5 %". 1.1 leans toward over- rather than under-estimating cost.
  google: 1.1,
  // Llama 3+ uses a 128K tiktoken-style vocabulary built on cl100k's 100K tokens: counts close to
  // cl100k, a few percent above o200k on English. Not measured here.
  meta: 1.05,
  // Mistral's older 32K SentencePiece vocabulary splits finer than o200k; newer models (Tekken, 131K)
  // are close to o200k. 1.1 covers both in the direction of over-estimating. Not measured here.
  mistral: 1.1,
  // DeepSeek V3/R1: 128K byte-level BPE vocabulary, close to o200k on English. Not measured here.
  deepseek: 1.05,
  // No public tokenizer data in our references: counted as o200k.
  xai: 1.0,
  cohere: 1.0,
  qwen: 1.0,
  other: 1.0,
};

/**
 * Factors used instead of DEFAULT_FAMILY_FACTORS when the text looks like code (see looksLikeCode).
 * peers.md: tiktoken undercounts Claude "more on code", and newer Claude tokenizers reach 1.35×.
 */
export const CODE_FAMILY_FACTORS: Readonly<Partial<Record<ModelFamily, number>>> = {
  anthropic: 1.3,
};

// Characters that are common in code, JSON and markup and rare in prose.
const CODE_SYMBOLS = /[{}[\]()<>;=|&*$#\\/_:]/g;
const NON_WHITESPACE = /\S/g;
/** Share of non-whitespace characters that are code symbols above which a text counts as code. */
export const CODE_SYMBOL_SHARE = 0.06;

/** Cheap content test: does `text` read as code/JSON/markup rather than prose? */
export function looksLikeCode(text: string): boolean {
  const visible = text.match(NON_WHITESPACE)?.length ?? 0;
  if (visible === 0) return false;
  const symbols = text.match(CODE_SYMBOLS)?.length ?? 0;
  return symbols / visible >= CODE_SYMBOL_SHARE;
}

/**
 * The factor for `model`: a user override keyed by the longest matching model-id prefix, else by family
 * name, else the default for the family (its code factor when the text looks like code).
 */
export function factorForModel(model: string, text: string, overrides?: Partial<Record<string, number>>): number {
  const family = modelFamily(model);
  const override = overrides ? findOverride(model, family, overrides) : undefined;
  if (override !== undefined) return override;
  const codeFactor = CODE_FAMILY_FACTORS[family];
  if (codeFactor !== undefined && looksLikeCode(text)) return codeFactor;
  return DEFAULT_FAMILY_FACTORS[family];
}

function findOverride(model: string, family: ModelFamily, overrides: Partial<Record<string, number>>): number | undefined {
  const fullId = model.trim().toLowerCase();
  const bare = bareModelName(model);
  let best: { keyLength: number; factor: number } | undefined;
  let familyFactor: number | undefined;
  for (const [rawKey, factor] of Object.entries(overrides)) {
    if (factor === undefined || !Number.isFinite(factor) || factor <= 0) continue;
    const key = rawKey.trim().toLowerCase();
    if (key === '') continue;
    if (key === family) familyFactor = factor;
    if ((bare.startsWith(key) || fullId.startsWith(key)) && (!best || key.length > best.keyLength)) {
      best = { keyLength: key.length, factor };
    }
  }
  return best?.factor ?? familyFactor;
}

/** Tokens `text` costs on `model`. `factors` (a user setting) overrides the per-family defaults. */
export function estimateTokens(text: string, model: string, factors?: Partial<Record<string, number>>): TokenEstimate {
  const exactEncoding = encodingForModel(model);
  if (exactEncoding !== null) {
    const counted = countTokens(text, exactEncoding);
    return { tokens: counted.tokens, exact: counted.exact, encoding: exactEncoding, factor: 1 };
  }
  const factor = factorForModel(model, text, factors);
  const counted = countTokens(text, 'o200k_base');
  // The epsilon keeps float noise (10 × 1.2 = 12.000000000000002) from rounding up a whole token.
  const tokens = Math.ceil(counted.tokens * factor - 1e-9);
  return { tokens, exact: false, encoding: 'o200k_base', factor };
}
