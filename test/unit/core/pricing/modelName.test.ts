import * as assert from 'assert';
import { alternateVersionSpelling, parseModelName, releaseDate, undatedName } from '../../../../src/core/pricing/modelName';

suite('pricing: parseModelName', () => {
  const cases: Array<[string, { bare: string; hints: string[]; region?: string }]> = [
    ['gpt-4o', { bare: 'gpt-4o', hints: [] }],
    ['openai/GPT-4o', { bare: 'gpt-4o', hints: ['openai'] }],
    ['openai:gpt-4o-mini', { bare: 'gpt-4o-mini', hints: ['openai'] }],
    ['litellm/anthropic/claude-sonnet-4-5', { bare: 'claude-sonnet-4-5', hints: ['litellm', 'anthropic'] }],
    ['models/gemini-2.5-flash', { bare: 'gemini-2.5-flash', hints: ['models'] }],
    ['vertex_ai/claude-sonnet-4-5@20250929', { bare: 'claude-sonnet-4-5-20250929', hints: ['vertex_ai'] }],
    ['azure/gpt-4o-mini', { bare: 'gpt-4o-mini', hints: ['azure'] }],
    ['azure/eu/gpt-4o-mini-2024-07-18', { bare: 'gpt-4o-mini-2024-07-18', hints: ['azure'], region: 'eu' }],
    ['azure/global-standard/gpt-4o-mini', { bare: 'gpt-4o-mini', hints: ['azure'], region: 'global' }],
    ['us.anthropic.claude-sonnet-4-5-20250929-v1:0', { bare: 'claude-sonnet-4-5-20250929', hints: ['bedrock'], region: 'us' }],
    ['bedrock/apac.anthropic.claude-sonnet-4-20250514-v1:0', { bare: 'claude-sonnet-4-20250514', hints: ['bedrock', 'bedrock'], region: 'apac' }],
    ['anthropic.claude-opus-4-6-v1', { bare: 'claude-opus-4-6', hints: ['bedrock'] }],
    ['ft:gpt-4o-mini-2024-07-18:acme:support:abc', { bare: 'ft:gpt-4o-mini-2024-07-18', hints: [] }],
  ];
  for (const [written, expected] of cases) {
    test(written, () => assert.deepStrictEqual(parseModelName(written), expected));
  }

  test('a region segment counts only after azure/ (a model may be called `us`-something elsewhere)', () => {
    assert.deepStrictEqual(parseModelName('openrouter/us/model'), { bare: 'us/model', hints: ['openrouter'] });
  });

  test('dates, -latest and version spellings', () => {
    assert.strictEqual(undatedName('claude-3-7-sonnet-latest'), 'claude-3-7-sonnet');
    assert.strictEqual(undatedName('gpt-4o-2024-08-06'), 'gpt-4o');
    assert.strictEqual(releaseDate('claude-sonnet-4-20250514'), '20250514');
    assert.strictEqual(alternateVersionSpelling('claude-sonnet-4.5'), 'claude-sonnet-4-5');
    assert.strictEqual(alternateVersionSpelling('claude-sonnet-4-5-20250929'), 'claude-sonnet-4.5-20250929');
  });
});
