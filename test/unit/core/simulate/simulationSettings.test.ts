import * as assert from 'assert';
import { normalizeSimulationSettings } from '../../../../src/core/simulate/simulationSettings';

suite('simulate: the promptCost.simulation settings', () => {
  test('missing values keep the defaults; out-of-range ones are reported, not clamped', () => {
    const { settings, problems } = normalizeSimulationSettings({ requestsPerDay: 50, cacheHitRate: 1.5, growth: -2, monthlyBudget: 0, acceptableModels: [' gpt-4o-mini ', 'gpt-4o-mini', 3], profile: 'huge' });
    assert.strictEqual(settings.requestsPerDay, 50);
    assert.strictEqual(settings.cacheHitRate, 0);
    assert.strictEqual(settings.growth, 0);
    assert.strictEqual(settings.monthlyBudget, null, '0 means no budget');
    assert.deepStrictEqual(settings.acceptableModels, ['gpt-4o-mini']);
    assert.strictEqual(settings.profile, null);
    assert.strictEqual(problems.length, 3, problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('simulation.cacheHitRate')));
    assert.ok(problems.some((p) => p.startsWith('simulation.profile')));
  });

  test('a budget and an explicit profile are kept', () => {
    const { settings, problems } = normalizeSimulationSettings({ monthlyBudget: 120, profile: 'high', batchShare: 0.5 });
    assert.deepStrictEqual([settings.monthlyBudget, settings.profile, settings.batchShare, problems.length], [120, 'high', 0.5, 0]);
  });
});
