/** Each spend source against a real loopback server with the documented shapes, and every failure mode. */
import * as assert from 'assert';
import { createSpendSource } from '../../../../src/core/spend/spendSources';
import { fetchTrackerAlerts, fetchTrackerPricing } from '../../../../src/core/spend/trackerSource';
import { SOURCE_KINDS, type FailureCategory, type SourceKind } from '../../../../src/core/spend/spendTypes';
import { FakeSpendServer, FAULTS, type Fault } from './fakeSpendServer';
import { assertNoSecret, configFor, FIXED_NOW, rejection, sourceDeps } from './spendTestSupport';

suite('spend sources against a loopback server', () => {
  let server: FakeSpendServer;
  setup(async () => {
    server = await new FakeSpendServer().start();
    server.now = () => FIXED_NOW;
  });
  teardown(() => server.close());

  test('tracker: today, month, per-model and per-endpoint, token in the query', async () => {
    const r = await createSpendSource(configFor('tracker', server), sourceDeps(server)).fetch();
    assert.strictEqual(r.today, 1.23);
    assert.strictEqual(r.monthToDate, 892.15);
    assert.strictEqual(r.projectedMonth, 1338.23);
    assert.deepStrictEqual(r.byModel, { 'gpt-3.5-turbo': 0.73, 'text-embedding-3-small': 0.5 });
    assert.deepStrictEqual(r.byEndpoint, { '/chat': 0.73, '/embed': 0.5 });
    assert.strictEqual(r.day, '2026-03-15');
    const paths = server.requests.map((q) => `${q.url.pathname}${q.url.searchParams.has('group_by') ? `?${q.url.searchParams.get('group_by')}` : ''}`);
    assert.deepStrictEqual(paths, ['/admin/openai-costs/today', '/admin/openai-costs/month', '/admin/openai-costs/summary?model', '/admin/openai-costs/summary?endpoint']);
    assert.ok(server.requests.every((q) => q.url.searchParams.get('token') && !q.headers.authorization));
  });

  test('tracker: bearer header mode sends no ?token=, and todayField picks a nested field', async () => {
    const cfg = configFor('tracker', server, { tokenIn: 'header', todayField: 'total_tokens', month: false, breakdown: false });
    const r = await createSpendSource(cfg, sourceDeps(server)).fetch();
    assert.strictEqual(r.today, 34000); // the field it was told to read
    assert.strictEqual(r.monthToDate, null);
    assert.strictEqual(server.requests.length, 1);
    assert.strictEqual(server.requests[0].url.searchParams.has('token'), false);
    assert.match(String(server.requests[0].headers.authorization), /^Bearer /);
  });

  test('tracker: /pricing normalised to USD per 1M tokens; /alerts read', async () => {
    const cfg = configFor('tracker', server);
    const target = { id: cfg.id, url: cfg.url, options: cfg.options as never };
    const pricing = await fetchTrackerPricing(target, sourceDeps(server));
    assert.deepStrictEqual(pricing, { 'gpt-4o': { input: 2.5, output: 10 }, 'gpt-4o-mini': { input: 0.15, output: 0.6 } });
    const alerts = await fetchTrackerAlerts(target, sourceDeps(server), 50);
    assert.deepStrictEqual(alerts, [{ date: '2026-03-15', cost: 61.2, message: 'over 50' }]);
    assert.strictEqual(server.requests[1].url.searchParams.get('threshold'), '50');
  });

  test('openai: buckets from the 30-day start, next_page followed, line items grouped per model', async () => {
    const r = await createSpendSource(configFor('openai', server), sourceDeps(server)).fetch();
    assert.strictEqual(r.today, 4.56);
    assert.deepStrictEqual(r.byModel, { 'gpt-4o-2024-08-06': 3.19, 'gpt-4o-mini': 1.37 });
    assert.strictEqual(r.monthToDate, 4.56); // the 30 USD bucket is in February
    assert.strictEqual(r.projectedMonth, Math.round(((4.56 * 31) / 15) * 1e9) / 1e9);
    assert.deepStrictEqual(r.daily?.map((d) => [d.date, d.total]), [['2026-02-14', 30], ['2026-03-15', 4.56]]);
    const [first, second] = server.requests;
    assert.strictEqual(first.url.searchParams.get('start_time'), String(Date.UTC(2026, 1, 14) / 1000));
    assert.strictEqual(first.url.searchParams.get('bucket_width'), '1d');
    assert.strictEqual(first.url.searchParams.get('group_by[]'), 'line_item');
    assert.strictEqual(second.url.searchParams.get('page'), 'page_2');
    assert.match(String(first.headers.authorization), /^Bearer sk-admin-/);
  });

  test('openai: a configured time zone moves start_time to that zone\'s midnight', async () => {
    await createSpendSource(configFor('openai', server), sourceDeps(server, { timeZone: 'America/New_York' })).fetch();
    // 2026-02-14 00:00 in New York (EST, UTC−5) = 05:00 UTC.
    assert.strictEqual(server.requests[0].url.searchParams.get('start_time'), String(Date.UTC(2026, 1, 14, 5) / 1000));
  });

  test('anthropic: amounts are decimal strings in cents; x-api-key and anthropic-version sent', async () => {
    const r = await createSpendSource(configFor('anthropic', server), sourceDeps(server)).fetch();
    assert.strictEqual(r.today, 7.89);
    assert.deepStrictEqual(r.byModel, { 'claude-sonnet-4-20250514': 3.94, 'claude-haiku-4-5': 3.95 });
    assert.strictEqual(r.daily?.[0].total, 25); // "2500.00" cents
    assert.strictEqual(r.monthToDate, 7.89);
    const q = server.requests[0];
    assert.strictEqual(q.url.searchParams.get('starting_at'), '2026-02-14T00:00:00Z');
    assert.strictEqual(q.url.searchParams.get('group_by[]'), 'description');
    assert.strictEqual(q.headers['anthropic-version'], '2023-06-01');
    assert.strictEqual(q.headers.authorization, undefined);
  });

  test('litellm: today from /user/daily/activity with models and endpoints; key budget from /key/info', async () => {
    const r = await createSpendSource(configFor('litellm', server), sourceDeps(server)).fetch();
    assert.strictEqual(r.today, 10.11);
    assert.deepStrictEqual(r.byModel, { 'gpt-4o-mini': 8.08, 'gpt-4o': 2.03 });
    assert.deepStrictEqual(r.byEndpoint, { '/chat/completions': 10.11 });
    assert.deepStrictEqual(r.budget, { limit: 50, spend: 3.41275 });
    assert.strictEqual(r.daily?.length, 2);
    assert.strictEqual(server.requests[0].url.searchParams.get('start_date'), '2026-02-14');
    assert.strictEqual(server.requests[0].url.searchParams.get('end_date'), '2026-03-15');
  });

  test('openrouter: usage_daily, usage_monthly and the key limit', async () => {
    const r = await createSpendSource(configFor('openrouter', server), sourceDeps(server)).fetch();
    assert.strictEqual(r.today, 12.13);
    assert.strictEqual(r.monthToDate, 25.5);
    assert.deepStrictEqual(r.budget, { limit: 100, spend: 25.5 });
    assert.deepStrictEqual(r.byModel, {});
  });

  const expected: Record<Fault, FailureCategory> = {
    slow: 'unreachable',
    '401': 'unauthorized',
    '403': 'unauthorized',
    '429': 'rate-limited',
    '500': 'server-error',
    html: 'bad-response',
    truncated: 'bad-response',
    cut: 'bad-response',
    huge: 'bad-response',
    'wrong-type': 'bad-response',
  };

  for (const kind of SOURCE_KINDS) {
    for (const fault of FAULTS) {
      // Only the 'slow' case waits for the timeout; the others get a generous one so a busy machine can't turn them into 'unreachable'.
      test(`${kind}: ${fault} → ${expected[fault]}, no key in the message`, async () => {
        server.fault = () => fault;
        const error = await rejection(createSpendSource(configFor(kind as SourceKind, server), sourceDeps(server, { timeoutMs: fault === 'slow' ? 150 : 5000 })).fetch());
        assert.strictEqual(error.category, expected[fault], error.message);
        assertNoSecret(`${error.message}\n${error.stack}\n${JSON.stringify(error)}`);
        if (fault === '429') assert.strictEqual(error.retryAfterMs, 7000);
        if (fault === 'slow') assert.match(error.message, /within 150 ms/);
        if (fault === 'html') assert.match(error.message, /HTML/);
        if (fault === 'huge') {
          await server.hugeFinished();
          assert.ok(server.hugeAborted, 'the client should hang up before the end');
          assert.ok(server.hugeWritten < server.hugeBytes / 4, `server wrote ${server.hugeWritten} bytes of ${server.hugeBytes}`);
          assert.match(error.message, /larger than 5\.0 MB/);
        }
        assert.strictEqual(server.requests.length, 1, 'a failed request ends the poll');
      });
    }
  }

  test('a fault on the second page fails the whole poll (no partial total)', async () => {
    server.fault = (q) => (q.url.searchParams.get('page') === 'page_2' ? '500' : undefined);
    const error = await rejection(createSpendSource(configFor('openai', server), sourceDeps(server)).fetch());
    assert.strictEqual(error.category, 'server-error');
    assert.strictEqual(server.requests.length, 2);
  });
});
