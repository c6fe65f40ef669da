import * as assert from 'assert';
import { loadDefaultPriceTable } from '../../../../src/core/pricing/priceTable';
import { modelMonthlyCost } from '../../../../src/core/simulate/modelMonthlyCost';
import { cacheWriteShare, simulatedRequestCost, type RequestInputs } from '../../../../src/core/simulate/requestCost';
import type { SimulationInputs } from '../../../../src/core/simulate/simulationInputs';
import { approx } from './testPrices';

const table = loadDefaultPriceTable();
const price = (model: string) => table.resolve(model)!;
const request = (overrides: Partial<RequestInputs>): RequestInputs => ({ inputTokens: 10_000, outputTokens: 500, cachedPrefixShare: 0, batchShare: 0, ...overrides });

suite('simulate: cache writes at low volume (the issue\'s $0.0132 shown, $0.0443 billed)', () => {
  // Claude Sonnet 4.5, $3 / $15; 10,000 input tokens of which a 9,000-token static prefix, 500 output.
  const sonnet = price('claude-sonnet-4-5');
  const read = (9000 * 0.3 + 1000 * 3 + 500 * 15) / 1e6; // $0.0132: every request reads the prefix
  const write = (9000 * 3.75 + 1000 * 3 + 500 * 15) / 1e6; // $0.04425: the request writes it at 1.25× input

  test('the two figures', () => {
    approx(read, 0.0132, 'read');
    approx(write, 0.04425, 'write');
  });

  test('one request a day: nearly every request writes, so a request costs ~$0.044, not $0.0132', () => {
    const cost = simulatedRequestCost(sonnet, request({ cachedPrefixShare: 0.9, requestsPerDay: 1 }));
    const w = Math.exp(-5 / 1440);
    approx(cost.standard, (1 - w) * read + w * write);
    assert.ok(cost.standard > 0.0441 && cost.standard < write, String(cost.standard));
    assert.match(cost.notes.join(' '), /100 % of requests write the cached prefix at 1\.25× input \(1 model requests a day/);
  });

  test('the share of writes falls with volume: 97 % at 10 a day, 3 % at 1,000, ~0 at 100,000', () => {
    approx(cacheWriteShare(10), Math.exp(-50 / 1440));
    assert.ok(Math.abs(cacheWriteShare(1000) - 0.0311) < 0.0001);
    assert.ok(cacheWriteShare(100_000) < 1e-100);
    assert.strictEqual(cacheWriteShare(0), 1);
    const busy = simulatedRequestCost(sonnet, request({ cachedPrefixShare: 0.9, requestsPerDay: 100_000 }));
    approx(busy.standard, read);
  });

  test('the response cache lowers the volume that keeps the prompt cache warm', () => {
    const withHits = simulatedRequestCost(sonnet, request({ cachedPrefixShare: 0.9, requestsPerDay: 1000, cacheHitRate: 0.5 }));
    approx(withHits.cacheWriteShare, cacheWriteShare(500));
  });

  test('a month of growth lowers the write share month by month', () => {
    const inputs: SimulationInputs = { requestsPerDay: 50, inputTokens: 10_000, outputTokens: 500, growth: 1, cacheHitRate: 0, cachedPrefixShare: 0.9, batchShare: 0, daysPerMonth: 30 };
    const cost = modelMonthlyCost('claude-sonnet-4-5', table, inputs, 3);
    const perRequest = (perDay: number) => (1 - cacheWriteShare(perDay)) * read + cacheWriteShare(perDay) * write;
    approx(cost.months![0], 1500 * perRequest(50));
    approx(cost.months![1], 3000 * perRequest(100));
    approx(cost.months![2], 6000 * perRequest(200));
  });
});

suite('simulate: the providers\' batch and cache rules', () => {
  test('100 % batch on Claude and on Gemini 2.5 Pro costs half the standard request (it cost the same before)', () => {
    for (const model of ['claude-sonnet-4-5', 'gemini-2.5-pro']) {
      const cost = simulatedRequestCost(price(model), request({ batchShare: 1 }));
      approx(cost.batch, cost.standard / 2, model);
      approx(cost.average, cost.batch, model);
      assert.deepStrictEqual(cost.notes, [], model);
    }
  });

  test('Anthropic stacks batch and cache: a batch request reads the prefix at 0.15 and writes it at 1.875', () => {
    const cost = simulatedRequestCost(price('claude-sonnet-4-5'), request({ cachedPrefixShare: 0.9, batchShare: 1, requestsPerDay: 1000 }));
    const w = cacheWriteShare(1000);
    approx(cost.batch, (1 - w) * (9000 * 0.15 + 1000 * 1.5 + 500 * 7.5) / 1e6 + w * (9000 * 1.875 + 1000 * 1.5 + 500 * 7.5) / 1e6);
  });

  test('Gemini does not: a batch request bills its whole prompt at the batch input rate', () => {
    const cost = simulatedRequestCost(price('gemini-2.5-pro'), request({ cachedPrefixShare: 0.9, batchShare: 1, requestsPerDay: 1000 }));
    approx(cost.batch, (10_000 * 0.625 + 500 * 5) / 1e6);
    assert.match(cost.notes.join(' '), /no cache discount on batch requests/);
  });

  test('OpenAI and Gemini charge no write premium: a write is the normal input rate', () => {
    const cost = simulatedRequestCost(price('gpt-4o'), request({ cachedPrefixShare: 0.9, requestsPerDay: 1 }));
    const w = cacheWriteShare(1);
    // OpenAI caches 1,024 tokens, then 128-token steps: 8,960 of the 9,000-token prefix.
    const readCost = (8960 * 1.25 + 1040 * 2.5 + 500 * 10) / 1e6;
    const plain = (10_000 * 2.5 + 500 * 10) / 1e6;
    approx(cost.standard, (1 - w) * readCost + w * plain);
  });

  test('a prefix below the cache minimum gets no cached price, with a note', () => {
    const cost = simulatedRequestCost(price('claude-sonnet-4-5'), request({ inputTokens: 100, outputTokens: 0, cachedPrefixShare: 0.67, requestsPerDay: 1000 }));
    approx(cost.standard, (100 * 3) / 1e6);
    assert.strictEqual(cost.cacheWriteShare, 0);
    assert.match(cost.notes.join(' '), /the cached prefix \(67 tokens\) is below the 1,024-token cache minimum/);
  });

  test('Gemini 2.0 caches only explicitly: no discount, and the note says why', () => {
    const cost = simulatedRequestCost(price('gemini-2.0-flash'), request({ cachedPrefixShare: 0.9 }));
    approx(cost.standard, (10_000 * 0.1 + 500 * 0.4) / 1e6);
    assert.match(cost.notes.join(' '), /no cache discount: Gemini before 2\.5 caches only explicitly/);
  });

  test('without a volume (requestsPerDay absent), the prefix is always read: the figure of the per-call view', () => {
    approx(simulatedRequestCost(price('claude-sonnet-4-5'), request({ cachedPrefixShare: 0.9 })).standard, (9000 * 0.3 + 1000 * 3 + 500 * 15) / 1e6);
  });
});

suite('simulate: the flex share', () => {
  test('flex requests at the flex rates, stacked with the cache (OpenAI); standard where a model has no flex tier', () => {
    const gpt5 = simulatedRequestCost(price('gpt-5'), request({ flexShare: 0.5 }));
    approx(gpt5.flex, (10_000 * 0.625 + 500 * 5) / 1e6);
    approx(gpt5.average, 0.5 * gpt5.standard + 0.5 * gpt5.flex);
    const cached = simulatedRequestCost(price('gpt-5'), request({ flexShare: 1, cachedPrefixShare: 0.9 }));
    // 8,960 cached tokens (1,024 then 128-token steps) at flex's cache read 0.0625, the rest at 0.625.
    approx(cached.flex, (8960 * 0.0625 + 1040 * 0.625 + 500 * 5) / 1e6);
    const none = simulatedRequestCost(price('claude-sonnet-4-5'), request({ flexShare: 0.5 }));
    approx(none.average, none.standard);
    assert.match(none.notes.join(' '), /has no flex tier/);
  });
});
