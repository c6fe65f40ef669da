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

  test('gpt-4o, 1,000 in / 500 out: $0.0025 + $0.005; cached $0.00125; batch $0.00375', () => {
    const cost = callCost(priced('gpt-4o'), 1000, 500);
    assert.strictEqual(cost.inputCost, 0.0025);
    assert.strictEqual(cost.outputCost, 0.005);
    assert.strictEqual(cost.total, 0.0075);
    assert.strictEqual(cost.cachedInputCost, 0.00125);
    assert.strictEqual(cost.batchTotal, 0.00375);
    assert.strictEqual(cost.tier, null);
  });

  test('gpt-4o-mini, 12,345 in / 678 out', () => {
    const cost = callCost(priced('gpt-4o-mini'), 12345, 678);
    close(cost.inputCost, 0.00185175); // 12,345 × 0.15 / 1e6
    close(cost.outputCost, 0.0004068); // 678 × 0.6 / 1e6
    close(cost.total, 0.00225855);
    close(cost.cachedInputCost, 0.000925875); // 12,345 × 0.075 / 1e6
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

  test('batch price is withheld when a long-context tier applies (no tiered batch rates in the data)', () => {
    const price = priced('gpt-5.4');
    assert.strictEqual(callCost(price, 300000, 100).batchTotal, null);
    close(callCost(price, 1000, 100).batchTotal, 0.00125 + 0.00075); // 1.25 / 7.5 per 1M
  });

  test('tiers supplied by an override are honoured', () => {
    const price: ModelPrice = {
      id: 'm', provider: 'custom', mode: 'chat', input: 1, output: 2, source: 'override',
      above: [{ threshold: 1000, input: 10, output: 20 }],
    };
    assert.deepStrictEqual(callCost(price, 1001, 1), {
      inputCost: 0.01001, outputCost: 0.00002, total: 0.01003, cachedInputCost: null, batchTotal: null, tier: 1000,
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
});
