/** The poller's rules with scripted sources and manual time (no network). */
import * as assert from 'assert';
import { SpendPoller } from '../../../../src/core/spend/spendPoller';
import type { SpendSource } from '../../../../src/core/spend/sourceSupport';
import { SpendError, type SpendResult } from '../../../../src/core/spend/spendTypes';
import { dayKey } from '../../../../src/core/spend/periods';
import { FakeClock } from './fakeClock';

const MIN = 60_000;
const START = Date.UTC(2026, 2, 15, 12, 0, 0);

type Step = number | SpendError | (() => Promise<number>);

/** A source that answers from a script: a number is today's spend, an error is thrown. */
function scripted(id: string, clock: FakeClock, steps: Step[]): SpendSource & { calls: number; active: number; maxActive: number } {
  const source = {
    id,
    kind: 'tracker' as const,
    calls: 0,
    active: 0,
    maxActive: 0,
    async fetch(): Promise<SpendResult> {
      const step = steps[Math.min(source.calls, steps.length - 1)];
      source.calls++;
      source.active++;
      source.maxActive = Math.max(source.maxActive, source.active);
      try {
        await Promise.resolve();
        const value = typeof step === 'function' ? await step() : step;
        if (value instanceof SpendError) throw value;
        return { source: id, kind: 'tracker', today: value, monthToDate: null, projectedMonth: null, byModel: {}, fetchedAt: clock.now(), day: dayKey(clock.now()), dayTimeZone: 'UTC' };
      } finally {
        source.active--;
      }
    },
  };
  return source;
}

const down = () => new SpendError('unreachable', 'no answer');

