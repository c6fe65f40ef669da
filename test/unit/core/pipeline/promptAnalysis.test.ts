import * as assert from 'assert';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings } from '../../../../src/core/config/engineSettings';
import { cheapestAlternative } from '../../../../src/core/estimate/cheapestAlternative';
import { EstimateCache } from '../../../../src/core/pipeline/estimateCache';
import { analyzePrompt } from '../../../../src/core/pipeline/promptAnalysis';
import { createEstimateContext } from '../../../../src/core/estimate/estimateContext';
import type { ModelEstimate } from '../../../../src/core/estimate/estimatePrompt';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';

function prompt(text: string, extra: Partial<FoundPrompt> = {}): FoundPrompt {
  return { startLine: 3, endLine: 3, startOffset: 10, endOffset: 10 + text.length, language: 'python', kind: 'literal', text, placeholders: [], model: null, maxOutputTokens: null, evidence: 'call', ...extra };
}

function estimate(model: string, costPerCall: number | null): ModelEstimate {
  return { model, priceId: model, encoding: null, exact: true, inputTokens: 100, staticTokens: 100, inputCost: null, outputTokens: 10, outputCost: null, costPerCall, cachedCostPerCall: null, batchCostPerCall: null, contextWindow: null, contextShare: null, tier: null, placeholders: [] };
}

const ctxWith = (overrides: object) => createEstimateContext(mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, overrides).settings);

suite('pipeline: prompt analysis (estimates, cache, cheapest alternative)', () => {
  test('cheapestAlternative picks the cheapest cheaper model and its change', () => {
    const alt = cheapestAlternative(estimate('a', 0.01), [estimate('b', 0.005), estimate('c', 0.0007), estimate('d', null)]);
    assert.strictEqual(alt?.estimate.model, 'c');
    assert.ok(Math.abs((alt?.change ?? 0) + 0.93) < 1e-9);
    assert.strictEqual(cheapestAlternative(estimate('a', 0.001), [estimate('b', 0.002)]), null);
    assert.deepStrictEqual(cheapestAlternative(estimate('a', null), [estimate('b', 0.002)])?.change, null);
  });

  test('the estimate cache reuses estimates of an unchanged prompt that moved', () => {
    const ctx = ctxWith({ compareModels: ['gpt-4o-mini', 'claude-haiku-4-5'] });
    const cache = new EstimateCache();
    const first = analyzePrompt(prompt('Summarise the text.'), ctx, cache);
    assert.deepStrictEqual(cache.stats, { hits: 0, misses: 3 });
    const moved = analyzePrompt(prompt('Summarise the text.', { startLine: 40, endLine: 40, startOffset: 900, endOffset: 919 }), ctx, cache);
    assert.deepStrictEqual(cache.stats, { hits: 3, misses: 3 });
    assert.deepStrictEqual(moved.estimates, first.estimates);
    analyzePrompt(prompt('Summarise the text!'), ctx, cache);
    assert.deepStrictEqual(cache.stats, { hits: 3, misses: 6 });
  });
});
