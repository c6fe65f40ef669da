import * as assert from 'assert';
import { createEstimateContext } from '../../../../../src/core/estimate/estimateContext';
import { estimateCall } from '../../../../../src/core/estimate/estimateCall';
import { DEFAULT_ENGINE_SETTINGS } from '../../../../../src/core/config/engineSettings';
import { billingSection } from '../../../../../src/core/presentation/hover/billingSection';
import { callEstimate, llmCall } from '../analysisFixtures';

/** A one-part call of `tokens` input tokens on `model`, estimated with the bundled prices. */
function estimated(model: string, tokens: number) {
  const ctx = createEstimateContext(DEFAULT_ENGINE_SETTINGS);
  const assembled = { call: { ...llmCall({ api: 'messages' }), model }, parts: [{ index: 0, slot: '/messages/0' }] };
  return estimateCall(assembled as never, model, () => ({ tokens, exact: true, placeholderTokens: () => 0, assumed: [] }), ctx);
}

suite('presentation: the hover\'s billing rules', () => {
  test('Claude, a short prompt: batch with its price, cache read and write, stacking, and why there is no cached price', () => {
    const lines = billingSection(estimated('claude-sonnet-4-5', 67));
    assert.deepStrictEqual(lines, [
      "**Billing** (claude\\-sonnet\\-4\\-5, the provider's rules)",
      '',
      // 67 × 1.5/1M + 256 × 7.5/1M
      '- batch −50 %: $0.002/call',
      '- cache read 0.1× input',
      '- cache write 1.25× input (5 min), 2× (1 h)',
      '- batch and cache discounts stack',
      '- below the 1,024-token cache minimum: no cache discount',
    ]);
  });

  test('above the minimum the cached price is shown; OpenAI\'s flex tier with its price', () => {
    const sonnet = billingSection(estimated('claude-sonnet-4-5', 5000));
    // 5,000 × 0.3/1M + 256 × 15/1M
    assert.ok(sonnet.includes('- cache read 0.1× input: $0.0053/call with the whole prompt cached'), sonnet.join('\n'));
    const gpt5 = billingSection(estimated('gpt-5', 5000));
    assert.ok(gpt5.some((line) => /^- flex −50 % \(`service_tier: "flex"`\): \$0\.\d+\/call$/.test(line)), gpt5.join('\n'));
  });

  test('how the name reached its price is said, escaped', () => {
    const lines = billingSection(estimated('claude-3-5-haiku-latest', 5000));
    assert.strictEqual(lines[2], "- priced as anthropic\\.claude\\-3\\-5\\-haiku\\-20241022\\-v1\\:0: no anthropic price\\: bedrock's rate");
  });

  test('nothing for a model without a price, or without rules', () => {
    assert.deepStrictEqual(billingSection(callEstimate('in-house', { costPerCall: null, priceId: null })), []);
    assert.deepStrictEqual(billingSection(callEstimate('plain')), []);
  });
});
