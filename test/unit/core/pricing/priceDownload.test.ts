import * as assert from 'assert';
import { downloadPriceFile, PriceDownloadError } from '../../../../src/core/pricing/priceDownload';
import { LoopbackPriceServer } from './loopbackPriceServer';

suite('pricing: price download (a real server on 127.0.0.1)', function () {
  this.timeout(20_000);
  const server = new LoopbackPriceServer();
  suiteSetup(() => server.start());
  suiteTeardown(() => server.close());

  const fails = async (path: string, reason: RegExp, limits = {}) => {
    await assert.rejects(downloadPriceFile(new URL(path, server.url), limits), (error: unknown) => error instanceof PriceDownloadError && reason.test(error.message));
  };

  test('a 200 answer: its bytes and its Last-Modified', async () => {
    server.routes.set('/ok.json', { body: '{"a":1}', headers: { 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' } });
    const got = await downloadPriceFile(new URL('/ok.json', server.url));
    assert.strictEqual(got.bytes.toString(), '{"a":1}');
    assert.strictEqual(got.lastModified?.toISOString(), '2026-12-01T10:00:00.000Z');
    server.routes.set('/no-date.json', { body: '{}', headers: { 'last-modified': 'yesterday-ish' } });
    assert.strictEqual((await downloadPriceFile(new URL('/no-date.json', server.url))).lastModified, null);
  });

  test('an error status says so, with the URL', async () => {
    await fails('/missing.json', /^http:\/\/127\.0\.0\.1:\d+\/missing\.json: HTTP 404 Not Found$/);
    server.routes.set('/500', { status: 500, body: 'boom' });
    await fails('/500', /HTTP 500/);
  });

  test('the size cap holds whether or not the server announces the size', async () => {
    server.routes.set('/big-announced', { body: Buffer.alloc(5000, 'x') });
    await fails('/big-announced', /5000 bytes announced, more than the 4000 bytes cap/, { maxBytes: 4000 });
    server.routes.set('/big-streamed', { streamBytes: 3 * 1024 * 1024 });
    await fails('/big-streamed', /larger than the 1 MB cap \(stopped reading\)/, { maxBytes: 1024 * 1024 });
  });

  test('redirects are followed, each hop checked against the same rules, and limited', async () => {
    server.routes.set('/target.json', { body: '[]' });
    server.routes.set('/moved', { redirect: '/target.json', status: 301 });
    const got = await downloadPriceFile(new URL('/moved', server.url));
    assert.strictEqual(got.bytes.toString(), '[]');
    assert.strictEqual(got.finalUrl.pathname, '/target.json');

    // Never contacted: the redirect is refused before any request to it.
    server.routes.set('/to-plain-http', { redirect: 'http://prices.example.invalid/p.json' });
    await fails('/to-plain-http', /^redirect refused: http:\/\/prices\.example\.invalid\/p\.json: http:\/\/ is only allowed to this machine/);
    server.routes.set('/to-ftp', { redirect: 'ftp://127.0.0.1/p.json' });
    await fails('/to-ftp', /redirect refused: .*unsupported scheme ftp:/);

    server.routes.set('/loop', { redirect: '/loop' });
    await fails('/loop', /more than 2 redirects/, { maxRedirects: 2 });
  });

  test('a server that stalls is given up on at the deadline', async () => {
    server.routes.set('/stall', { stall: true });
    const started = Date.now();
    await fails('/stall', /no complete answer within 0\.3 s/, { timeoutMs: 300 });
    assert.ok(Date.now() - started < 5000);
  });

  test('a URL the rules refuse is not requested at all', async () => {
    await assert.rejects(downloadPriceFile(new URL('http://prices.example.invalid/p.json')), /only allowed to this machine/);
  });
});
