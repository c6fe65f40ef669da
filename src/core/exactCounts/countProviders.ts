/**
 * The providers that count a call's input tokens online, exactly, for free (rate-limited): Anthropic's
 * `POST /v1/messages/count_tokens` and Gemini's `models/{model}:countTokens`
 * (/work/shared/reference/spend-apis.md, section e). Which model each counts, the id its API knows it by,
 * and what both faces hand between them: plain data, so a request built in the pipeline worker (which
 * never touches the network) is sent by the extension host or the CLI's main thread.
 */
import { bareModelName, modelFamily } from '../tokens/encodings';
import type { CallPayload } from './callPayload';

export const COUNT_PROVIDERS = ['anthropic', 'gemini'] as const;
export type CountProvider = (typeof COUNT_PROVIDERS)[number];

/** How a label names the provider: `exact (Anthropic API)`. */
export const PROVIDER_TITLES: Readonly<Record<CountProvider, string>> = { anthropic: 'Anthropic API', gemini: 'Gemini API' };

/** The official endpoints (HTTPS); a proxy or a test server may replace them (http only to this machine). */
export const DEFAULT_COUNT_BASE_URLS: Readonly<Record<CountProvider, string>> = {
  anthropic: 'https://api.anthropic.com',
  gemini: 'https://generativelanguage.googleapis.com',
};

/** One count to ask a provider for: built by the pipeline, sent by a face, cached by `key`. */
export interface ProviderCountRequest {
  provider: CountProvider;
  /** The model as the provider's API names it (`claude-sonnet-4-5`, `gemini-2.5-flash`). */
  model: string;
  /** sha256 of (provider, model, body): the cache key, and how the pipeline finds the answer again. */
  key: string;
  /** The documented request body (JSON-serialisable). */
  body: Record<string, unknown>;
}

/** What the pipeline needs to use provider counts: the providers the user turned on, and the counts known. */
export interface ExactCountsInput {
  providers: readonly CountProvider[];
  /** Total input tokens the provider answered, by request key. */
  known: Readonly<Record<string, number>>;
}

/**
 * The provider that counts `model` and its id there, or null: Claude models go to Anthropic, Gemini models
 * to Gemini. Routes and cloud spellings are undone (`anthropic/…`, Bedrock `anthropic.claude-…-v1:0`,
 * Vertex `claude-…@20250929`, `models/gemini-…`, `vertex_ai/gemini-…`); an id the API does not know is
 * answered with an error, and the ≈ figure stays.
 */
export function countProviderFor(model: string): { provider: CountProvider; model: string } | null {
  const name = bareModelName(model);
  if (name.startsWith('gemini-')) return { provider: 'gemini', model: name };
  if (modelFamily(model) !== 'anthropic' || !name.startsWith('claude')) return null;
  const apiId = name
    .replace(/-v\d+(?::\d+)?$/, '') // Bedrock's version suffix
    .replace(/@(\d{8})$/, '-$1'); // Vertex's dated form
  return { provider: 'anthropic', model: apiId };
}

/** One provider's documented count endpoint: where, how authenticated, the body it takes, the number it answers. */
export interface CountProviderApi {
  readonly provider: CountProvider;
  /** Path under the base URL, e.g. `/v1/messages/count_tokens`. */
  path(model: string): string;
  /** The key goes in a header, never in the URL (URLs reach messages and logs). */
  headers(secret: string): Record<string, string>;
  body(model: string, payload: CallPayload): Record<string, unknown>;
  /** The total input tokens of an answer; throws a `bad-response` SpendError when the answer is not the documented shape. */
  tokens(answer: unknown, where: string): number;
}

/** A whole, non-negative token count. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
