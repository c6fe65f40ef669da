import * as assert from 'assert';
import { projectMonths, sumMonths, firstMonthAbove } from '../../../../src/core/simulate/growthProjection';
import { modelMonthlyCost } from '../../../../src/core/simulate/modelMonthlyCost';
import { daysInUtcMonth, projectedMonthlyCost, projectedMonthlyCostAt } from '../../../../src/core/simulate/projectedMonthlyCost';
import { checkSimulationInputs, defaultSimulationInputs, type SimulationInputs } from '../../../../src/core/simulate/simulationInputs';
import { approx, testPrices } from './testPrices';

const prices = testPrices();
/** The share of requests that write the cached prefix: no request in the 5 minutes before (Poisson arrivals). */
const writeShare = (modelRequestsPerDay: number) => Math.exp((-modelRequestsPerDay * 5) / 1440);

function inputs(overrides: Partial<SimulationInputs>): SimulationInputs {
  return { requestsPerDay: 1000, inputTokens: 100, outputTokens: 50, growth: 0, cacheHitRate: 0, cachedPrefixShare: 0, batchShare: 0, daysPerMonth: 30, ...overrides };
}

suite('simulate: monthly cost math (hand-computed)', () => {
  test('the classic: 10,000 requests/day × 500 tokens at $0.0005/1K × 30 days = $75.00', () => {
    const allInput = modelMonthlyCost('classic-llm', prices, inputs({ requestsPerDay: 10_000, inputTokens: 500, outputTokens: 0 }));
    assert.strictEqual(allInput.monthlyCost, 75);
    assert.strictEqual(allInput.modelRequestsPerMonth, 300_000);
    approx(allInput.costPerRequest, 0.00025, 'per request');
    // avg_tokens counts input and output alike at one rate: 400 + 100 gives the same $75.
    const split = modelMonthlyCost('classic-llm', prices, inputs({ requestsPerDay: 10_000, inputTokens: 400, outputTokens: 100 }));
    approx(split.monthlyCost, 75, 'split');
    assert.strictEqual(split.months!.length, 12);
    assert.ok(split.months!.every((m) => Math.abs(m - 75) < 1e-9), 'no growth: every month $75');
    approx(split.projectionTotal, 900, '12 months');
  });

  test('base rates: 30,000 requests × (100 × $2 + 50 × $8)/1M = $18', () => {
    const cost = modelMonthlyCost('test-model', prices, inputs({}));
    approx(cost.costPerRequest, 0.0006);
    approx(cost.monthlyCost, 18);
    assert.strictEqual(cost.priceId, 'test-model');
    assert.strictEqual(cost.tier, null);
    assert.deepStrictEqual(cost.notes, []);
  });

  test('response cache: a 25 % hit rate removes a quarter of the requests (22,500 × $0.0006 = $13.50)', () => {
    const cost = modelMonthlyCost('test-model', prices, inputs({ cacheHitRate: 0.25 }));
    assert.strictEqual(cost.modelRequestsPerMonth, 22_500);
    approx(cost.costPerRequest, 0.0006, 'per request unchanged');
    approx(cost.monthlyCost, 13.5);
  });

  test('cached prefix: 60 of 100 input tokens at the cache-read rate (60 × 0.5 + 40 × 2 + 50 × 8 = 510 µ$), 3.1 % of requests write it (600 µ$)', () => {
    // Was 510 µ$ and $15.30 before cache writes were counted: at 1,000 requests a day 3.1 % find the 5-minute cache expired.
    const w = writeShare(1000);
    const cost = modelMonthlyCost('test-model', prices, inputs({ cachedPrefixShare: 0.6 }));
    approx(cost.costPerRequest, ((1 - w) * 510 + w * 600) / 1e6);
    approx(cost.monthlyCost, 30_000 * ((1 - w) * 510 + w * 600) / 1e6);
    assert.match(cost.notes.join(' '), /test-model: 3 % of requests write the cached prefix \(1,000 model requests a day/);
  });

  test('a model without a cache-read rate bills the prefix as normal input, with a note', () => {
    const cost = modelMonthlyCost('plain-model', prices, inputs({ cachedPrefixShare: 0.6 }));
    approx(cost.costPerRequest, (100 * 1 + 50 * 2) / 1e6);
    assert.match(cost.notes.join(' '), /no cache-read rate/);
  });

  test('batch share: half the requests at batch rates (0.5 × 600 + 0.5 × 300 µ$ = 450 µ$ → $13.50)', () => {
    const cost = modelMonthlyCost('test-model', prices, inputs({ batchShare: 0.5 }));
    approx(cost.costPerRequest, 0.00045);
    approx(cost.monthlyCost, 13.5);
    const allBatch = modelMonthlyCost('test-model', prices, inputs({ batchShare: 1 }));
    approx(allBatch.monthlyCost, 9);
    const noBatchRates = modelMonthlyCost('plain-model', prices, inputs({ batchShare: 1 }));
    approx(noBatchRates.costPerRequest, 0.0002, 'no batch rates: standard');
    assert.match(noBatchRates.notes.join(' '), /no batch rates/);
  });

  test('all levers together: cache hits, cached prefix and batch', () => {
    // standard: 510 µ$ read, 600 µ$ written by the w share of requests (800 reach the model a day); batch 300 µ$
    // (no cache discount on batch for a provider without that rule); 40 % batch → 0.6 × standard + 0.4 × 300 µ$.
    // Was 426 µ$ and $10.224 before cache writes were counted. 1000 × 30 × (1 − 0.2) = 24,000 requests.
    const w = writeShare(800);
    const perRequest = (0.6 * ((1 - w) * 510 + w * 600) + 0.4 * 300) / 1e6;
    const cost = modelMonthlyCost('test-model', prices, inputs({ cacheHitRate: 0.2, cachedPrefixShare: 0.6, batchShare: 0.4 }));
    assert.strictEqual(cost.modelRequestsPerMonth, 24_000);
    approx(cost.costPerRequest, perRequest);
    approx(cost.monthlyCost, 24_000 * perRequest);
    assert.match(cost.notes.join(' '), /no cache discount on batch requests/);
  });

  test('growth compounds monthly over 12 months', () => {
    const cost = modelMonthlyCost('test-model', prices, inputs({ growth: 0.1 }));
    approx(cost.months![0], 18, 'month 1');
    approx(cost.months![1], 19.8, 'month 2');
    approx(cost.months![2], 21.78, 'month 3');
    approx(cost.months![11], 18 * 2.853116706110003, 'month 12 = 18 × 1.1^11');
    // Geometric series: 18 × (1.1^12 − 1) / 0.1 = 18 × 21.38428376721
    approx(cost.projectionTotal, 384.91710780978, '12-month total');
    const shrinking = projectMonths(100, -0.5, 3);
    assert.deepStrictEqual(shrinking, [100, 50, 25]);
  });

  test('above-threshold rates apply to every token of a request whose input exceeds the threshold', () => {
    const over = modelMonthlyCost('test-model', prices, inputs({ inputTokens: 2000 }));
    assert.strictEqual(over.tier, 1000);
    approx(over.costPerRequest, (2000 * 4 + 50 * 16) / 1e6);
    approx(over.monthlyCost, 264);
    const atThreshold = modelMonthlyCost('test-model', prices, inputs({ inputTokens: 1000 }));
    assert.strictEqual(atThreshold.tier, null, 'exactly at the threshold: base rates');
    approx(atThreshold.monthlyCost, 72);
    // The tier is chosen on the whole prompt; the prefix uses the tier's cache-read rate: 1000 × 1 + 1000 × 4 + 50 × 16,
    // and the write share pays the tier's input for it: 1000 × 4 + 1000 × 4 + 50 × 16 (was $174 before writes were counted).
    const w = writeShare(1000);
    const cachedOver = modelMonthlyCost('test-model', prices, inputs({ inputTokens: 2000, cachedPrefixShare: 0.5 }));
    approx(cachedOver.monthlyCost, 30_000 * ((1 - w) * 5800 + w * 8800) / 1e6);
    // No long-context batch rates: batch requests stay at the tier's standard rates.
    const batchOver = modelMonthlyCost('test-model', prices, inputs({ inputTokens: 2000, batchShare: 1 }));
    approx(batchOver.monthlyCost, 264);
    assert.match(batchOver.notes.join(' '), /above 1000 tokens/);
  });

  test('a model with no price gives null costs, never 0', () => {
    const cost = modelMonthlyCost('no-such-model-zz9', prices, inputs({}));
    assert.strictEqual(cost.priceId, null);
    assert.strictEqual(cost.monthlyCost, null);
    assert.strictEqual(cost.costPerRequest, null);
    assert.strictEqual(cost.months, null);
    assert.strictEqual(cost.projectionTotal, null);
    assert.strictEqual(cost.modelRequestsPerMonth, 30_000);
  });

  test('input checks and defaults', () => {
    assert.deepStrictEqual(checkSimulationInputs(inputs({})), []);
    const problems = checkSimulationInputs(inputs({ cacheHitRate: 1.5, inputTokens: 10.5, growth: -1, daysPerMonth: 0 }));
    assert.strictEqual(problems.length, 4, problems.join('\n'));
    assert.match(problems.join('\n'), /cacheHitRate must be a share between 0 and 1, got 1.5/);
    const defaults = defaultSimulationInputs({ expectedOutputTokens: 256 }, 420);
    assert.deepStrictEqual(defaults, { requestsPerDay: 1000, inputTokens: 420, outputTokens: 256, growth: 0, cacheHitRate: 0, cachedPrefixShare: 0, batchShare: 0, daysPerMonth: 30 });
  });

  test('projection helpers', () => {
    assert.strictEqual(sumMonths([1, 2, 3]), 6);
    assert.strictEqual(firstMonthAbove([10, 20, 30], 15), 2);
    assert.strictEqual(firstMonthAbove([10, 20, 30], 30), null, 'equal to the limit is not above it');
    assert.throws(() => projectMonths(1, -1, 12), RangeError);
  });
});

suite('simulate: projected_monthly_cost', () => {
  test('month-to-date scaled to the whole month: $892.15 after 20 of 30 days → $1,338.225', () => {
    approx(projectedMonthlyCost(892.15, 20, 30), 1338.225);
    approx(projectedMonthlyCostAt(892.15, new Date(Date.UTC(2025, 10, 21))), 1338.225, 'Nov 21 00:00 UTC');
    approx(projectedMonthlyCostAt(10, new Date(Date.UTC(2025, 10, 1, 12))), 600, 'half a day in: × 60');
  });

  test('no elapsed time gives null; the calendar is UTC', () => {
    assert.strictEqual(projectedMonthlyCost(5, 0, 30), null);
    assert.strictEqual(projectedMonthlyCostAt(5, new Date(Date.UTC(2025, 10, 1))), null);
    assert.strictEqual(daysInUtcMonth(new Date(Date.UTC(2024, 1, 10))), 29);
    assert.strictEqual(daysInUtcMonth(new Date(Date.UTC(2025, 1, 10))), 28);
    approx(projectedMonthlyCost(100, 40, 30), 100, 'elapsed capped at the month length');
  });
});
