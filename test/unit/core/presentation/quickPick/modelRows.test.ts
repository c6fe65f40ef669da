import * as assert from 'assert';
import { compactTokens, modelRow } from '../../../../../src/core/presentation/quickPick/modelRows';
import { estimate } from '../analysisFixtures';

suite('presentation: model quick-pick rows', () => {
  test('model rows and compact token counts', () => {
    assert.strictEqual(compactTokens(128000), '128K');
    assert.strictEqual(compactTokens(1048576), '1M');
    assert.strictEqual(compactTokens(8192), '8,192');
    const row = modelRow({ ...estimate('gpt-4o', 0.0021), contextWindow: 128000, contextShare: 0.0025 }, 0);
    assert.deepStrictEqual([row.label, row.description, row.detail], ['gpt-4o', '100 tokens', '$0.0021/call · $2.10/1k calls · 0.3 % of 128K context']);
  });
});
