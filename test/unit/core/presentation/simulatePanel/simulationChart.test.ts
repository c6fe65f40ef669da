import * as assert from 'assert';
import { simulateModels } from '../../../../../src/core/simulate/modelComparison';
import { niceCeiling, simulationChart } from '../../../../../src/core/presentation/simulatePanel/simulationChart';
import { simulationRequest } from '../../../../../src/core/presentation/simulatePanel/simulationState';
import { approx } from '../../simulate/testPrices';
import { prices, state } from './simulationFixtures';

suite('simulate panel: chart data', () => {
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
