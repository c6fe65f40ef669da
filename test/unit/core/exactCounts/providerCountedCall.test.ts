/** A call's own estimate with the provider's count: pending until known, then exact, repriced, labelled. */
import * as assert from 'assert';
import { withProviderCount } from '../../../../src/core/exactCounts/providerCountedCall';
import { countingLabel } from '../../../../src/core/tokens/countingMethod';
import { analyzeSource } from './exactCountsKit';

const SOURCE = [
  'import anthropic',
  'client = anthropic.Anthropic()',
  'def review(diff):',
  '    return client.messages.create(model="claude-sonnet-4-5", max_tokens=500, system="You review code.",',
  '        messages=[{"role": "user", "content": f"Review this diff:\\n{diff}"}])',
].join('\n');
const PRICES = { priceOverrides: { 'claude-sonnet-4-5': { input: 3, output: 15 } } };

suite('exactCounts: providerCountedCall', () => {
  test('turned off, or a model of another provider: the estimate is untouched and nothing is asked', async () => {
    const off = await analyzeSource(SOURCE, 'a.py', null, PRICES);
    const geminiOnly = await analyzeSource(SOURCE, 'a.py', { providers: ['gemini'], known: {} }, PRICES);
    for (const analyzed of [off, geminiOnly]) {
      assert.strictEqual(analyzed.calls[0].countRequests, undefined);
      assert.strictEqual(analyzed.calls[0].primary.counting.kind, 'factor');
    }
    assert.deepStrictEqual(geminiOnly.calls[0].primary, off.calls[0].primary);
  });

  test('turned on: the ≈ estimate stands and the request to make is attached', async () => {
    const analyzed = await analyzeSource(SOURCE, 'a.py', { providers: ['anthropic'], known: {} }, PRICES);
    const [request] = analyzed.calls[0].countRequests ?? [];
    assert.ok(request);
    assert.strictEqual(request.provider, 'anthropic');
    assert.deepStrictEqual(request.body, { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Review this diff:\n' }], system: 'You review code.' });
    assert.strictEqual(analyzed.calls[0].primary.exact, false);
  });

  test('known: the input is the provider count plus what was assumed, exact, labelled, and repriced', async () => {
    const pending = await analyzeSource(SOURCE, 'a.py', { providers: ['anthropic'], known: {} }, PRICES);
    const key = pending.calls[0].countRequests![0].key;
    const analyzed = await analyzeSource(SOURCE, 'a.py', { providers: ['anthropic'], known: { [key]: 20 } }, PRICES);
    const call = analyzed.calls[0];
    assert.strictEqual(call.countRequests, undefined);
    assert.strictEqual(call.primary.inputTokens, 20 + 50);
    assert.strictEqual(call.primary.exact, true);
    assert.deepStrictEqual(call.primary.counting, { kind: 'provider', provider: 'anthropic', added: 50 });
    assert.strictEqual(countingLabel(call.primary.counting), 'exact (Anthropic API)');
    const typical = call.primary.outputTokens.typical;
    assert.ok(Math.abs(call.primary.costPerCall! - (70 * 3 + typical * 15) / 1e6) < 1e-12, String(call.primary.costPerCall));
    assert.ok(Math.abs(call.primary.maxCostPerCall! - (70 * 3 + 500 * 15) / 1e6) < 1e-12);
    // The compared models keep their own estimates.
    assert.deepStrictEqual(call.estimates.slice(1), pending.calls[0].estimates.slice(1));
  });

  test('withProviderCount on its own: a compared model of no provider is returned as it came', async () => {
    const analyzed = await analyzeSource(SOURCE, 'a.py', null, { ...PRICES, compareModels: ['gpt-4o'] });
    const gpt = analyzed.calls[0].estimates.find((e) => e.model === 'gpt-4o')!;
    const outcome = withProviderCount({ call: analyzed.calls[0].call, parts: [] }, gpt, { prompt: () => analyzed.prompts[0].prompt, estimate: () => analyzed.prompts[0].primary, placeholderTokens: 50, placeholderSizes: {} }, { providers: ['anthropic', 'gemini'], known: {} }, () => assert.fail('not repriced'));
    assert.deepStrictEqual(outcome, { estimate: gpt, pending: null });
  });
});
