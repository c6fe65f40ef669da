/**
 * A made-up price file in LiteLLM's format (field names as in its `model_prices_and_context_window.json`,
 * models and prices invented), with keys deliberately unsorted and entries the converter must drop. The
 * converter refuses files with fewer than 500 priced chat models, so it holds 540 (and 60 embeddings).
 */
export const SYNTHETIC_MODEL_COUNT = 600;

export function syntheticLiteLlmFile(count = SYNTHETIC_MODEL_COUNT): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    sample_spec: { litellm_provider: 'one of …', mode: 'one of …', input_cost_per_token: 0 },
    fallback_generalizations: { rules: [] },
    'zz-image-model': { litellm_provider: 'openai', mode: 'image_generation', input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 },
    'unlisted-host/model': { litellm_provider: 'some_host', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 },
  };
  for (let i = count; i > 0; i--) {
    raw[`acme-chat-${i}`] = {
      output_cost_per_token: Number(`${(i % 7) + 2}e-6`),
      mode: i % 10 === 0 ? 'embedding' : 'chat',
      max_input_tokens: 128000,
      litellm_provider: i % 2 ? 'openai' : 'anthropic',
      input_cost_per_token: 2.5e-6,
      ...(i % 3 === 0 ? { cache_read_input_token_cost: 1.25e-6, input_cost_per_token_batches: 1.25e-6, output_cost_per_token_batches: 5e-6 } : {}),
      ...(i % 4 === 0 ? { input_cost_per_token_above_200k_tokens: 5e-6, output_cost_per_token_above_200k_tokens: 2e-5 } : {}),
    };
  }
  return raw;
}
