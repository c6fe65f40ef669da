import * as assert from 'assert';
import { TokenBucket } from '../../../../src/core/exactCounts/tokenBucket';

/** A clock that moves only when the bucket sleeps: waits are exact and the test takes no time. */
function fakeClock() {
  let now = 1_000_000;
  const slept: number[] = [];
  return { now: () => now, sleep: async (ms: number) => { slept.push(ms); now += ms; }, slept, advance: (ms: number) => (now += ms) };
}

suite('exactCounts: TokenBucket', () => {
  test('a burst of `capacity` goes at once, then one per 1/perSecond', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 3, perSecond: 2, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 5; i++) await bucket.take();
    assert.deepStrictEqual(clock.slept, [500, 500]);
  });

  test('tokens come back with time, never above capacity', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 2, perSecond: 1, now: clock.now, sleep: clock.sleep });
    await bucket.take();
    await bucket.take();
    assert.strictEqual(bucket.waitMs(), 1000);
    clock.advance(60_000);
    assert.strictEqual(bucket.waitMs(), 0);
    await bucket.take();
    await bucket.take();
    assert.strictEqual(bucket.waitMs(), 1000);
  });

  test('a pause (Retry-After) holds every request until it ends, and leaves the bucket empty', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 5, perSecond: 1, now: clock.now, sleep: clock.sleep });
    bucket.pause(7000);
    assert.strictEqual(bucket.waitMs(), 7000);
    await bucket.take();
    assert.deepStrictEqual(clock.slept, [7000, 1000]);
    // A shorter pause never shortens a longer one.
    bucket.pause(10_000);
    bucket.pause(1000);
    assert.strictEqual(bucket.waitMs(), 10_000);
  });

  test('waiters are served in arrival order', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ capacity: 1, perSecond: 10, now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => bucket.take().then(() => order.push(i))));
    assert.deepStrictEqual(order, [0, 1, 2, 3]);
  });
});
