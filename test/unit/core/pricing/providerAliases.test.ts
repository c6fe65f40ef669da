import * as assert from 'assert';
import { loadDefaultPriceTable } from '../../../../src/core/pricing/priceTable';
import { PROVIDER_ALIASES, providerAlias, vendorOfName } from '../../../../src/core/pricing/providerAliases';

/**
 * Model ids as people write them → the catalogue entry they resolve to → the provider's published
 * input / output price (USD per 1M tokens), against the bundled catalogue (LiteLLM, 2026-07-24).
 *
 * Published prices, read 2026-12-08 (through stored copies of the pages):
 * - OA: OpenAI, https://developers.openai.com/api/docs/pricing (Standard tier; gpt-5.4/5.5 rows as transcribed
 *   from that page on 2026-05-04 in api-evangelist/openai plans/openai-plans-pricing.yml).
 * - AZ: Azure OpenAI, https://azure.microsoft.com/pricing/details/cognitive-services/openai-service/ — Global
 *   deployments at OpenAI's rates; Data Zone (US/EU) deployments 10 % above them.
 * - AN: Anthropic, https://platform.claude.com/docs/en/about-claude/pricing (model table; Claude Haiku 3.5
 *   $0.80/$4 as last listed, now priced through Bedrock, which bills Anthropic's list price in-region).
 * - BR: the same page, third-party platforms: from Claude Sonnet 4.5 / Haiku 4.5 on, Bedrock's regional
 *   (`us.`, `eu.`, `jp.`, `au.`, `apac.`) endpoints cost 10 % more than global ones; earlier models, no premium.
 * - GO: Google, https://ai.google.dev/gemini-api/docs/pricing (paid tier, prompts up to 200k tokens); Vertex AI
 *   bills the same rates for these models (https://cloud.google.com/vertex-ai/generative-ai/pricing).
 * - MI: Mistral, https://mistral.ai/pricing and the models overview (https://docs.mistral.ai/getting-started/models/):
 *   Mistral Large 3 (mistral-large-2512, the current mistral-large-latest) $0.5/$1.5, Large 24.11 $2/$6,
 *   Codestral 2508 $0.3/$0.9, Pixtral Large $2/$6, Medium 3.5 (mistral-medium-latest) $1.5/$7.5.
 */
type Row = [written: string, resolvedId: string, input: number, output: number, source: 'OA' | 'AZ' | 'AN' | 'BR' | 'GO' | 'MI'];

