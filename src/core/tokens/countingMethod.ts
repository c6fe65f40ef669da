/**
 * How a token count was made, as data (the CLI's JSON) and as a line a person reads (hover, `count`):
 * exact with an OpenAI encoding, a local tokenizer or the provider's own count (Anthropic's or Gemini's
 * API, when the user turned it on), or ≈ from the o200k_base count × a factor, with its basis.
 */
import { PROVIDER_TITLES, type CountProvider } from '../exactCounts/countProviders';
import type { EncodingName } from './encodings';
import { countingPlan, tokenizerInfo, userTokenizerFor, type TokenizerName } from './tokenizerFamilies';
import { isUserTokenizerName } from './userVocabulary';

export type CountingMethod =
  | { kind: 'encoding'; name: EncodingName }
  | {
    kind: 'local';
    /** A shipped tokenizer, or `llama3` / `gemma3` from the user's vocabulary file. */
    name: TokenizerName;
    /** False when the model ships a tokenizer file we do not have, believed to share this vocabulary. */
    exact: boolean;
    /** Why it is ≈ (null when exact). */
    note: string | null;
    /** Whose counting it reproduces, or null. */
    as: string | null;
  }
  | { kind: 'factor'; prose: number; code: number; basis: string }
  | {
    /** A call's whole input as the provider's count endpoint answered it (core/exactCounts). */
    kind: 'provider';
    provider: CountProvider;
    /** Tokens added to the provider's count for what the code does not show (assumed sizes). */
    added: number;
  };

/**
 * The method for `model`. A user factor (the `estimateFactors` setting) replaces only a factor: a model
 * with its own tokenizer is counted with it, and so is a Llama 3 or Gemma 3 model once the user gave that
 * tokenizer's vocabulary file (estimateTokens.ts falls back to the factor if the file is not usable).
 */
export function countingMethod(model: string, factorOverride?: number): CountingMethod {
  const user = userTokenizerFor(model);
  if (user) return { kind: 'local', name: user, exact: true, note: null, as: null };
  return plannedMethod(model, factorOverride);
}

/** The method by the plan alone (a user's vocabulary aside): the factor a failed vocabulary falls back to. */
export function plannedMethod(model: string, factorOverride?: number): CountingMethod {
  const plan = countingPlan(model);
  switch (plan.kind) {
    case 'encoding':
      return { kind: 'encoding', name: plan.encoding };
    case 'local':
      return { kind: 'local', name: plan.tokenizer, exact: plan.exact, note: plan.note, as: plan.as };
    case 'factor':
      if (factorOverride !== undefined) return { kind: 'factor', prose: factorOverride, code: factorOverride, basis: 'your estimateFactors setting' };
      return { kind: 'factor', prose: plan.prose, code: plan.code, basis: plan.basis };
  }
}

/** The label of a provider's count: `exact (Anthropic API)`. */
export function providerCountLabel(provider: CountProvider): string {
  return `exact (${PROVIDER_TITLES[provider]})`;
}

/** Whether counts by `method` can be exact at all (a long text may still make one ≈). */
export function isExactMethod(method: CountingMethod): boolean {
  return method.kind === 'encoding' || method.kind === 'provider' || (method.kind === 'local' && method.exact);
}

/** `×1.2`, or `×1.2 (prose) / ×1.3 (code)`. */
function factorText(method: Extract<CountingMethod, { kind: 'factor' }>): string {
  return method.prose === method.code ? `×${method.prose}` : `×${method.prose} (prose) / ×${method.code} (code)`;
}

/**
 * One line: `exact: OpenAI encoding o200k_base`, `exact: Qwen 3 tokenizer (local)`,
 * `exact: Llama 3 tokenizer (your vocabulary)`,
 * `≈ Qwen 3 tokenizer (local): …`, `≈ o200k_base ×1.07 (prose) / ×1.25 (code): Gemma 3 tokenizer factor …`,
 * `≈ o200k_base ×1.2 (prose) / ×1.3 (code): Claude before Opus 4.7 …`, `exact (Anthropic API)`.
 */
export function countingLabel(method: CountingMethod): string {
  switch (method.kind) {
    case 'encoding':
      return `exact: OpenAI encoding ${method.name}`;
    case 'local': {
      const title = tokenizerInfo(method.name).title;
      const how = method.as ? `${title}, ${method.as}` : `${title} (${isUserTokenizerName(method.name) ? 'your vocabulary' : 'local'})`;
      return method.exact ? `exact: ${how}` : `≈ ${how}: ${method.note}`;
    }
    case 'factor':
      return `≈ o200k_base ${factorText(method)}: ${method.basis}`;
    case 'provider':
      return providerCountLabel(method.provider);
  }
}
