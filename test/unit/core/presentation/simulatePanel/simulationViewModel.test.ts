import * as assert from 'assert';
import { simulateModels } from '../../../../../src/core/simulate/modelComparison';
import { simulationRequest } from '../../../../../src/core/presentation/simulatePanel/simulationState';
import { buildSimulationViewModel } from '../../../../../src/core/presentation/simulatePanel/simulationViewModel';
import { approx } from '../../simulate/testPrices';
import { prices, state } from './simulationFixtures';

suite('simulate panel: view model', () => {
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
    assert.strictEqual(view.fields.length, 10, 'flex share is the tenth field');
  });
});

suite('simulate panel: the current model is never its own alternative', () => {
  test('an acceptable list naming the current model shows no saving of $0', () => {
    const s = { ...state({ acceptable: ['plain-model'] }) };
    const request = simulationRequest(s);
    assert.deepStrictEqual(request.acceptableModels, []);
    const view = buildSimulationViewModel(s, simulateModels(request, prices));
    assert.strictEqual(view.rows[0].acceptable, false);
    assert.match(view.savingText ?? '', /Mark the models you would accept/);
  });
});
