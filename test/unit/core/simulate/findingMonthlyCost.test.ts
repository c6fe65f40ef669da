import * as assert from 'assert';
import { inputsFor, pricedEstimate } from '../../../../src/core/simulate/findingMonthlyCost';
import { readUsageSection } from '../../../../src/core/simulate/usageFile';
import { finding } from './testFindings';

suite('simulate: a call\'s monthly inputs', () => {
  const reasoning = pricedEstimate({ model: 'o3', inputTokens: 68, outputTokens: { typical: 256 }, reasoningTokens: { typical: 2048 } });

  test('a call estimate bills visible + reasoning as output, and remembers the reasoning', () => {
    assert.deepStrictEqual(reasoning, { model: 'o3', inputTokens: 68, outputTokens: 2304, reasoningTokens: 2048 });
  });

  test('a usage entry\'s outputTokens is the visible output: the call\'s reasoning is billed on top', () => {
    const usage = readUsageSection('usage:\n  prompts:\n    - file: app.py\n      line: 5\n      requestsPerDay: 1000\n      outputTokens: 300\n', '.promptcost.yml')!;
    const call = finding('app.py', 5, 5, { estimates: [reasoning] });
    assert.strictEqual(inputsFor(call, usage.prompts[0], usage, 'expected', 'o3').outputTokens, 300 + 2048);
    // Without an entry value the call's own figure (256 + 2,048) stands.
    const bare = readUsageSection('usage:\n  prompts:\n    - file: app.py\n      line: 5\n      requestsPerDay: 1000\n', '.promptcost.yml')!;
    assert.strictEqual(inputsFor(call, bare.prompts[0], bare, 'expected', 'o3').outputTokens, 2304);
  });
});
