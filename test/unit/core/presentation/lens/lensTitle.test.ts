import * as assert from 'assert';
import { EstimateCache } from '../../../../../src/core/pipeline/estimateCache';
import { analyzePrompt } from '../../../../../src/core/pipeline/promptAnalysis';
import { formatChange, lensTitle } from '../../../../../src/core/presentation/lens/lensTitle';
import { ctxWith, prompt } from '../analysisFixtures';

suite('presentation: lens title', () => {
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
});
