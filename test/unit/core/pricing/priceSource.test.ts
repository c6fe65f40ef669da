import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_PRICES_URL, describeSourceUrl, parsePriceSource, PriceSourceError } from '../../../../src/core/pricing/priceSource';

suite('pricing: price sources', () => {
  const refused = (raw: string, reason: RegExp, cwd?: string) =>
    assert.throws(() => parsePriceSource(raw, cwd), (error: unknown) => error instanceof PriceSourceError && reason.test(error.message), raw);

  test('the default is LiteLLM\'s file on its main branch, over https', () => {
    const source = parsePriceSource(DEFAULT_PRICES_URL);
    assert.strictEqual(source.kind, 'url');
    assert.strictEqual(source.kind === 'url' && source.url.host, 'raw.githubusercontent.com');
  });

  test('https anywhere; http only to this machine', () => {
    for (const ok of ['https://prices.example.com/p.json', 'http://127.0.0.1:8123/p.json', 'http://localhost/p.json', 'http://[::1]:9/p.json', 'http://127.8.9.10/x']) {
      assert.strictEqual(parsePriceSource(ok).kind, 'url', ok);
    }
    refused('http://prices.example.com/p.json', /http:\/\/ is only allowed to this machine/);
    refused('http://10.0.0.1/p.json', /only allowed to this machine/);
    refused('ftp://example.com/p.json', /unsupported scheme ftp:/);
    refused('https://user:secret@example.com/p.json', /must not contain credentials/);
  });

  test('files: absolute, ~/, file://, or relative to the CLI\'s working directory; a setting needs an absolute one', () => {
    assert.deepStrictEqual(parsePriceSource('/data/prices.json'), { kind: 'file', path: '/data/prices.json' });
    assert.deepStrictEqual(parsePriceSource('~/prices.json'), { kind: 'file', path: path.join(os.homedir(), 'prices.json') });
    assert.deepStrictEqual(parsePriceSource('file:///data/p%20q.json'), { kind: 'file', path: '/data/p q.json' });
    assert.deepStrictEqual(parsePriceSource('prices.json', '/work'), { kind: 'file', path: '/work/prices.json' });
    refused('prices.json', /neither a URL nor an absolute file path/);
    refused('   ', /no price source given/);
  });

  test('a URL in a message or the catalogue keeps no query (it may hold a token)', () => {
    assert.strictEqual(describeSourceUrl(new URL('https://h.example/p.json?token=abc#x')), 'https://h.example/p.json');
  });
});
