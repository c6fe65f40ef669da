/**
 * Loads one local tokenizer's vocabulary (assets/tokenizers/<name>.json.br, built by
 * scripts/build-tokenizer-data.mjs) and turns it into a counting function. Two kinds of data:
 *
 * - `tiktoken`: ranks (base64 bytes, rank = id) and a split pattern — Mistral's Tekken is a tiktoken
 *   vocabulary, counted by gpt-tokenizer's BPE core (the one the OpenAI path uses, fast);
 * - `hf`: a compact tokenizer.json (vocabulary in id order, merges, normalizer, pre-tokenizer) — Qwen 3,
 *   DeepSeek V3 and Mistral's SentencePiece vocabularies, counted by @huggingface/tokenizers.
 *
 * Both engines are required here, on first load, never at import: nothing is read or parsed until a
 * prompt for that family is counted.
 */
import * as fs from 'fs';
import * as path from 'path';
import { brotliDecompressSync } from 'zlib';
import type { HfData } from './hfTokenizerJson';
import type { LocalTokenizerName } from './tokenizerFamilies';

/** Counts the tokens of a text, special-token text counted as plain text; `exact` false when it had to guess. */
export type TextCounter = (text: string) => { tokens: number; exact: boolean };

interface TiktokenData {
  format: 'tiktoken';
  pattern: string;
  /** Base64 of each token's bytes, space-separated, in rank order. */
  ranks: string;
}

type TokenizerData = TiktokenData | HfData;

const FILE_SUFFIX = '.json.br';

/**
 * The folder of the data files: next to the bundle (dist/tokenizers, what the .vsix and the CLI ship) or,
 * for compiled tests and benchmarks, the repository's assets/tokenizers.
 */
export function tokenizerDataDir(): string {
  const bundled = path.join(__dirname, 'tokenizers');
  if (fs.existsSync(path.join(bundled, 'manifest.json'))) return bundled;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const assets = path.join(dir, 'assets', 'tokenizers');
    if (fs.existsSync(path.join(assets, 'manifest.json'))) return assets;
    if (path.dirname(dir) === dir) return bundled;
  }
}

export function tokenizerDataFile(name: LocalTokenizerName): string {
  return path.join(tokenizerDataDir(), `${name}${FILE_SUFFIX}`);
}

/** Reads, decompresses and builds the tokenizer `name`. Throws when its data file is missing or broken. */
export function loadTokenizerCounter(name: LocalTokenizerName): TextCounter {
  const data = JSON.parse(brotliDecompressSync(fs.readFileSync(tokenizerDataFile(name))).toString('utf8')) as TokenizerData;
  return data.format === 'tiktoken' ? tiktokenCounter(data) : hfCounter(data);
}

/** The part of gpt-tokenizer's BPE core we use (its constructor takes ranks as strings or byte arrays). */
interface BpeCore {
  countNative(text: string, allowedSpecial?: Set<string>): number;
}

function tiktokenCounter(data: TiktokenData): TextCounter {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Ranks that are valid UTF-8 are given as strings (gpt-tokenizer's fast path), others as bytes.
  const ranks = data.ranks.split(' ').map((encoded): string | number[] => {
    const bytes = Buffer.from(encoded, 'base64');
    try {
      const text = decoder.decode(bytes);
      if (Buffer.from(text, 'utf8').equals(bytes)) return text;
    } catch {
      // not valid UTF-8 on its own: a partial character
    }
    return [...bytes];
  });
  // Literal path so that esbuild bundles it; required on first load only.
  const { BytePairEncodingCore } = require('gpt-tokenizer/cjs/BytePairEncodingCore') as {
    BytePairEncodingCore: new (config: { bytePairRankDecoder: (string | number[])[]; specialTokensEncoder: Map<string, number>; tokenSplitRegex: RegExp }) => BpeCore;
  };
  // No special tokens: text that spells one is counted as plain text.
  const core = new BytePairEncodingCore({ bytePairRankDecoder: ranks, specialTokensEncoder: new Map(), tokenSplitRegex: new RegExp(data.pattern, 'gu') });
  // gpt-tokenizer 4.0.0 drops U+FEFF when it decodes bytes (see tokenCounter.ts): count the text without
  // them plus one token each, and say it is approximate.
  return (text) => {
    const marks = text.match(BYTE_ORDER_MARK)?.length ?? 0;
    if (marks === 0) return { tokens: core.countNative(text), exact: true };
    return { tokens: core.countNative(text.replace(BYTE_ORDER_MARK, '')) + marks, exact: false };
  };
}

const BYTE_ORDER_MARK = /\uFEFF/g;

interface HfTokenizer {
  tokenize(text: string, options?: { add_special_tokens?: boolean }): string[];
}

/** A counter for a compact tokenizer.json (hfTokenizerJson.ts): the shipped ones, and a vocabulary the user supplies. */
export function hfCounter(data: HfData): TextCounter {
  const vocab: Record<string, number> = {};
  data.vocab.forEach((token, id) => {
    vocab[token] = id;
  });
  const tokenizerJson = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: data.added_tokens,
    normalizer: data.normalizer,
    pre_tokenizer: data.pre_tokenizer,
    post_processor: null,
    decoder: data.decoder,
    model: { ...data.model, vocab, merges: data.merges },
  };
  const { Tokenizer } = require('@huggingface/tokenizers') as { Tokenizer: new (json: object, config: object) => HfTokenizer };
  const tokenizer = new Tokenizer(tokenizerJson, {});
  return (text) => ({ tokens: text === '' ? 0 : tokenizer.tokenize(text, { add_special_tokens: false }).length, exact: true });
}