const ROWS: Row[] = [
  // OpenAI: bare, dated, prefixed (openai/, openai:, litellm/, OpenRouter)
  ['gpt-4o', 'gpt-4o', 2.5, 10, 'OA'],
  ['openai/gpt-4o', 'gpt-4o', 2.5, 10, 'OA'],
  ['gpt-4o-2024-08-06', 'gpt-4o-2024-08-06', 2.5, 10, 'OA'],
  ['openai:gpt-4o-mini', 'gpt-4o-mini', 0.15, 0.6, 'OA'],
  ['litellm/gpt-4o-mini', 'gpt-4o-mini', 0.15, 0.6, 'OA'],
  ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini-2024-07-18', 0.15, 0.6, 'OA'],
  ['openrouter/openai/gpt-4o-mini', 'gpt-4o-mini', 0.15, 0.6, 'OA'],
  ['gpt-4.1', 'gpt-4.1', 2, 8, 'OA'],
  ['gpt-4.1-mini-2025-04-14', 'gpt-4.1-mini-2025-04-14', 0.4, 1.6, 'OA'],
  ['gpt-4.1-nano', 'gpt-4.1-nano', 0.1, 0.4, 'OA'],
  ['o1', 'o1', 15, 60, 'OA'],
  ['o3', 'o3', 2, 8, 'OA'],
  ['o3-2025-04-16', 'o3-2025-04-16', 2, 8, 'OA'],
  ['o3-mini', 'o3-mini', 1.1, 4.4, 'OA'],
  ['o4-mini', 'o4-mini', 1.1, 4.4, 'OA'],
  ['gpt-5', 'gpt-5', 1.25, 10, 'OA'],
  ['gpt-5-2025-08-07', 'gpt-5-2025-08-07', 1.25, 10, 'OA'],
  ['gpt-5-mini', 'gpt-5-mini', 0.25, 2, 'OA'],
  ['gpt-5-nano', 'gpt-5-nano', 0.05, 0.4, 'OA'],
  ['gpt-5.4', 'gpt-5.4', 2.5, 15, 'OA'],
  ['gpt-5.4-mini', 'gpt-5.4-mini', 0.75, 4.5, 'OA'],
  ['gpt-5.4-nano', 'gpt-5.4-nano', 0.2, 1.25, 'OA'],
  ['gpt-5.5', 'gpt-5.5', 5, 30, 'OA'],
  // Azure keeps the reseller; no region means Azure's Global deployment
  ['azure/gpt-4o-mini', 'azure/global-standard/gpt-4o-mini', 0.15, 0.6, 'AZ'],
  ['azure/gpt-4o-2024-11-20', 'azure/global/gpt-4o-2024-11-20', 2.5, 10, 'AZ'],
  ['azure/eu/gpt-4o-mini-2024-07-18', 'azure/eu/gpt-4o-mini-2024-07-18', 0.165, 0.66, 'AZ'],
  ['azure/us/gpt-4o-mini', 'azure/us/gpt-4o-mini-2024-07-18', 0.165, 0.66, 'AZ'],
  // Anthropic: -0 and dateless aliases, dated ids, -latest, prefixes, OpenRouter-style dots
  ['claude-sonnet-4-0', 'claude-sonnet-4-20250514', 3, 15, 'AN'],
  ['claude-opus-4-0', 'claude-opus-4-20250514', 15, 75, 'AN'],
  ['anthropic/claude-sonnet-4-0', 'claude-sonnet-4-20250514', 3, 15, 'AN'],
  ['claude-sonnet-4-20250514', 'claude-sonnet-4-20250514', 3, 15, 'AN'],
  ['claude-sonnet-4', 'claude-sonnet-4-20250514', 3, 15, 'AN'],
  ['claude-opus-4-1', 'claude-opus-4-1', 15, 75, 'AN'],
  ['claude-opus-4-1-20250805', 'claude-opus-4-1-20250805', 15, 75, 'AN'],
  ['claude-sonnet-4-5', 'claude-sonnet-4-5', 3, 15, 'AN'],
  ['anthropic:claude-sonnet-4-5', 'claude-sonnet-4-5', 3, 15, 'AN'],
  ['claude-sonnet-4.5', 'claude-sonnet-4-5', 3, 15, 'AN'],
  ['litellm/anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5', 3, 15, 'AN'],
  ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929', 3, 15, 'AN'],
  ['claude-haiku-4-5', 'claude-haiku-4-5', 1, 5, 'AN'],
  ['claude-haiku-4-5-20251001', 'claude-haiku-4-5-20251001', 1, 5, 'AN'],
  ['claude-opus-4-5', 'claude-opus-4-5', 5, 25, 'AN'],
  ['claude-opus-4-6', 'claude-opus-4-6', 5, 25, 'AN'],
  ['claude-opus-4-7', 'claude-opus-4-7', 5, 25, 'AN'],
  ['claude-sonnet-4-6', 'claude-sonnet-4-6', 3, 15, 'AN'],
  ['claude-3-7-sonnet-latest', 'claude-3-7-sonnet-20250219', 3, 15, 'AN'],
  ['claude-3-opus-latest', 'claude-3-opus-20240229', 15, 75, 'AN'],
  ['claude-3-haiku-20240307', 'claude-3-haiku-20240307', 0.25, 1.25, 'AN'],
  ['claude-3-5-haiku-latest', 'anthropic.claude-3-5-haiku-20241022-v1:0', 0.8, 4, 'AN'],
  // Bedrock: the regional prefix keeps its own rate
  ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-sonnet-4-5-20250929-v1:0', 3, 15, 'BR'],
  ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0', 3, 15, 'BR'],
  ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 3.3, 16.5, 'BR'],
  ['bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 3.3, 16.5, 'BR'],
  ['bedrock/eu.anthropic.claude-haiku-4-5-20251001-v1:0', 'eu.anthropic.claude-haiku-4-5-20251001-v1:0', 1.1, 5.5, 'BR'],
  ['apac.anthropic.claude-sonnet-4-20250514-v1:0', 'apac.anthropic.claude-sonnet-4-20250514-v1:0', 3, 15, 'BR'],
  // Google: the Gemini API's entry unless the id names Vertex
  ['gemini-2.5-pro', 'gemini/gemini-2.5-pro', 1.25, 10, 'GO'],
  ['models/gemini-2.5-flash', 'gemini/gemini-2.5-flash', 0.3, 2.5, 'GO'],
  ['google/gemini-2.5-flash-lite', 'gemini/gemini-2.5-flash-lite', 0.1, 0.4, 'GO'],
  ['google-gla:gemini-2.5-flash', 'gemini/gemini-2.5-flash', 0.3, 2.5, 'GO'],
  ['vertex_ai/gemini-2.5-pro', 'gemini-2.5-pro', 1.25, 10, 'GO'],
  ['gemini-2.0-flash', 'gemini/gemini-2.0-flash', 0.1, 0.4, 'GO'],
  ['gemini-2.0-flash-001', 'gemini/gemini-2.0-flash-001', 0.1, 0.4, 'GO'],
  ['gemini-3-pro-preview', 'gemini/gemini-3-pro-preview', 2, 12, 'GO'],
  // Mistral: -latest points at the current version; the bare family name means it too
  ['mistral-large', 'mistral/mistral-large-2512', 0.5, 1.5, 'MI'],
  ['mistral/mistral-large', 'mistral/mistral-large-2512', 0.5, 1.5, 'MI'],
  ['mistral-large-latest', 'mistral/mistral-large-latest', 0.5, 1.5, 'MI'],
  ['mistral:mistral-large-latest', 'mistral/mistral-large-latest', 0.5, 1.5, 'MI'],
  ['mistral-large-2411', 'mistral/mistral-large-2411', 2, 6, 'MI'],
  ['codestral-latest', 'mistral/codestral-2508', 0.3, 0.9, 'MI'],
  ['pixtral-large-latest', 'mistral/pixtral-large-latest', 2, 6, 'MI'],
  ['mistral-medium-latest', 'mistral/mistral-medium-latest', 1.5, 7.5, 'MI'],
];

