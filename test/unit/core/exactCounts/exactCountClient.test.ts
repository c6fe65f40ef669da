/** The client against real loopback servers speaking the documented shapes: answers, failures, cache, pacing, keys. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CallPayload } from '../../../../src/core/exactCounts/callPayload';
import { ExactCountCache } from '../../../../src/core/exactCounts/exactCountCache';
import { ExactCountClient, type ExactCountClientOptions } from '../../../../src/core/exactCounts/exactCountClient';
import { countRequest } from '../../../../src/core/exactCounts/countRequest';
import type { ProviderCountRequest } from '../../../../src/core/exactCounts/countProviders';
import { nodeFetch } from '../../../../src/core/spend/nodeFetch';
import { SpendError, type FetchLike } from '../../../../src/core/spend/spendTypes';
import { ANTHROPIC_KEY, anthropicTruth, FakeCountServer, GEMINI_KEY, geminiTruth } from './fakeCountServer';

const payload = (text: string, system: string[] = []): CallPayload => ({ system, messages: [{ role: 'user', texts: [text] }], tools: [], addedTokens: 0, complete: true });
const claude = (text: string, system?: string[]) => countRequest('anthropic', 'claude-sonnet-4-5', payload(text, system)) as ProviderCountRequest;
const gemini = (text: string, system?: string[]) => countRequest('gemini', 'gemini-2.5-flash', payload(text, system)) as ProviderCountRequest;

async function rejectsWith(promise: Promise<unknown>, category: SpendError['category']): Promise<SpendError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SpendError, String(error));
    assert.strictEqual(error.category, category, error.message);
    for (const key of [ANTHROPIC_KEY, GEMINI_KEY]) assert.ok(!`${error.message}\n${error.stack}`.includes(key), 'a key in an error');
    return error;
  }
  assert.fail(`expected a ${category} failure`);
}

suite('exactCounts: ExactCountClient (loopback servers, documented shapes)', function () {
  this.timeout(20_000);
  let server: FakeCountServer;
  let dir: string;

  setup(async () => {
    server = await new FakeCountServer().start();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-counts-'));
  });
  teardown(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const client = (options: Partial<ExactCountClientOptions> = {}) => new ExactCountClient({
    endpoints: {
      anthropic: { baseUrl: server.url, key: { secret: ANTHROPIC_KEY, origin: server.url } },
      gemini: { baseUrl: server.url, key: { secret: GEMINI_KEY, origin: server.url } },
    },
    cache: new ExactCountCache(dir),
    fetch: nodeFetch,
    bucket: { capacity: 50, perSecond: 50 },
    timeoutMs: 2000,
    ...options,
  });

  test('Anthropic: POST /v1/messages/count_tokens with the key, the version and the documented body; input_tokens back', async () => {
    const request = claude('Summarise the ticket below in two sentences', ['You are a support agent.']);
    const outcome = await client().count(request);
    assert.deepStrictEqual(outcome, { tokens: anthropicTruth(request.body as Parameters<typeof anthropicTruth>[0]), source: 'api' });
    const [sent] = server.requestsFor('anthropic');
    assert.deepStrictEqual(sent.body, { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Summarise the ticket below in two sentences' }], system: 'You are a support agent.' });
    assert.strictEqual(sent.headers['x-api-key'], ANTHROPIC_KEY);
    assert.strictEqual(sent.headers['anthropic-version'], '2023-06-01');
  });

  test('Gemini: contents alone, or generateContentRequest with a system instruction; totalTokens back', async () => {
    const c = client();
    const plain = gemini('The quick brown fox jumps over the lazy dog.');
    assert.strictEqual((await c.count(plain)).tokens, 12);
    const withSystem = gemini('Translate to French: good morning', ['Answer in one line.']);
    assert.strictEqual((await c.count(withSystem)).tokens, geminiTruth(withSystem.body as Parameters<typeof geminiTruth>[0]));
    const [first, second] = server.requestsFor('gemini');
    assert.strictEqual(first.path, '/v1beta/models/gemini-2.5-flash:countTokens');
    assert.deepStrictEqual(first.body, { contents: [{ role: 'user', parts: [{ text: 'The quick brown fox jumps over the lazy dog.' }] }] });
    assert.deepStrictEqual(Object.keys((second.body as { generateContentRequest: object }).generateContentRequest), ['model', 'contents', 'systemInstruction']);
    assert.strictEqual(first.headers['x-goog-api-key'], GEMINI_KEY);
  });

  test('a count is asked once: the second time from the cache, and after a restart from the file on disk', async () => {
    const request = claude('hello there');
    const first = client();
    await first.count(request);
    assert.deepStrictEqual(await first.count(request), { tokens: 5, source: 'cache' });
    await first.flush();
    assert.deepStrictEqual(await client().count(request), { tokens: 5, source: 'cache' });
    assert.strictEqual(server.requests.length, 1);
    // The file holds keys and counts only, never the prompt.
    const stored = fs.readFileSync(path.join(dir, 'exact-counts.json'), 'utf8');
    assert.ok(stored.includes(request.key) && !stored.includes('hello there'), stored);
  });

  test('concurrent asks for the same text share one request', async () => {
    const c = client();
    const request = claude('one two three');
    const outcomes = await Promise.all([c.count(request), c.count(request), c.count(request)]);
    assert.deepStrictEqual(outcomes.map((o) => o.tokens), [6, 6, 6]);
    assert.strictEqual(server.requests.length, 1);
  });

  test('401: unauthorized, once, with no key in the message', async () => {
    server.fault = () => '401';
    const error = await rejectsWith(client().count(claude('hi')), 'unauthorized');
    assert.match(error.message, /refused the key \(HTTP 401\)/);
    assert.strictEqual(server.requests.length, 1);
  });

  test('429 with Retry-After: the provider is paused that long, then asked again', async () => {
    let calls = 0;
    server.fault = () => (calls++ === 0 ? '429' : undefined);
    server.retryAfter = '0.4';
    const outcome = await client().count(claude('hello again world'));
    assert.strictEqual(outcome.tokens, 6);
    const [first, second] = server.requests;
    assert.ok(second.at - first.at >= 350, `retried after ${second.at - first.at} ms`);
  });

  test('429 asking for a long wait fails at once (rate-limited, with the wait); retries stop after two', async () => {
    server.fault = () => '429';
    server.retryAfter = '120';
    const long = await rejectsWith(client().count(claude('a')), 'rate-limited');
    assert.strictEqual(long.retryAfterMs, 120_000);
    assert.strictEqual(server.requests.length, 1);
    server.retryAfter = '0.05';
    await rejectsWith(client().count(claude('b')), 'rate-limited');
    assert.strictEqual(server.requests.length, 1 + 3);
  });

  test('5xx: server-error, not retried', async () => {
    server.fault = () => '500';
    await rejectsWith(client().count(gemini('x y')), 'server-error');
    assert.strictEqual(server.requests.length, 1);
  });

  test('no answer in time: unreachable, after the timeout', async () => {
    server.fault = () => 'slow';
    const started = Date.now();
    const error = await rejectsWith(client({ timeoutMs: 200 }).count(claude('slow')), 'unreachable');
    assert.match(error.message, /no answer .* within 200 ms/);
    assert.ok(Date.now() - started < 1500);
  });

  test('a malformed, HTML or negative answer is a bad response, and nothing is cached', async () => {
    for (const fault of ['malformed', 'html', 'negative'] as const) {
      server.fault = () => fault;
      await rejectsWith(client().count(claude(`text ${fault}`)), 'bad-response');
      await rejectsWith(client().count(gemini(`text ${fault}`)), 'bad-response');
    }
    server.fault = () => undefined;
    assert.strictEqual((await client().count(claude('text malformed'))).source, 'api');
  });

  test('nothing is sent without a key, for a provider not turned on, over http to another host, or to another origin', async () => {
    let fetched = 0;
    const spy: FetchLike = (url, init) => {
      fetched++;
      return nodeFetch(url, init);
    };
    await rejectsWith(client({ fetch: spy, endpoints: { anthropic: { baseUrl: server.url, key: undefined } } }).count(claude('a')), 'no-key');
    await rejectsWith(client({ fetch: spy, endpoints: { anthropic: { baseUrl: server.url, key: { secret: ANTHROPIC_KEY, origin: server.url } } } }).count(gemini('a')), 'not-configured');
    await rejectsWith(client({ fetch: spy, endpoints: { anthropic: { baseUrl: 'http://example.com', key: { secret: ANTHROPIC_KEY, origin: 'http://example.com' } } } }).count(claude('a')), 'not-configured');
    // A key entered for the official API does not follow the base URL to another origin.
    await rejectsWith(client({ fetch: spy, endpoints: { anthropic: { baseUrl: server.url, key: { secret: ANTHROPIC_KEY, origin: 'https://api.anthropic.com' } } } }).count(claude('a')), 'no-key');
    assert.strictEqual(fetched, 0);
    assert.strictEqual(server.requests.length, 0);
  });

  test('a refused connection is unreachable, without the key in the message', async () => {
    const closed = await new FakeCountServer().start();
    const url = closed.url;
    await closed.close();
    await rejectsWith(client({ endpoints: { anthropic: { baseUrl: url, key: { secret: ANTHROPIC_KEY, origin: url } } } }).count(claude('a')), 'unreachable');
  });

  test('the token bucket paces a burst: two at once, then one every 200 ms', async () => {
    const c = client({ bucket: { capacity: 2, perSecond: 5 } });
    await Promise.all(['a', 'b', 'c', 'd'].map((text) => c.count(claude(text))));
    const times = server.requests.map((r) => r.at - server.requests[0].at);
    assert.ok(times[1] < 100, times.join(', '));
    assert.ok(times[2] >= 150 && times[3] >= 350, times.join(', '));
    assert.deepStrictEqual(c.sent, { anthropic: 4, gemini: 0 });
  });
});
