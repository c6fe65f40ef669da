import * as assert from 'assert';
import { buildDashboardModel } from '../../../../../src/core/presentation/spend/spendDashboardModel';
import { SpendHistory } from '../../../../../src/core/spend/spendHistory';
import { NOW, result, snapshot, state } from './spendViewSupport';

suite('presentation: spend dashboard model', () => {
  test('dashboard model: gauges, projection, top models/endpoints, formatted chart', () => {
    const h = new SpendHistory();
    const r = result('tracker', 1.7, { monthToDate: 30, projectedMonth: null, byModel: { 'gpt-4o': 1.2, 'gpt-4o-mini': 0.5 }, byEndpoint: { '/chat': 1.7 } });
    h.record([r]);
    const snap = snapshot([state('tracker', 'ok', { result: r, ageMs: 0 })]);
    const m = buildDashboardModel(snap, h, { budgets: { daily: 2, monthly: 50 }, perRequestLimit: 0.05 });
    assert.strictEqual(m.state, 'ok');
    assert.deepStrictEqual([m.today?.valueText, m.today?.limitText, m.today?.level], ['$1.70', '$2.00', 'warning']);
    assert.deepStrictEqual([m.month?.valueText, m.month?.level], ['$30.00', 'ok']);
    assert.strictEqual(m.projectionText, '$62.00', '30 over 15 days of a 31-day month');
    assert.deepStrictEqual(m.topModels.map((x) => [x.name, x.amount, x.share]), [['gpt-4o', '$1.20', 0.706], ['gpt-4o-mini', '$0.50', 0.294]]);
    assert.deepStrictEqual(m.topEndpoints.map((x) => x.name), ['/chat']);
    assert.strictEqual(m.chart.days.length, 30);
    assert.strictEqual(m.chart.days[29], '2026-03-15');
    assert.strictEqual(m.chart.totalTexts[29], '$1.70');
    assert.strictEqual(m.chart.series[0].texts[29], '$1.20');
    assert.strictEqual(m.perRequestLimitText, '$0.05');
    assert.strictEqual(new Date(NOW).toISOString().slice(0, 10), '2026-03-15');
  });
});
