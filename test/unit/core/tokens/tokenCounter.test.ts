import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { Tiktoken } from 'js-tiktoken/lite';
import {
  MAX_RUN_CHARS,
  MIN_EXACT_CHARS,
  clearTokenCountCache,
  countTokens,
  isEncodingLoaded,
  preloadEncoding,
} from '../../../../src/core/tokens/tokenCounter';

type Ranks = ConstructorParameters<typeof Tiktoken>[0];

suite('tokens: countTokens', function () {
  this.timeout(60_000);
  let o200k: Tiktoken;
  let cl100k: Tiktoken;
  const oracle = (text: string, encoding: 'o200k_base' | 'cl100k_base') =>
    (encoding === 'o200k_base' ? o200k : cl100k).encode(text, [], []).length;

  suiteSetup(() => {
    o200k = new Tiktoken(require('js-tiktoken/ranks/o200k_base') as Ranks);
    cl100k = new Tiktoken(require('js-tiktoken/ranks/cl100k_base') as Ranks);
  });

  test('loading is lazy: importing the module loads no encoder', () => {
    const modulePath = path.join(__dirname, '../../../../src/core/tokens/tokenCounter.js');
    const script = `
      const counter = require(${JSON.stringify(modulePath)});
      const gptLoaded = Object.keys(require.cache).some((file) => file.includes('gpt-tokenizer'));
      const before = counter.isEncodingLoaded('o200k_base');
      counter.countTokens('hello world', 'o200k_base');
      process.stdout.write(JSON.stringify({ gptLoaded, before, after: counter.isEncodingLoaded('o200k_base'), cl100k: counter.isEncodingLoaded('cl100k_base') }));`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    assert.deepStrictEqual(result, { gptLoaded: false, before: false, after: true, cl100k: false });
  });

  test('preloadEncoding loads an encoder', () => {
    preloadEncoding('cl100k_base');
    assert.strictEqual(isEncodingLoaded('cl100k_base'), true);
  });

  test('special-token text is counted as plain text, never an error', () => {
    const texts = [
      '<|endoftext|>',
      '<|im_start|>',
      '<|im_end|>',
      '<|endofprompt|>',
      '<|fim_prefix|>',
      '<|fim_middle|>',
      '<|fim_suffix|>',
      'Hello <|endoftext|> world <|im_start|>user\nHi<|im_end|>',
    ];
    for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
      for (const text of texts) {
        const counted = countTokens(text, encoding);
        assert.deepStrictEqual(counted, { tokens: oracle(text, encoding), exact: true }, `${encoding} ${text}`);
        // As a special token it would be 1; as text it is several.
        if (text.startsWith('<|') && text.endsWith('|>') && !text.includes(' ')) assert.ok(counted.tokens > 1, text);
      }
    }
  });

  test('empty and short strings', () => {
    assert.deepStrictEqual(countTokens('', 'o200k_base'), { tokens: 0, exact: true });
    assert.deepStrictEqual(countTokens('hello world', 'o200k_base'), { tokens: 2, exact: true });
  });

  test('a run at the limit is exact; a longer run is cut and marked approximate', () => {
    const atLimit = 'a'.repeat(MAX_RUN_CHARS);
    assert.deepStrictEqual(countTokens(atLimit, 'o200k_base'), { tokens: oracle(atLimit, 'o200k_base'), exact: true });
    for (const run of ['a'.repeat(6400), ' '.repeat(2000), '!'.repeat(1000), '中'.repeat(800), '😀'.repeat(700), '/\n'.repeat(600)]) {
      for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
        const counted = countTokens(`start ${run} end`, encoding);
        assert.strictEqual(counted.exact, false, `${encoding} ${run.slice(0, 4)}×${run.length}`);
        assert.ok(counted.tokens > 0);
      }
    }
  });

  test('a cut run still counts close to the exact figure', () => {
    const run = `prefix ${'abcdefgh'.repeat(100)} suffix`; // an 800-letter run: cut once
    const counted = countTokens(run, 'o200k_base');
    const expected = oracle(run, 'o200k_base');
    assert.strictEqual(counted.exact, false);
    assert.ok(Math.abs(counted.tokens - expected) <= 3, `${counted.tokens} vs ${expected}`);
  });

  test('long prose with ordinary spaces stays exact (and equals js-tiktoken)', () => {
    const sentence = 'The model reads the whole prompt, including this sentence, before it answers. ';
    const prose = sentence.repeat(2600); // ≈ 205 KB
    for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
      const counted = countTokens(prose, encoding, { timeBudgetMs: Infinity });
      assert.deepStrictEqual(counted, { tokens: oracle(prose, encoding), exact: true });
    }
  });

  test('long code with ordinary lines stays exact (and equals js-tiktoken)', () => {
    const code = 'export function add(a: number, b: number): number {\n\treturn a + b; // sum\n}\n\n'.repeat(1500);
    const counted = countTokens(code, 'cl100k_base', { timeBudgetMs: Infinity });
    assert.deepStrictEqual(counted, { tokens: oracle(code, 'cl100k_base'), exact: true });
  });

  test('out of time budget: the rest is extrapolated and marked approximate', () => {
    const sentence = 'Every sentence in this text has roughly the same number of tokens as the others. ';
    const prose = sentence.repeat(1000);
    const expected = oracle(prose, 'o200k_base');
    const counted = countTokens(prose, 'o200k_base', { timeBudgetMs: -1 }); // out of time once the first 16 K characters are counted
    assert.strictEqual(counted.exact, false);
    assert.ok(Math.abs(counted.tokens - expected) / expected < 0.05, `${counted.tokens} vs ${expected}`);
  });

  test('a text up to 16 K characters is counted exactly even with no time left: a busy machine changes no count', () => {
    const sentence = 'Every sentence in this text has roughly the same number of tokens as the others. ';
    const text = sentence.repeat(Math.floor(MIN_EXACT_CHARS / sentence.length));
    assert.ok(text.length > 8 * 2048 - sentence.length, 'several segments, so the budget is checked several times');
    assert.deepStrictEqual(countTokens(text, 'o200k_base', { timeBudgetMs: -1 }), { tokens: oracle(text, 'o200k_base'), exact: true });
    assert.strictEqual(countTokens(text + sentence.repeat(40), 'o200k_base', { timeBudgetMs: -1 }).exact, false, 'past 16 K the budget applies');
  });

  test('U+FEFF (miscounted by gpt-tokenizer 4.0.0) is approximate and close', () => {
    for (const text of ['\uFEFFbom', 'a\uFEFFb', 'text with a BOM\uFEFF inside and\uFEFF\uFEFF more']) {
      for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
        const counted = countTokens(text, encoding);
        const boms = text.split('\uFEFF').length - 1;
        assert.strictEqual(counted.exact, false);
        assert.ok(Math.abs(counted.tokens - oracle(text, encoding)) <= boms, `${encoding} ${JSON.stringify(text)}`);
      }
    }
  });

  test('lone surrogates and split emoji never throw', () => {
    const texts = ['\ud800', 'a\udc00b', '😀'.repeat(600) + '\ud83d', '\ud83d' + 'x'.repeat(700)];
    for (const text of texts) {
      const counted = countTokens(text, 'o200k_base');
      assert.ok(counted.tokens > 0);
    }
    assert.deepStrictEqual(countTokens('a\udc00b', 'o200k_base'), { tokens: oracle('a\udc00b', 'o200k_base'), exact: true });
  });

  test('the cache returns the same result, and callers cannot corrupt it', () => {
    clearTokenCountCache();
    const text = 'Cache me: the same text must always get the same count. '.repeat(20);
    const first = countTokens(text, 'o200k_base');
    first.tokens = -1;
    const second = countTokens(text, 'o200k_base');
    assert.deepStrictEqual(second, { tokens: oracle(text, 'o200k_base'), exact: true });
    assert.deepStrictEqual(countTokens(text, 'o200k_base'), second);
    // The cache is per encoding.
    assert.strictEqual(countTokens(text, 'cl100k_base').tokens, oracle(text, 'cl100k_base'));
  });
});
