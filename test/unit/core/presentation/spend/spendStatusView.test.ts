import * as assert from 'assert';
import { formatAge, spendStatusView } from '../../../../../src/core/presentation/spend/spendStatusView';
import { NOW, result, snapshot, state } from './spendViewSupport';

const noBudget = { daily: null, monthly: null };

suite('spend status bar view', () => {
  test('hidden when nothing is configured (no noise for people who do not track spend)', () => {
    assert.strictEqual(spendStatusView(null, noBudget).state, 'hidden');
    assert.strictEqual(spendStatusView(snapshot([]), { daily: 2, monthly: null }).state, 'hidden');
  });

  test('loading spins until the first figure', () => {
    const view = spendStatusView(snapshot([state('tracker', 'loading')]), noBudget);
    assert.strictEqual(view.state, 'loading');
    assert.strictEqual(view.text, '$(sync~spin) Spend');
  });

  test('ok: "$1.23 today" without a budget, "$1.23 / $2.00 today" with one', () => {
    const snap = snapshot([state('tracker', 'ok', { result: result('tracker', 1.23), ageMs: 0 })]);
    assert.strictEqual(spendStatusView(snap, noBudget).text, '$1.23 today');
    const view = spendStatusView(snap, { daily: 2, monthly: null });
    assert.strictEqual(view.text, '$1.23 / $2.00 today');
    assert.strictEqual(view.state, 'ok');
    assert.strictEqual(view.budgetLevel, 'ok');
    assert.strictEqual(view.background, undefined);
  });

  test('warning from 80 %, over from 100 % (worst of day and month)', () => {
    const at = (today: number, mtd: number | null = null) =>
      spendStatusView(snapshot([state('tracker', 'ok', { result: result('tracker', today, { monthToDate: mtd }) })]), { daily: 2, monthly: 50 });
    assert.strictEqual(at(1.59).budgetLevel, 'ok');
    assert.strictEqual(at(1.6).budgetLevel, 'warning');
    assert.strictEqual(at(1.6).background, 'statusBarItem.warningBackground');
    assert.strictEqual(at(2).budgetLevel, 'over');
    assert.strictEqual(at(2).background, 'statusBarItem.errorBackground');
    assert.strictEqual(at(0.5, 49).budgetLevel, 'warning', 'the month at 98 % warns even when the day is fine');
    assert.strictEqual(at(0.5, 51).budgetLevel, 'over');
  });

  test('stale keeps the last good figure, marked, with its age', () => {
    const failure = { category: 'server-error' as const, message: 'HTTP 500', at: NOW };
    const snap = snapshot([state('tracker', 'stale', { result: result('tracker', 1.5), ageMs: 7 * 60_000, failure })]);
    const view = spendStatusView(snap, { daily: 2, monthly: null });
    assert.strictEqual(view.state, 'stale');
    assert.strictEqual(view.text, '$(history) $1.50 / $2.00 today (7 min ago)');
    assert.match(view.accessibleLabel, /last updated 7 min ago/);
  });

  test('unavailable says why; several different reasons are summarised', () => {
    const noKey = state('tracker', 'unavailable', { failure: { category: 'no-key', message: 'x', at: NOW } });
    assert.strictEqual(spendStatusView(snapshot([noKey]), noBudget).text, '$(circle-slash) Spend: no key');
    const down = state('openai', 'unavailable', { failure: { category: 'unreachable', message: 'x', at: NOW } });
    const view = spendStatusView(snapshot([noKey, down]), noBudget);
    assert.strictEqual(view.state, 'unavailable');
    assert.strictEqual(view.text, '$(circle-slash) Spend: 2 sources failing');
  });

  test('one source missing: the sum is shown as a lower bound', () => {
    const ok = state('tracker', 'ok', { result: result('tracker', 1) });
    const down = state('openai', 'unavailable', { failure: { category: 'unauthorized', message: 'x', at: NOW } });
    const view = spendStatusView(snapshot([ok, down]), noBudget);
    assert.strictEqual(view.text, '$(warning) $1.00+ today');
    assert.strictEqual(view.incomplete, true);
  });

  test('ages', () => {
    assert.strictEqual(formatAge(5_000), '<1 min');
    assert.strictEqual(formatAge(61 * 60_000), '1 h 1 min');
    assert.strictEqual(formatAge(120 * 60_000), '2 h');
    assert.strictEqual(formatAge(50 * 3600_000), '2 d');
  });
});
