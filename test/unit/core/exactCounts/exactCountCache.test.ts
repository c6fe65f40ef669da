import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXACT_COUNTS_FILE, ExactCountCache, MAX_AGE_MS, MAX_ENTRIES } from '../../../../src/core/exactCounts/exactCountCache';

const key = (n: number) => n.toString(16).padStart(64, '0');
const entry = (tokens: number, at = Date.now()) => ({ tokens, provider: 'anthropic' as const, model: 'claude-sonnet-4-5', at });

suite('exactCounts: ExactCountCache (on disk)', () => {
  let dir: string;
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-cache-'));
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a count written is read back by a new instance (a restart)', async () => {
    const cache = new ExactCountCache(dir);
    await cache.set(key(1), entry(42));
    await cache.flush();
    assert.deepStrictEqual((await new ExactCountCache(dir).get(key(1)))?.tokens, 42);
    assert.strictEqual(await new ExactCountCache(dir).get(key(2)), undefined);
    assert.deepStrictEqual(fs.readdirSync(dir), [EXACT_COUNTS_FILE]); // no temp file left
  });

  test('entries older than 30 days are not used, and not written again', async () => {
    let now = Date.now();
    const cache = new ExactCountCache(dir, () => now);
    await cache.set(key(1), entry(7, now));
    now += MAX_AGE_MS + 1;
    assert.strictEqual(await cache.get(key(1)), undefined);
    await cache.set(key(2), entry(8, now));
    await cache.flush();
    const stored = JSON.parse(fs.readFileSync(path.join(dir, EXACT_COUNTS_FILE), 'utf8')) as { entries: Record<string, unknown> };
    assert.deepStrictEqual(Object.keys(stored.entries), [key(2)]);
  });

  test(`the file keeps the ${MAX_ENTRIES} newest`, async () => {
    const cache = new ExactCountCache(dir);
    for (let i = 0; i <= MAX_ENTRIES; i++) await cache.set(key(i), entry(i));
    await cache.flush();
    const reread = new ExactCountCache(dir);
    assert.strictEqual(await reread.get(key(0)), undefined);
    assert.strictEqual((await reread.get(key(MAX_ENTRIES)))?.tokens, MAX_ENTRIES);
  });

  test('an unreadable or foreign file is an empty cache; bad entries are skipped', async () => {
    fs.writeFileSync(path.join(dir, EXACT_COUNTS_FILE), '{ not json');
    assert.strictEqual(await new ExactCountCache(dir).get(key(1)), undefined);
    fs.writeFileSync(path.join(dir, EXACT_COUNTS_FILE), JSON.stringify({ format: 1, entries: { [key(1)]: { tokens: -3, provider: 'anthropic', model: 'm', at: Date.now() }, short: entry(1), [key(2)]: entry(9) } }));
    const cache = new ExactCountCache(dir);
    assert.strictEqual(await cache.get(key(1)), undefined);
    assert.strictEqual(await cache.get('short'), undefined);
    assert.strictEqual((await cache.get(key(2)))?.tokens, 9);
  });

  test('clear forgets memory and disk', async () => {
    const cache = new ExactCountCache(dir);
    await cache.set(key(1), entry(1));
    await cache.flush();
    await cache.clear();
    assert.strictEqual(await cache.get(key(1)), undefined);
    assert.strictEqual(fs.existsSync(path.join(dir, EXACT_COUNTS_FILE)), false);
  });
});
