import * as assert from 'assert';
import { BudgetAlertTracker, budgetState, budgetStatus, type AlertTrackerSettings } from '../../../../src/core/spend/budget';
import { startOfDay, startOfMonth, zonedMidnight } from '../../../../src/core/spend/periods';

const settings: AlertTrackerSettings = { daily: 2, monthly: 50, thresholds: [50, 80, 95, 100] };
const at = (iso: string) => Date.parse(iso);

suite('spend budgets and alerts', () => {
  test('state: ok below 80 %, warning from 80 %, over from 100 %', () => {
    assert.strictEqual(budgetState(0.799), 'ok');
    assert.strictEqual(budgetState(0.8), 'warning');
    assert.strictEqual(budgetState(0.999), 'warning');
    assert.strictEqual(budgetState(1), 'over');
    assert.deepStrictEqual(budgetStatus(1.23, 2), { limit: 2, spent: 1.23, used: 0.615, state: 'ok' });
  });

  test('each threshold fires once per day; crossing several at once fires each', () => {
    const t = new BudgetAlertTracker(settings);
    const now = at('2026-03-15T10:00:00Z');
    assert.deepStrictEqual(t.check({ today: 0.9, monthToDate: null }, now), []);
    assert.deepStrictEqual(t.check({ today: 1.0, monthToDate: null }, now).map((a) => [a.period, a.threshold, a.severity]), [['day', 50, 'info']]);
    assert.deepStrictEqual(t.check({ today: 1.1, monthToDate: null }, now), []);
    assert.deepStrictEqual(t.check({ today: 1.95, monthToDate: null }, now).map((a) => a.threshold), [80, 95]);
    assert.deepStrictEqual(t.check({ today: 2.5, monthToDate: null }, now).map((a) => [a.threshold, a.severity]), [[100, 'blocked']]);
    assert.deepStrictEqual(t.check({ today: 3, monthToDate: null }, now), []);
    // Unknown spend (a source down) fires nothing and forgets nothing.
    assert.deepStrictEqual(t.check({ today: null, monthToDate: null }, now), []);
  });

  test('the day resets at UTC midnight by default', () => {
    const t = new BudgetAlertTracker(settings);
    assert.strictEqual(t.check({ today: 1.7, monthToDate: null }, at('2026-03-15T23:59:59Z')).length, 2);
    assert.strictEqual(t.check({ today: 1.7, monthToDate: null }, at('2026-03-15T23:59:59.999Z')).length, 0);
    assert.deepStrictEqual(t.check({ today: 1.7, monthToDate: null }, at('2026-03-16T00:00:00Z')).map((a) => a.periodKey), ['2026-03-16', '2026-03-16']);
  });

  test('with a time zone the day resets at that zone\'s midnight', () => {
    const t = new BudgetAlertTracker({ ...settings, timeZone: 'Asia/Tokyo' }); // UTC+9
    assert.strictEqual(t.check({ today: 1, monthToDate: null }, at('2026-03-15T14:59:00Z')).length, 1); // 23:59 in Tokyo
    assert.strictEqual(t.check({ today: 1, monthToDate: null }, at('2026-03-15T14:59:59Z')).length, 0);
    const next = t.check({ today: 1, monthToDate: null }, at('2026-03-15T15:00:00Z')); // 00:00 on the 16th in Tokyo
    assert.deepStrictEqual(next.map((a) => a.periodKey), ['2026-03-16']);
  });

  test('the month resets on the 1st (in the zone), not at each midnight', () => {
    const t = new BudgetAlertTracker(settings);
    assert.deepStrictEqual(t.check({ today: null, monthToDate: 41 }, at('2026-03-30T12:00:00Z')).map((a) => [a.period, a.threshold]), [['month', 50], ['month', 80]]);
    assert.deepStrictEqual(t.check({ today: null, monthToDate: 42 }, at('2026-03-31T12:00:00Z')), []);
    assert.deepStrictEqual(t.check({ today: null, monthToDate: 41 }, at('2026-04-01T00:00:00Z')).map((a) => a.periodKey), ['2026-04', '2026-04']);
  });

  test('state round-trips through JSON (globalState), and bad stored state starts fresh', () => {
    const t = new BudgetAlertTracker(settings);
    const now = at('2026-03-15T10:00:00Z');
    t.check({ today: 1.7, monthToDate: 30 }, now);
    const stored = JSON.stringify(t);
    assert.deepStrictEqual(JSON.parse(stored), { version: 1, day: { key: '2026-03-15', fired: [50, 80] }, month: { key: '2026-03', fired: [50] } });
    const restored = BudgetAlertTracker.fromJSON(settings, stored);
    assert.deepStrictEqual(restored.check({ today: 1.7, monthToDate: 30 }, now), []);
    assert.deepStrictEqual(restored.check({ today: 1.9, monthToDate: 30 }, now).map((a) => a.threshold), [95]);
    const fromObject = new BudgetAlertTracker(settings, JSON.parse(stored));
    assert.deepStrictEqual(fromObject.check({ today: 1.7, monthToDate: 30 }, now), []);
    for (const junk of ['not json', '{"version":2}', null, 42, { version: 1, day: { key: 5 } }]) {
      assert.strictEqual(new BudgetAlertTracker(settings, junk).check({ today: 1.7, monthToDate: null }, now).length, 2);
    }
  });

  test('zone midnights across DST', () => {
    // New York switched to EDT on 2026-03-08: midnight before is UTC−5, after is UTC−4.
    assert.strictEqual(zonedMidnight(2026, 3, 8, 'America/New_York'), Date.UTC(2026, 2, 8, 5));
    assert.strictEqual(zonedMidnight(2026, 3, 9, 'America/New_York'), Date.UTC(2026, 2, 9, 4));
    assert.strictEqual(startOfDay(Date.UTC(2026, 2, 9, 3, 59), 'America/New_York'), Date.UTC(2026, 2, 8, 5));
    assert.strictEqual(startOfMonth(Date.UTC(2026, 2, 1, 2), 'Asia/Tokyo'), Date.UTC(2026, 1, 28, 15));
  });
});
