/**
 * Which exact OpenAI encoding a model id uses, and which vendor family a model id belongs to.
 * Pure string rules: no tokenizer is loaded here.
 */

export type EncodingName = 'o200k_base' | 'cl100k_base';

export type ModelFamily =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'meta'
  | 'mistral'
  | 'deepseek'
  | 'xai'
  | 'cohere'
  | 'qwen'
  | 'other';

// Order matters: every o200k rule is tried before the cl100k `gpt-4` rule, so gpt-4o / gpt-4.1 never fall through.
const O200K_MODELS: readonly RegExp[] = [
  /^gpt-4o(?:$|[-:@])/, // gpt-4o, gpt-4o-mini, gpt-4o-2024-08-06, gpt-4o-realtime-preview…
  /^chatgpt-4o/,
  /^gpt-4\.1(?:$|[-:@])/,
  /^gpt-4\.5(?:$|[-:@])/,
  /^o[134](?:$|[-:@])/, // o1, o1-mini, o3-pro, o4-mini…
  /^gpt-5(?:$|[-.:@])/, // gpt-5, gpt-5-mini, gpt-5.1-codex, gpt-5.6-nano…
  /^gpt-oss(?:$|[-:@])/,
  /^omni-moderation(?:$|[-:@])/,
];

const CL100K_MODELS: readonly RegExp[] = [
  /^gpt-4(?:$|[-:@])/, // gpt-4, gpt-4-turbo, gpt-4-32k, gpt-4-0613 (gpt-4o/4.1/4.5 are caught above)
  /^gpt-3\.5(?:$|[-:@])/,
  /^gpt-35-turbo/, // Azure's spelling of gpt-3.5-turbo
  /^text-embedding-3-/,
  /^text-embedding-ada-002(?:$|[-:@])/,
];

/**
 * The bare model name: lower-cased, with provider routes (`openai/`, `azure/`, `openrouter/openai/`) and
 * Bedrock-style dotted prefixes (`us.anthropic.`) removed.
 */
export function bareModelName(model: string): string {
  const segments = model.trim().toLowerCase().split('/');
  let name = segments[segments.length - 1] ?? '';
  // Bedrock ids: `anthropic.claude-…`, `us.anthropic.claude-…`, `meta.llama3-…`.
  for (;;) {
    const stripped = name.replace(/^(?:us|eu|apac|global|anthropic|meta|mistral|cohere|amazon|deepseek|qwen|openai)\./, '');
    if (stripped === name) break;
    name = stripped;
  }
  return name;
}

/** The exact OpenAI encoding for `model`, or null when the model has no known tiktoken encoding. */
export function encodingForModel(model: string): EncodingName | null {
  const name = bareModelName(model);
  if (O200K_MODELS.some((rule) => rule.test(name))) return 'o200k_base';
  if (CL100K_MODELS.some((rule) => rule.test(name))) return 'cl100k_base';
  return null;
}

const FAMILY_BY_NAME: readonly [RegExp, ModelFamily][] = [
  [/^claude/, 'anthropic'],
  [/^(?:gemini|gemma)/, 'google'],
  [/^(?:meta-)?llama/, 'meta'],
  [/^(?:open-)?(?:mistral|mixtral|codestral|ministral|magistral|devstral|pixtral|voxtral)/, 'mistral'],
  [/^deepseek/, 'deepseek'],
  [/^grok/, 'xai'],
  [/^command/, 'cohere'],
  [/^(?:qwen|qwq)/, 'qwen'],
  [/^(?:gpt-|chatgpt-|o[134](?:$|-)|text-(?:embedding|davinci|curie|babbage|ada|moderation)-|omni-moderation|davinci|babbage|codex-)/, 'openai'],
];

// Route segments that name the vendor even when the model name itself does not (e.g. `anthropic/my-alias`).
const FAMILY_BY_PROVIDER: Readonly<Record<string, ModelFamily>> = {
  anthropic: 'anthropic',
  google: 'google',
  gemini: 'google',
  'meta-llama': 'meta',
  meta: 'meta',
  mistralai: 'mistral',
  mistral: 'mistral',
  deepseek: 'deepseek',
  'deepseek-ai': 'deepseek',
  'x-ai': 'xai',
  xai: 'xai',
  cohere: 'cohere',
  qwen: 'qwen',
  openai: 'openai',
};

/** The vendor family of `model`, from its name first and its provider route second. */
export function modelFamily(model: string): ModelFamily {
  if (encodingForModel(model) !== null) return 'openai';
  const name = bareModelName(model);
  for (const [rule, family] of FAMILY_BY_NAME) {
    if (rule.test(name)) return family;
  }
  const lower = model.trim().toLowerCase();
  const segments = lower.split('/').slice(0, -1);
  const dotted = bareModelPrefixes(lower.split('/').pop() ?? '');
  for (const segment of [...segments, ...dotted]) {
    const family = FAMILY_BY_PROVIDER[segment];
    if (family) return family;
  }
  return 'other';
}

// `us.anthropic.claude…` → ['us', 'anthropic']: the dotted vendor prefixes of a Bedrock id.
function bareModelPrefixes(name: string): string[] {
  const parts = name.split('.');
  return parts.slice(0, -1).filter((part) => /^[a-z-]+$/.test(part));
}
