/**
 * Gemini's `POST /v1beta/models/{model}:countTokens` (spend-apis.md e.2; googleapis/js-genai and the
 * v1beta `CountTokensRequest`): `{ contents }` alone, or — when there is a system instruction or tools —
 * `{ generateContentRequest: { model, contents, systemInstruction, tools } }` (the two are mutually
 * exclusive). The key goes in `x-goog-api-key`; the answer's `totalTokens` is the input's count.
 */
import { SpendError } from '../spend/spendTypes';
import type { CallPayload } from './callPayload';
import { isCount, type CountProviderApi } from './countProviders';

export const geminiCountTokens: CountProviderApi = {
  provider: 'gemini',
  path: (model) => `/v1beta/models/${encodeURIComponent(model)}:countTokens`,
  headers: (secret) => ({ 'x-goog-api-key': secret }),
  body: geminiBody,
  tokens(answer, where) {
    const tokens = (answer as { totalTokens?: unknown } | null)?.totalTokens;
    if (typeof answer !== 'object' || answer === null || !isCount(tokens)) throw new SpendError('bad-response', `${where} answered without a whole totalTokens`);
    return tokens;
  },
};

function geminiBody(model: string, payload: CallPayload): Record<string, unknown> {
  const contents = payload.messages.map((m) => ({ role: m.role === 'assistant' ? 'model' : 'user', parts: m.texts.map((text) => ({ text })) }));
  if (payload.system.length === 0 && payload.tools.length === 0) return { contents };
  const request: Record<string, unknown> = { model: `models/${model}`, contents };
  if (payload.system.length > 0) request.systemInstruction = { parts: payload.system.map((text) => ({ text })) };
  if (payload.tools.length > 0) {
    request.tools = [{
      functionDeclarations: payload.tools.map((t) => ({
        name: t.name,
        ...(t.description ? { description: t.description } : {}),
        ...(t.parameters !== undefined ? { parameters: t.parameters } : {}),
      })),
    }];
  }
  return { generateContentRequest: request };
}
