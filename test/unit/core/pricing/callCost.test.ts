import * as assert from 'assert';
import { cachedPrefixCost, callCost } from '../../../../src/core/pricing/callCost';
import type { ModelPrice } from '../../../../src/core/pricing/modelPrice';
import { loadDefaultPriceTable } from '../../../../src/core/pricing/priceTable';

const table = loadDefaultPriceTable();
function priced(model: string): ModelPrice {
  const price = table.resolve(model);
  assert.ok(price, `${model} should be in the catalogue`);
  return price;
}
const close = (actual: number | null, expected: number) =>
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

suite('pricing: callCost', () => {
  test('the classic: 500 tokens at $0.0005 per 1K tokens cost $0.00025', () => {
    const price: ModelPrice = { id: 'classic', provider: 'custom', mode: 'chat', input: 0.5, output: 1.5, source: 'override' };
    const cost = callCost(price, 500, 0);
    assert.strictEqual(cost.inputCost, 0.00025);
    assert.strictEqual(cost.outputCost, 0);
    assert.strictEqual(cost.total, 0.00025);
    assert.strictEqual(cost.cachedInputCost, null);
    assert.strictEqual(cost.batchTotal, null);
    assert.strictEqual(cost.tier, null);
  });

  test('gpt-4o, 1,000 in / 500 out: $0.0025 + $0.005; batch $0.00375; no cached price below OpenAI\'s 1,024-token minimum', () => {
    const cost = callCost(priced('gpt-4o'), 1000, 500);
    assert.strictEqual(cost.inputCost, 0.0025);
    assert.strictEqual(cost.outputCost, 0.005);
    assert.strictEqual(cost.total, 0.0075);
    assert.strictEqual(cost.cachedInputCost, null);
    assert.strictEqual(cost.batchTotal, 0.00375);
    assert.strictEqual(cost.flexTotal, null, 'gpt-4o has no flex tier');
    assert.strictEqual(cost.tier, null);
    assert.strictEqual(callCost(priced('gpt-4o'), 2048, 0).cachedInputCost, 0.00256); // 2,048 × 1.25 / 1e6
  });

  test('gpt-4o-mini, 12,345 in / 678 out: OpenAI caches 1,024 tokens and then 128-token steps', () => {
    const cost = callCost(priced('gpt-4o-mini'), 12345, 678);
    close(cost.inputCost, 0.00185175); // 12,345 × 0.15 / 1e6
    close(cost.outputCost, 0.0004068); // 678 × 0.6 / 1e6
    close(cost.total, 0.00225855);
    close(cost.cachedInputCost, 0.00093015); // 12,288 × 0.075 / 1e6 + 57 × 0.15 / 1e6 (was 12,345 × 0.075 before the step rule)
    close(cost.batchTotal, 0.001129275); // 12,345 × 0.075 / 1e6 + 678 × 0.3 / 1e6
  });

  test('claude-sonnet-4-5 at exactly 200,000 prompt tokens keeps base rates', () => {
    const cost = callCost(priced('claude-sonnet-4-5'), 200000, 1000);
    assert.strictEqual(cost.tier, null);
    assert.strictEqual(cost.inputCost, 0.6);
    assert.strictEqual(cost.outputCost, 0.015);
    assert.strictEqual(cost.cachedInputCost, 0.06);
  });

  test('claude-sonnet-4-5 above 200,000 bills EVERY token at 6 / 22.5 (not just the excess)', () => {
    const cost = callCost(priced('claude-sonnet-4-5'), 200001, 1000);
    assert.strictEqual(cost.tier, 200000);
    assert.strictEqual(cost.inputCost, 1.200006); // 200,001 × 6 / 1e6
    assert.strictEqual(cost.outputCost, 0.0225); // 1,000 × 22.5 / 1e6
    assert.strictEqual(cost.total, 1.222506);
    close(cost.cachedInputCost, 0.1200006); // tier cache read 0.6
  });

  test('with several tiers the highest exceeded threshold applies', () => {
    const price = priced('dashscope/qwen3-coder-plus');
    const mid = callCost(price, 100000, 1000);
    assert.strictEqual(mid.tier, 32000);
    close(mid.total, 0.18 + 0.009); // 100,000 × 1.8 / 1e6 + 1,000 × 9 / 1e6
    const top = callCost(price, 300000, 1000);
    assert.strictEqual(top.tier, 256000);
    close(top.total, 1.8 + 0.06); // 300,000 × 6 / 1e6 + 1,000 × 60 / 1e6
  });

  test('above a long-context tier, batch is half the tier\'s rates (it was withheld before the 50 % rule)', () => {
    const price = priced('gpt-5.4');
    close(callCost(price, 300000, 100).batchTotal, 0.75 + 0.001125); // 300,000 × 2.5 + 100 × 11.25 per 1M
    close(callCost(price, 1000, 100).batchTotal, 0.00125 + 0.00075); // LiteLLM's batch rates 1.25 / 7.5 per 1M
  });

  test('a provider without a batch rule keeps the catalogue\'s batch rates, and none above a tier', () => {
    const price: ModelPrice = { id: 'm', provider: 'custom', mode: 'chat', input: 2, output: 8, batchInput: 1, batchOutput: 4, above: [{ threshold: 1000, input: 4, output: 16 }], source: 'override' };
    assert.strictEqual(callCost(price, 500, 0).batchTotal, 0.0005);
    assert.strictEqual(callCost(price, 2000, 0).batchTotal, null);
  });

  test('Claude and Gemini get batch prices LiteLLM lacks; OpenAI\'s flex where it sells it', () => {
    close(callCost(priced('claude-sonnet-4-5'), 10000, 1000).batchTotal, (10000 * 1.5 + 1000 * 7.5) / 1e6);
    close(callCost(priced('gemini-2.5-pro'), 10000, 1000).batchTotal, (10000 * 0.625 + 1000 * 5) / 1e6);
    close(callCost(priced('o3'), 10000, 1000).flexTotal, (10000 * 1 + 1000 * 4) / 1e6);
    close(callCost(priced('o3-2025-04-16'), 10000, 1000).flexTotal, (10000 * 1 + 1000 * 4) / 1e6);
    assert.strictEqual(callCost(priced('claude-sonnet-4-5'), 10000, 1000).flexTotal, null);
  });

  test('tiers supplied by an override are honoured', () => {
    const price: ModelPrice = {
      id: 'm', provider: 'custom', mode: 'chat', input: 1, output: 2, source: 'override',
      above: [{ threshold: 1000, input: 10, output: 20 }],
    };
    assert.deepStrictEqual(callCost(price, 1001, 1), {
      inputCost: 0.01001, outputCost: 0.00002, total: 0.01003, cachedInputCost: null, batchTotal: null, flexTotal: null, tier: 1000,
    });
  });
});

