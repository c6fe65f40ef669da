import * as assert from 'assert';
import { monthlySavings, trafficForPrompt } from '../../../../src/core/simulate/monthlySavings';
import { createEstimateContext } from '../../../../src/core/estimate/estimateContext';
import { DEFAULT_ENGINE_SETTINGS } from '../../../../src/core/config/engineSettings';
import { readUsageSection } from '../../../../src/core/simulate/usageFile';

const prices = createEstimateContext(DEFAULT_ENGINE_SETTINGS).prices;
const location = { file: 'python/bot.py', startLine: 10, endLine: 14, kind: 'literal' as const, name: 'SYSTEM_PROMPT' };

suite('compress savings per month', () => {
  test('without a usage entry the assumed volume is used and labelled', () => {
    const traffic = trafficForPrompt(location, null, { assumedRequestsPerDay: 2000, outputTokens: 100 });
    assert.strictEqual(traffic.source, 'assumption');
    assert.strictEqual(traffic.inputs.requestsPerDay, 2000);
  });

  test('a usage entry gives the volume, and the saving is the input price times the tokens saved', () => {
    const usage = readUsageSection('usage:\n  prompts:\n    - name: SYSTEM_PROMPT\n      file: python/bot.py\n      requestsPerDay: 500\n', '.promptcost.yml');
    const traffic = trafficForPrompt(location, usage, { assumedRequestsPerDay: 2000, outputTokens: 100 });
    assert.strictEqual(traffic.source, 'usage');
    assert.strictEqual(traffic.inputs.requestsPerDay, 500);
    const s = monthlySavings('gpt-4o', prices, traffic, 1000, 900);
    const inputPerToken = prices.resolve('gpt-4o')!.input / 1e6;
    // 100 tokens × 500 requests/day × 30 days at gpt-4o's input price.
    assert.ok(Math.abs(s.saved! - 100 * 500 * 30 * inputPerToken) < 1e-9, `saved ${s.saved}`);
    assert.strictEqual(s.requestsPerMonth, 15000);
  });

  test('a model without a price gives no saving, not zero', () => {
    const traffic = trafficForPrompt(location, null, { assumedRequestsPerDay: 10, outputTokens: 1 });
    assert.strictEqual(monthlySavings('acme-llm-1', prices, traffic, 100, 50).saved, null);
  });
});
