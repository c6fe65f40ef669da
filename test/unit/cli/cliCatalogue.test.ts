import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { applyCachedCatalogue, cliCacheDir } from '../../../src/cli/cliCatalogue';
import { bundledCatalogue, catalogueInUse, useCatalogue } from '../../../src/core/pricing/catalogueInUse';
import { catalogueFilePath, writeCatalogueFile } from '../../../src/core/pricing/catalogueFile';

suite('cli: the price catalogue of a run', () => {
  test('cache folder: PROMPT_COST_CACHE_DIR, else $XDG_CACHE_HOME/prompt-cost-lens, else ~/.cache/prompt-cost-lens', () => {
    assert.strictEqual(cliCacheDir({ PROMPT_COST_CACHE_DIR: 'rel/cache', XDG_CACHE_HOME: '/xdg' }, '/work'), path.resolve('/work', 'rel/cache'));
    assert.strictEqual(cliCacheDir({ XDG_CACHE_HOME: '/xdg', HOME: '/home/u' }, '/work'), path.join('/xdg', 'prompt-cost-lens'));
    if (process.platform !== 'win32') {
      // A relative XDG_CACHE_HOME is invalid (XDG Base Directory spec) and ignored.
      assert.strictEqual(cliCacheDir({ XDG_CACHE_HOME: 'xdg', HOME: '/home/u' }, '/work'), path.join('/home/u', '.cache', 'prompt-cost-lens'));
      assert.strictEqual(cliCacheDir({}, '/work'), path.join(os.homedir(), '.cache', 'prompt-cost-lens'));
    }
  });

  test('a valid refreshed copy is put in use; a superseded or damaged one is reported and the bundled one used', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-cli-catalogue-'));
    const env = { PROMPT_COST_CACHE_DIR: dir };
    try {
      assert.strictEqual(applyCachedCatalogue(env, dir).state, 'absent');
      assert.strictEqual(catalogueInUse(), bundledCatalogue());
      const refreshed = { ...bundledCatalogue(), source: { ...bundledCatalogue().source, kind: 'url' as const, date: '2026-12-08', dateKind: 'fetched' as const } };
      writeCatalogueFile(dir, refreshed);
      assert.strictEqual(applyCachedCatalogue(env, dir).state, 'valid');
      assert.strictEqual(catalogueInUse().source.date, '2026-12-08');
      // Fetched before this version's bundled data: the bundled catalogue is newer and used.
      writeCatalogueFile(dir, { ...refreshed, source: { ...refreshed.source, date: '2026-05-01', retrieved: '2026-05-01T08:00:00Z' } });
      const superseded = applyCachedCatalogue(env, dir);
      assert.deepStrictEqual([superseded.state, superseded.state === 'superseded' && superseded.problem], ['superseded', 'fetched 2026-05-01, before the bundled data of 2026-07-24']);
      assert.strictEqual(catalogueInUse(), bundledCatalogue());
      fs.writeFileSync(catalogueFilePath(dir), '{"format":2');
      const damaged = applyCachedCatalogue(env, dir);
      assert.strictEqual(damaged.state, 'invalid');
      assert.strictEqual(catalogueInUse(), bundledCatalogue());
    } finally {
      useCatalogue(null);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
