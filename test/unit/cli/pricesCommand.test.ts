/**
 * `prompt-cost prices` end to end: the built CLI (dist/cli.js) as a child process, its cache in a temp
 * folder (PROMPT_COST_CACHE_DIR), prices served by a server on 127.0.0.1. The real LiteLLM file of
 * 2026-07-24 is served with gpt-4o at 10× its price, so a refresh shows in `show` and in a `scan`'s cost.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { PRICES_HELP } from '../../../src/cli/pricesCommand';
import { LoopbackPriceServer } from '../core/pricing/loopbackPriceServer';
import { syntheticLiteLlmFile } from '../core/pricing/syntheticLiteLlm';

const repoRoot = path.resolve(__dirname, '../../../..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const REAL = gunzipSync(fs.readFileSync(path.join(repoRoot, 'test/fixtures/pricing/litellm-model-prices-2026-07-24.json.gz'))).toString('utf8');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Asynchronous: the loopback server must answer while the CLI runs. */
function run(args: string[], env: Record<string, string>, cwd = repoRoot): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** `prices show --json`, the fields read here. */
interface ShownPrice {
  id: string | null;
  provider?: string;
  rates: Record<string, number | null>;
  source: { kind: string; date: string; dateKind: string };
  suggestions?: string[];
}

const BOT = `from openai import OpenAI
client = OpenAI()
client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "user", "content": "Summarise the incident report in three bullet points."}])
`;

