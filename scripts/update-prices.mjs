#!/usr/bin/env node
// Builds src/core/pricing/catalogue.json from LiteLLM's model_prices_and_context_window.json.
//
//   npm run prices:update -- [file-or-URL] [--out FILE] [--source-commit SHA] [--source-date DATE]
//                            [--generated YYYY-MM-DD]
//
// Plain Node ESM, no dependencies. The output is deterministic: same input + same flags → same bytes
// (keys sorted, one model per line so price updates diff cleanly).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_INPUT = resolve(repoRoot, '../shared/reference/pricing/litellm-model-prices-2026-04.json');
const DEFAULT_OUT = resolve(repoRoot, 'src/core/pricing/catalogue.json');

/** Provenance of the copies we know (see shared/reference/pricing/PROVENANCE.md). */
const KNOWN_SOURCES = {
  'litellm-model-prices-2026-04.json': { commit: '00035b69f416be24e2e323c13198d9b7d2d1bdf9', date: '2026-04' },
  'litellm-model-prices-2026-01-25.json': { commit: '667b9122e089a1972304540df6fd19f342b0e82a', date: '2026-01-25' },
};

// Which LiteLLM providers we ship. First-party APIs and the big clouds that resell them, plus the
// aggregators people name in code (OpenRouter, Together, Groq, Cerebras). Left out to keep the file small
// and the data clean: long-tail hosts (fireworks_ai, deepinfra, novita, vercel_ai_gateway, replicate,
// cloudflare, nebius, oci, watsonx, snowflake, databricks — whose rates carry float noise —, ollama …)
// and `chatgpt` (subscription, no per-token rate). Users can price anything else through overrides.
const KEPT_PROVIDERS = new Set([
  'openai', 'text-completion-openai',
  'azure', 'azure_text', 'azure_ai',
  'anthropic',
  'gemini', 'vertex_ai', 'vertex_ai-language-models', 'vertex_ai-anthropic_models', 'vertex_ai-mistral_models',
  'vertex_ai-llama_models', 'vertex_ai-deepseek_models', 'vertex_ai-qwen_models', 'vertex_ai-openai_models',
  'vertex_ai-ai21_models', 'vertex_ai-zai_models', 'vertex_ai-minimax_models', 'vertex_ai-moonshot_models',
  'vertex_ai-embedding-models',
  // Bedrock: on-demand model ids only; region-scoped and provisioned-throughput keys
  // (`bedrock/<region>/…`, `bedrock/*/1-month-commitment/…`) are dropped below.
  'bedrock', 'bedrock_converse',
  'mistral', 'codestral', 'deepseek', 'xai', 'cohere', 'cohere_chat', 'perplexity',
  'dashscope', 'moonshot', 'zai', 'minimax',
  'groq', 'cerebras', 'together_ai', 'openrouter',
]);
const KEPT_MODES = new Set(['chat', 'completion', 'responses', 'embedding']);
const NON_MODEL_KEYS = new Set(['sample_spec', 'fallback_generalizations']);

function parseArgs(argv) {
  const options = { input: undefined, out: DEFAULT_OUT, commit: undefined, date: undefined, generated: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--out') options.out = resolve(value());
    else if (arg === '--source-commit') options.commit = value();
    else if (arg === '--source-date') options.date = value();
    else if (arg === '--generated') options.generated = value();
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (options.input === undefined) options.input = arg;
    else throw new Error(`unexpected argument ${arg}`);
  }
  return options;
}

const isUrl = (s) => /^https?:\/\//i.test(s);

async function readSource(input) {
  if (isUrl(input)) {
    const response = await fetch(input);
    if (!response.ok) throw new Error(`GET ${input}: HTTP ${response.status}`);
    return response.text();
  }
  return readFile(input, 'utf8');
}

/**
 * USD per token → USD per 1M tokens by shifting the decimal exponent of the shortest round-trip
 * representation, so 2.5e-6 becomes exactly 2.5 (multiplying by 1e6 can give 2.4999999999999996).
 */
export function perMillion(perToken) {
  const [mantissa, exponent] = perToken.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + 6}`);
}

const isPrice = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v) => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** The rate fields of one LiteLLM entry (or tier) that we carry, per 1M tokens. */
function rates(entry, suffix = '') {
  const pick = (field) => (isPrice(entry[field + suffix]) ? perMillion(entry[field + suffix]) : undefined);
  return {
    input: pick('input_cost_per_token'),
    output: pick('output_cost_per_token'),
    cacheRead: pick('cache_read_input_token_cost'),
    cacheWrite: pick('cache_creation_input_token_cost'),
  };
}

function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

/** Above-threshold tiers: `*_above_<N>k_tokens` keys and range-based `tiered_pricing` tables. */
function aboveTiers(entry, base) {
  const tiers = [];
  const thresholds = new Set();
  for (const key of Object.keys(entry)) {
    // LiteLLM keys a tier on its input rate; `_priority` and `_1hr` variants are other products.
    const match = /^input_cost_per_token_above_(\d+)k_tokens$/.exec(key);
    if (match) thresholds.add(Number(match[1]) * 1000);
  }
  for (const threshold of thresholds) {
    const tier = rates(entry, `_above_${threshold / 1000}k_tokens`);
    tiers.push(withoutUndefined({
      threshold,
      input: tier.input ?? base.input,
      output: tier.output ?? base.output,
      cacheRead: tier.cacheRead,
      cacheWrite: tier.cacheWrite,
    }));
  }
  if (Array.isArray(entry.tiered_pricing)) {
    for (const step of entry.tiered_pricing) {
      const start = Array.isArray(step.range) ? step.range[0] : undefined;
      if (!isCount(start)) continue; // the first range (from 0) is the base rate
      const tier = rates(step);
      if (tier.input === undefined) continue;
      tiers.push(withoutUndefined({
        threshold: start,
        input: tier.input,
        output: tier.output ?? base.output,
        cacheRead: tier.cacheRead,
        cacheWrite: tier.cacheWrite,
      }));
    }
  }
  return tiers.sort((a, b) => a.threshold - b.threshold);
}

/** Region-scoped or provisioned-throughput Bedrock keys: `bedrock/<region>/…`, `bedrock/*\/1-month-commitment/…`. */
const isScopedBedrockKey = (key) => /^bedrock\/[^/]+\//.test(key);

