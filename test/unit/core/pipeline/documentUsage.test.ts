import * as assert from 'assert';
import type { PromptAnalysis } from '../../../../src/core/pipeline/promptAnalysis';
import type { ModelEstimate } from '../../../../src/core/estimate/estimatePrompt';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';
import { readUsageSection } from '../../../../src/core/simulate/usageFile';
import { monthlyCosts, type DocumentUsage } from '../../../../src/core/pipeline/documentUsage';
import { approx, testPrices } from '../simulate/testPrices';
import type { CallAnalysis } from '../../../../src/core/pipeline/callAnalysis';
import type { CallEstimate } from '../../../../src/core/estimate/estimateCall';
import { emptyCall } from '../../../../src/core/prompts/llmCall';

const prices = testPrices();

function usageOf(fileKey: string, usage: DocumentUsage['usage'], profile: DocumentUsage['profile']): DocumentUsage {
  return { usage, fileKey, profile };
}

function estimate(model: string, inputTokens: number, outputTokens: number): ModelEstimate {
  return { model, priceId: model, encoding: null, exact: true, inputTokens, staticTokens: inputTokens, inputCost: null, outputTokens, outputCost: null, costPerCall: null, cachedCostPerCall: null, batchCostPerCall: null, contextWindow: null, contextShare: null, tier: null, placeholders: [] };
}

function analysis(startLine: number, endLine: number, name: string | undefined, estimates: ModelEstimate[]): PromptAnalysis {
  const prompt: FoundPrompt = { startLine, endLine, startOffset: startLine * 10, endOffset: endLine * 10, language: 'python', kind: 'literal', text: 'p', placeholders: [], model: estimates[0].model, maxOutputTokens: null, evidence: 'call', ...(name ? { name } : {}) };
  return { prompt, estimates, primary: estimates[0], cheapest: null, variables: 0 };
}

/** Each prompt an implied call of its own, its output all visible (no reasoning). */
function callsOf(prompts: PromptAnalysis[]): CallAnalysis[] {
  return prompts.map(({ prompt, estimates }, index) => {
    const callEstimates = estimates.map((e) => ({ model: e.model, inputTokens: e.inputTokens, outputTokens: { typical: e.outputTokens, max: null }, reasoningTokens: null }) as unknown as CallEstimate);
    const call = { ...emptyCall(prompt, true), model: prompt.model };
    return { call, parts: [{ index, slot: '', tokens: estimates[0].inputTokens, share: 1 }], estimates: callEstimates, primary: callEstimates[0], cheapest: null, modelAssumed: false, monthly: null };
  });
}

const USAGE = readUsageSection(`
usage:
  prompts:
    - file: src/bot.py
      line: 5
      requestsPerDay: { low: 100, expected: 1000, high: 3000 }
    - name: SUMMARY
      requestsPerDay: 10
      model: classic-llm
`, '.promptcost.yml')!;

suite('pipeline: $/month of a document’s prompts', () => {
  const prompts = [
    analysis(4, 8, 'SYSTEM', [estimate('plain-model', 1000, 500), estimate('classic-llm', 1100, 500)]),
    analysis(20, 20, undefined, [estimate('plain-model', 50, 500)]),
    analysis(30, 31, 'SUMMARY', [estimate('plain-model', 200, 100), estimate('classic-llm', 220, 100)]),
  ];

  test('a line entry, a name entry, and nothing for a prompt without an entry', () => {
    const costs = monthlyCosts(callsOf(prompts), prompts, usageOf('src/bot.py', USAGE, null), prices);
    // 1000/day × 30 × (1000 × $1 + 500 × $2)/1M = $60.
    approx(costs[0]?.cost.monthlyCost, 60, 'SYSTEM');
    assert.strictEqual(costs[0]?.profile, 'expected');
    assert.strictEqual(costs[1], null);
    // 10/day × 30 × ((220 + 100) × $0.5)/1M on the entry's model, with that model's token count.
    assert.strictEqual(costs[2]?.model, 'classic-llm');
    approx(costs[2]?.cost.monthlyCost, 0.048, 'SUMMARY');
  });

  test('the profile picks the volume; another file matches no line entry', () => {
    approx(monthlyCosts(callsOf(prompts), prompts, usageOf('src/bot.py', USAGE, 'high'), prices)[0]?.cost.monthlyCost, 180, 'high');
    assert.strictEqual(monthlyCosts(callsOf(prompts), prompts, usageOf('other/bot.py', USAGE, null), prices)[0], null);
  });

  test('an empty usage file prices nothing', () => {
    const empty = readUsageSection('usage:\n  prompts: []\n', 'x.yml')!;
    assert.deepStrictEqual(monthlyCosts(callsOf(prompts), prompts, usageOf('src/bot.py', empty, null), prices), [null, null, null]);
  });
});
