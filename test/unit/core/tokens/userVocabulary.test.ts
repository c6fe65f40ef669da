import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { vocabulariesFromEnv } from '../../../../src/cli/vocabulariesEnv';
import { UsageError } from '../../../../src/cli/args';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings } from '../../../../src/core/config/engineSettings';
import { DocumentPipeline } from '../../../../src/core/pipeline/documentPipeline';
import type { WorkerReply } from '../../../../src/core/pipeline/pipelineProtocol';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';
import { countingLabel, countingMethod } from '../../../../src/core/tokens/countingMethod';
import { estimateTokens } from '../../../../src/core/tokens/estimateTokens';
import { countLocalTokens, isLocalTokenizerLoaded, unloadLocalTokenizers } from '../../../../src/core/tokens/localTokenCounter';
import {
  MAX_VOCABULARY_BYTES,
  REFERENCE_COUNTS,
  loadUserVocabulary,
  parseVocabularyPaths,
  setReferenceCountsForTests,
  useUserVocabularies,
  type UserTokenizerName,
} from '../../../../src/core/tokens/userVocabulary';

const LLAMA = 'llama-3.1-8b-instant';

/**
 * A tiny byte-level BPE tokenizer.json in Hugging Face's format (what Llama 3's is): printable ASCII and
 * "Ġ" (a space) as single tokens, and merges that spell each of `words` whole (words chosen so that no
 * merge of one applies inside another). Not the Llama 3 vocabulary:
 * the tests that use it check the mechanics against counts it gives by construction.
 */
function syntheticTokenizerJson(words: readonly string[]): object {
  const vocab: Record<string, number> = {};
  const add = (token: string) => {
    if (!(token in vocab)) vocab[token] = Object.keys(vocab).length;
  };
  for (let code = 33; code < 127; code++) add(String.fromCharCode(code));
  add('Ġ');
  const merges: [string, string][] = [];
  for (const word of words) {
    const chars = [...word.replace(/ /g, 'Ġ')];
    let prefix = chars[0]!;
    for (const char of chars.slice(1)) {
      if (!(prefix + char in vocab)) merges.push([prefix, char]);
      prefix += char;
      add(prefix);
    }
  }
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: 0, content: '<|begin_of_text|>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: null,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab, merges },
  };
}

/** The counts the synthetic vocabulary gives: one token per word it spells. */
const SYNTHETIC_REFERENCES = { llama3: [{ text: 'hello world', tokens: 2 }, { text: 'hello world again', tokens: 3 }] };

