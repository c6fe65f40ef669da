import * as assert from 'assert';
import type { CatalogueData } from '../../../../src/core/pricing/catalogueData';
import { bundledCatalogue, catalogueInUse, refreshedCatalogueInUse, supersededByBundled, useCatalogue } from '../../../../src/core/pricing/catalogueInUse';
import { loadDefaultPriceTable } from '../../../../src/core/pricing/priceTable';

const refreshedOn = (retrieved: string | undefined, date = '2026-12-01'): CatalogueData => ({
  ...bundledCatalogue(),
  models: { ...bundledCatalogue().models, 'gpt-4o': { ...bundledCatalogue().models['gpt-4o'], input: 3 } },
  source: { ...bundledCatalogue().source, kind: 'url', date, dateKind: 'fetched', ...(retrieved ? { retrieved } : {}) },
});

suite('pricing: the catalogue in use on this thread', () => {
  teardown(() => useCatalogue(null));

  test('bundled by default; a refreshed copy prices new tables until it is put back', () => {
    assert.strictEqual(catalogueInUse(), bundledCatalogue());
    assert.strictEqual(refreshedCatalogueInUse(), null);
    const refreshed = refreshedOn('2026-12-01T10:00:00Z');
    useCatalogue(refreshed);
    assert.strictEqual(refreshedCatalogueInUse(), refreshed);
    assert.strictEqual(loadDefaultPriceTable().resolve('gpt-4o')?.input, 3);
    useCatalogue(null);
    assert.strictEqual(loadDefaultPriceTable().resolve('gpt-4o')?.input, 2.5);
  });

  test('a copy fetched before the bundled data\'s day is superseded by it; one fetched later is kept, whatever its data', () => {
    assert.strictEqual(supersededByBundled(refreshedOn('2026-05-01T10:00:00Z', '2026-04-30')), true);
    assert.strictEqual(supersededByBundled(refreshedOn('2026-12-01T10:00:00Z', '2026-01-25')), false);
    assert.strictEqual(supersededByBundled(refreshedOn(undefined, '2026-07-01')), true);
  });
});
