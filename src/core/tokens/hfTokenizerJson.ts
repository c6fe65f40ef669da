/**
 * A Hugging Face `tokenizer.json` (BPE model) made compact: only what counting uses. The one conversion
 * both the build script (scripts/build-tokenizer-data.mjs, for the vocabularies we ship) and the runtime
 * (userVocabulary.ts, for a vocabulary file the user supplies) run, so a user's file is counted exactly as
 * a shipped one would be. No imports: the script loads this file through esbuild.
 */

/** The compact form (`format: 'hf'`): vocabulary in id order, merges as "a b", non-special added tokens. */
export interface HfData {
  format: 'hf';
  normalizer: unknown;
  pre_tokenizer: unknown;
  decoder: unknown;
  added_tokens: unknown[];
  model: Record<string, unknown>;
  vocab: string[];
  merges: string[];
}

/** Highest token id accepted (the largest public vocabularies are ~260 K). */
const MAX_TOKEN_ID = 4_000_000;

/**
 * Why `json` is not a tokenizer.json this code can count (a BPE model with a vocabulary and merges), or
 * null when it is.
 */
export function hfTokenizerProblem(json: unknown): string | null {
  if (!isObject(json)) return 'is not a JSON object';
  const model = json.model;
  if (!isObject(model)) return 'has no "model" object (not a Hugging Face tokenizer.json)';
  if (model.type !== 'BPE') return `has a ${typeof model.type === 'string' ? model.type : 'missing'} model type; only BPE tokenizers are supported`;
  if (!isObject(model.vocab)) return 'has no "model.vocab" object';
  for (const id of Object.values(model.vocab)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > MAX_TOKEN_ID) return `has a token id that is not an integer from 0 to ${MAX_TOKEN_ID}`;
  }
  if (!Array.isArray(model.merges)) return 'has no "model.merges" list';
  for (const merge of model.merges) {
    const ok = typeof merge === 'string' || (Array.isArray(merge) && merge.length === 2 && merge.every((part) => typeof part === 'string'));
    if (!ok) return 'has a merge that is neither "a b" nor ["a", "b"]';
  }
  if (json.added_tokens !== undefined && !Array.isArray(json.added_tokens)) return 'has an "added_tokens" that is not a list';
  return null;
}

/** The compact form of a tokenizer.json that `hfTokenizerProblem` accepted. */
export function compactHfTokenizer(json: {
  normalizer?: unknown;
  pre_tokenizer?: unknown;
  decoder?: unknown;
  added_tokens?: unknown[];
  model: Record<string, unknown>;
}): HfData {
  const { vocab, merges, ...options } = json.model as { vocab: Record<string, number>; merges: (string | string[])[] } & Record<string, unknown>;
  const byId: string[] = [];
  for (const [token, id] of Object.entries(vocab)) byId[id] = token;
  return {
    format: 'hf',
    normalizer: json.normalizer ?? null,
    pre_tokenizer: json.pre_tokenizer ?? null,
    decoder: json.decoder ?? null,
    // Special tokens are left out: text that spells them is counted as plain text, like the OpenAI path.
    added_tokens: (json.added_tokens ?? []).filter((t) => !(isObject(t) && t.special)),
    model: options,
    vocab: byId,
    merges: merges.map((m) => (Array.isArray(m) ? m.join(' ') : m)),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