suite('tokens: userVocabulary (your own Llama 3 / Gemma 3 tokenizer.json)', function () {
  this.timeout(60_000);
  let dir: string;

  setup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'user-vocab-'));
    unloadLocalTokenizers();
    setReferenceCountsForTests(SYNTHETIC_REFERENCES);
  });
  teardown(() => {
    useUserVocabularies({});
    setReferenceCountsForTests(null);
    unloadLocalTokenizers();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, content: string | object): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };
  const goodFile = () => write('tokenizer.json', syntheticTokenizerJson(['hello', ' world', ' again']));

  // ──── Parsing ────

  test('the setting: ~/ is the home folder, unknown names, blanks and relative paths are skipped with a reason', () => {
    const parsed = parseVocabularyPaths({ llama3: '~/models/llama/tokenizer.json', Gemma3: '/opt/g/tokenizer.json', llama4: '/x', qwen3: '' }, { home: '/home/me' });
    assert.deepStrictEqual(parsed.paths, { llama3: path.normalize('/home/me/models/llama/tokenizer.json'), gemma3: path.normalize('/opt/g/tokenizer.json') });
    assert.strictEqual(parsed.problems.length, 2, parsed.problems.join('\n'));
    assert.match(parsed.problems[0]!, /"llama4" is not a tokenizer that takes your vocabulary/);
    assert.match(parseVocabularyPaths({ llama3: 'rel/tokenizer.json' }).problems[0]!, /not an absolute path/);
    assert.deepStrictEqual(parseVocabularyPaths({ llama3: 'rel/t.json' }, { cwd: '/work' }).paths, { llama3: path.resolve('/work', 'rel/t.json') });
    assert.match(parseVocabularyPaths(['/x']).problems[0]!, /must be an object/);
    assert.deepStrictEqual(parseVocabularyPaths(undefined), { paths: {}, problems: [] });
  });

  test('the CLI: PROMPT_COST_VOCABULARIES is JSON, relative to the current folder; a malformed value is a usage error', () => {
    assert.strictEqual(vocabulariesFromEnv({}, '/work'), undefined);
    assert.deepStrictEqual(vocabulariesFromEnv({ PROMPT_COST_VOCABULARIES: '{"llama3": "m/tokenizer.json"}' }, '/work'), { llama3: path.resolve('/work', 'm/tokenizer.json') });
    assert.throws(() => vocabulariesFromEnv({ PROMPT_COST_VOCABULARIES: 'llama3=/x' }, '/work'), UsageError);
    assert.throws(() => vocabulariesFromEnv({ PROMPT_COST_VOCABULARIES: '{"mistral": "/x"}' }, '/work'), /not a tokenizer that takes your vocabulary/);
  });

  test('a .promptcost.yml layer cannot set the vocabularies', () => {
    const merged = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, { vocabularies: { llama3: '/tmp/evil.json' } });
    assert.strictEqual(merged.settings.vocabularies, undefined);
    assert.match(merged.problems.join('\n'), /`vocabularies` can be set only by you/);
  });

  // ──── Counting ────

  test('without a vocabulary Llama 3 keeps its measured factor', () => {
    const estimate = estimateTokens('hello world', LLAMA);
    assert.strictEqual(estimate.method.kind, 'factor');
    assert.match(countingLabel(estimate.method), /Llama 3 tokenizer factor/);
  });

  test('a valid file is used and gives its exact counts, labelled as your vocabulary', () => {
    useUserVocabularies({ llama3: goodFile() });
    const estimate = estimateTokens('hello world again world', LLAMA);
    assert.deepStrictEqual({ tokens: estimate.tokens, exact: estimate.exact, encoding: estimate.encoding }, { tokens: 4, exact: true, encoding: null });
    assert.strictEqual(countingLabel(estimate.method), 'exact: Llama 3 tokenizer (your vocabulary)');
    // Text the vocabulary has no word for falls to single characters; special-token text is plain text.
    assert.strictEqual(countLocalTokens('abc', 'llama3').tokens, 3);
    assert.strictEqual(countLocalTokens('<|begin_of_text|>', 'llama3').tokens, '<|begin_of_text|>'.length);
    // Other families are untouched.
    assert.strictEqual(estimateTokens('hello world', 'gemini-2.5-flash').method.kind, 'factor');
  });

  test('lazy: nothing is read until a prompt of that family is counted', () => {
    const file = path.join(dir, 'later.json');
    useUserVocabularies({ llama3: file });
    // The method is known from the setting alone; counting another model reads nothing.
    assert.strictEqual(countingLabel(countingMethod(LLAMA)), 'exact: Llama 3 tokenizer (your vocabulary)');
    estimateTokens('hello world', 'gpt-4o');
    assert.strictEqual(isLocalTokenizerLoaded('llama3'), false);
    // The file did not exist until now: had it been read earlier, the count below would fall back.
    fs.writeFileSync(file, JSON.stringify(syntheticTokenizerJson(['hello', ' world', ' again'])));
    assert.deepStrictEqual(estimateTokens('hello world', LLAMA).tokens, 2);
    assert.strictEqual(isLocalTokenizerLoaded('llama3'), true);
  });

  test('a changed path is read again; a removed one goes back to the factor', () => {
    useUserVocabularies({ llama3: path.join(dir, 'missing.json') });
    assert.strictEqual(estimateTokens('hello world', LLAMA).method.kind, 'factor');
    useUserVocabularies({ llama3: goodFile() });
    assert.strictEqual(estimateTokens('hello world', LLAMA).method.kind, 'local');
    useUserVocabularies({});
    assert.strictEqual(estimateTokens('hello world', LLAMA).method.kind, 'factor');
  });

  const fallsBack = (file: string, reason: RegExp) => {
    useUserVocabularies({ llama3: file });
    const estimate = estimateTokens('hello world', LLAMA);
    assert.strictEqual(estimate.exact, false);
    assert.strictEqual(estimate.method.kind, 'factor');
    const label = countingLabel(estimate.method);
    assert.match(label, /^≈ o200k_base ×1\.01 \(prose\) \/ ×1 \(code\): Llama 3 tokenizer factor/);
    assert.match(label, /Your llama3 vocabulary is not used: /);
    assert.match(label, reason);
  };

  test('a missing file falls back to the factor and says why', () => fallsBack(path.join(dir, 'nope.json'), /nope\.json cannot be read/));

  test('an oversize file falls back without being read', () => {
    const file = path.join(dir, 'huge.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_VOCABULARY_BYTES + 1);
    fallsBack(file, /more than the 64 MB a tokenizer\.json may be/);
  });

  test('a file that is not JSON, or not a BPE tokenizer.json, falls back and says why', () => {
    fallsBack(write('bad.json', '{"model": '), /is not valid JSON/);
    unloadLocalTokenizers();
    const wordPiece = { ...syntheticTokenizerJson(['hello']), model: { type: 'WordPiece', vocab: { a: 0 } } };
    fallsBack(write('wp.json', wordPiece), /WordPiece model type; only BPE tokenizers are supported/);
    unloadLocalTokenizers();
    fallsBack(write('novocab.json', { model: { type: 'BPE', merges: [] } }), /no "model\.vocab" object/);
  });

  test('a wrong vocabulary (other counts on the reference strings) falls back and says which string differed', () => {
    // Spells "hello" but not " world": "hello world" is 7 tokens, not 2.
    fallsBack(write('other.json', syntheticTokenizerJson(['hello'])), /is not the Llama 3 vocabulary: it gives 7 tokens for "hello world", the Llama 3 tokenizer 2/);
  });

  test('a user estimateFactors override still applies when the vocabulary fails', () => {
    useUserVocabularies({ llama3: path.join(dir, 'nope.json') });
    const estimate = estimateTokens('hello world', LLAMA, { meta: 2 });
    assert.strictEqual(estimate.factor, 2);
    assert.match(countingLabel(estimate.method), /your estimateFactors setting\. Your llama3 vocabulary is not used/);
  });

  test('the pipeline worker takes the paths with the engine settings and loads only when a prompt needs it', async () => {
    const file = goodFile();
    const pipeline = new DocumentPipeline({ sliceMs: 8 });
    try {
      const settings = { ...DEFAULT_ENGINE_SETTINGS, models: ['gpt-4o'], vocabularies: { llama3: file } };
      const source = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="MODEL", messages=[{"role": "user", "content": "hello world"}])\n';
      const gptPrompts = await findPrompts(source.replace('MODEL', 'gpt-4o'), '/w/a.py');
      await pipeline.submit({ type: 'estimate', id: 1, prompts: gptPrompts, settings });
      assert.strictEqual(isLocalTokenizerLoaded('llama3'), false);
      const llamaPrompts: FoundPrompt[] = await findPrompts(source.replace('MODEL', LLAMA), '/w/b.py');
      assert.strictEqual(llamaPrompts[0]?.model, LLAMA);
      const reply: WorkerReply | undefined = await pipeline.submit({ type: 'estimate', id: 2, prompts: llamaPrompts, settings });
      assert.ok(reply && 'analyses' in reply, JSON.stringify(reply));
      assert.strictEqual(isLocalTokenizerLoaded('llama3'), true);
      const estimate = reply.analyses[0]!.estimates.find((e) => e.model === LLAMA);
      assert.ok(estimate, JSON.stringify(reply.analyses[0]!.estimates.map((e) => e.model)));
      assert.strictEqual(estimate.exact, true);
    } finally {
      pipeline.dispose();
    }
  });

  // ──── The real vocabularies, when you have them (never committed) ────

  const REAL_FILES: Record<UserTokenizerName, string> = { llama3: 'PROMPT_COST_TEST_LLAMA3_VOCABULARY', gemma3: 'PROMPT_COST_TEST_GEMMA3_VOCABULARY' };
  for (const [name, variable] of Object.entries(REAL_FILES) as [UserTokenizerName, string][]) {
    test(`${name}: a real tokenizer.json passes the reference counts (needs ${variable}; skipped without it)`, function () {
      const file = process.env[variable];
      if (!file) {
        this.skip();
        return;
      }
      setReferenceCountsForTests(null);
      const counter = loadUserVocabulary(name, file);
      for (const reference of REFERENCE_COUNTS[name]) assert.strictEqual(counter(reference.text).tokens, reference.tokens, reference.text);
    });
  }
});
