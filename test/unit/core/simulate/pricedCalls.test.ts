import * as assert from 'assert';
import { pricedCalls } from '../../../../src/core/simulate/pricedCalls';
import type { CallFinding, CallFindingEstimate, FileFindings, PromptFinding } from '../../../../src/core/scan/finding';

function promptFinding(id: string, startLine: number, text: string, calls: string[], name?: string): PromptFinding {
  return { id, file: 'a.py', startLine, endLine: startLine, language: 'python', kind: 'literal', text, placeholders: [], model: null, evidence: 'call', calls, tokens: 10, ...(name ? { name } : {}) };
}

function callEstimate(model: string, inputTokens: number, visible: number, reasoning: number | null): CallFindingEstimate {
  return {
    model, encoding: null, exact: false, counting: { method: 'factor', name: null, exact: false, factor: { prose: 1.2, code: 1.3 }, basis: 'test', label: '≈ test' },
    inputTokens, overheadTokens: 11, toolTokens: 0, schemaTokens: 0,
    outputTokens: { typical: visible, max: 8000 }, reasoningTokens: reasoning === null ? null : { typical: reasoning, max: 8000 },
    cost: null, cachedCost: null, batchCost: null, contextWindow: null, priceId: null,
  };
}

function callFinding(id: string, startLine: number, prompts: string[], estimates: CallFindingEstimate[], name?: string): CallFinding {
  return { id, file: 'a.py', startLine, endLine: startLine + 2, implied: false, api: 'chat', model: estimates[0].model, kind: 'literal', prompts, estimates, assumed: [], ...(name ? { name } : {}) };
}

suite('simulate: the scan’s calls as the simulation prices them', () => {
  // SHARED (line 2) is sent by both calls; each has its own user message.
  const findings: FileFindings = {
    prompts: [
      promptFinding('p1', 2, 'You are careful.', ['c1', 'c2'], 'SHARED'),
      promptFinding('p2', 6, 'Summarize {x}', ['c1']),
      promptFinding('p3', 11, 'Translate {y}', ['c2']),
    ],
    calls: [
      callFinding('c1', 5, ['p1', 'p2'], [callEstimate('o4-mini', 80, 256, 2048), callEstimate('gpt-4o', 79, 256, null)], 'SHARED'),
      callFinding('c2', 10, ['p1', 'p3'], [callEstimate('gpt-4o', 75, 100, null)], 'SHARED'),
    ],
  };

  test('one per call: its place, its parts’ places and names, the text of its parts in order', () => {
    const calls = pricedCalls(findings);
    assert.deepStrictEqual(calls.map((c) => [c.startLine, c.endLine, c.name, c.parts]), [
      [5, 7, 'SHARED', [{ startLine: 2, endLine: 2, name: 'SHARED' }, { startLine: 6, endLine: 6 }]],
      [10, 12, 'SHARED', [{ startLine: 2, endLine: 2, name: 'SHARED' }, { startLine: 11, endLine: 11 }]],
    ]);
    assert.deepStrictEqual(calls.map((c) => c.text), ['You are careful.\n\nSummarize {x}', 'You are careful.\n\nTranslate {y}']);
  });

  test('tokens per model: the whole input; output = typical visible + typical reasoning (both billed as output)', () => {
    const [first, second] = pricedCalls(findings);
    // o4-mini: 256 visible + 2,048 reasoning = 2,304; gpt-4o reasons not: 256; the capped call: 100.
    assert.deepStrictEqual(first.estimates, [{ model: 'o4-mini', inputTokens: 80, outputTokens: 2304, reasoningTokens: 2048 }, { model: 'gpt-4o', inputTokens: 79, outputTokens: 256 }]);
    assert.deepStrictEqual(second.estimates, [{ model: 'gpt-4o', inputTokens: 75, outputTokens: 100 }]);
    // The shared prompt is in both calls' input, and each call's output is its own: two outputs for two calls.
    const outputs = pricedCalls(findings).map((c) => c.estimates[0].outputTokens);
    assert.deepStrictEqual(outputs, [2304, 100]);
  });
});
