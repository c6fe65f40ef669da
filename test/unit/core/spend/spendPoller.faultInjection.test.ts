/**
 * 1,000 polls of all five sources against a loopback server that injects random faults (seeded), with
 * manual time for the poller. Checks: no unhandled rejection; every figure ever shown equals the value the
 * server served in the last poll the client accepted, and the client accepted only fault-free polls; no
 * stale figure survives its day; recovery within one interval after the server heals; one request per
 * source at a time. Prints the counts.
 */
import * as assert from 'assert';
import { dayKey } from '../../../../src/core/spend/periods';
import { makeSourceConfig } from '../../../../src/core/spend/spendConfig';
import { SpendPoller, type SpendSnapshot } from '../../../../src/core/spend/spendPoller';
import { createSpendSource } from '../../../../src/core/spend/spendSources';
import type { SpendSource } from '../../../../src/core/spend/sourceSupport';
import { SOURCE_KINDS, type FetchLike, type SourceKind } from '../../../../src/core/spend/spendTypes';
import { FakeClock } from './fakeClock';
import { FakeSpendServer, FAULTS, SECRETS, seededRandom, type Fault } from './fakeSpendServer';
import { assertNoSecret, nodeFetch } from './spendTestSupport';

const INTERVAL = 5 * 60_000;
const POLLS = 1000;

interface Track {
  lastGood?: { value: number; day: string; timeZone: string };
  polls: number;
  successes: number;
}