suite('pricing: cachedPrefixCost', () => {
  test('claude-sonnet-4-5: 10,000 cached prefix + 2,000 fresh + 500 out', () => {
    const cost = cachedPrefixCost(priced('claude-sonnet-4-5'), 10000, 2000, 500);
    assert.ok(cost);
    assert.strictEqual(cost.prefixCost, 0.003); // 10,000 × 0.3 / 1e6
    assert.strictEqual(cost.restCost, 0.006); // 2,000 × 3 / 1e6
    assert.strictEqual(cost.outputCost, 0.0075); // 500 × 15 / 1e6
    assert.strictEqual(cost.total, 0.0165);
    assert.strictEqual(cost.tier, null);
  });

  test('the tier is chosen on prefix + rest', () => {
    const cost = cachedPrefixCost(priced('claude-sonnet-4-5'), 150000, 60000, 0);
    assert.ok(cost);
    assert.strictEqual(cost.tier, 200000);
    close(cost.prefixCost, 0.09); // 150,000 × 0.6 / 1e6
    close(cost.restCost, 0.36); // 60,000 × 6 / 1e6
  });

  test('null when the model has no cache-read rate', () => {
    const price: ModelPrice = { id: 'm', provider: 'custom', mode: 'chat', input: 1, output: 1, source: 'override' };
    assert.strictEqual(cachedPrefixCost(price, 10, 10, 10), null);
  });

  test('a prefix below the cache minimum is billed as normal input', () => {
    const cost = cachedPrefixCost(priced('claude-sonnet-4-5'), 67, 10, 0);
    assert.ok(cost);
    assert.deepStrictEqual([cost.cachedTokens, cost.prefixCost], [0, 0]);
    close(cost.restCost, (77 * 3) / 1e6);
  });

  test('writes: Anthropic 1.25× input for 5 minutes, 2× for an hour; OpenAI bills a write as normal input', () => {
    close(cachedPrefixCost(priced('claude-sonnet-4-5'), 10000, 0, 0, 'write')?.prefixCost ?? null, 0.0375);
    close(cachedPrefixCost(priced('claude-sonnet-4-5'), 10000, 0, 0, 'write1h')?.prefixCost ?? null, 0.06);
    close(cachedPrefixCost(priced('gpt-4o'), 2048, 0, 0, 'write')?.prefixCost ?? null, 0.00512);
  });

  test('batch: Anthropic stacks the discounts (read 0.1 × 0.5 × input), Gemini does not (null)', () => {
    close(cachedPrefixCost(priced('claude-sonnet-4-5'), 10000, 0, 0, 'read', 'batch')?.prefixCost ?? null, 0.0015);
    close(cachedPrefixCost(priced('claude-sonnet-4-5'), 10000, 0, 0, 'write', 'batch')?.prefixCost ?? null, 0.01875);
    assert.strictEqual(cachedPrefixCost(priced('gemini-2.5-pro'), 10000, 0, 0, 'read', 'batch'), null);
  });
});
