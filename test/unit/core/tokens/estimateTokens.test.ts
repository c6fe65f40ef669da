import * as assert from 'assert';
import { estimateTokens, looksLikeCode } from '../../../../src/core/tokens/estimateTokens';
import { countLocalTokens } from '../../../../src/core/tokens/localTokenCounter';
import { countTokens } from '../../../../src/core/tokens/tokenCounter';

const PROSE = 'Please summarise the following article in three short bullet points for a busy executive.';
const CODE = 'function add(a, b) {\n  return { sum: a + b, items: [a, b] };\n}\nconst x = add(1, 2);';

suite('tokens: estimateTokens', () => {
  test('OpenAI models: exact count in their own encoding, factor 1', () => {
    assert.deepStrictEqual(estimateTokens(PROSE, 'gpt-4o'), {
      tokens: countTokens(PROSE, 'o200k_base').tokens,
      exact: true,
      encoding: 'o200k_base',
      factor: 1,
      method: { kind: 'encoding', name: 'o200k_base' },
    });
    assert.deepStrictEqual(estimateTokens(PROSE, 'gpt-4-turbo'), {
      tokens: countTokens(PROSE, 'cl100k_base').tokens,
      exact: true,
      encoding: 'cl100k_base',
      factor: 1,
      method: { kind: 'encoding', name: 'cl100k_base' },
    });
  });

  test('OpenAI models ignore factor overrides', () => {
    assert.strictEqual(estimateTokens(PROSE, 'gpt-4o', { openai: 2, 'gpt-4o': 3 }).factor, 1);
  });

  test('the content heuristic tells prose from code', () => {
    assert.strictEqual(looksLikeCode(PROSE), false);
    assert.strictEqual(looksLikeCode(CODE), true);
    assert.strictEqual(looksLikeCode('{"role": "user", "content": "hi"}'), true);
    assert.strictEqual(looksLikeCode(''), false);
  });

  test('Claude: o200k × 1.2 on prose, × 1.3 on code, rounded up, approximate', () => {
    const prose = countTokens(PROSE, 'o200k_base').tokens;
    const code = countTokens(CODE, 'o200k_base').tokens;
    const sonnet = estimateTokens(PROSE, 'claude-sonnet-4-5');
    assert.deepStrictEqual({ ...sonnet, method: sonnet.method.kind }, { tokens: Math.ceil(prose * 1.2 - 1e-9), exact: false, encoding: 'o200k_base', factor: 1.2, method: 'factor' });
    const opus = estimateTokens(CODE, 'anthropic/claude-opus-4');
    assert.deepStrictEqual({ ...opus, method: opus.method.kind }, { tokens: Math.ceil(code * 1.3 - 1e-9), exact: false, encoding: 'o200k_base', factor: 1.3, method: 'factor' });
  });

  test("Claude from Opus 4.7 on: the new tokenizer's factor, 1.55 on prose and code", () => {
    const prose = countTokens(PROSE, 'o200k_base').tokens;
    for (const model of ['claude-opus-4-7', 'claude-opus-4-8-20260601', 'anthropic/claude-sonnet-5']) {
      const estimate = estimateTokens(PROSE, model);
      assert.strictEqual(estimate.factor, 1.55, model);
      assert.strictEqual(estimate.tokens, Math.ceil(prose * 1.55 - 1e-9), model);
    }
    assert.strictEqual(estimateTokens(CODE, 'claude-opus-4-7').factor, 1.55);
    assert.strictEqual(estimateTokens(PROSE, 'claude-opus-4-6').factor, 1.2);
  });

  test('families with a local tokenizer are counted with it, exactly, and say so', () => {
    const cases: [string, Parameters<typeof countLocalTokens>[1]][] = [
      ['qwen3-32b', 'qwen3'],
      ['deepseek-chat', 'deepseek-v3'],
      ['open-mistral-nemo', 'mistral-tekken'],
      ['open-mixtral-8x7b', 'mistral-spm-v1'],
    ];
    for (const [model, tokenizer] of cases) {
      const estimate = estimateTokens(PROSE, model);
      assert.strictEqual(estimate.tokens, countLocalTokens(PROSE, tokenizer).tokens, model);
      assert.strictEqual(estimate.exact, true, model);
      assert.deepStrictEqual([estimate.encoding, estimate.factor, estimate.method.kind], [null, 1, 'local'], model);
    }
    // A model believed to share a shipped vocabulary is counted with it but stays ≈.
    const newer = estimateTokens(PROSE, 'mistral-small-latest');
    assert.deepStrictEqual([newer.method.kind, newer.exact], ['local', false]);
  });

  test('Llama 3 and Gemini 2.x/3: the factors measured against their tokenizers, prose and code apart', () => {
    const prose = countTokens(PROSE, 'o200k_base').tokens;
    const code = countTokens(CODE, 'o200k_base').tokens;
    const cases: [string, number, number][] = [
      ['llama-3.1-8b-instant', 1.01, 1.0],
      ['gemini-2.5-pro', 1.07, 1.25],
      ['gemini-3-flash-preview', 1.07, 1.25],
      ['gemma-3-27b-it', 1.07, 1.25],
    ];
    for (const [model, proseFactor, codeFactor] of cases) {
      const onProse = estimateTokens(PROSE, model);
      assert.deepStrictEqual([onProse.tokens, onProse.exact, onProse.factor, onProse.method.kind], [Math.ceil(prose * proseFactor - 1e-9), false, proseFactor, 'factor'], model);
      const onCode = estimateTokens(CODE, model);
      assert.deepStrictEqual([onCode.tokens, onCode.factor], [Math.ceil(code * codeFactor - 1e-9), codeFactor], model);
    }
  });

  test('factors never add a token through float noise', () => {
    const tenTokens = 'one two three four five six seven eight nine ten'; // 10 o200k tokens
    assert.strictEqual(countTokens(tenTokens, 'o200k_base').tokens, 10);
    assert.strictEqual(estimateTokens(tenTokens, 'claude-3-haiku').tokens, 12); // 10 × 1.2 = 12.000000000000002
  });

  test('each family uses its documented default', () => {
    const base = countTokens(PROSE, 'o200k_base').tokens;
    const cases: [string, number][] = [
      ['gemini-1.5-pro', 1.1],
      ['llama-2-70b', 1.05],
      ['deepseek-coder', 1.05],
      ['grok-4', 1],
      ['command-r', 1],
      ['some-unknown-model', 1],
      ['text-davinci-003', 1],
    ];
    for (const [model, factor] of cases) {
      const estimate = estimateTokens(PROSE, model);
      assert.strictEqual(estimate.factor, factor, model);
      assert.strictEqual(estimate.exact, false, model);
      assert.strictEqual(estimate.tokens, Math.ceil(base * factor - 1e-9), model);
    }
  });

  test('overrides: model-id prefix beats family, longest prefix wins, bad values are ignored', () => {
    const overrides = { anthropic: 1.5, claude: 1.6, 'claude-opus': 1.7, 'claude-opus-4': 1.8, google: 0, meta: Number.NaN };
    assert.strictEqual(estimateTokens(PROSE, 'claude-opus-4-1', overrides).factor, 1.8);
    assert.strictEqual(estimateTokens(PROSE, 'claude-opus-3', overrides).factor, 1.7);
    assert.strictEqual(estimateTokens(PROSE, 'claude-3-haiku', overrides).factor, 1.6);
    assert.strictEqual(estimateTokens(PROSE, 'anthropic/my-alias', overrides).factor, 1.5);
    assert.strictEqual(estimateTokens(PROSE, 'gemini-1.5-pro', overrides).factor, 1.1);
    assert.strictEqual(estimateTokens(PROSE, 'llama-2-70b', overrides).factor, 1.05);
    // A model with a local tokenizer is counted with it whatever the factors say; Llama 3's factor can be overridden.
    assert.strictEqual(estimateTokens(PROSE, 'qwen3-32b', { qwen: 2, qwen3: 3 }).factor, 1);
    assert.strictEqual(estimateTokens(PROSE, 'llama-3.1-8b', { meta: 2, llama: 3 }).factor, 3);
    // A family override also replaces the code factor.
    assert.strictEqual(estimateTokens(CODE, 'claude-3-haiku', { anthropic: 1.25 }).factor, 1.25);
    // Keys are case-insensitive and may include a route.
    assert.strictEqual(estimateTokens(PROSE, 'openrouter/x-ai/grok-4', { 'OpenRouter/X-AI/': 1.4 }).factor, 1.4);
  });
});
