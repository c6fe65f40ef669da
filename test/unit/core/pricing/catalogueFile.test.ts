import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bundledCatalogue } from '../../../../src/core/pricing/catalogueInUse';
import { catalogueFilePath, parseCatalogue, readCachedCatalogue, removeCatalogueFile, writeCatalogueFile } from '../../../../src/core/pricing/catalogueFile';
import { serialiseCatalogue } from '../../../../src/core/pricing/litellmCatalogue';

suite('pricing: the refreshed catalogue on disk', () => {
  let dir = '';
  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-catalogue-file-'));
  });
  teardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('absent until written; written atomically and read back equal', () => {
    assert.strictEqual(readCachedCatalogue(dir).state, 'absent');
    const nested = path.join(dir, 'a', 'b');
    const file = writeCatalogueFile(nested, bundledCatalogue());
    assert.strictEqual(file, catalogueFilePath(nested));
    assert.deepStrictEqual(fs.readdirSync(nested), ['prices.json'], 'no temp file left behind');
    const read = readCachedCatalogue(nested);
    assert.strictEqual(read.state, 'valid');
    assert.deepStrictEqual(read.state === 'valid' && read.catalogue, JSON.parse(JSON.stringify(bundledCatalogue())));
  });

  test('a failed write leaves the old copy and no temp file', () => {
    writeCatalogueFile(dir, bundledCatalogue());
    const before = fs.readFileSync(catalogueFilePath(dir), 'utf8');
    const cyclic = { ...bundledCatalogue(), models: { ...bundledCatalogue().models } } as Record<string, unknown>;
    (cyclic.models as Record<string, unknown>).loop = cyclic;
    assert.throws(() => writeCatalogueFile(dir, cyclic as never));
    assert.strictEqual(fs.readFileSync(catalogueFilePath(dir), 'utf8'), before);
    assert.deepStrictEqual(fs.readdirSync(dir), ['prices.json']);
  });

  test('a damaged, foreign or old-format copy is reported, never used', () => {
    const text = serialiseCatalogue(bundledCatalogue());
    const cases: Array<[string, RegExp]> = [
      [text.slice(0, text.length / 2), /not JSON/],
      ['[]', /not a price catalogue/],
      [text.replace('"format":2', '"format":1'), /catalogue format 1, this version reads 2/],
      [text.replace(/"modelCount":\d+/, '"modelCount":3'), /says 3: damaged/],
      [text.replace(/^("gpt-4o":\{.*?)"input":2\.5/m, '$1"input":"free"'), /model "gpt-4o" has no valid input/],
      [text.replace('"dateKind":"published"', '"dateKind":"guessed"'), /source is missing or unknown/],
    ];
    for (const [content, problem] of cases) {
      fs.writeFileSync(catalogueFilePath(dir), content);
      const read = readCachedCatalogue(dir);
      assert.strictEqual(read.state, 'invalid', String(problem));
      assert.match(read.state === 'invalid' ? read.problem : '', problem);
    }
    assert.throws(() => parseCatalogue('{'), /not JSON/);
  });

  test('remove goes back to no copy', () => {
    assert.strictEqual(removeCatalogueFile(dir), false);
    writeCatalogueFile(dir, bundledCatalogue());
    assert.strictEqual(removeCatalogueFile(dir), true);
    assert.strictEqual(readCachedCatalogue(dir).state, 'absent');
  });
});
