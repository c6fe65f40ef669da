import * as assert from 'assert';
import {
  CODE_FAMILY_FACTORS,
  DEFAULT_FAMILY_FACTORS,
  estimateTokens,
  looksLikeCode,
} from '../../../../src/core/tokens/estimateTokens';
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
    });
    assert.deepStrictEqual(estimateTokens(PROSE, 'gpt-4-turbo'), {
      tokens: countTokens(PROSE, 'cl100k_base').tokens,
      exact: true,
      encoding: 'cl100k_base',
      factor: 1,
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
    assert.strictEqual(DEFAULT_FAMILY_FACTORS.anthropic, 1.2);
    assert.strictEqual(CODE_FAMILY_FACTORS.anthropic, 1.3);
    assert.deepStrictEqual(estimateTokens(PROSE, 'claude-sonnet-4-5'), {
      tokens: Math.ceil(prose * 1.2 - 1e-9),
      exact: false,
      encoding: 'o200k_base',
      factor: 1.2,
    });
    assert.deepStrictEqual(estimateTokens(CODE, 'anthropic/claude-opus-4'), {
      tokens: Math.ceil(code * 1.3 - 1e-9),
      exact: false,
      encoding: 'o200k_base',
      factor: 1.3,
    });
  });

  test('factors never add a token through float noise', () => {
    const tenTokens = 'one two three four five six seven eight nine ten'; // 10 o200k tokens
    assert.strictEqual(countTokens(tenTokens, 'o200k_base').tokens, 10);
    assert.strictEqual(estimateTokens(tenTokens, 'claude-3-haiku').tokens, 12); // 10 × 1.2 = 12.000000000000002
  });

  test('each family uses its documented default', () => {
    const base = countTokens(PROSE, 'o200k_base').tokens;
    const cases: [string, number][] = [
      ['gemini-2.5-pro', DEFAULT_FAMILY_FACTORS.google],
      ['llama-3.1-8b', DEFAULT_FAMILY_FACTORS.meta],
      ['mistral-large', DEFAULT_FAMILY_FACTORS.mistral],
      ['deepseek-chat', DEFAULT_FAMILY_FACTORS.deepseek],
      ['grok-4', 1],
      ['command-r', 1],
      ['qwen3-32b', 1],
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
    assert.strictEqual(estimateTokens(PROSE, 'gemini-2.5-pro', overrides).factor, DEFAULT_FAMILY_FACTORS.google);
    assert.strictEqual(estimateTokens(PROSE, 'llama-3.1-8b', overrides).factor, DEFAULT_FAMILY_FACTORS.meta);
    // A family override also replaces the code factor.
    assert.strictEqual(estimateTokens(CODE, 'claude-3-haiku', { anthropic: 1.25 }).factor, 1.25);
    // Keys are case-insensitive and may include a route.
    assert.strictEqual(estimateTokens(PROSE, 'openrouter/mistralai/mistral-small', { 'OpenRouter/MistralAI/': 1.4 }).factor, 1.4);
  });
});
