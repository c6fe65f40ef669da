import * as assert from 'assert';
import { costProblems } from '../../../../../src/core/presentation/diagnostics/costProblems';
import { callAnalysis, callEstimate } from '../analysisFixtures';

const LIMIT = 0.05;
const PARTS = [{ index: 0, slot: '', tokens: 100, share: 1 }];

suite('presentation: cost diagnostics of a call', () => {
  test('typical cost over the limit: perRequestLimit at the configured severity, with the typical–max figures', () => {
    const over = callEstimate('gpt-4o', { costPerCall: 0.21, maxCostPerCall: 0.4, outputTokens: { typical: 256, max: 4000 } });
    const problems = costProblems(callAnalysis([over], PARTS, { model: 'gpt-4o', maxOutputTokens: 4000 }), LIMIT);
    assert.deepStrictEqual(problems, [{
      kind: 'perRequestLimit',
      model: 'gpt-4o',
      level: 'configured',
      message: 'Estimated $0.21–0.40 per call with gpt-4o (typical–max): the typical $0.21 is above the per-request limit of $0.05 (promptCost.perRequestLimit).',
    }]);
  });

  test('a typical cost just over the limit is written with the digits that show it ($0.0103 against $0.01)', () => {
    const over = callEstimate('gpt-4o', { costPerCall: 0.0103, maxCostPerCall: 0.04, outputTokens: { typical: 256, max: 4000 } });
    const [problem] = costProblems(callAnalysis([over], PARTS, { model: 'gpt-4o', maxOutputTokens: 4000 }), 0.01);
    assert.match(problem.message, /the typical \$0\.0103 is above the per-request limit of \$0\.01 /);
  });

  test('typical over the limit without a cap: one figure', () => {
    const over = callEstimate('gpt-4o', { costPerCall: 0.21, maxCostPerCall: null });
    const [problem] = costProblems(callAnalysis([over], PARTS, { model: 'gpt-4o' }), LIMIT);
    assert.strictEqual(problem.message, 'Estimated $0.21 per call with gpt-4o, above the per-request limit of $0.05 (promptCost.perRequestLimit).');
  });

  test('only the max over the limit: an information note naming the cap', () => {
    const capped = callEstimate('gpt-4o', { costPerCall: 0.02, maxCostPerCall: 0.09, outputTokens: { typical: 256, max: 4000 } });
    assert.deepStrictEqual(costProblems(callAnalysis([capped], PARTS, { model: 'gpt-4o', maxOutputTokens: 4000 }), LIMIT), [{
      kind: 'maxOverLimit',
      model: 'gpt-4o',
      level: 'information',
      message: 'Estimated $0.02–0.09 per call with gpt-4o (typical–max): typical is within the per-request limit of $0.05 (promptCost.perRequestLimit), but a response that reaches its output cap of 4,000 tokens would cost $0.09.',
    }]);
    // No cap in the code: the model's maximum output is the max, and the default model is said to be one.
    const uncapped = callEstimate('gpt-4o', { costPerCall: 0.02, maxCostPerCall: 0.17, outputTokens: { typical: 256, max: 16384 } });
    const [problem] = costProblems(callAnalysis([uncapped], PARTS), LIMIT);
    assert.strictEqual(problem.kind, 'maxOverLimit');
    assert.strictEqual(problem.message, "Estimated $0.02–0.17 per call with gpt-4o (default) (typical–max): typical is within the per-request limit of $0.05 (promptCost.perRequestLimit), but a response that reaches the model's maximum output of 16,384 tokens would cost $0.17.");
  });

  test('the whole input over the context window, though the message content alone fits', () => {
    // 100,000 tokens of messages + 30,000 of tools = 130,000 > 128,000.
    const big = callEstimate('gpt-4o', { inputTokens: 130_000, partTokens: 100_000, toolTokens: 30_000, contextWindow: 128_000, contextShare: 130_000 / 128_000, costPerCall: 0.04 });
    assert.deepStrictEqual(costProblems(callAnalysis([big], PARTS, { model: 'gpt-4o' }), LIMIT), [{
      kind: 'contextWindow',
      model: 'gpt-4o',
      level: 'configured',
      message: "This call's input (130,000 tokens with framing, tools and schema) does not fit gpt-4o's context window of 128,000 input tokens.",
    }]);
  });

  test('within every limit, or without a price: no problem', () => {
    const fine = callEstimate('gpt-4o', { costPerCall: 0.01, maxCostPerCall: 0.05, contextWindow: 128_000 });
    assert.deepStrictEqual(costProblems(callAnalysis([fine], PARTS, { model: 'gpt-4o' }), LIMIT), []);
    const unpriced = callEstimate('in-house', { costPerCall: null, maxCostPerCall: null });
    assert.deepStrictEqual(costProblems(callAnalysis([unpriced], PARTS, { model: 'in-house' }), LIMIT), []);
  });
});