suite('CLI: prompt-cost prices (built bundle, loopback source)', function () {
  this.timeout(120_000);
  const server = new LoopbackPriceServer();
  let cache = '';
  let project = '';
  let env: Record<string, string> = {};

  suiteSetup(async () => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: npm test builds it before the unit tests');
    await server.start();
    const dear = JSON.parse(REAL) as Record<string, Record<string, unknown>>;
    dear['gpt-4o'] = { ...dear['gpt-4o'], input_cost_per_token: 2.5e-5, output_cost_per_token: 1e-4 };
    server.routes.set('/litellm.json', { body: JSON.stringify(dear), headers: { 'last-modified': 'Tue, 01 Dec 2026 08:00:00 GMT' } });
    server.routes.set('/few.json', { body: JSON.stringify(syntheticLiteLlmFile(100)) });
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-prices-cache-'));
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-prices-project-'));
    fs.writeFileSync(path.join(project, 'bot.py'), BOT);
    env = { PROMPT_COST_CACHE_DIR: cache };
  });

  suiteTeardown(async () => {
    await server.close();
    fs.rmSync(cache, { recursive: true, force: true });
    fs.rmSync(project, { recursive: true, force: true });
  });

  const scanCost = async (): Promise<{ cost: number; stderr: string }> => {
    const r = await run(['scan', '--json', '.'], env, project);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { calls: { estimates: { cost: { typical: number } | null }[] }[] };
    return { cost: json.calls[0].estimates[0].cost?.typical ?? NaN, stderr: r.stderr };
  };
  const show = async (model: string) => {
    const r = await run(['prices', 'show', model, '--json'], env);
    return { ...r, json: r.stdout ? (JSON.parse(r.stdout) as ShownPrice) : null };
  };

  test('help is the usage text; bad arguments exit 2', async () => {
    assert.strictEqual((await run(['prices', '--help'], env)).stdout, PRICES_HELP);
    assert.strictEqual((await run(['help', 'prices'], env)).stdout, PRICES_HELP);
    assert.match((await run(['--help'], env)).stdout, /prices {12}update the price catalogue/);
    for (const args of [['prices', 'fetch'], ['prices', 'show'], ['prices', 'status', '--from', 'x'], ['prices', 'update', 'https://example.invalid/p.json']]) {
      const r = await run(args, env);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    }
  });

  let bundledCost = 0;
  test('before any update: the bundled catalogue, dated 2026-07-24', async () => {
    const status = await run(['prices', 'status'], env);
    assert.strictEqual(status.code, 0);
    assert.match(status.stdout, /^prices: LiteLLM, 2026-07-24 \(bundled\), 1,170 models\n  no refreshed copy/);
    const gpt4o = await show('gpt-4o');
    assert.strictEqual(gpt4o.code, 0);
    assert.deepStrictEqual(gpt4o.json?.rates, { input: 2.5, output: 10, cacheRead: 1.25, cacheWrite: null, batchInput: 1.25, batchOutput: 5 });
    assert.deepStrictEqual([gpt4o.json?.id, gpt4o.json?.provider, gpt4o.json?.source.kind, gpt4o.json?.source.date], ['gpt-4o', 'openai', 'bundled', '2026-07-24']);
    bundledCost = (await scanCost()).cost;
    assert.ok(bundledCost > 0);
  });

  test('update from a loopback URL: show, status and scan price with the new data', async () => {
    const update = await run(['prices', 'update', '--from', `${server.url}/litellm.json`], env);
    assert.strictEqual(update.code, 0, update.stderr);
    assert.match(update.stdout, /^updated: LiteLLM, 2026-12-01 \(Last-Modified\) \(from 127\.0\.0\.1:\d+\), 1,170 models\n/);
    assert.match(update.stdout, /was LiteLLM, 2026-07-24 \(bundled\)/);
    assert.ok(fs.existsSync(path.join(cache, 'prices.json')));

    const gpt4o = await show('gpt-4o');
    assert.deepStrictEqual([gpt4o.json?.rates.input, gpt4o.json?.rates.output], [25, 100]);
    assert.deepStrictEqual([gpt4o.json?.source.kind, gpt4o.json?.source.date, gpt4o.json?.source.dateKind], ['url', '2026-12-01', 'last-modified']);
    assert.match((await run(['prices', 'show', 'gpt-4o'], env)).stdout, /  input +25\n[^]*prices: LiteLLM, 2026-12-01 \(Last-Modified\) \(from 127\.0\.0\.1:\d+\)\n$/);
    assert.match((await run(['prices', 'status'], env)).stdout, /^prices: LiteLLM, 2026-12-01 \(Last-Modified\) \(from 127\.0\.0\.1:\d+\), 1,170 models\n  refreshed copy /);

    // The scan prices with the refreshed copy: gpt-4o at 10×, in-process (a small tree)…
    const { cost } = await scanCost();
    assert.ok(Math.abs(cost / bundledCost - 10) < 1e-9, `${cost} against ${bundledCost}`);
    // … and in the scan's worker threads (more files than scanPool.ts keeps in-process).
    const many = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-prices-many-'));
    try {
      for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(many, `bot${i}.py`), BOT);
      const r = await run(['scan', '--json', '--workers', '2', '.'], env, many);
      const calls = (JSON.parse(r.stdout) as { calls: { estimates: { cost: { typical: number } | null }[] }[] }).calls;
      assert.strictEqual(calls.length, 60);
      assert.deepStrictEqual([...new Set(calls.map((c) => c.estimates[0].cost?.typical))], [cost]);
    } finally {
      fs.rmSync(many, { recursive: true, force: true });
    }
  });

  test('a failed update exits 3, says which step failed and keeps the last good copy', async () => {
    const before = fs.readFileSync(path.join(cache, 'prices.json'), 'utf8');
    const cases: Array<[string, RegExp]> = [
      [`${server.url}/missing.json`, /download failed: http:\/\/127\.0\.0\.1:\d+\/missing\.json: HTTP 404/],
      [`${server.url}/few.json`, /validate failed: .*only 91 chat models with per-token prices/],
      ['http://prices.example.invalid/p.json', /source failed: .*http:\/\/ is only allowed to this machine/],
      [path.join(cache, 'no-such.json'), /read failed: .*no-such\.json: no such file/],
    ];
    for (const [from, reason] of cases) {
      const r = await run(['prices', 'update', '--from', from], env);
      assert.strictEqual(r.code, 3, from);
      assert.match(r.stderr, reason);
      assert.match(r.stderr, /still in use: LiteLLM, 2026-12-01 \(Last-Modified\)/);
      assert.strictEqual(fs.readFileSync(path.join(cache, 'prices.json'), 'utf8'), before);
    }
    const json = await run(['prices', 'update', '--from', `${server.url}/missing.json`, '--json'], env);
    assert.deepStrictEqual([JSON.parse(json.stdout).updated, JSON.parse(json.stdout).stage], [false, 'download']);
    assert.strictEqual((await show('gpt-4o')).json?.rates.input, 25);
  });

  test('an unknown model exits 1 with close matches; no rate is ever 0 for unknown', async () => {
    const r = await show('gpt-4-o');
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /no price for 'gpt-4-o' in LiteLLM, 2026-12-01 \(Last-Modified\) \(from 127\.0\.0\.1:\d+\)\. Close matches: gpt-4o, /);
    assert.deepStrictEqual([r.json?.id, r.json?.suggestions?.[0]], [null, 'gpt-4o']);
    const claude = await show('claude-sonnet-4.5');
    assert.strictEqual(claude.json?.id, 'claude-sonnet-4-5');
    assert.deepStrictEqual([claude.json?.rates.batchInput, claude.json?.rates.batchOutput], [null, null]);
  });

  test('a damaged copy is ignored with a warning (bundled prices); reset goes back to the bundled catalogue', async () => {
    const file = path.join(cache, 'prices.json');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.slice(0, 1000));
    const damaged = await scanCost();
    assert.match(damaged.stderr, /ignoring .*prices\.json \(not JSON/);
    assert.strictEqual(damaged.cost, bundledCost);
    assert.match((await run(['prices', 'status'], env)).stdout, /bundled[^]*prices\.json ignored: not JSON/);

    fs.writeFileSync(file, good);
    const reset = await run(['prices', 'reset'], env);
    assert.match(reset.stdout, /^removed the refreshed copy; prices: LiteLLM, 2026-07-24 \(bundled\)/);
    assert.strictEqual((await scanCost()).cost, bundledCost);
  });
});