suite('pricing: model ids resolve by the providers\' rules, at their published prices', () => {
  const table = loadDefaultPriceTable();

  test(`the table holds ${ROWS.length} ids (at least 60), each once`, () => {
    assert.ok(ROWS.length >= 60);
    assert.strictEqual(new Set(ROWS.map((r) => r[0])).size, ROWS.length);
  });

  for (const [written, id, input, output, source] of ROWS) {
    test(`${written} → ${id} at $${input} / $${output} (${source})`, () => {
      const price = table.resolve(written);
      assert.ok(price, `${written} has no price`);
      assert.deepStrictEqual([price.id, price.input, price.output], [id, input, output]);
    });
  }

  test('the issue\'s findings: no 2402 Mistral Large, no regional Azure rate, no Vertex Haiku, no missing -4-0', () => {
    assert.notStrictEqual(table.resolve('mistral-large')?.input, 4);
    assert.strictEqual(table.resolve('azure/gpt-4o-mini')?.input, 0.15);
    assert.notStrictEqual(table.resolve('claude-3-5-haiku-latest')?.provider, 'vertex_ai-anthropic_models');
    assert.ok(table.resolve('claude-sonnet-4-0') && table.resolve('claude-opus-4-0'));
  });

  test('a name that names the reseller keeps the reseller', () => {
    assert.strictEqual(table.resolve('vertex_ai/claude-3-5-haiku-latest')?.provider, 'vertex_ai-anthropic_models');
    assert.strictEqual(table.resolve('azure_ai/mistral-large')?.id, 'azure_ai/mistral-large');
    assert.strictEqual(table.resolve('azure/gpt-4o')?.provider, 'azure');
  });

  test('how a name was reached is said when it is not its own entry', () => {
    assert.match(table.resolve('claude-sonnet-4-0')?.resolvedVia ?? '', /claude-sonnet-4-0 → claude-sonnet-4-20250514 \(anthropic's alias\)/);
    assert.match(table.resolve('codestral-latest')?.resolvedVia ?? '', /codestral-latest → codestral-2508/);
    assert.match(table.resolve('claude-3-5-haiku-latest')?.resolvedVia ?? '', /no anthropic price: bedrock's rate/);
    assert.strictEqual(table.resolve('gpt-4o')?.resolvedVia, undefined);
    assert.strictEqual(table.resolve('vertex_ai/claude-3-5-haiku-latest')?.resolvedVia, undefined);
  });
});

suite('pricing: providerAliases', () => {
  test('every table names its source and the day it was read', () => {
    for (const table of PROVIDER_ALIASES) {
      assert.match(table.source, /^https:\/\//);
      assert.match(table.read, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(Object.keys(table.aliases).length > 0);
    }
  });

  test('chains are followed to the id the alias points at', () => {
    assert.deepStrictEqual(providerAlias('mistral-large'), { target: 'mistral-large-2512', vendor: 'mistral', chain: ['mistral-large-latest', 'mistral-large-2512'] });
    assert.deepStrictEqual(providerAlias('claude-opus-4-0'), { target: 'claude-opus-4-20250514', vendor: 'anthropic', chain: ['claude-opus-4-20250514'] });
    assert.strictEqual(providerAlias('gpt-4o-2024-08-06'), undefined);
    assert.strictEqual(providerAlias('my-model'), undefined);
  });

  test('vendorOfName knows the makers whose rules we apply, and no others', () => {
    assert.deepStrictEqual(
      ['claude-opus-4-7', 'gpt-5', 'o4-mini', 'gemini-2.5-pro', 'codestral-2508', 'llama-3.3-70b', 'omni-moderation'].map(vendorOfName),
      ['anthropic', 'openai', 'openai', 'google', 'mistral', undefined, undefined],
    );
  });
});
