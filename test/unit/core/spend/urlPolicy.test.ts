/** Keys only go to the origin they were entered for, only over HTTPS (or loopback), and never into messages. */
import * as assert from 'assert';
import { getJson, parseRetryAfter } from '../../../../src/core/spend/httpJson';
import { makeSourceConfig } from '../../../../src/core/spend/spendConfig';
import { createSpendSource } from '../../../../src/core/spend/spendSources';
import type { FetchLike } from '../../../../src/core/spend/spendTypes';
import { isLoopbackHost, parseBaseUrl } from '../../../../src/core/spend/urlPolicy';
import { FakeSpendServer, SECRETS } from './fakeSpendServer';
import { assertNoSecret, configFor, rejection, sourceDeps } from './spendTestSupport';

/** A fetch that must never be called (and so never reaches any network). */
const forbiddenFetch: FetchLike = () => {
  throw new Error('no request may be sent');
};

suite('spend keys and URLs', () => {
  let server: FakeSpendServer;
  setup(async () => {
    server = await new FakeSpendServer().start();
  });
  teardown(() => server.close());

  test('loopback hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '127.5.6.7', '[::1]', '::1', 'LOCALHOST']) assert.ok(isLoopbackHost(h), h);
    for (const h of ['10.0.0.1', 'localhost.evil.com', '127.0.0.1.nip.io', 'example.com', '[::2]', '128.0.0.1']) assert.ok(!isLoopbackHost(h), h);
  });

  test('http:// only to loopback; credentials and queries in the URL refused', () => {
    for (const ok of ['https://costs.example.com', 'http://localhost:4000', 'http://127.0.0.1:8080/prefix', 'http://[::1]:4000']) assert.doesNotThrow(() => parseBaseUrl(ok, 's'), ok);
    assert.throws(() => parseBaseUrl('http://costs.example.com', 's'), /http:\/\/ is only allowed to this machine.*use https:\/\/costs\.example\.com/);
    assert.throws(() => parseBaseUrl('https://user:pw@x.example', 's'), /credentials/);
    assert.throws(() => parseBaseUrl('https://x.example/?token=abc', 's'), /query/);
    assert.throws(() => parseBaseUrl('ftp://x.example', 's'), /unsupported scheme/);
    assert.throws(() => parseBaseUrl('not a url', 's'), /not a URL/);
  });

  test('an http:// source to a remote host is not-configured and sends nothing', async () => {
    const cfg = makeSourceConfig('litellm', 'http://litellm.example.com:4000', undefined);
    const error = await rejection(createSpendSource(cfg, { fetch: forbiddenFetch, getKey: () => ({ secret: SECRETS.litellm, origin: 'http://litellm.example.com:4000' }) }).fetch());
    assert.strictEqual(error.category, 'not-configured');
  });

  test('a key entered for another origin is not sent: no-key', async () => {
    const cfg = configFor('openrouter', server);
    const error = await rejection(createSpendSource(cfg, sourceDeps(server, { getKey: () => ({ secret: SECRETS.openrouter, origin: 'https://openrouter.ai' }) })).fetch());
    assert.strictEqual(error.category, 'no-key');
    assert.match(error.message, /entered for https:\/\/openrouter\.ai/);
    assert.strictEqual(server.requests.length, 0);
    // Same host, other port: another origin.
    const port = Number(new URL(server.url).port);
    const other = await rejection(createSpendSource(cfg, sourceDeps(server, { getKey: () => ({ secret: SECRETS.openrouter, origin: `http://127.0.0.1:${port + 1}` }) })).fetch());
    assert.strictEqual(other.category, 'no-key');
    assert.strictEqual(server.requests.length, 0);
  });

  test('getKey is asked with the source id and the origin; no key → no-key', async () => {
    const asked: string[] = [];
    const error = await rejection(createSpendSource(configFor('tracker', server), sourceDeps(server, { getKey: (id, origin) => void asked.push(`${id} ${origin}`) })).fetch());
    assert.strictEqual(error.category, 'no-key');
    assert.deepStrictEqual(asked, [`tracker ${new URL(server.url).origin}`]);
  });

  test('a fetch error that quotes the URL (with ?token=) is redacted', async () => {
    const leaky: FetchLike = async (url) => {
      throw new Error(`connect failed for ${url} (key ${SECRETS.tracker})`);
    };
    const error = await rejection(createSpendSource(configFor('tracker', server), sourceDeps(server, { fetch: leaky })).fetch());
    assert.strictEqual(error.category, 'unreachable');
    assertNoSecret(`${error.message} ${error.stack}`);
    assert.match(error.message, /\[redacted\]/);
  });

  test('connection refused → unreachable', async () => {
    const port = Number(new URL(server.url).port);
    await server.close();
    const cfg = makeSourceConfig('openrouter', `http://127.0.0.1:${port}`, undefined);
    const error = await rejection(createSpendSource(cfg, sourceDeps(server, { getKey: () => ({ secret: SECRETS.openrouter, origin: `http://127.0.0.1:${port}` }) })).fetch());
    assert.strictEqual(error.category, 'unreachable');
    assert.match(error.message, /ECONNREFUSED/);
  });

  test('redirects are not followed (the key stays with the origin); 404 is a bad response', async () => {
    const redirecting: FetchLike = async (_url, init) => {
      assert.strictEqual(init.redirect, 'manual');
      return { status: 302, headers: { get: (n: string) => (n === 'location' ? 'https://evil.example/' : null) }, body: null };
    };
    const e1 = await rejection(getJson({ url: new URL(`${server.url}/x`), headers: {}, secrets: [] }, { fetch: redirecting }));
    assert.strictEqual(e1.category, 'bad-response');
    assert.match(e1.message, /redirects/);
    const e2 = await rejection(getJson({ url: new URL(`${server.url}/nope`), headers: {}, secrets: [] }, { fetch: (u, i) => fetch(u, i) as never }));
    assert.match(e2.message, /HTTP 404/);
  });

  test('Retry-After as seconds or an HTTP date, capped', () => {
    const now = Date.UTC(2026, 2, 15, 12);
    assert.strictEqual(parseRetryAfter('30', now), 30_000);
    assert.strictEqual(parseRetryAfter(new Date(now + 90_000).toUTCString(), now), 90_000);
    assert.strictEqual(parseRetryAfter('999999', now), 6 * 3600_000);
    assert.strictEqual(parseRetryAfter('soon', now), undefined);
    assert.strictEqual(parseRetryAfter(null, now), undefined);
  });

  test('a declared Content-Length over the cap is refused before reading', async () => {
    let iterated = false;
    const big: FetchLike = async () => ({
      status: 200,
      headers: { get: (n: string) => (n === 'content-length' ? String(50 * 1024 * 1024) : null) },
      body: { [Symbol.asyncIterator]: async function* () { iterated = true; yield new Uint8Array(1); } },
    });
    const e = await rejection(getJson({ url: new URL('https://x.example/'), headers: {}, secrets: [] }, { fetch: big }));
    assert.strictEqual(e.category, 'bad-response');
    assert.strictEqual(iterated, false);
  });
});