suite('spend fault injection', function () {
  this.timeout(180_000);

  test('1,000 polls against a randomly faulting server', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const server = await new FakeSpendServer().start();
    try {
      const random = seededRandom(20260315);
      const clock = new FakeClock(Date.UTC(2026, 2, 10, 19, 0, 0)); // the run crosses midnights
      server.now = clock.now;
      server.hugeBytes = 2 * 1024 * 1024;
      let healthy = false;
      const faults: Record<string, number> = {};
      server.fault = () => {
        if (healthy || random() < 0.55) return undefined;
        const fault = FAULTS[Math.floor(random() * FAULTS.length)] as Fault;
        if (fault === '429') server.retryAfter = String(1 + Math.floor(random() * 120)); // ≤ 2 min < interval
        faults[fault] = (faults[fault] ?? 0) + 1;
        return fault;
      };

      const origin = new URL(server.url).origin;
      const violations: string[] = [];
      const tracks = Object.fromEntries(SOURCE_KINDS.map((k) => [k, { polls: 0, successes: 0 } as Track])) as Record<SourceKind, Track>;
      let polls = 0;
      let spurious = 0;
      // Requests in flight per source, measured at the client: from the call until the request is aborted,
      // which getJson always does when it is done with a request.
      const inFlight: Record<string, number> = {};
      const maxInFlight: Record<string, number> = {};
      const countingFetch = (kind: SourceKind): FetchLike => (url, init) => {
        inFlight[kind] = (inFlight[kind] ?? 0) + 1;
        maxInFlight[kind] = Math.max(maxInFlight[kind] ?? 0, inFlight[kind]);
        init.signal.addEventListener('abort', () => inFlight[kind]--, { once: true });
        return nodeFetch(url, init);
      };
      const sources: SpendSource[] = SOURCE_KINDS.map((kind) => {
        const inner = createSpendSource(makeSourceConfig(kind, server.url, undefined), {
          fetch: countingFetch(kind),
          getKey: () => ({ secret: SECRETS[kind], origin }),
          timeoutMs: 250, // short enough for ~50 'slow' faults, long enough that a busy CI machine causes no spurious timeouts
          maxBytes: 64 * 1024,
          now: clock.now,
        });
        return {
          id: inner.id,
          kind,
          fetch: async () => {
            polls++;
            tracks[kind].polls++;
            server.truthCents[kind] = 1 + Math.floor(random() * 100_000); // a new value every poll
            const cents = server.truthCents[kind];
            const before = server.requestsFor(kind).length;
            try {
              const result = await inner.fetch();
              const served = server.requestsFor(kind).slice(before);
              if (served.some((r) => r.fault)) violations.push(`${kind}: accepted a faulty answer (${served.map((r) => r.fault).join(',')})`);
              if (result.today !== cents / 100) violations.push(`${kind}: read ${result.today}, server served ${cents / 100}`);
              tracks[kind].lastGood = { value: cents / 100, day: result.day, timeZone: result.dayTimeZone };
              tracks[kind].successes++;
              return result;
            } catch (error) {
              if (server.requestsFor(kind).slice(before).every((r) => !r.fault)) spurious++;
              throw error;
            }
          },
        };
      });

      let staleShown = 0;
      let unavailableShown = 0;
      let snapshotsChecked = 0;
      const check = (snap: SpendSnapshot, where: string) => {
        snapshotsChecked++;
        for (const state of snap.sources) {
          const good = tracks[state.kind].lastGood;
          const valid = good && dayKey(snap.at, good.timeZone) === good.day ? good : undefined;
          const shown = state.result?.today;
          if (valid && shown !== valid.value) violations.push(`${where} ${state.id}: shows ${shown}, last good ${valid.value}`);
          if (!valid && shown !== undefined) violations.push(`${where} ${state.id}: shows ${shown} with no good value for today`);
          assertNoSecret(JSON.stringify(state));
        }
      };
      const logs: string[] = [];
      const poller = new SpendPoller({ sources, intervalMs: INTERVAL, clock: { ...clock, random }, log: (l) => logs.push(l) });
      poller.subscribe((snap) => check(snap, 'event'));
      poller.start();
      await poller.idle();

      let recoveries = 0;
      let heals = 0;
      let worstRecoveryMs = 0;
      let stepsInPhase = 0;
      let healAt = 0;
      let waiting = new Set<string>();
      while (polls < POLLS) {
        if (!healthy && stepsInPhase >= 120) {
          healthy = true;
          heals++;
          stepsInPhase = 0;
          healAt = clock.now();
          waiting = new Set(poller.snapshot().sources.filter((s) => s.status !== 'ok').map((s) => s.id));
        } else if (healthy && stepsInPhase >= 40) {
          if (waiting.size) violations.push(`not recovered after heal: ${[...waiting].join(', ')}`);
          healthy = false;
          stepsInPhase = 0;
        }
        assert.ok(clock.fireNext(), 'the poller always has a timer pending');
        stepsInPhase++;
        await poller.idle();
        const snap = poller.snapshot();
        check(snap, 'step');
        for (const s of snap.sources) {
          if (s.status === 'stale') staleShown++;
          if (s.status === 'unavailable') unavailableShown++;
          if (healthy && waiting.has(s.id) && s.status === 'ok') {
            waiting.delete(s.id);
            recoveries++;
            const took = clock.now() - healAt;
            worstRecoveryMs = Math.max(worstRecoveryMs, took);
            if (took > INTERVAL) violations.push(`${s.id} recovered ${took} ms after the heal`);
          }
        }
      }
      poller.dispose();
      await new Promise((r) => setImmediate(r));

      const summary = {
        polls,
        requests: server.requests.length,
        faultsByKind: faults,
        faultsTotal: Object.values(faults).reduce((a, b) => a + b, 0),
        successesBySource: Object.fromEntries(SOURCE_KINDS.map((k) => [k, tracks[k].successes])),
        staleShown,
        unavailableShown,
        snapshotsChecked,
        heals,
        recoveries,
        worstRecoverySeconds: worstRecoveryMs / 1000,
        spuriousFailures: spurious,
        maxInFlightPerSource: maxInFlight,
        fakeHoursElapsed: Math.round((clock.now() - Date.UTC(2026, 2, 10, 19)) / 36e5),
        unhandledRejections: unhandled.length,
      };
      console.log(`      fault injection: ${JSON.stringify(summary)}`);

      assert.deepStrictEqual(violations.slice(0, 10), []);
      assert.deepStrictEqual(unhandled, []);
      for (const kind of SOURCE_KINDS) assert.strictEqual(maxInFlight[kind], 1, `${kind} had concurrent requests`);
      assert.ok(recoveries > 0 && staleShown > 0 && unavailableShown > 0, 'the run exercised stale, unavailable and recovery');
      for (const fault of FAULTS) assert.ok((faults[fault] ?? 0) > 0, `fault ${fault} was injected`);
      for (const line of logs) assertNoSecret(line);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await server.close();
    }
  });
});
