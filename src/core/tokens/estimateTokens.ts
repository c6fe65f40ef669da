/**
 * Token estimate for any model, by the method its family and version call for (tokenizerFamilies.ts):
 * exact with an OpenAI encoding or a local tokenizer, otherwise the o200k_base count scaled by a factor
 * (always marked approximate). Every estimate says how it was made (`method`).
 */
import { bareModelName, modelFamily, type EncodingName, type ModelFamily } from './encodings';
import { countingMethod, plannedMethod, type CountingMethod } from './countingMethod';
import { countLocalTokens, localTokenizerFailure } from './localTokenCounter';
import { countTokens, type CountOptions } from './tokenCounter';
import { familyFactorPlan, localTokenizerFor } from './tokenizerFamilies';
import { isUserTokenizerName } from './userVocabulary';

export interface TokenEstimate {
  tokens: number;
  exact: boolean;
  /** The OpenAI encoding counted (the model's own, or o200k_base under a factor); null for a local tokenizer. */
  encoding: EncodingName | null;
  /** Multiplier applied to that count (1 when the model's own tokenizer counted). */
  factor: number;
  method: CountingMethod;
}

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
 * A user override for `model` (the `estimateFactors` setting): keyed by the longest matching model-id prefix,
 * else by family name; undefined when none applies.
 */
export function factorOverride(model: string, overrides?: Partial<Record<string, number>>): number | undefined {
  return overrides ? findOverride(model, modelFamily(model), overrides) : undefined;
}

/** The factor for `model` on `text`: a user override, else its plan's code factor when the text looks like code, else its prose factor. */
export function factorForModel(model: string, text: string, overrides?: Partial<Record<string, number>>): number {
  const method = countingMethod(model, factorOverride(model, overrides));
  if (method.kind !== 'factor') return 1;
  return looksLikeCode(text) ? method.code : method.prose;
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

/**
 * Tokens `text` costs on `model`. `factors` (a user setting) overrides the factors of models counted by
 * factor; `options` changes the counters' time budget (the CLI's `count` counts a whole file exactly).
 */
export function estimateTokens(text: string, model: string, factors?: Partial<Record<string, number>>, options?: CountOptions): TokenEstimate {
  const method = countingMethod(model, factorOverride(model, factors));
  if (method.kind === 'encoding') {
    const counted = countTokens(text, method.name, options);
    return { tokens: counted.tokens, exact: counted.exact, encoding: method.name, factor: 1, method };
  }
  if (method.kind === 'local') {
    const counted = countLocal(text, method, options);
    if (counted) return { tokens: counted.tokens, exact: counted.exact && method.exact, encoding: null, factor: 1, method };
  }
  const factorMethod = method.kind === 'factor' ? method : unavailableLocal(model, method, factorOverride(model, factors));
  const factor = looksLikeCode(text) ? factorMethod.code : factorMethod.prose;
  const counted = countTokens(text, 'o200k_base', options);
  // The epsilon keeps float noise (10 × 1.2 = 12.000000000000002) from rounding up a whole token.
  const tokens = Math.ceil(counted.tokens * factor - 1e-9);
  return { tokens, exact: false, encoding: 'o200k_base', factor, method: factorMethod };
}

/**
 * How `model`'s counts are made under `factors`: its plan, or the factor standing in when its local
 * tokenizer's data cannot be loaded (which this loads, as counting would).
 */
export function countingMethodFor(model: string, factors?: Partial<Record<string, number>>): CountingMethod {
  return estimateTokens('', model, factors).method;
}

/** The local count, or null when the tokenizer's data cannot be read (a broken install): then the factor serves. */
function countLocal(text: string, method: Extract<CountingMethod, { kind: 'local' }>, options?: CountOptions): { tokens: number; exact: boolean } | null {
  try {
    return countLocalTokens(text, method.name, options);
  } catch {
    return null;
  }
}

/**
 * The factor standing in for a local tokenizer that could not be loaded: for a user's vocabulary, the
 * model's measured factor (or the user's override) with why the file was not used; else the family's.
 */
function unavailableLocal(model: string, method: CountingMethod, override: number | undefined): Extract<CountingMethod, { kind: 'factor' }> {
  if (method.kind === 'local' && isUserTokenizerName(method.name)) {
    const planned = plannedMethod(model, override);
    if (planned.kind === 'factor') {
      const why = localTokenizerFailure(method.name) ?? 'it could not be loaded';
      return { ...planned, basis: `${planned.basis}. Your ${method.name} vocabulary is not used: ${why}` };
    }
  }
  const { prose, code } = familyFactorPlan(modelFamily(model));
  const name = localTokenizerFor(model) ?? 'local';
  return { kind: 'factor', prose, code, basis: `the ${name} tokenizer's data could not be loaded` };
}
