import * as assert from 'assert';
import {
  billingNotes,
  billingVendor,
  cacheableTokens,
  cacheMinimum,
  effectiveRates,
  stacksWithCache,
} from '../../../../src/core/pricing/billingRules';
import type { ModelPrice } from '../../../../src/core/pricing/modelPrice';
import { loadDefaultPriceTable } from '../../../../src/core/pricing/priceTable';

const table = loadDefaultPriceTable();
function priced(model: string): ModelPrice {
  const price = table.resolve(model);
  assert.ok(price, `${model} should be priced`);
  return price;
}
const rates = (model: string, mode: 'standard' | 'batch' | 'flex' = 'standard', prompt = 10_000) => effectiveRates(priced(model), prompt, mode);
const close = (actual: number | null | undefined, expected: number) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
const notes = (model: string, prompt: number) => billingNotes(priced(model), prompt).map((n) => n.text);

suite('pricing: billingRules — whose rules', () => {
  test('the invoice\'s sender decides: first-party APIs have rules, resellers and others the catalogue\'s data', () => {
    assert.deepStrictEqual(
      ['gpt-4o', 'claude-sonnet-4-5', 'gemini-2.5-pro', 'vertex_ai/gemini-2.5-pro', 'azure/gpt-4o', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'mistral-large'].map((m) => billingVendor(priced(m))),
      ['openai', 'anthropic', 'google', 'google', 'other', 'other', 'other'],
    );
    assert.deepStrictEqual((['openai', 'anthropic', 'google', 'other'] as const).map(stacksWithCache), [true, true, false, false]);
  });
});

