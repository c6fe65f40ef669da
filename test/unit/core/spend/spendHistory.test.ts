import * as assert from 'assert';
import { SpendHistory, UNATTRIBUTED } from '../../../../src/core/spend/spendHistory';
import { result } from '../presentation/spend/spendViewSupport';

suite('spend history and chart data', () => {
  test('per-day figures from a source fill whole days; today is recorded from the reading', () => {
    const h = new SpendHistory();
    const changed = h.record([
      result('openai', 3, {
        kind: 'openai',
        byModel: { 'gpt-4o': 2, 'gpt-4o-mini': 1 },
        daily: [
          { date: '2026-03-13', total: 1, byModel: { 'gpt-4o': 1 } },
          { date: '2026-03-14', total: 2, byModel: { 'gpt-4o': 0.5, 'gpt-4o-mini': 1.5 } },
        ],
      }),
    ]);
    assert.strictEqual(changed, true);
    assert.strictEqual(h.record([result('openai', 3, { kind: 'openai', byModel: { 'gpt-4o': 2, 'gpt-4o-mini': 1 } })]), false, 'same figures: nothing to save');
    const c = h.chart('2026-03-15', 3);
    assert.deepStrictEqual(c.days, ['2026-03-13', '2026-03-14', '2026-03-15']);
    assert.deepStrictEqual(c.series, [
      { model: 'gpt-4o', values: [1, 0.5, 2] },
      { model: 'gpt-4o-mini', values: [0, 1.5, 1] },
    ]);
    assert.deepStrictEqual(c.totals, [1, 2, 3]);
    assert.strictEqual(c.max, 3);
  });

  test('a total without per-model figures is kept as unattributed; sources add up per model', () => {
    const h = new SpendHistory();
    h.record([result('tracker', 1.5), result('openrouter', 0.5, { kind: 'openrouter', byModel: { 'gpt-4o': 0.25 } })]);
    const c = h.chart('2026-03-15', 1);
    assert.deepStrictEqual(c.series, [
      { model: UNATTRIBUTED, values: [1.75] },
      { model: 'gpt-4o', values: [0.25] },
    ]);
    assert.deepStrictEqual(h.chart('2026-03-15', 1, 5, ['openrouter']).totals, [0.5], 'a source filter leaves out removed sources');
  });

  test('more models than colours: the smallest are merged into "other models"', () => {
    const h = new SpendHistory();
    h.record([result('openai', 21, { byModel: { a: 6, b: 5, c: 4, d: 3, e: 2, f: 1 } })]);
    const c = h.chart('2026-03-15', 1, 4);
    assert.deepStrictEqual(c.series.map((s) => [s.model, s.values[0]]), [['a', 6], ['b', 5], ['c', 4], ['other models', 6]]);
  });

  test('keeps 31 days and survives a JSON round trip; corrupt stored data is dropped', () => {
    const h = new SpendHistory();
    h.record([result('openai', 1, { daily: Array.from({ length: 40 }, (_, i) => ({ date: `2026-02-${String(i % 28 + 1).padStart(2, '0')}`, total: 1, byModel: {} })) })]);
    h.record([result('openai', 1, { day: '2026-03-20' })]);
    const days = Object.keys(h.toJSON().days).sort();
    assert.strictEqual(days[0], '2026-02-18');
    const copy = new SpendHistory(JSON.parse(JSON.stringify(h.toJSON())));
    assert.deepStrictEqual(copy.toJSON(), h.toJSON());
    assert.deepStrictEqual(new SpendHistory({ version: 1, days: { nope: {}, '2026-03-01': { x: { total: 'a', byModel: {} } } } }).toJSON(), { version: 1, days: {} });
    assert.deepStrictEqual(new SpendHistory('garbage').toJSON(), { version: 1, days: {} });
  });
});
