import * as assert from 'assert';
import { countingLabel, countingMethod, isExactMethod, providerCountLabel } from '../../../../src/core/tokens/countingMethod';

suite('tokens: countingMethod (how a count was made, as data and as words)', () => {
  test('one label per kind: OpenAI encoding, local tokenizer, ≈ local, ≈ factor (Gemini and Llama 3 by measured factors)', () => {
    assert.strictEqual(countingLabel(countingMethod('gpt-4o')), 'exact: OpenAI encoding o200k_base');
    assert.strictEqual(countingLabel(countingMethod('qwen3-32b')), 'exact: Qwen 3 tokenizer (local)');
    assert.match(countingLabel(countingMethod('gemini-2.5-flash')), /^≈ o200k_base ×1\.07 \(prose\) \/ ×1\.25 \(code\): Gemma 3 tokenizer factor /);
    assert.match(countingLabel(countingMethod('llama-3.1-8b')), /^≈ o200k_base ×1\.01 \(prose\) \/ ×1 \(code\): Llama 3 tokenizer factor, measured on 2026-12-08/);
    assert.match(countingLabel(countingMethod('qwen2.5-72b')), /^≈ Qwen 3 tokenizer \(local\): counted with the Qwen 3 vocabulary/);
    assert.match(countingLabel(countingMethod('claude-sonnet-4-5')), /^≈ o200k_base ×1\.2 \(prose\) \/ ×1\.3 \(code\): Claude before Opus 4\.7/);
    assert.match(countingLabel(countingMethod('claude-opus-4-7')), /^≈ o200k_base ×1\.55: Claude's tokenizer from Opus 4\.7 on: Anthropic says/);
  });

  test('a user factor replaces a factor, never a tokenizer', () => {
    assert.deepStrictEqual(countingMethod('claude-opus-4-7', 1.4), { kind: 'factor', prose: 1.4, code: 1.4, basis: 'your estimateFactors setting' });
    assert.strictEqual(countingMethod('qwen3-32b', 1.4).kind, 'local');
    // Llama 3 and Gemini are factors now, so a user factor replaces theirs.
    assert.deepStrictEqual(countingMethod('gemini-2.5-flash', 1.4), { kind: 'factor', prose: 1.4, code: 1.4, basis: 'your estimateFactors setting' });
    assert.strictEqual(countingMethod('gpt-4o', 1.4).kind, 'encoding');
  });

  test('exact methods: encodings and local tokenizers that are the model’s own', () => {
    assert.strictEqual(isExactMethod(countingMethod('gpt-4o')), true);
    assert.strictEqual(isExactMethod(countingMethod('deepseek-chat')), true);
    assert.strictEqual(isExactMethod(countingMethod('mistral-small-latest')), false);
    assert.strictEqual(isExactMethod(countingMethod('grok-4')), false);
    assert.strictEqual(isExactMethod(countingMethod('gemini-2.5-pro')), false);
    assert.strictEqual(isExactMethod(countingMethod('llama-3.3-70b-versatile')), false);
  });

  test("a provider's count: `exact (Anthropic API)`, `exact (Gemini API)`, and exact", () => {
    assert.strictEqual(countingLabel({ kind: 'provider', provider: 'anthropic', added: 0 }), 'exact (Anthropic API)');
    assert.strictEqual(countingLabel({ kind: 'provider', provider: 'gemini', added: 50 }), 'exact (Gemini API)');
    assert.strictEqual(providerCountLabel('gemini'), 'exact (Gemini API)');
    assert.strictEqual(isExactMethod({ kind: 'provider', provider: 'anthropic', added: 0 }), true);
  });
});
