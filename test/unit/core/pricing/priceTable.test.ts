import * as assert from 'assert';
import { CATALOGUE_FORMAT, type CatalogueData } from '../../../../src/core/pricing/catalogueData';
import { catalogueInUse } from '../../../../src/core/pricing/catalogueInUse';
import { parseModelName } from '../../../../src/core/pricing/modelName';
import { loadDefaultPriceTable, PriceTable } from '../../../../src/core/pricing/priceTable';

suite('pricing: PriceTable.resolve against the bundled catalogue', () => {
  const table = loadDefaultPriceTable();
  const resolvedId = (model: string) => table.resolve(model)?.id;

  // [as written in code, expected catalogue id]
  const cases: Array<[string, string]> = [
    // exact ids and case
    ['gpt-4o', 'gpt-4o'],
    ['GPT-4o', 'gpt-4o'],
    ['  gpt-4o-mini ', 'gpt-4o-mini'],
    // dated ids: a known date keeps its own entry, an unknown one falls back to the undated model
    ['gpt-4o-2024-08-06', 'gpt-4o-2024-08-06'],
    ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13'],
    ['gpt-4o-2099-01-01', 'gpt-4o'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5-20250929'],
    ['claude-sonnet-4-5-20991231', 'claude-sonnet-4-5'],
    // bare names that exist only dated → newest dated first-party entry (not vertex's undated copy)
    ['claude-sonnet-4', 'claude-sonnet-4-20250514'],
    ['claude-opus-4', 'claude-opus-4-20250514'],
    // -latest
    ['claude-3-7-sonnet-latest', 'claude-3-7-sonnet-20250219'],
    ['gpt-4o-latest', 'gpt-4o'],
    ['mistral-large-latest', 'mistral/mistral-large-latest'],
    // provider prefixes
    ['openai/gpt-4o', 'gpt-4o'],
    ['anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5'],
    ['azure/gpt-4o', 'azure/gpt-4o'],
    ['azure/gpt-4o-2099-01-01', 'azure/gpt-4o'],
    ['gemini/gemini-2.5-pro', 'gemini/gemini-2.5-pro'],
    ['models/gemini-2.5-flash', 'gemini/gemini-2.5-flash'],
    ['vertex_ai/gemini-2.5-pro', 'gemini-2.5-pro'],
    ['openrouter/openai/gpt-4o-mini', 'gpt-4o-mini'],
    ['openrouter/anthropic/claude-sonnet-4.5', 'openrouter/anthropic/claude-sonnet-4.5'],
    ['xai/grok-4', 'xai/grok-4'],
    ['grok-4', 'xai/grok-4'],
    // `@` versions (Vertex)
    ['vertex_ai/claude-sonnet-4-5@20250929', 'vertex_ai/claude-sonnet-4-5@20250929'],
    ['claude-sonnet-4-5@20250929', 'claude-sonnet-4-5-20250929'],
    ['vertex_ai/claude-haiku-4-5@20991231', 'vertex_ai/claude-haiku-4-5'],
    // Bedrock ids
    ['bedrock/anthropic.claude-sonnet-4-5-20250929-v1:0', 'anthropic.claude-sonnet-4-5-20250929-v1:0'],
    // OpenRouter-style version dots
    ['claude-sonnet-4.5', 'claude-sonnet-4-5'],
    ['claude-opus-4.1', 'claude-opus-4-1'],
    // fine-tuned ids bill at the ft: base rate
    ['ft:gpt-4o-mini-2024-07-18:acme:support:abc123', 'ft:gpt-4o-mini-2024-07-18'],
    // Pydantic AI `provider:model`
    ['openai:gpt-4o-mini', 'gpt-4o-mini'],
    ['anthropic:claude-sonnet-4-5', 'claude-sonnet-4-5'],
    ['google-gla:gemini-2.5-flash', 'gemini/gemini-2.5-flash'],
    ['google:gemini-2.5-flash', 'gemini/gemini-2.5-flash'],
    ['google-vertex:gemini-2.5-pro', 'gemini-2.5-pro'],
    ['groq:llama-3.3-70b-versatile', 'groq/llama-3.3-70b-versatile'],
    ['mistral:mistral-large-latest', 'mistral/mistral-large-latest'],
    // a LiteLLM proxy prefix, Google's REST form, OpenRouter with a vendor we do not list
    ['litellm/gpt-4o', 'gpt-4o'],
    ['litellm/anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5'],
    ['litellm_proxy/gpt-4o-mini', 'gpt-4o-mini'],
    ['models/gemini-2.0-flash', 'gemini/gemini-2.0-flash'],
    ['openrouter/somevendor/gpt-4o-mini', 'gpt-4o-mini'],
  ];
  for (const [written, expected] of cases) {
    test(`${written} → ${expected}`, () => assert.strictEqual(resolvedId(written), expected));
  }

  test('first-party entries are preferred over resellers', () => {
    assert.strictEqual(table.resolve('claude-sonnet-4')?.provider, 'anthropic');
    assert.strictEqual(table.resolve('gpt-4o-2099-01-01')?.provider, 'openai');
    assert.strictEqual(table.resolve('claude-sonnet-4.5')?.provider, 'anthropic');
  });

  test('Bedrock\'s in-region Claude rate is Anthropic\'s list price wherever both price a model (why Bedrock stands in for a retired model)', () => {
    const data = catalogueInUse();
    const anthropic = new Map<string, [number, number]>();
    for (const [id, entry] of Object.entries(data.models)) {
      if (entry.provider === 'anthropic') anthropic.set(parseModelName(id).bare, [entry.input, entry.output]);
    }
    let compared = 0;
    for (const [id, entry] of Object.entries(data.models)) {
      const parsed = parseModelName(id);
      if (!entry.provider.startsWith('bedrock') || parsed.region !== undefined || !/^anthropic\./.test(id)) continue;
      const list = anthropic.get(parsed.bare);
      if (!list) continue;
      compared++;
      assert.deepStrictEqual([entry.input, entry.output], list, id);
    }
    assert.ok(compared >= 8, `only ${compared} models compared`);
  });

  test('a gpt-4o-mini is never priced as gpt-4o, nor claude-sonnet-4 as claude-sonnet-4-5', () => {
    assert.strictEqual(table.resolve('gpt-4o-mini-2099-01-01')?.id, 'gpt-4o-mini');
    assert.notStrictEqual(table.resolve('claude-sonnet-4')?.id, 'claude-sonnet-4-5');
  });

  test('unknown models resolve to undefined (callers show "no price", never $0)', () => {
    for (const model of ['my-fine-model', 'gpt-7-ultra', '', 'azure/prod-chat', 'claude', 'openai:my-fine-model', 'litellm/my-fine-model', 'openrouter/somevendor/unknown-model', 'acme/gpt-4o', 'ollama:llama3']) {
      assert.strictEqual(table.resolve(model), undefined, model);
    }
  });

  test('catalogueInfo reports the source, its date and the model count', () => {
    const info = table.catalogueInfo();
    assert.deepStrictEqual([info.source.kind, info.source.date, info.source.dateKind], ['bundled', '2026-07-24', 'published']);
    assert.strictEqual(info.source.commit, '8442b939a6ead479f7995b5d74d8dce488bd0966');
    assert.strictEqual(info.modelCount, table.knownModels().length);
    assert.ok(info.modelCount > 800);
  });

  test('knownModels is sorted and contains the catalogue ids', () => {
    const known = table.knownModels();
    assert.deepStrictEqual(known, [...known].sort());
    assert.ok(known.includes('gpt-4o') && known.includes('claude-sonnet-4-5'));
  });
});

suite('pricing: PriceTable aliases and overrides', () => {
  test('Azure deployment aliases map to a model, with or without the azure/ prefix', () => {
    const table = loadDefaultPriceTable({ aliases: { 'azure/prod-chat': 'azure/gpt-4.1', 'cheap-bot': 'gpt-4o-mini' } });
    assert.strictEqual(table.resolve('azure/prod-chat')?.id, 'azure/gpt-4.1');
    assert.strictEqual(table.resolve('prod-chat')?.id, 'azure/gpt-4.1');
    assert.strictEqual(table.resolve('Cheap-Bot')?.id, 'gpt-4o-mini');
  });

  test('the user alias map wins over a catalogue name', () => {
    const table = loadDefaultPriceTable({ aliases: { 'gpt-4o': 'gpt-4o-mini' } });
    assert.strictEqual(table.resolve('gpt-4o')?.id, 'gpt-4o-mini');
  });

  test('alias chains are followed and cycles end', () => {
    const table = loadDefaultPriceTable({ aliases: { a: 'b', b: 'claude-haiku-4-5', x: 'y', y: 'x' } });
    assert.strictEqual(table.resolve('a')?.id, 'claude-haiku-4-5');
    assert.strictEqual(table.resolve('x'), undefined);
  });

  test('overrides win field by field over the catalogue', () => {
    const table = loadDefaultPriceTable({ overrides: { 'gpt-4o': { input: 2, cacheRead: 0.5 } } });
    const price = table.resolve('openai/gpt-4o');
    assert.ok(price);
    assert.strictEqual(price.source, 'override');
    assert.strictEqual(price.id, 'gpt-4o');
    assert.deepStrictEqual([price.input, price.output, price.cacheRead, price.batchInput], [2, 10, 0.5, 1.25]);
    // other models untouched
    assert.strictEqual(table.resolve('gpt-4o-mini')?.source, 'catalogue');
  });

  test('an override keyed by the resolved catalogue id applies to its aliases', () => {
    const table = loadDefaultPriceTable({ overrides: { 'claude-sonnet-4-20250514': { output: 12 } } });
    const price = table.resolve('claude-sonnet-4');
    assert.deepStrictEqual([price?.id, price?.output, price?.source], ['claude-sonnet-4-20250514', 12, 'override']);
  });

  test('overrides add unknown models when they give input and output', () => {
    const table = loadDefaultPriceTable({
      overrides: { 'acme-llm-1': { input: 0.7, output: 2.1, contextWindow: 32000 }, 'half-known': { input: 1 } },
      aliases: { 'prod-acme': 'acme-llm-1' },
    });
    const price = table.resolve('ACME-LLM-1');
    assert.deepStrictEqual(price, {
      provider: 'custom', mode: 'chat', input: 0.7, output: 2.1, contextWindow: 32000, id: 'acme-llm-1', source: 'override',
    });
    assert.strictEqual(table.resolve('prod-acme')?.id, 'acme-llm-1');
    assert.strictEqual(table.resolve('half-known'), undefined);
    assert.ok(table.knownModels().includes('acme-llm-1'));
    assert.ok(!table.knownModels().includes('half-known'));
  });

  test('invalid override values are rejected with the model named', () => {
    assert.throws(() => loadDefaultPriceTable({ overrides: { m: { input: -1 } } }), /"m": input/);
    assert.throws(() => loadDefaultPriceTable({ overrides: { m: { output: Number.NaN } } }), /output/);
    assert.throws(() => loadDefaultPriceTable({ overrides: { m: { contextWindow: 1.5 } } }), /contextWindow/);
    assert.throws(
      () => loadDefaultPriceTable({ overrides: { m: { above: [{ threshold: 0, input: 1, output: 1 }] } } }),
      /threshold/,
    );
  });
});

suite('pricing: PriceTable on a small catalogue', () => {
  const data: CatalogueData = {
    format: CATALOGUE_FORMAT,
    source: { kind: 'file', name: 'test', license: 'MIT', location: '/tmp/test.json', date: '2026-01-01', dateKind: 'file-modified', sha256: '00', url: 'https://example.invalid' },
    generated: '2026-01-02',
    modelCount: 5,
    models: {
      'claude-x-1-20250101': { provider: 'anthropic', mode: 'chat', input: 1, output: 2 },
      'claude-x-1-20250601': { provider: 'anthropic', mode: 'chat', input: 3, output: 4 },
      'vertex_ai/claude-x-1': { provider: 'vertex_ai-anthropic_models', mode: 'chat', input: 9, output: 9 },
      'azure/eu/gpt-z': { provider: 'azure', mode: 'chat', input: 1.1, output: 1.1 },
      'azure/gpt-z': { provider: 'azure', mode: 'chat', input: 1, output: 1 },
    },
  };
  const table = new PriceTable(data);

  test('a bare name picks the newest dated first-party release over an undated reseller copy', () => {
    assert.strictEqual(table.resolve('claude-x-1')?.id, 'claude-x-1-20250601');
  });

  test('a provider prefix steers to that provider', () => {
    assert.strictEqual(table.resolve('vertex_ai/claude-x-1@20250601')?.id, 'vertex_ai/claude-x-1');
  });

  test('the global Azure entry wins over a regional one', () => {
    assert.strictEqual(table.resolve('gpt-z')?.id, 'azure/gpt-z');
  });

  test('a region in the name picks that region\'s entry; without one, Azure\'s Global deployment and Bedrock\'s in-region id', () => {
    const regional = new PriceTable({
      ...data,
      models: {
        'azure/gpt-y': { provider: 'azure', mode: 'chat', input: 1.1, output: 1.1 },
        'azure/global-standard/gpt-y': { provider: 'azure', mode: 'chat', input: 1, output: 1 },
        'azure/eu/gpt-y-2025-01-01': { provider: 'azure', mode: 'chat', input: 1.2, output: 1.2 },
        'anthropic.claude-z-1-20250101-v1:0': { provider: 'bedrock_converse', mode: 'chat', input: 3, output: 15 },
        'us.anthropic.claude-z-1-20250101-v1:0': { provider: 'bedrock_converse', mode: 'chat', input: 3.3, output: 16.5 },
        'global.anthropic.claude-z-1-20250101-v1:0': { provider: 'bedrock_converse', mode: 'chat', input: 3, output: 15 },
      },
    });
    assert.strictEqual(regional.resolve('azure/gpt-y')?.id, 'azure/global-standard/gpt-y');
    assert.strictEqual(regional.resolve('azure/eu/gpt-y')?.id, 'azure/eu/gpt-y-2025-01-01');
    assert.strictEqual(regional.resolve('bedrock/us.anthropic.claude-z-1-20250101-v1:0')?.id, 'us.anthropic.claude-z-1-20250101-v1:0');
    assert.strictEqual(regional.resolve('bedrock/anthropic.claude-z-1-20250101-v1:0')?.id, 'anthropic.claude-z-1-20250101-v1:0');
    assert.strictEqual(regional.resolve('claude-z-1')?.id, 'anthropic.claude-z-1-20250101-v1:0');
  });

  test('catalogueInfo comes from the data', () => {
    assert.deepStrictEqual(table.catalogueInfo(), { source: data.source, modelCount: 5 });
  });
});
