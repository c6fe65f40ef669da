import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import catalogue from '../../../../src/core/pricing/catalogue.json';
import { CATALOGUE_FORMAT, type CatalogueData } from '../../../../src/core/pricing/catalogueData';
import { loadDefaultPriceTable } from '../../../../src/core/pricing/priceTable';
import { SYNTHETIC_MODEL_COUNT, syntheticLiteLlmFile } from './syntheticLiteLlm';

const repoRoot = path.resolve(__dirname, '../../../../..');
const script = path.join(repoRoot, 'scripts/update-prices.mjs');
/**
 * LiteLLM's price file as synced on 2026-07-24 by the public mirror RoCry/llm-api-price (commit 8442b939; MIT,
 * test/fixtures/pricing/LICENSE-litellm.txt; ../shared/reference/pricing/PROVENANCE.md), the input the
 * bundled catalogue was made from; committed gzipped (76 KB) so the check runs in every checkout.
 */
const JULY_FIXTURE = path.join(repoRoot, 'test/fixtures/pricing/litellm-model-prices-2026-07-24.json.gz');
const JULY_SHA256 = 'd367a97d5e53cdea0ea68853afba06c8429afa51cfc3fe834a9a1d8eb8e8d68f';
const data = catalogue as unknown as CatalogueData;

