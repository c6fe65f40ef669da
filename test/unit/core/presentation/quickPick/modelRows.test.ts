import * as assert from 'assert';
import { callModelRows, callPickTitle, compactTokens, contextShareLabel } from '../../../../../src/core/presentation/quickPick/modelRows';
import { callAnalysis, callEstimate, estimate, prompt, promptAnalysis } from '../analysisFixtures';

const PARTS = [{ index: 0, slot: '', tokens: 100, share: 1 }];

suite('presentation: model quick-pick rows of a call', () => {
  test('compact token counts and the context share', () => {
    assert.strictEqual(compactTokens(128000), '128K');
    assert.strictEqual(compactTokens(1048576), '1M');
    assert.strictEqual(compactTokens(8192), '8,192');
    assert.strictEqual(contextShareLabel({ contextWindow: 1_000_000, contextShare: 0.0004 }), '< 0.1 % of 1M context');
    assert.strictEqual(contextShareLabel({ contextWindow: null, contextShare: null }), null);
  });

  test('one row per model: the call’s tokens, cost typical–max, $/1k calls, the current model marked', () => {
    // 252 / 128,000 = 0.197 % of the window; $0.0032 × 1,000 = $3.20 per 1k calls.
    const gpt4o = callEstimate('gpt-4o', { inputTokens: 252, outputTokens: { typical: 256, max: 600 }, costPerCall: 0.0032, maxCostPerCall: 0.0066, contextWindow: 128_000, contextShare: 252 / 128_000 });
    const mini = callEstimate('gpt-4o-mini', { inputTokens: 252, outputTokens: { typical: 256, max: 600 }, costPerCall: 0.0002, maxCostPerCall: 0.0004 });
    const o4 = callEstimate('o4-mini', { exact: false, inputTokens: 252, outputTokens: { typical: 256, max: 600 }, reasoningTokens: { typical: 1024, max: 4096, effort: 'medium', source: 'default' }, costPerCall: 0.0058, maxCostPerCall: 0.012 });
    const unpriced = callEstimate('in-house', { costPerCall: null });
    const rows = callModelRows(callAnalysis([gpt4o, mini, o4, unpriced], PARTS, { model: 'gpt-4o' }));
    assert.deepStrictEqual(rows.map((r) => [r.model, r.label, r.description, r.detail, r.current]), [
      ['gpt-4o', 'gpt-4o (current)', '252 in + 256–600 out', '$0.0032–0.0066/call · $3.20/1k calls · 0.2 % of 128K context', true],
      ['gpt-4o-mini', 'gpt-4o-mini', '252 in + 256–600 out', '$0.0002–0.0004/call · $0.20/1k calls', false],
      ['o4-mini', 'o4-mini', '≈ 252 in + 256–600 out + ~1k reasoning', '$0.0058–0.012/call · $5.80/1k calls', false],
      ['in-house', 'in-house', '100 in + 256 out', 'no price', false],
    ]);
  });

  test('a call that names no model: its default model is the current row, marked default', () => {
    const rows = callModelRows(callAnalysis([callEstimate('gpt-4o'), callEstimate('gpt-4o-mini')], PARTS));
    assert.deepStrictEqual(rows.map((r) => [r.label, r.current]), [['gpt-4o (default)', true], ['gpt-4o-mini', false]]);
  });

  test('the title names the call, its line and its model', () => {
    const prompts = [promptAnalysis(prompt('Hi', { name: 'SYSTEM_PROMPT' }), [estimate('gpt-4o', 0.001)])];
    assert.strictEqual(callPickTitle(callAnalysis([callEstimate('gpt-4o')], PARTS, { model: 'gpt-4o' }), prompts), 'Prompt Cost: call at line 43 (gpt-4o)');
    assert.strictEqual(callPickTitle(callAnalysis([callEstimate('gpt-4o')], PARTS), prompts), 'Prompt Cost: call at line 43 (gpt-4o, default)');
    // A prompt no call is seen to send is priced as one call of its own: named by its constant.
    const implied = callPickTitle(callAnalysis([callEstimate('gpt-4o')], PARTS, { implied: true, startLine: 3, endLine: 3 }), prompts);
    assert.strictEqual(implied, 'Prompt Cost: SYSTEM_PROMPT at line 3 (gpt-4o, default)');
    assert.doesNotMatch(implied, /: \(line/);
  });
});
