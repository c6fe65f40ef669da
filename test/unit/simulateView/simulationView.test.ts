import * as assert from 'assert';
import { simulateModels } from '../../../src/core/simulate/modelComparison';
import { niceCeiling, simulationChart } from '../../../src/core/simulateView/simulationChart';
import { DEFAULT_SIMULATION_SETTINGS } from '../../../src/core/simulateView/simulationSettings';
import { initialSimulationState, simulationRequest } from '../../../src/core/simulateView/simulationState';
import { buildSimulationViewModel } from '../../../src/core/simulateView/simulationViewModel';
import { approx, testPrices } from '../simulate/testPrices';

const prices = testPrices();

// 1,000 requests/day × 30 days; 1,000 input + 500 output tokens.
//   plain-model ($1 / $2 per 1M):   1000×1 + 500×2 = 2,000 µ$ = $0.002/request → $60/month
//   classic-llm ($0.5 / $0.5):      1500×0.5       =   750 µ$ → $22.50/month
function state(extra: { growth?: number; budget?: number | null; acceptable?: string[] } = {}) {
  return initialSimulationState({
    subject: { label: 'PROMPT (a.py:1)', file: 'a.py', line: 1 },
    tokens: [{ model: 'plain-model', inputTokens: 1000, outputTokens: 500 }],
    compareModels: ['classic-llm', 'no-such-model'],
    expectedOutputTokens: 256,
    settings: { ...DEFAULT_SIMULATION_SETTINGS, requestsPerDay: 1000, growth: extra.growth ?? 0, monthlyBudget: extra.budget ?? null, acceptableModels: extra.acceptable ?? [] },
    usage: null,
    entry: null,
  });
}

suite('simulateView: view model', () => {
  test('models side by side, formatted; an unpriced model says so', () => {
    const s = state({ budget: 50, acceptable: ['classic-llm'] });
    const result = simulateModels(simulationRequest(s), prices);
    approx(result.models[0].monthlyCost, 60, 'plain-model $/month');
    const view = buildSimulationViewModel(s, result);
    assert.deepStrictEqual(view.rows.map((r) => [r.model, r.monthly, r.costPerRequest, r.requestsPerMonth, r.budget, r.current, r.acceptable, r.cheapestAcceptable]), [
      ['plain-model', '$60.00', '$0.002', '30,000', '120.0 % (over)', true, false, false],
      ['classic-llm', '$22.50', '$0.00075', '30,000', '45.0 %', false, true, true],
      ['no-such-model', 'no price', 'no price', '30,000', 'no price', false, false, false],
    ]);
    assert.strictEqual(view.budgetText, 'Budget $50.00/month: plain-model is over it from the first month.');
    assert.strictEqual(view.savingText, 'Cheapest acceptable model: classic-llm at $22.50/month saves $37.50/month (62.5 %), $450.00 over 12 months.');
    assert.strictEqual(view.projectionRows.length, 12);
    assert.deepStrictEqual(view.projectionHeader, ['Month', 'plain-model', 'classic-llm', 'no-such-model', 'Budget']);
    assert.deepStrictEqual(view.projectionRows[11], ['12', '$60.00', '$22.50', 'no price', '$50.00']);
    assert.ok(view.notes.includes('no price for no-such-model'));
    assert.deepStrictEqual(view.fields.find((f) => f.id === 'requestsPerDay')?.value, '1000');
    assert.ok(view.modelSuggestions.includes('classic-llm'));
  });

  test('no acceptable model: the saving line says how to get one', () => {
    const s = state();
    const view = buildSimulationViewModel(s, simulateModels(simulationRequest(s), prices));
    assert.match(view.savingText ?? '', /Mark the models you would accept/);
    assert.strictEqual(view.budgetText, null);
  });

  test('growth crosses the budget in a later month', () => {
    // $60 × 1.1^(k−1) > $75 first at k = 4 (79.86).
    const s = state({ growth: 0.1, budget: 75 });
    const view = buildSimulationViewModel(s, simulateModels(simulationRequest(s), prices));
    assert.strictEqual(view.budgetText, 'Budget $75.00/month: plain-model goes over it in month 4.');
    assert.strictEqual(view.rows[0].budget, '80.0 % (over from month 4)');
  });

  test('without a result the inputs and the error are still shown', () => {
    const view = buildSimulationViewModel(state(), null, { error: 'requestsPerDay must be a number ≥ 0' });
    assert.strictEqual(view.rows.length, 0);
    assert.strictEqual(view.chart, null);
    assert.strictEqual(view.error, 'requestsPerDay must be a number ≥ 0');
    assert.strictEqual(view.fields.length, 9);
  });
});

suite('simulateView: chart data', () => {
  test('fractions of a round axis maximum; the budget line; unpriced models left out', () => {
    const s = state({ growth: 0.1, budget: 75 });
    const chart = simulationChart(simulateModels(simulationRequest(s), prices));
    const top = 60 * Math.pow(1.1, 11); // 171.19
    assert.strictEqual(chart.axisMax, 200);
    assert.deepStrictEqual(chart.series.map((x) => x.model), ['plain-model', 'classic-llm']);
    assert.deepStrictEqual(chart.unpriced, ['no-such-model']);
    approx(chart.series[0].fractions[0], 60 / 200, 'month 1');
    approx(chart.series[0].fractions[11], top / 200, 'month 12');
    assert.deepStrictEqual(chart.budget, { fraction: 75 / 200, text: 'Budget $75.00/month' });
    assert.deepStrictEqual(chart.ticks.map((t) => t.text), ['$0', '$50', '$100', '$150', '$200']);
    assert.strictEqual(chart.months.length, 12);
    assert.strictEqual(chart.series[0].labels[0], 'plain-model, month 1: $60.00');
    assert.match(chart.summary, /plain-model goes from \$60\.00 to \$171\.19 a month/);
  });

  test('nothing priced: an empty chart, no division by zero', () => {
    const s = { ...state(), model: 'no-such-model', compareModels: [] };
    const chart = simulationChart(simulateModels(simulationRequest(s), prices));
    assert.deepStrictEqual([chart.series.length, chart.axisMax, chart.budget], [0, 0, null]);
  });

  test('niceCeiling rounds up to 1, 2, 2.5 or 5 × 10^k', () => {
    assert.deepStrictEqual([0, 0.03, 1, 1.2, 2.2, 4, 7, 60, 171.19, 250, 251].map(niceCeiling), [0, 0.05, 1, 2, 2.5, 5, 10, 100, 200, 250, 500]);
  });
});

suite('simulateView: the current model is never its own alternative', () => {
  test('an acceptable list naming the current model shows no saving of $0', () => {
    const s = { ...state({ acceptable: ['plain-model'] }) };
    const request = simulationRequest(s);
    assert.deepStrictEqual(request.acceptableModels, []);
    const view = buildSimulationViewModel(s, simulateModels(request, prices));
    assert.strictEqual(view.rows[0].acceptable, false);
    assert.match(view.savingText ?? '', /Mark the models you would accept/);
  });
});
