/**
 * Normalising the many spellings of one model name, so `openai/GPT-4o`, `azure/us/gpt-4o`,
 * `us.anthropic.claude-sonnet-4-5-20250929-v1:0`, `claude-sonnet-4-5@20250929`, `openai:gpt-4o-mini`
 * (Pydantic AI), `litellm/gpt-4o` and `models/gemini-2.5-flash` (Google's REST form) can be matched against
 * catalogue keys that were normalised the same way.
 */

/** A model name split into routing prefixes (provider hints), a deployment region and the bare model name. */
export interface ParsedModelName {
  /** Lower-cased, without routing prefixes, `@` versions turned into `-` suffixes. */
  bare: string;
  /** Routing segments that were stripped, outermost first (`openrouter/anthropic/x` → openrouter, anthropic). */
  hints: string[];
  /**
   * Where the reseller runs it, when the name says so; these have their own rates: Bedrock's geography
   * (`us.anthropic.…` → `us`) and Azure's deployment (`azure/eu/…` → `eu`, `azure/global-standard/…` → `global`).
   */
  region?: string;
}

/** Leading `segment/` parts that route a call rather than name a model. */
const ROUTING_SEGMENTS = new Set([
  'openai', 'text-completion-openai', 'azure', 'azure_ai', 'azure_text', 'anthropic',
  'gemini', 'google', 'models', 'vertex_ai', 'vertex_ai_beta', 'vertexai',
  'bedrock', 'bedrock_converse', 'converse', 'invoke',
  'mistral', 'mistralai', 'codestral', 'deepseek', 'deepseek-ai', 'xai', 'x-ai',
  'groq', 'cerebras', 'cohere', 'cohere_chat', 'together_ai', 'togethercomputer', 'openrouter', 'perplexity',
  'dashscope', 'qwen', 'moonshot', 'moonshotai', 'zai', 'z-ai', 'zai-org', 'minimax', 'meta-llama',
  // A LiteLLM proxy in front of the provider: the rest is the model.
  'litellm', 'litellm_proxy',
]);

/** Azure deployment types LiteLLM puts after `azure/`, by region; Global Standard is Azure's global deployment. */
const AZURE_REGIONS: Readonly<Record<string, string>> = { us: 'us', eu: 'eu', global: 'global', 'global-standard': 'global' };

/**
 * `provider:model` prefixes (Pydantic AI's `openai:gpt-4o`, `google-gla:gemini-2.5-flash`), by the routing
 * hint each stands for; `ft:` (fine-tunes) and Bedrock's `-v1:0` are not prefixes.
 */
const COLON_PREFIXES: Readonly<Record<string, string>> = {
  openai: 'openai', 'openai-chat': 'openai', 'openai-responses': 'openai', azure: 'azure', anthropic: 'anthropic',
  'google-gla': 'gemini', 'google-vertex': 'vertex_ai', google: 'google', gemini: 'gemini', vertexai: 'vertex_ai',
  groq: 'groq', mistral: 'mistral', cohere: 'cohere', bedrock: 'bedrock', deepseek: 'deepseek', xai: 'xai', grok: 'xai',
  openrouter: 'openrouter', cerebras: 'cerebras', together: 'together_ai', litellm: 'litellm',
};

/** Hints after which the rest of a name may be tried alone (`openrouter/vendor/model` → `model`). */
export const AGGREGATOR_HINTS = new Set(['openrouter', 'litellm', 'litellm_proxy']);

/** Bedrock ids: optional geography, then `vendor.model`, e.g. `us.anthropic.claude-…-v1:0`. */
const BEDROCK_ID = /^(?:(us|eu|apac|global|jp|au|ca|us-gov)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|writer|google|minimax|moonshotai|qwen|openai|twelvelabs|zai|nvidia)\.(.+)$/;
/** `-v1:0` after a version or date (`claude-sonnet-4-5-20250929-v1:0`), not `claude-v1`, which is its own model. */
const BEDROCK_VERSION = /(?<=\d)-v\d+(?::\d+)?$/;

const DATE_SUFFIX = /-(\d{8}|\d{4}-\d{2}-\d{2})$/;
const LATEST_SUFFIX = /-latest$/;

