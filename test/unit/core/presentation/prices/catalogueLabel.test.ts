import * as assert from 'assert';
import type { CatalogueSource } from '../../../../../src/core/pricing/catalogueData';
import { bundledCatalogue } from '../../../../../src/core/pricing/catalogueInUse';
import { catalogueLabel, catalogueStatusLine } from '../../../../../src/core/presentation/prices/catalogueLabel';

const refreshed = (over: Partial<CatalogueSource>): CatalogueSource => ({ ...bundledCatalogue().source, ...over });

suite('presentation: the price catalogue, named and dated', () => {
  test('the bundled catalogue: the data\'s own date (PROVENANCE.md), not a file name\'s', () => {
    assert.strictEqual(catalogueLabel(bundledCatalogue().source), 'LiteLLM, 2026-07-24 (bundled)');
    assert.strictEqual(catalogueStatusLine(bundledCatalogue().source, 1170), 'LiteLLM, 2026-07-24 (bundled), 1,170 models');
  });

  test('a refreshed copy says what its date is and where it came from', () => {
    const url = 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json';
    assert.strictEqual(catalogueLabel(refreshed({ kind: 'url', location: url, date: '2026-12-01', dateKind: 'last-modified' })), 'LiteLLM, 2026-12-01 (Last-Modified) (from raw.githubusercontent.com)');
    assert.strictEqual(catalogueLabel(refreshed({ kind: 'url', location: url, date: '2026-12-08', dateKind: 'fetched' })), 'LiteLLM, fetched 2026-12-08 (from raw.githubusercontent.com)');
    assert.strictEqual(catalogueLabel(refreshed({ kind: 'file', location: '/data/litellm.json', date: '2026-12-07', dateKind: 'file-modified' })), 'LiteLLM, file of 2026-12-07 (from litellm.json)');
  });
});