/** Runs the update script into a temp file and returns the bytes it wrote. */
function runUpdateScript(args: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-prices-'));
  try {
    const out = path.join(dir, 'catalogue.json');
    const run = spawnSync(process.execPath, [script, ...args, '--out', out], { encoding: 'utf8' });
    assert.strictEqual(run.status, 0, `update-prices failed: ${run.stderr}`);
    return fs.readFileSync(out, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The script's exit code and stderr, for the runs that must fail. */
function failingUpdateScript(args: string[]): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-prices-'));
  try {
    const run = spawnSync(process.execPath, [script, ...args, '--out', path.join(dir, 'catalogue.json')], { encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

suite('pricing: bundled catalogue spot prices (PROVENANCE.md)', () => {
  const table = loadDefaultPriceTable();
  // [model, input, output, cacheRead] in USD per 1M tokens.
  const spots: Array<[string, number, number, number]> = [
    ['gpt-4o', 2.5, 10, 1.25],
    ['gpt-4o-mini', 0.15, 0.6, 0.075],
    ['gpt-4.1', 2, 8, 0.5],
    ['gpt-4.1-mini', 0.4, 1.6, 0.1],
    ['o3', 2, 8, 0.5],
    ['o4-mini', 1.1, 4.4, 0.275],
    ['gpt-5', 1.25, 10, 0.125],
    ['gpt-5-mini', 0.25, 2, 0.025],
    ['claude-sonnet-4-5', 3, 15, 0.3],
    ['claude-opus-4-1', 15, 75, 1.5],
    ['claude-haiku-4-5', 1, 5, 0.1],
    ['gemini-2.5-pro', 1.25, 10, 0.125],
    ['gemini-2.5-flash', 0.3, 2.5, 0.03],
  ];
  // LiteLLM files Vertex's Gemini under the bare name; the Gemini API's own entry is `gemini/…` (same rates).
  const firstPartyId = (model: string) => (model.startsWith('gemini-') ? `gemini/${model}` : model);
  for (const [model, input, output, cacheRead] of spots) {
    test(`${model}: ${input} / ${output} / cache read ${cacheRead}`, () => {
      const price = table.resolve(model);
      assert.ok(price, `${model} should be priced`);
      assert.strictEqual(price.id, firstPartyId(model));
      assert.strictEqual(price.source, 'catalogue');
      assert.deepStrictEqual([price.input, price.output, price.cacheRead], [input, output, cacheRead]);
    });
  }

  test('gpt-4o batch rates are 1.25 / 5', () => {
    const price = table.resolve('gpt-4o');
    assert.deepStrictEqual([price?.batchInput, price?.batchOutput], [1.25, 5]);
  });

  test('claude-sonnet-4-5 above 200k is 6 / 22.5, cache read 0.6', () => {
    assert.deepStrictEqual(table.resolve('claude-sonnet-4-5')?.above, [
      { threshold: 200000, input: 6, output: 22.5, cacheRead: 0.6, cacheWrite: 7.5, cacheWrite1h: 12 },
    ]);
  });

  test('gemini-2.5-pro above 200k is 2.5 / 15', () => {
    const tier = table.resolve('gemini-2.5-pro')?.above?.[0];
    assert.deepStrictEqual([tier?.threshold, tier?.input, tier?.output], [200000, 2.5, 15]);
  });

  test('context window and max output come from max_input_tokens / max_output_tokens', () => {
    const price = table.resolve('gpt-4o');
    assert.deepStrictEqual([price?.contextWindow, price?.maxOutput], [128000, 16384]);
  });

  test('range-based tiered_pricing becomes ascending above-tiers', () => {
    const price = table.resolve('dashscope/qwen3-coder-plus');
    assert.deepStrictEqual([price?.input, price?.output], [1, 5]);
    assert.deepStrictEqual(price?.above?.map((tier) => [tier.threshold, tier.input, tier.output]), [
      [32000, 1.8, 9],
      [128000, 3, 15],
      [256000, 6, 60],
    ]);
  });
});

suite('pricing: catalogue file', () => {
  test('is stamped with its LiteLLM source, the real date of its data and its model count', () => {
    assert.deepStrictEqual(data.source, {
      kind: 'bundled',
      name: 'LiteLLM model_prices_and_context_window.json',
      license: 'MIT, Copyright (c) 2023 Berri AI',
      url: 'https://github.com/BerriAI/litellm',
      location: 'https://github.com/RoCry/llm-api-price',
      commit: '8442b939a6ead479f7995b5d74d8dce488bd0966',
      // PROVENANCE.md: the mirror's sync of 2026-07-24; never the date of a file name.
      date: '2026-07-24',
      dateKind: 'published',
      sha256: JULY_SHA256,
    });
    assert.strictEqual(data.format, CATALOGUE_FORMAT);
    assert.match(data.generated, /^\d{4}-\d{2}-\d{2}$/);
    assert.strictEqual(data.modelCount, Object.keys(data.models).length);
  });

  test('holds only priced chat/completion/responses/embedding models, no spec or rule keys', () => {
    const ids = Object.keys(data.models);
    assert.ok(ids.length > 800, `only ${ids.length} models`);
    assert.ok(!ids.includes('sample_spec') && !ids.includes('fallback_generalizations'));
    for (const [id, entry] of Object.entries(data.models)) {
      assert.ok(['chat', 'completion', 'responses', 'embedding'].includes(entry.mode), `${id}: mode ${entry.mode}`);
      assert.ok(Number.isFinite(entry.input) && entry.input >= 0, `${id}: input`);
      assert.ok(Number.isFinite(entry.output) && entry.output >= 0, `${id}: output`);
    }
  });

  test('rates carry no binary float noise (2.5, not 2.4999999999999996)', () => {
    const rates: number[] = [];
    for (const entry of Object.values(data.models)) {
      rates.push(entry.input, entry.output);
      for (const v of [entry.cacheRead, entry.cacheWrite, entry.batchInput, entry.batchOutput]) if (v !== undefined) rates.push(v);
      for (const tier of entry.above ?? []) rates.push(tier.input, tier.output);
    }
    const noisy = rates.filter((rate) => Number(rate.toPrecision(10)) !== rate);
    assert.deepStrictEqual(noisy, []);
  });

  test('stays under 400 KB', () => {
    const bytes = fs.statSync(path.join(repoRoot, 'src/core/pricing/catalogue.json')).size;
    assert.ok(bytes <= 400 * 1024, `${bytes} bytes`);
  });
});

function writeSyntheticPriceFile(dir: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(syntheticLiteLlmFile()));
  return file;
}

suite('pricing: update-prices script', function () {
  this.timeout(30000);
  let dir = '';

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-price-src-'));
  });

  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the same input gives byte-identical output', () => {
    const args = [writeSyntheticPriceFile(dir, 'prices.json'), '--source-date', '2026-04-30', '--generated', '2026-05-01'];
    const first = runUpdateScript(args);
    const second = runUpdateScript(args);
    assert.strictEqual(first.length > 10000, true);
    assert.strictEqual(first, second);
  });

  test('keeps priced chat and embedding models, drops spec keys, unknown providers and other modes', () => {
    const parsed = JSON.parse(runUpdateScript([writeSyntheticPriceFile(dir, 'prices.json'), '--source-date', '2026-04-30', '--generated', '2026-05-01'])) as CatalogueData;
    assert.strictEqual(Object.keys(parsed.models).length, SYNTHETIC_MODEL_COUNT);
    assert.deepStrictEqual(['sample_spec', 'fallback_generalizations', 'zz-image-model', 'unlisted-host/model'].filter((k) => k in parsed.models), []);
    assert.deepStrictEqual(parsed.models['acme-chat-12'], {
      above: [{ input: 5, output: 20, threshold: 200000 }],
      batchInput: 1.25, batchOutput: 5, cacheRead: 1.25, contextWindow: 128000,
      input: 2.5, mode: 'chat', output: 7, provider: 'anthropic',
    });
  });

  test('stamps a known LiteLLM file with its own commit and date (PROVENANCE.md)', () => {
    const january = JSON.parse(runUpdateScript([writeSyntheticPriceFile(dir, 'litellm-model-prices-2026-01-25.json')])) as CatalogueData;
    assert.strictEqual(january.source.commit, '667b9122e089a1972304540df6fd19f342b0e82a');
    assert.deepStrictEqual([january.source.date, january.source.dateKind, january.source.kind], ['2026-01-25', 'published', 'bundled']);
    assert.strictEqual(january.models['acme-chat-1']?.input, 2.5);
  });

  test('a file of unknown date is refused without --source-date: the catalogue never guesses its date', () => {
    const run = failingUpdateScript([writeSyntheticPriceFile(dir, 'prices.json')]);
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /date of prices\.json's data is unknown: pass --source-date/);
    // The April-named copy's name is wrong about its age (PROVENANCE.md): it is not stamped from its name.
    assert.match(failingUpdateScript([writeSyntheticPriceFile(dir, 'litellm-model-prices-2026-04.json')]).stderr, /--source-date/);
  });

  test('a file that is not LiteLLM\'s full list is refused, with the reason (the converter\'s validation)', () => {
    const small = path.join(dir, 'small.json');
    fs.writeFileSync(small, JSON.stringify(syntheticLiteLlmFile(100)));
    const run = failingUpdateScript([small, '--source-date', '2026-05-01']);
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /only 91 chat models with per-token prices \(at least 500 expected\)/);
  });

  test('--source-commit and --source-date override the stamp', () => {
    const stamped = JSON.parse(
      runUpdateScript([writeSyntheticPriceFile(dir, 'litellm-model-prices-2026-01-25.json'), '--source-commit', 'abc123', '--source-date', '2026-02-02']),
    ) as CatalogueData;
    assert.deepStrictEqual([stamped.source.commit, stamped.source.date], ['abc123', '2026-02-02']);
  });

  test('object keys are sorted at every level', () => {
    const parsed = JSON.parse(runUpdateScript([writeSyntheticPriceFile(dir, 'prices.json'), '--source-date', '2026-04-30', '--generated', '2026-05-01'])) as CatalogueData;
    const unsorted: string[] = [];
    const check = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((item, i) => check(item, `${where}[${i}]`));
      else if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.join('\u0000') !== [...keys].sort().join('\u0000')) unsorted.push(where);
        for (const key of keys) check((value as Record<string, unknown>)[key], `${where}.${key}`);
      }
    };
    check(parsed, '$');
    assert.deepStrictEqual(unsorted, []);
  });

  test('the bundled catalogue is what the script makes from the reference file', () => {
    const raw = gunzipSync(fs.readFileSync(JULY_FIXTURE));
    assert.strictEqual(createHash('sha256').update(raw).digest('hex'), JULY_SHA256, 'the fixture is the published file, byte for byte');
    // Same file name as the original, so the script recognises it and records its commit and date.
    const julyFile = path.join(dir, 'litellm-model-prices-2026-07-24.json');
    fs.writeFileSync(julyFile, raw);
    const regenerated = runUpdateScript([julyFile, '--generated', data.generated]);
    const bundled = fs.readFileSync(path.join(repoRoot, 'src/core/pricing/catalogue.json'), 'utf8');
    assert.strictEqual(regenerated, bundled);
  });
});
