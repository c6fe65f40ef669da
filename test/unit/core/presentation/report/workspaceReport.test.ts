import * as assert from 'assert';
import { rankByCost, summarize } from '../../../../../src/core/presentation/report/workspaceReport';
import { estimate, prompt } from '../analysisFixtures';

suite('presentation: Estimate Workspace report', () => {
  test('workspace report ranks by cost, unpriced last', () => {
    const a = (cost: number | null, file: string) => ({ file, analysis: { prompt: prompt('x'), estimates: [], primary: estimate('m', cost), cheapest: null, variables: 0 }, monthly: null });
    const ranked = rankByCost([a(0.01, 'a'), a(null, 'b'), a(0.3, 'c')]);
    assert.deepStrictEqual(ranked.map((e) => e.file), ['c', 'a', 'b']);
    assert.deepStrictEqual(summarize(ranked), { files: 3, prompts: 3, totalPerCall: 0.31, unpriced: 1 });
  });
});
