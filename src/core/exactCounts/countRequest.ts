/**
 * A provider count request for a call: its payload in the provider's documented shape, keyed by
 * sha256(provider, model, body) — the same text for the same model is asked once, whoever asks (the
 * editor, the CLI, a later session: the key is the on-disk cache's too). Building one sends nothing.
 */
import { createHash } from 'crypto';
import { anthropicCountTokens } from './anthropicCountTokens';
import type { CallPayload } from './callPayload';
import type { CountProvider, CountProviderApi, ProviderCountRequest } from './countProviders';
import { geminiCountTokens } from './geminiCountTokens';

export const COUNT_PROVIDER_APIS: Readonly<Record<CountProvider, CountProviderApi>> = {
  anthropic: anthropicCountTokens,
  gemini: geminiCountTokens,
};

/** Requests larger than this are not sent (a prompt that size is better counted in a file: `prompt-cost count`). */
export const MAX_COUNT_BODY_BYTES = 512 * 1024;

/** The request for `payload` on `model` (the provider's id), or null when its body is too large to send. */
export function countRequest(provider: CountProvider, model: string, payload: CallPayload): ProviderCountRequest | null {
  const body = COUNT_PROVIDER_APIS[provider].body(model, payload);
  const text = JSON.stringify(body);
  if (Buffer.byteLength(text) > MAX_COUNT_BODY_BYTES) return null;
  return { provider, model, key: countKey(provider, model, text), body };
}

/** sha256 of provider, model and the body's JSON text: no prompt text is kept in a key. */
export function countKey(provider: CountProvider, model: string, bodyJson: string): string {
  return createHash('sha256').update(`${provider}\n${model}\n${bodyJson}`).digest('hex');
}
