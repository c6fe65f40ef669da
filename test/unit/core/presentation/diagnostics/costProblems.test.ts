import * as assert from 'assert';
import { costProblems } from '../../../../../src/core/presentation/diagnostics/costProblems';
import { estimate, prompt } from '../analysisFixtures';

suite('presentation: cost diagnostics', () => {
  test('cost problems: over the limit and over the context window', () => {
    const over = { ...estimate('m', 0.2), contextWindow: 50 };
    const problems = costProblems({ prompt: prompt('x'), estimates: [over], primary: over, cheapest: null, variables: 0 }, 0.05);
    assert.deepStrictEqual(problems.map((p) => p.kind), ['perRequestLimit', 'contextWindow']);
    const fine = estimate('m', 0.01);
    assert.deepStrictEqual(costProblems({ prompt: prompt('x'), estimates: [fine], primary: fine, cheapest: null, variables: 0 }, 0.05), []);
  });
});