suite('pricing: billingRules — batch', () => {
  test('50 % for every model of OpenAI, Anthropic and Google, even where LiteLLM has no batch rates', () => {
    for (const model of ['gpt-5', 'o3', 'o4-mini', 'claude-sonnet-4-5', 'claude-opus-4-1', 'gemini-2.5-pro', 'vertex_ai/gemini-2.5-pro']) {
      const standard = rates(model)!;
      const batch = rates(model, 'batch');
      assert.ok(batch, model);
      assert.deepStrictEqual([batch.input, batch.output, batch.from], [standard.input / 2, standard.output / 2, 'rule'], model);
    }
  });

  test('LiteLLM\'s batch rates where it has them (gpt-4o 1.25 / 5)', () => {
    const batch = rates('gpt-4o', 'batch')!;
    assert.deepStrictEqual([batch.input, batch.output, batch.from], [1.25, 5, 'catalogue']);
  });

  test('negative: a reseller without batch rates in the catalogue has no batch price', () => {
    assert.strictEqual(rates('us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'batch'), null);
    assert.strictEqual(rates('mistral-large', 'batch'), null);
  });

  test('above a long-context tier the batch rate is half the tier\'s', () => {
    const batch = rates('claude-sonnet-4-5', 'batch', 250_000)!;
    assert.deepStrictEqual([batch.input, batch.output, batch.tier], [3, 11.25, 200_000]);
  });
});

suite('pricing: billingRules — flex', () => {
  test('OpenAI: LiteLLM\'s flex rates where present (gpt-5: 0.625 / 5, cached 0.0625)', () => {
    const flex = rates('gpt-5', 'flex')!;
    assert.deepStrictEqual([flex.input, flex.output, flex.cacheRead, flex.from], [0.625, 5, 0.0625, 'catalogue']);
  });

  test('OpenAI: 50 % for a listed model LiteLLM has no flex rates for (the o3 snapshot)', () => {
    const flex = rates('o3-2025-04-16', 'flex')!;
    assert.deepStrictEqual([flex.input, flex.output, flex.cacheRead, flex.from], [1, 4, 0.25, 'rule']);
  });

  test('negative: no flex for models OpenAI does not list (gpt-4o, gpt-4.1) nor for Claude', () => {
    assert.strictEqual(rates('gpt-4o', 'flex'), null);
    assert.strictEqual(rates('gpt-4.1', 'flex'), null);
    assert.strictEqual(rates('claude-sonnet-4-5', 'flex'), null);
  });

  test('other providers: the catalogue\'s flex rates only (Gemini 3.1 Flash-Lite)', () => {
    const flex = rates('gemini-3.1-flash-lite', 'flex')!;
    assert.deepStrictEqual([flex.input, flex.output], [0.125, 0.75]);
    assert.strictEqual(rates('gemini-2.5-pro', 'flex'), null);
  });
});

suite('pricing: billingRules — batch and cache together', () => {
  test('Anthropic stacks: a batch cache read is 0.1 × 0.5 × input, a batch write 1.25 × 0.5 × input', () => {
    const batch = rates('claude-sonnet-4-5', 'batch')!;
    close(batch.cacheRead, 0.15);
    close(batch.cacheWrite, 1.875);
  });

  test('OpenAI stacks: gpt-5 batch cache read 0.0625', () => {
    close(rates('gpt-5', 'batch')!.cacheRead, 0.0625);
  });

  test('negative: Gemini does not — a batch request\'s cached prefix pays the batch input rate', () => {
    const batch = rates('gemini-2.5-pro', 'batch')!;
    assert.strictEqual(batch.cacheRead, null);
    assert.strictEqual(batch.cacheWrite, batch.input);
  });
});

suite('pricing: billingRules — cache writes', () => {
  test('Anthropic: 1.25× input for 5 minutes, 2× for 1 hour, on the tier\'s input above 200k', () => {
    const standard = rates('claude-sonnet-4-5')!;
    assert.deepStrictEqual([standard.cacheWrite, standard.cacheWrite1h], [3.75, 6]);
    const long = rates('claude-sonnet-4-5', 'standard', 250_000)!;
    assert.deepStrictEqual([long.cacheWrite, long.cacheWrite1h], [7.5, 12]);
  });

  test('Anthropic\'s rule, not LiteLLM\'s data: Claude Haiku 3\'s 1-hour write is $0.50, not $6', () => {
    close(rates('claude-3-haiku-20240307')!.cacheWrite1h, 0.5);
  });

  test('negative: OpenAI and Gemini charge no write (normal input), unless LiteLLM lists a write rate (gpt-5.6)', () => {
    assert.strictEqual(rates('gpt-4o')!.cacheWrite, 2.5);
    assert.strictEqual(rates('gemini-2.5-pro')!.cacheWrite, 1.25);
    assert.strictEqual(rates('gemini-2.5-pro')!.cacheWrite1h, null);
    assert.strictEqual(rates('gpt-5.6')!.cacheWrite, 6.25);
  });
});

suite('pricing: billingRules — cache minimums', () => {
  const minimum = (model: string) => cacheMinimum(priced(model)).minTokens;
  test('OpenAI 1,024 then 128-token steps', () => {
    assert.deepStrictEqual(cacheMinimum(priced('gpt-4o-mini')), { minTokens: 1024, step: 128 });
    assert.deepStrictEqual([1023, 1024, 1151, 1152, 5000].map((n) => cacheableTokens(cacheMinimum(priced('gpt-4o')), n)), [0, 1024, 1024, 1152, 4992]);
  });

  test('Claude by model: 1,024 / 2,048 / 4,096 (and 512 from Claude 5), on Bedrock and Vertex too', () => {
    assert.deepStrictEqual(
      ['claude-sonnet-4-5', 'claude-sonnet-4-6', 'claude-opus-4-1', 'claude-3-7-sonnet-latest', 'claude-3-haiku-20240307', 'claude-3-5-haiku-latest',
        'claude-haiku-4-5', 'claude-opus-4-5', 'claude-opus-4-7', 'claude-opus-4-8', 'claude-opus-5', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'vertex_ai/claude-opus-4-6'].map(minimum),
      [1024, 1024, 1024, 1024, 2048, 2048, 4096, 4096, 4096, 1024, 512, 1024, 4096],
    );
  });

  test('Gemini: 2,048 for 2.5, 4,096 from 3; before 2.5 no implicit caching', () => {
    assert.deepStrictEqual(['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-3-pro-preview', 'gemini-3.5-flash'].map(minimum), [2048, 2048, 4096, 4096]);
    assert.match(cacheMinimum(priced('gemini-2.0-flash')).unavailable ?? '', /explicitly/);
    assert.strictEqual(rates('gemini-2.0-flash')!.cacheRead, null);
  });

  test('others: LiteLLM\'s minimum, else none', () => {
    const other: ModelPrice = { id: 'x', provider: 'custom', mode: 'chat', input: 1, output: 1, cacheRead: 0.1, source: 'override' };
    assert.strictEqual(cacheMinimum(other).minTokens, 0);
    assert.strictEqual(cacheMinimum({ ...other, cacheMinTokens: 256 }).minTokens, 256);
    assert.strictEqual(cacheableTokens(cacheMinimum(other), 67), 67);
  });

  test('negative: a 67-token prompt is never cached on Claude or OpenAI', () => {
    assert.strictEqual(cacheableTokens(cacheMinimum(priced('claude-sonnet-4-5')), 67), 0);
    assert.strictEqual(cacheableTokens(cacheMinimum(priced('gpt-4o-mini')), 67), 0);
  });
});

suite('pricing: billingRules — long-context tiers', () => {
  test('exactly at the threshold: base rates; one token above: the tier for every token', () => {
    assert.deepStrictEqual([rates('claude-sonnet-4-5', 'standard', 200_000)!.input, rates('claude-sonnet-4-5', 'standard', 200_000)!.tier], [3, null]);
    assert.deepStrictEqual([rates('claude-sonnet-4-5', 'standard', 200_001)!.input, rates('claude-sonnet-4-5', 'standard', 200_001)!.tier], [6, 200_000]);
  });
});

suite('pricing: billingNotes (what the hover says)', () => {
  test('Claude, a short prompt: batch, stacking, cache read and write, and the minimum', () => {
    assert.deepStrictEqual(notes('claude-sonnet-4-5', 67), [
      'batch −50 %',
      'cache read 0.1× input',
      'cache write 1.25× input (5 min), 2× (1 h)',
      'batch and cache discounts stack',
      'below the 1,024-token cache minimum: no cache discount',
    ]);
  });

  test('Gemini above 200k: the tier, no stacking, no write charge', () => {
    assert.deepStrictEqual(notes('gemini-2.5-pro', 250_000), [
      'above 200,000 prompt tokens: every token at $2.5 / $15 per 1M',
      'batch −50 %',
      'cache read 0.1× input',
      'no cache-write charge (the first request pays normal input)',
      'no cache discount on batch requests',
    ]);
  });

  test('OpenAI gpt-5: batch and flex', () => {
    assert.deepStrictEqual(notes('gpt-5', 5000).slice(0, 2), ['batch −50 %', 'flex −50 %']);
  });

  test('Gemini 2.0: why there is no cache discount', () => {
    assert.ok(notes('gemini-2.0-flash', 5000).some((n) => /^no cache discount: Gemini before 2.5/.test(n)));
  });
});