export function parseModelName(raw: string): ParsedModelName {
  const hints: string[] = [];
  let name = raw.trim().toLowerCase();
  const colon = /^([a-z][a-z-]*):(?=[a-z])/.exec(name);
  if (colon && Object.prototype.hasOwnProperty.call(COLON_PREFIXES, colon[1])) {
    hints.push(COLON_PREFIXES[colon[1]]);
    name = name.slice(colon[0].length);
  }
  const segments = name.split('/');
  let region: string | undefined;
  while (segments.length > 1) {
    if (ROUTING_SEGMENTS.has(segments[0])) hints.push(segments.shift()!);
    else if (hints.at(-1) === 'azure' && Object.prototype.hasOwnProperty.call(AZURE_REGIONS, segments[0])) region = AZURE_REGIONS[segments.shift()!];
    else break;
  }
  let bare = segments.join('/');

  const bedrock = BEDROCK_ID.exec(bare);
  if (bedrock) {
    bare = bedrock[2].replace(BEDROCK_VERSION, '');
    hints.push('bedrock');
    region = bedrock[1] ?? region;
  }

  // Vertex writes versions as `model@20250929`, `@001`, `@latest`, `@default` (= the bare model).
  const at = bare.indexOf('@');
  if (at > 0) {
    const version = bare.slice(at + 1);
    bare = version === 'default' || version === '' ? bare.slice(0, at) : `${bare.slice(0, at)}-${version}`;
  }

  // Fine-tuned ids `ft:gpt-4o-2024-08-06:org:name:id` are billed at the `ft:<base>` rate.
  if (bare.startsWith('ft:')) bare = bare.split(':').slice(0, 2).join(':');

  return region === undefined ? { bare, hints } : { bare, hints, region };
}

/** The name without `-latest` and without a trailing release date. */
export function undatedName(bare: string): string {
  return bare.replace(LATEST_SUFFIX, '').replace(DATE_SUFFIX, '');
}

/** The release date of a dated name as `YYYYMMDD`, or undefined. */
export function releaseDate(bare: string): string | undefined {
  const match = DATE_SUFFIX.exec(bare);
  return match ? match[1].replace(/-/g, '') : undefined;
}

/** `claude-sonnet-4.5` ↔ `claude-sonnet-4-5`: the other spelling of version dots, or undefined. */
export function alternateVersionSpelling(bare: string): string | undefined {
  const date = DATE_SUFFIX.exec(bare)?.[0] ?? '';
  const name = bare.slice(0, bare.length - date.length);
  let alternate: string | undefined;
  if (/\d\.\d/.test(name)) alternate = name.replace(/(\d)\.(?=\d)/g, '$1-');
  // Only single-digit versions (`4-5`), so sizes and dates such as `3-70b` or `4-20250514` stay.
  else if (/(?<!\d)\d-\d(?!\d)/.test(name)) alternate = name.replace(/(?<!\d)(\d)-(?=\d(?!\d))/g, '$1.');
  return alternate === undefined ? undefined : alternate + date;
}

/** LiteLLM providers a routing hint stands for. */
export function providerMatchesHint(provider: string, hint: string): boolean {
  switch (hint) {
    case 'openai':
      return provider === 'openai' || provider === 'text-completion-openai';
    case 'azure':
      return provider === 'azure' || provider === 'azure_text';
    case 'google':
    case 'models':
      return provider === 'gemini' || provider.startsWith('vertex_ai');
    case 'vertex_ai':
    case 'vertex_ai_beta':
    case 'vertexai':
      return provider.startsWith('vertex_ai');
    case 'bedrock':
    case 'bedrock_converse':
    case 'converse':
    case 'invoke':
      return provider === 'bedrock' || provider === 'bedrock_converse';
    case 'mistral':
    case 'mistralai':
    case 'codestral':
      return provider === 'mistral' || provider === 'codestral';
    case 'x-ai':
      return provider === 'xai';
    case 'cohere':
      return provider === 'cohere' || provider === 'cohere_chat';
    default:
      return provider === hint;
  }
}
