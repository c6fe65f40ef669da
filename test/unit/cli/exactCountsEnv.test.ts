import * as assert from 'assert';
import * as path from 'path';
import { exactCountsFromEnv } from '../../../src/cli/exactCountsEnv';
import { ExactCountCache } from '../../../src/core/exactCounts/exactCountCache';

suite('cli: exactCountsEnv (keys and URLs from the environment only)', () => {
  test('no key: no client, so nothing can be sent', () => {
    assert.strictEqual(exactCountsFromEnv({ PROMPT_COST_ANTHROPIC_COUNT_URL: 'http://127.0.0.1:9' }, '/tmp'), null);
    assert.strictEqual(exactCountsFromEnv({ ANTHROPIC_API_KEY: '  ' }, '/tmp'), null);
  });

  test('only providers with a key are turned on; the cache lives in the user cache folder', () => {
    const exact = exactCountsFromEnv({ GEMINI_API_KEY: 'g-key', PROMPT_COST_CACHE_DIR: '/tmp/pcl-exact' }, '/tmp');
    assert.deepStrictEqual(exact?.providers, ['gemini']);
    const cache = (exact!.client as unknown as { options: { cache: ExactCountCache } }).options.cache;
    assert.strictEqual(cache.file, path.join('/tmp/pcl-exact', 'exact-counts.json'));
  });

  test('a key goes to the official HTTPS endpoint, or to the URL the environment names, bound to its origin', () => {
    const official = exactCountsFromEnv({ ANTHROPIC_API_KEY: 'a-key' }, '/tmp')!;
    const endpoints = (client: unknown) => (client as { options: { endpoints: Record<string, { baseUrl: string; key: { origin: string } }> } }).options.endpoints;
    assert.deepStrictEqual([endpoints(official.client).anthropic.baseUrl, endpoints(official.client).anthropic.key.origin], ['https://api.anthropic.com', 'https://api.anthropic.com']);
    const local = exactCountsFromEnv({ ANTHROPIC_API_KEY: 'a-key', PROMPT_COST_ANTHROPIC_COUNT_URL: 'http://127.0.0.1:8080/proxy' }, '/tmp')!;
    assert.strictEqual(endpoints(local.client).anthropic.key.origin, 'http://127.0.0.1:8080');
  });
});
