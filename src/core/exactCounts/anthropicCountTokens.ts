/**
 * Anthropic's `POST /v1/messages/count_tokens` (spend-apis.md e.1; the TypeScript SDK's
 * `MessageCountTokensParams` and `MessageTokensCount`): the body of a Messages request without
 * `max_tokens` — `model`, `system`, `messages`, `tools` — with `x-api-key` and `anthropic-version`
 * headers; the answer is `{ "input_tokens": N }`, "the total number of tokens across the provided list of
 * messages, system prompt, and tools".
 */
import { SpendError } from '../spend/spendTypes';
import type { CallPayload } from './callPayload';
import { isCount, type CountProviderApi } from './countProviders';

/** The API version the documented shapes belong to. */
export const ANTHROPIC_VERSION = '2023-06-01';

export const anthropicCountTokens: CountProviderApi = {
  provider: 'anthropic',
  path: () => '/v1/messages/count_tokens',
  headers: (secret) => ({ 'x-api-key': secret, 'anthropic-version': ANTHROPIC_VERSION }),
  body: anthropicBody,
  tokens(answer, where) {
    const tokens = (answer as { input_tokens?: unknown } | null)?.input_tokens;
    if (typeof answer !== 'object' || answer === null || !isCount(tokens)) throw new SpendError('bad-response', `${where} answered without a whole input_tokens`);
    return tokens;
  },
};

function anthropicBody(model: string, payload: CallPayload): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model,
    messages: payload.messages.map((m) => ({ role: m.role, content: m.texts.length === 1 ? m.texts[0] : m.texts.map((text) => ({ type: 'text', text })) })),
  };
  if (payload.system.length === 1) body.system = payload.system[0];
  else if (payload.system.length > 1) body.system = payload.system.map((text) => ({ type: 'text', text }));
  if (payload.tools.length > 0) {
    body.tools = payload.tools.map((t) => ({
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      // Anthropic requires an object schema; a function without parameters takes none.
      input_schema: t.parameters ?? { type: 'object', properties: {} },
    }));
  }
  return body;
}