suite('spend poller', () => {
  test('polls at once, then every interval; a failure keeps the last good figure as stale with its age', async () => {
    const clock = new FakeClock(START);
    const src = scripted('a', clock, [1.5, down(), 2.5]);
    const poller = new SpendPoller({ sources: [src], clock: { ...clock, random: () => 0.5 } });
    poller.start();
    await poller.idle();
    let s = poller.snapshot().sources[0];
    assert.strictEqual(s.status, 'ok');
    assert.strictEqual(s.result?.today, 1.5);
    assert.strictEqual(s.nextPollAt, START + 5 * MIN);

    clock.fireNext();
    await poller.idle();
    s = poller.snapshot().sources[0];
    assert.strictEqual(s.status, 'stale');
    assert.strictEqual(s.result?.today, 1.5);
    assert.strictEqual(s.ageMs, 5 * MIN);
    assert.strictEqual(s.failure?.category, 'unreachable');
    assert.strictEqual(poller.snapshot().total.stale, true);

    clock.fireNext();
    await poller.idle();
    s = poller.snapshot().sources[0];
    assert.strictEqual(s.status, 'ok');
    assert.strictEqual(s.result?.today, 2.5);
    assert.strictEqual(s.consecutiveFailures, 0);
    poller.dispose();
  });

  test('without a good figure a failure is unavailable with its category', async () => {
    const clock = new FakeClock(START);
    const poller = new SpendPoller({ sources: [scripted('a', clock, [new SpendError('unauthorized', 'HTTP 401')])], clock });
    poller.start();
    await poller.idle();
    const s = poller.snapshot().sources[0];
    assert.strictEqual(s.status, 'unavailable');
    assert.strictEqual(s.result, undefined);
    assert.strictEqual(s.failure?.category, 'unauthorized');
    // Not transient: retried at the normal interval, not hammered.
    assert.strictEqual(s.nextPollAt, START + 5 * MIN);
    poller.dispose();
  });

  test('exponential backoff with injected jitter, capped at the interval, back to normal after a success', async () => {
    const clock = new FakeClock(START);
    const src = scripted('a', clock, [down(), down(), down(), down(), down(), down(), 1]);
    const poller = new SpendPoller({ sources: [src], backoffBaseMs: 10_000, clock: { ...clock, random: () => 1 - 1e-12 } });
    poller.start();
    await poller.idle();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = clock.now();
      delays.push((poller.snapshot().sources[0].nextPollAt as number) - before);
      clock.fireNext();
      await poller.idle();
    }
    assert.deepStrictEqual(delays, [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    assert.strictEqual(poller.snapshot().sources[0].nextPollAt! - clock.now(), 5 * MIN); // success: normal interval
    poller.dispose();

    // Jitter: random 0 gives half the exponential delay.
    const clock2 = new FakeClock(START);
    const p2 = new SpendPoller({ sources: [scripted('b', clock2, [down()])], backoffBaseMs: 10_000, clock: { ...clock2, random: () => 0 } });
    p2.start();
    await p2.idle();
    assert.strictEqual(p2.snapshot().sources[0].nextPollAt! - START, 5_000);
    p2.dispose();
  });

  test('Retry-After on a 429 is honoured by the timer and by refresh()', async () => {
    const clock = new FakeClock(START);
    const src = scripted('a', clock, [new SpendError('rate-limited', 'HTTP 429', 120_000), 3]);
    const poller = new SpendPoller({ sources: [src], backoffBaseMs: 1000, clock: { ...clock, random: () => 0.5 } });
    poller.start();
    await poller.idle();
    assert.strictEqual(poller.snapshot().sources[0].nextPollAt, START + 120_000);
    await poller.refresh();
    assert.strictEqual(src.calls, 1, 'refresh inside the Retry-After window sends nothing');
    clock.fireNext();
    await poller.idle();
    assert.strictEqual(clock.now(), START + 120_000);
    assert.strictEqual(poller.snapshot().sources[0].result?.today, 3);
    poller.dispose();
  });

  test('never two requests to a source at once: refresh during a poll joins it', async () => {
    const clock = new FakeClock(START);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const src = scripted('a', clock, [async () => { await gate; return 1; }]);
    const poller = new SpendPoller({ sources: [src], clock });
    poller.start();
    const a = poller.refresh();
    const b = poller.refresh();
    assert.strictEqual(poller.snapshot().sources[0].inFlight, true);
    release();
    await Promise.all([a, b]);
    assert.strictEqual(src.calls, 1);
    assert.strictEqual(src.maxActive, 1);
    poller.dispose();
  });

  test('paused: no timers; resume refreshes a source that is due or old, refresh works while paused', async () => {
    const clock = new FakeClock(START);
    const src = scripted('a', clock, [1, 2, 3, 4]);
    const seen: string[] = [];
    const poller = new SpendPoller({ sources: [src], clock });
    poller.subscribe((snap) => seen.push(`${snap.paused ? 'paused' : 'running'}:${snap.sources[0].status}`));
    poller.start();
    await poller.idle();
    poller.pause();
    assert.strictEqual(clock.pending, 0);
    assert.strictEqual(poller.snapshot().sources[0].nextPollAt, undefined);
    clock.advance(10 * MIN);
    assert.strictEqual(clock.fireNext(), false);
    poller.resume(); // due → polls now
    await poller.idle();
    assert.strictEqual(src.calls, 2);
    poller.pause();
    clock.advance(10_000);
    poller.resume(); // fresh (10 s old) → just reschedules
    assert.strictEqual(src.calls, 2);
    assert.strictEqual(clock.pending, 1);
    poller.pause();
    await poller.refresh();
    assert.strictEqual(src.calls, 3);
    assert.strictEqual(clock.pending, 0, 'a refresh while paused does not restart timers');
    assert.ok(seen.includes('paused:ok'));
    poller.dispose();
  });

  test('a last good figure from yesterday is not shown as today; a poll is scheduled just after midnight', async () => {
    const clock = new FakeClock(Date.UTC(2026, 2, 15, 23, 58, 0));
    const src = scripted('a', clock, [7, down(), 1]);
    const poller = new SpendPoller({ sources: [src], clock: { ...clock, random: () => 0.5 } });
    poller.start();
    await poller.idle();
    assert.strictEqual(poller.snapshot().sources[0].nextPollAt, Date.UTC(2026, 2, 16, 0, 0, 5));
    clock.fireNext();
    await poller.idle();
    const s = poller.snapshot().sources[0];
    assert.strictEqual(s.status, 'unavailable', 'yesterday\'s 7 USD must not show as today');
    assert.strictEqual(s.result, undefined);
    assert.strictEqual(poller.snapshot().total.today, 0);
    assert.strictEqual(poller.snapshot().total.complete, false);
    poller.dispose();
  });

  test('total is the sum of the sources with a figure', async () => {
    const clock = new FakeClock(START);
    const poller = new SpendPoller({ sources: [scripted('a', clock, [0.1]), scripted('b', clock, [0.2]), scripted('c', clock, [down()])], clock });
    await poller.refresh();
    const snap = poller.snapshot();
    assert.strictEqual(snap.total.today, 0.3);
    assert.strictEqual(snap.total.complete, false);
    assert.deepStrictEqual(snap.sources.map((s) => s.status), ['ok', 'ok', 'unavailable']);
    poller.dispose();
  });

  test('a listener that throws does not break polling', async () => {
    const clock = new FakeClock(START);
    const logs: string[] = [];
    const poller = new SpendPoller({ sources: [scripted('a', clock, [1])], clock, log: (l) => logs.push(l) });
    poller.subscribe(() => {
      throw new Error('boom');
    });
    poller.start();
    await poller.idle();
    assert.strictEqual(poller.snapshot().sources[0].status, 'ok');
    assert.ok(logs.some((l) => l.includes('boom')));
    poller.dispose();
  });
});
