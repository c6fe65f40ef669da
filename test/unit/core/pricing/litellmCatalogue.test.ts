import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { CATALOGUE_FORMAT, type CatalogueSource } from '../../../../src/core/pricing/catalogueData';
import { convertLiteLlmEntry, convertLiteLlmPrices, MIN_CHAT_MODELS, perMillion, PriceDataError, serialiseCatalogue } from '../../../../src/core/pricing/litellmCatalogue';
import { SYNTHETIC_MODEL_COUNT, syntheticLiteLlmFile } from './syntheticLiteLlm';

const repoRoot = path.resolve(__dirname, '../../../../..');
const SOURCE: CatalogueSource = {
  kind: 'file', name: 'LiteLLM model_prices_and_context_window.json', license: 'MIT', url: 'https://github.com/BerriAI/litellm',
  location: '/tmp/prices.json', date: '2026-07-24', dateKind: 'file-modified', sha256: 'ab',
};
/** The real file (2026-07-24, see catalogueData.test.ts), parsed once. */
const REAL = JSON.parse(gunzipSync(fs.readFileSync(path.join(repoRoot, 'test/fixtures/pricing/litellm-model-prices-2026-07-24.json.gz'))).toString('utf8')) as Record<string, unknown>;

function convert(raw: unknown) {
  return convertLiteLlmPrices(raw, SOURCE, '2026-12-08');
}

suite('pricing: LiteLLM → catalogue conversion', () => {
  test('per-token USD becomes per-1M USD without float noise', () => {
    assert.deepStrictEqual([perMillion(2.5e-6), perMillion(1.25e-7), perMillion(3e-6), perMillion(0)], [2.5, 0.125, 3, 0]);
  });

  test('the real file converts: every model priced, stamped, counted', () => {
    const { catalogue, chatModels } = convert(REAL);
    assert.strictEqual(catalogue.format, CATALOGUE_FORMAT);
    assert.strictEqual(catalogue.modelCount, Object.keys(catalogue.models).length);
    assert.ok(catalogue.modelCount > 1000, `${catalogue.modelCount} models`);
    assert.ok(chatModels > 2000, `${chatModels} chat models`);
    assert.strictEqual(catalogue.source, SOURCE);
    assert.strictEqual(catalogue.generated, '2026-12-08');
  });

  test('keeps what the billing rules will need: 1-hour cache writes, flex, priority, tier extras, cache minimum, regional uplift', () => {
    const { models } = convert(REAL).catalogue;
    assert.deepStrictEqual(models['claude-sonnet-4-5'], {
      provider: 'anthropic', mode: 'chat', input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75, cacheWrite1h: 6,
      contextWindow: 200000, maxOutput: 64000, cacheMinTokens: 1024,
      above: [{ threshold: 200000, input: 6, output: 22.5, cacheRead: 0.6, cacheWrite: 7.5, cacheWrite1h: 12 }],
    });
    const gpt55 = models['gpt-5.5'];
    assert.deepStrictEqual(gpt55.flex, { input: 2.5, output: 15, cacheRead: 0.25 });
    assert.deepStrictEqual(gpt55.priority, { input: 10, output: 60, cacheRead: 1 });
    assert.deepStrictEqual(gpt55.regionalUplift, { eu: 1.1, us: 1.1 });
    assert.deepStrictEqual([gpt55.batchInput, gpt55.batchOutput], [2.5, 15]);
    assert.strictEqual(models['deepseek/deepseek-chat']?.cacheHitInput, perMillion((REAL['deepseek/deepseek-chat'] as Record<string, number>).input_cost_per_token_cache_hit));
  });

  test('a long-context tier carries its own priority rates', () => {
    const raw = { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, litellm_provider: 'openai', mode: 'chat',
      input_cost_per_token_above_272k_tokens: 2e-6, input_cost_per_token_above_272k_tokens_priority: 4e-6, output_cost_per_token_above_272k_tokens_priority: 8e-6 };
    const converted = convertLiteLlmEntry('m', raw);
    assert.ok('model' in converted);
    assert.deepStrictEqual(converted.model.above, [{ threshold: 272000, input: 2, output: 2, priority: { input: 4, output: 8 } }]);
  });

  test('drops what the catalogue does not ship, saying why', () => {
    assert.deepStrictEqual(convertLiteLlmEntry('sample_spec', { mode: 'chat' }), { skip: 'not a model' });
    assert.deepStrictEqual(convertLiteLlmEntry('x', { litellm_provider: 'ollama', mode: 'chat', input_cost_per_token: 0, output_cost_per_token: 0 }), { skip: 'provider' });
    assert.deepStrictEqual(convertLiteLlmEntry('x', { litellm_provider: 'openai', mode: 'image_generation' }), { skip: 'mode' });
    assert.deepStrictEqual(convertLiteLlmEntry('bedrock/us-east-1/x', { litellm_provider: 'bedrock', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 }), { skip: 'bedrock region/commitment' });
    assert.deepStrictEqual(convertLiteLlmEntry('x', { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 1e-6 }), { skip: 'no per-token price' });
  });

  test('metadata beside the models (a mirror\'s last_updated) is skipped, not an error', () => {
    const { catalogue, skipped } = convert({ ...syntheticLiteLlmFile(), last_updated: '2026-07-24T18:23:43Z' });
    assert.strictEqual(catalogue.modelCount, SYNTHETIC_MODEL_COUNT);
    // sample_spec, fallback_generalizations and last_updated.
    assert.strictEqual(skipped['not a model'], 3);
  });
});

