import * as assert from 'assert';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings } from '../../../src/core/config/engineSettings';
import { cheapestAlternative, formatChange } from '../../../src/core/editor/cheapestAlternative';
import { costProblems } from '../../../src/core/editor/costProblems';
import { EstimateCache } from '../../../src/core/pipeline/estimateCache';
import { hoverMarkdown } from '../../../src/core/editor/hoverMarkdown';
import { lensTitle } from '../../../src/core/editor/lensTitle';
import { escapeMarkdown } from '../../../src/core/editor/markdownEscape';
import { compactTokens, modelRow } from '../../../src/core/editor/modelRows';
import { analyzePrompt } from '../../../src/core/pipeline/promptAnalysis';
import { rankByCost, summarize } from '../../../src/core/editor/workspaceReport';
import { createEstimateContext } from '../../../src/core/estimate/estimateContext';
import type { ModelEstimate } from '../../../src/core/estimate/estimatePrompt';
import type { FoundPrompt } from '../../../src/core/prompts/prompt';

function prompt(text: string, extra: Partial<FoundPrompt> = {}): FoundPrompt {
  return { startLine: 3, endLine: 3, startOffset: 10, endOffset: 10 + text.length, language: 'python', kind: 'literal', text, placeholders: [], model: null, maxOutputTokens: null, evidence: 'call', ...extra };
}

function estimate(model: string, costPerCall: number | null): ModelEstimate {
  return { model, priceId: model, encoding: null, exact: true, inputTokens: 100, staticTokens: 100, inputCost: null, outputTokens: 10, outputCost: null, costPerCall, cachedCostPerCall: null, batchCostPerCall: null, contextWindow: null, contextShare: null, tier: null, placeholders: [] };
}

const ctxWith = (overrides: object) => createEstimateContext(mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, overrides).settings);

suite('editor helpers', () => {
  test('cheapestAlternative picks the cheapest cheaper model and its change', () => {
    const alt = cheapestAlternative(estimate('a', 0.01), [estimate('b', 0.005), estimate('c', 0.0007), estimate('d', null)]);
    assert.strictEqual(alt?.estimate.model, 'c');
    assert.ok(Math.abs((alt?.change ?? 0) + 0.93) < 1e-9);
    assert.strictEqual(cheapestAlternative(estimate('a', 0.001), [estimate('b', 0.002)]), null);
    assert.deepStrictEqual(cheapestAlternative(estimate('a', null), [estimate('b', 0.002)])?.change, null);
  });

  test('formatChange uses a real minus and a spaced percent sign', () => {
    assert.strictEqual(formatChange(-0.93), '\u221293 %');
    assert.strictEqual(formatChange(0.12), '+12 %');
    assert.strictEqual(formatChange(-0.004), '\u22120.4 %');
  });

  test('lens title: exact count without ≈, the model, and the cheapest alternative', () => {
    const ctx = ctxWith({ compareModels: ['gpt-4o-mini'] });
    const title = lensTitle(analyzePrompt(prompt('You are a helpful assistant.', { model: 'gpt-4o' }), ctx, new EstimateCache()));
    assert.match(title, /^6 tokens · \$0\.\d+\/call · gpt-4o · gpt-4o-mini \$0\.\d+ \(−94 %\)$/);
  });

  test('lens title: a template shows static tokens, vars and the typical total; no price says so', () => {
    const text = 'Answer {question} using {context}.';
    const placeholders = [
      { name: 'question', syntax: 'format' as const, raw: '{question}', offset: 7 },
      { name: 'context', syntax: 'format' as const, raw: '{context}', offset: 24 },
    ];
    const ctx = ctxWith({ placeholderTokens: 50 });
    const title = lensTitle(analyzePrompt(prompt(text, { kind: 'template', placeholders, model: 'acme-unknown-1' }), ctx, new EstimateCache()));
    assert.match(title, /^≈ \d+ tokens \+ 2 vars \(~1\d\d\) · no price · acme-unknown-1$/);
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

  test('cost problems: over the limit and over the context window', () => {
    const over = { ...estimate('m', 0.2), contextWindow: 50 };
    const problems = costProblems({ prompt: prompt('x'), estimates: [over], primary: over, cheapest: null, variables: 0, monthly: null }, 0.05);
    assert.deepStrictEqual(problems.map((p) => p.kind), ['perRequestLimit', 'contextWindow']);
    const fine = estimate('m', 0.01);
    assert.deepStrictEqual(costProblems({ prompt: prompt('x'), estimates: [fine], primary: fine, cheapest: null, variables: 0, monthly: null }, 0.05), []);
  });

  test('hover Markdown escapes names from the file', () => {
    assert.strictEqual(escapeMarkdown('[x](command:evil) <b>*y*</b>'), '\\[x\\]\\(command\\:evil\\) &lt;b&gt;\\*y\\*&lt;/b&gt;');
    const ctx = ctxWith({});
    const md = hoverMarkdown(analyzePrompt(prompt('Hi', { name: '[click](command:x)' }), ctx, new EstimateCache()), { priceListDate: '2026-04', expectedOutputTokens: 256 });
    assert.doesNotMatch(md, /\[click\]\(command:x\)/);
    assert.match(md, /\| Model \| Tokens \|/);
    assert.match(md, /2026\\-04/);
  });

  test('model rows and compact token counts', () => {
    assert.strictEqual(compactTokens(128000), '128K');
    assert.strictEqual(compactTokens(1048576), '1M');
    assert.strictEqual(compactTokens(8192), '8,192');
    const row = modelRow({ ...estimate('gpt-4o', 0.0021), contextWindow: 128000, contextShare: 0.0025 }, 0);
    assert.deepStrictEqual([row.label, row.description, row.detail], ['gpt-4o', '100 tokens', '$0.0021/call · $2.10/1k calls · 0.3 % of 128K context']);
  });

  test('workspace report ranks by cost, unpriced last', () => {
    const a = (cost: number | null, file: string) => ({ file, analysis: { prompt: prompt('x'), estimates: [], primary: estimate('m', cost), cheapest: null, variables: 0, monthly: null } });
    const ranked = rankByCost([a(0.01, 'a'), a(null, 'b'), a(0.3, 'c')]);
    assert.deepStrictEqual(ranked.map((e) => e.file), ['c', 'a', 'b']);
    assert.deepStrictEqual(summarize(ranked), { files: 3, prompts: 3, totalPerCall: 0.31, unpriced: 1 });
  });
});
