import * as assert from 'assert';
import { EstimateCache } from '../../../../../src/core/pipeline/estimateCache';
import { analyzePrompt } from '../../../../../src/core/pipeline/promptAnalysis';
import { hoverMarkdown } from '../../../../../src/core/presentation/hover/hoverMarkdown';
import { ctxWith, prompt } from '../analysisFixtures';

suite('presentation: hover Markdown', () => {
  test('hover Markdown escapes names from the file', () => {
    const ctx = ctxWith({});
    const md = hoverMarkdown(analyzePrompt(prompt('Hi', { name: '[click](command:x)' }), ctx, new EstimateCache()), { priceListDate: '2026-04', expectedOutputTokens: 256 });
    assert.doesNotMatch(md, /\[click\]\(command:x\)/);
    assert.match(md, /\| Model \| Tokens \|/);
    assert.match(md, /2026\\-04/);
  });
});