/** One LiteLLM entry → a catalogue entry, or a reason it was skipped. */
export function convertEntry(key, entry) {
  if (NON_MODEL_KEYS.has(key) || entry === null || typeof entry !== 'object') return { skip: 'not a model' };
  if (!KEPT_PROVIDERS.has(entry.litellm_provider)) return { skip: 'provider' };
  if (!KEPT_MODES.has(entry.mode)) return { skip: 'mode' };
  if (isScopedBedrockKey(key)) return { skip: 'bedrock region/commitment' };

  let base = rates(entry);
  if (base.input === undefined && Array.isArray(entry.tiered_pricing)) {
    const first = entry.tiered_pricing.find((step) => Array.isArray(step.range) && step.range[0] === 0);
    if (first) base = rates(first);
  }
  // Embeddings produce no output tokens; LiteLLM often omits their output rate.
  if (base.output === undefined && entry.mode === 'embedding') base.output = 0;
  if (base.input === undefined || base.output === undefined) return { skip: 'no per-token price' };

  const above = aboveTiers(entry, base);
  return {
    model: withoutUndefined({
      provider: entry.litellm_provider,
      mode: entry.mode,
      input: base.input,
      output: base.output,
      cacheRead: base.cacheRead,
      cacheWrite: base.cacheWrite,
      batchInput: isPrice(entry.input_cost_per_token_batches) ? perMillion(entry.input_cost_per_token_batches) : undefined,
      batchOutput: isPrice(entry.output_cost_per_token_batches) ? perMillion(entry.output_cost_per_token_batches) : undefined,
      contextWindow: isCount(entry.max_input_tokens) ? entry.max_input_tokens : undefined,
      maxOutput: isCount(entry.max_output_tokens) ? entry.max_output_tokens : undefined,
      above: above.length > 0 ? above : undefined,
    }),
  };
}

/** JSON with keys sorted at every level. */
function sortedJson(value) {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Top level sorted too (generated, models, source); one model per line. */
function serialise(catalogue) {
  const ids = Object.keys(catalogue.models).sort();
  const lines = ids.map((id) => `${JSON.stringify(id)}:${sortedJson(catalogue.models[id])}`);
  return [
    '{',
    `"generated":${JSON.stringify(catalogue.generated)},`,
    '"models":{',
    lines.join(',\n'),
    '},',
    `"source":${sortedJson(catalogue.source)}`,
    '}',
    '',
  ].join('\n');
}

function provenanceFor(input, options) {
  const known = isUrl(input) ? undefined : KNOWN_SOURCES[basename(input)];
  const commitInUrl = isUrl(input) ? /\b[0-9a-f]{40}\b/i.exec(input)?.[0] : undefined;
  const commit = options.commit ?? known?.commit ?? commitInUrl;
  const date = options.date ?? known?.date;
  if (!commit || !date) {
    console.warn('warning: source commit/date unknown; pass --source-commit SHA --source-date YYYY-MM-DD');
  }
  return {
    name: 'LiteLLM model_prices_and_context_window.json',
    license: 'MIT, Copyright (c) 2023 Berri AI',
    commit: commit ?? 'unknown',
    date: date ?? 'unknown',
    url: 'https://github.com/BerriAI/litellm',
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log('usage: update-prices.mjs [file-or-URL] [--out FILE] [--source-commit SHA] [--source-date DATE] [--generated YYYY-MM-DD]');
    return;
  }
  const input = options.input === undefined ? DEFAULT_INPUT : isUrl(options.input) ? options.input : resolve(options.input);
  const raw = JSON.parse(await readSource(input));

  const models = {};
  const skipped = {};
  for (const key of Object.keys(raw).sort()) {
    const result = convertEntry(key, raw[key]);
    if (result.model) models[key] = result.model;
    else skipped[result.skip] = (skipped[result.skip] ?? 0) + 1;
  }
  const count = Object.keys(models).length;
  // A fetched error page or a renamed file would otherwise silently ship an empty catalogue.
  if (count < 100) throw new Error(`only ${count} models kept from ${input}; is this LiteLLM's price file?`);

  const generated = options.generated ?? new Date().toISOString().slice(0, 10);
  const text = serialise({ generated, models, source: provenanceFor(input, options) });
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, text);
  const skippedText = Object.entries(skipped).map(([why, n]) => `${n} ${why}`).join(', ');
  console.log(`${options.out}: ${count} models, ${text.length} bytes (skipped: ${skippedText})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`update-prices: ${error.message}`);
    process.exit(1);
  });
}
