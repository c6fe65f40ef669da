import * as assert from 'assert';
import { priceCheckDue, WEEKLY_CHECK_INTERVAL_MS } from '../../../../src/core/pricing/refreshSchedule';

suite('pricing: the weekly check', () => {
  const now = Date.parse('2026-12-08T09:00:00Z');
  test('due when never checked, or 7 days after the last check; not before', () => {
    assert.strictEqual(priceCheckDue(undefined, now), true);
    assert.strictEqual(priceCheckDue(now - WEEKLY_CHECK_INTERVAL_MS, now), true);
    assert.strictEqual(priceCheckDue(now - WEEKLY_CHECK_INTERVAL_MS + 60_000, now), false);
    assert.strictEqual(priceCheckDue(now - 1000, now), false);
  });

  test('a last check in the future or unreadable counts as due', () => {
    assert.strictEqual(priceCheckDue(now + 30 * 24 * 3600 * 1000, now), true);
    assert.strictEqual(priceCheckDue(Number.NaN, now), true);
  });
});
