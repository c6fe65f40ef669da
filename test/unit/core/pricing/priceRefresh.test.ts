import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { catalogueFilePath, readCachedCatalogue } from '../../../../src/core/pricing/catalogueFile';
import { PriceRefreshError, refreshPrices, type RefreshStage } from '../../../../src/core/pricing/priceRefresh';
import { LoopbackPriceServer } from './loopbackPriceServer';
import { SYNTHETIC_MODEL_COUNT, syntheticLiteLlmFile } from './syntheticLiteLlm';

const NOW = new Date('2026-12-08T09:30:00Z');

suite('pricing: price refresh (download or file → validated catalogue → cache)', function () {
  this.timeout(20_000);
  const server = new LoopbackPriceServer();
  let cacheDir = '';
  const good = JSON.stringify(syntheticLiteLlmFile());

  suiteSetup(async () => {
    await server.start();
    server.routes.set('/good.json', { body: good });
    server.routes.set('/dated.json', { body: good, headers: { 'last-modified': 'Mon, 30 Nov 2026 22:00:00 GMT' } });
  });
  suiteTeardown(() => server.close());
  setup(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-refresh-'));
  });
  teardown(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

  const refresh = (source: string, limits = {}) => refreshPrices({ source, cacheDir, now: () => NOW, limits });

  test('a download becomes the cached catalogue, stamped with its URL, date kind and hash', async () => {
    const result = await refresh(`${server.url}/good.json?token=not-kept`);
    assert.strictEqual(result.file, catalogueFilePath(cacheDir));
    assert.strictEqual(result.catalogue.modelCount, SYNTHETIC_MODEL_COUNT);
    assert.deepStrictEqual(result.catalogue.source, {
      name: 'LiteLLM model_prices_and_context_window.json',
      license: 'MIT, Copyright (c) 2023 Berri AI',
      url: 'https://github.com/BerriAI/litellm',
      kind: 'url',
      location: `${server.url}/good.json`,
      // No Last-Modified: the day it was fetched, and said so.
      date: '2026-12-08',
      dateKind: 'fetched',
      sha256: createHash('sha256').update(good).digest('hex'),
      retrieved: NOW.toISOString(),
    });
    const stored = readCachedCatalogue(cacheDir);
    assert.strictEqual(stored.state, 'valid');
    assert.deepStrictEqual(stored.state === 'valid' && stored.catalogue, JSON.parse(JSON.stringify(result.catalogue)));
  });

  test('the server\'s Last-Modified is the date when it sends one', async () => {
    const { source } = (await refresh(`${server.url}/dated.json`)).catalogue;
    assert.deepStrictEqual([source.date, source.dateKind], ['2026-11-30', 'last-modified']);
  });

  test('a local file works the same, dated by its modification time', async () => {
    const file = path.join(cacheDir, 'litellm.json');
    fs.writeFileSync(file, good);
    fs.utimesSync(file, new Date('2026-12-01T12:00:00Z'), new Date('2026-12-01T12:00:00Z'));
    const { source } = (await refreshPrices({ source: 'litellm.json', cwd: cacheDir, cacheDir, now: () => NOW })).catalogue;
    assert.deepStrictEqual([source.kind, source.location, source.date, source.dateKind], ['file', file, '2026-12-01', 'file-modified']);
  });

  suite('every failure keeps the last good copy and says what failed', () => {
    const failures: Array<[string, () => void, string, RefreshStage, RegExp, object?]> = [
      ['404', () => undefined, '/nothing.json', 'download', /nothing\.json: HTTP 404/],
      ['over the size cap', () => server.routes.set('/huge.json', { streamBytes: 2 * 1024 * 1024 }), '/huge.json', 'download', /larger than the 1 MB cap/, { maxBytes: 1024 * 1024 }],
      ['not JSON', () => server.routes.set('/page.html', { body: '<html>rate limited</html>' }), '/page.html', 'parse', /page\.html: not JSON: Unexpected token/],
      ['too few models', () => server.routes.set('/few.json', { body: JSON.stringify(syntheticLiteLlmFile(40)) }), '/few.json', 'validate', /few\.json: only 37 chat models with per-token prices \(at least 500 expected\)/],
      ['a bad price', () => server.routes.set('/bad.json', { body: good.replace('"input_cost_per_token":0.0000025', '"input_cost_per_token":"cheap"') }), '/bad.json', 'validate', /input_cost_per_token is "cheap"/],
      ['a redirect to plain http elsewhere', () => server.routes.set('/away', { redirect: 'http://prices.example.invalid/p.json' }), '/away', 'download', /redirect refused: .*only allowed to this machine/],
      ['a timeout', () => server.routes.set('/slow.json', { stall: true }), '/slow.json', 'download', /no complete answer within 0\.3 s/, { timeoutMs: 300 }],
    ];
    for (const [what, arrange, urlPath, stage, reason, limits] of failures) {
      test(what, async () => {
        await refresh(`${server.url}/good.json`);
        const before = fs.readFileSync(catalogueFilePath(cacheDir), 'utf8');
        arrange();
        await assert.rejects(refresh(`${server.url}${urlPath}`, limits), (error: unknown) => {
          assert.ok(error instanceof PriceRefreshError, String(error));
          assert.strictEqual(error.stage, stage);
          assert.match(error.message, reason);
          return true;
        });
        assert.strictEqual(fs.readFileSync(catalogueFilePath(cacheDir), 'utf8'), before, 'the last good copy is untouched');
        assert.deepStrictEqual(fs.readdirSync(cacheDir), ['prices.json'], 'no temp file left');
      });
    }

    test('a source the rules refuse, a missing file, an unwritable cache', async () => {
      await assert.rejects(refresh('http://prices.example.invalid/p.json'), (e: unknown) => e instanceof PriceRefreshError && e.stage === 'source');
      await assert.rejects(refresh(path.join(cacheDir, 'none.json')), (e: unknown) => e instanceof PriceRefreshError && e.stage === 'read' && /none\.json: no such file/.test(e.message));
      const blocked = path.join(cacheDir, 'blocked');
      fs.writeFileSync(blocked, 'a file where the cache folder should be');
      await assert.rejects(refreshPrices({ source: `${server.url}/good.json`, cacheDir: blocked }), (e: unknown) => e instanceof PriceRefreshError && e.stage === 'write' && /cannot write to/.test(e.message));
    });
  });
});