suite('pricing: LiteLLM price file validation', () => {
  const refuses = (raw: unknown, reason: RegExp) => assert.throws(() => convert(raw), (error: unknown) => error instanceof PriceDataError && reason.test(error.message));

  test('not an object of model entries', () => {
    refuses([1, 2, 3], /expected a JSON object of model entries, got an array/);
    refuses('<html>', /got "<html>"/);
    refuses(null, /got null/);
  });

  test('a per-token price that is not a number ≥ 0, naming the model and field', () => {
    const raw = syntheticLiteLlmFile();
    (raw['acme-chat-7'] as Record<string, unknown>).input_cost_per_token = '0.000001';
    refuses(raw, /"acme-chat-7"\.input_cost_per_token is "0\.000001", not a price per token/);
    (raw['acme-chat-7'] as Record<string, unknown>).input_cost_per_token = -1e-6;
    refuses(raw, /"acme-chat-7"\.input_cost_per_token is -0\.000001/);
    (raw['acme-chat-7'] as Record<string, unknown>).input_cost_per_token = 1e-6;
    (raw['acme-chat-8'] as Record<string, unknown>).tiered_pricing = [{ range: [0, 1000], input_cost_per_token: null }];
    refuses(raw, /"acme-chat-8"\.tiered_pricing\[0\]\.input_cost_per_token is null/);
  });

  test(`fewer than ${MIN_CHAT_MODELS} priced chat models: an error object, a truncated or a foreign file`, () => {
    refuses({ error: { message: 'Not Found' } }, /only 0 chat models with per-token prices \(at least 500 expected\)/);
    // 495 of its chat models, and one of a provider the catalogue does not ship: every provider counts.
    refuses(syntheticLiteLlmFile(550), /only 496 chat models/);
    assert.doesNotThrow(() => convert(syntheticLiteLlmFile(556)));
  });
});

suite('pricing: catalogue serialisation', () => {
  test('deterministic, keys sorted, one model a line', () => {
    const { catalogue } = convert(syntheticLiteLlmFile());
    const text = serialiseCatalogue(catalogue);
    assert.strictEqual(serialiseCatalogue(JSON.parse(text)), text);
    assert.deepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(catalogue)));
    assert.strictEqual(text.split('\n').filter((line) => line.startsWith('"acme-chat-')).length, SYNTHETIC_MODEL_COUNT);
  });
});
