/**
 * `prompt-cost scan --exact-counts` against a loopback server speaking Anthropic's and Gemini's documented
 * shapes: in process (the command with an injected environment) and end to end (the built dist/cli.js).
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import type { CliIo } from '../../../src/cli/cliIo';
import { scanWithExactCounts } from '../../../src/cli/exactCountsScan';
import { exactCountsFromEnv } from '../../../src/cli/exactCountsEnv';
import { scanCommand } from '../../../src/cli/scanCommand';
import { DEFAULT_ENGINE_SETTINGS } from '../../../src/core/config/engineSettings';
import { listSourceFiles } from '../../../src/core/scan/sourceFiles';
import { ANTHROPIC_KEY, FakeCountServer, GEMINI_KEY } from '../core/exactCounts/fakeCountServer';
import { tempTree } from './cliHarness';

const repoRoot = path.resolve(__dirname, '../../../..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(repoRoot, 'docs', 'scan-schema-v2.json'), 'utf8')) as object);

const APP = [
  'import anthropic',
  'from google import genai',
  'claude = anthropic.Anthropic()',
  'gemini = genai.Client()',
  '',
  'def review(diff):',
  '    return claude.messages.create(model="claude-sonnet-4-5", max_tokens=500, system="You review code carefully.",',
  '        messages=[{"role": "user", "content": f"Review this diff please:\\n{diff}"}])',
  '',
  'def title(text):',
  '    return claude.messages.create(model="claude-haiku-4-5", max_tokens=50, messages=[{"role": "user", "content": "Give the document a short title."}])',
  '',
  'def headline(article):',
  '    return gemini.models.generate_content(model="gemini-2.5-flash", contents="Write one factual headline for the article below.")',
  '',
].join('\n');

interface Estimate { model: string; exact: boolean; inputTokens: number; counting: { method: string; name: string | null; label: string; basis: string | null } }
interface Scan { calls: { model: string; estimates: Estimate[] }[] }

suite('prompt-cost scan --exact-counts', function () {
  this.timeout(60_000);
  let server: FakeCountServer;
  let dir: string;
  let cache: string;

  setup(async () => {
    server = await new FakeCountServer().start();
    dir = tempTree({ 'app.py': APP });
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-exact-cache-'));
  });
  teardown(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  });

  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ANTHROPIC_API_KEY: ANTHROPIC_KEY,
    GEMINI_API_KEY: GEMINI_KEY,
    PROMPT_COST_ANTHROPIC_COUNT_URL: server.url,
    PROMPT_COST_GEMINI_COUNT_URL: server.url,
    PROMPT_COST_CACHE_DIR: cache,
    ...extra,
  });

  async function scan(argv: string[], environment: NodeJS.ProcessEnv): Promise<{ code: number; json: Scan | null; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { cwd: dir, env: environment, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
    const code = await scanCommand([...argv, '--workers', '0'], io);
    const json = argv.includes('--json') ? (JSON.parse(stdout) as Scan) : null;
    if (json) assert.ok(validate(json), JSON.stringify(validate.errors?.slice(0, 3)));
    return { code, json, stderr };
  }

  const byModel = (json: Scan, model: string) => json.calls.find((c) => c.model === model)!.estimates[0];

  test('each Claude and Gemini call is counted by its provider: exact, labelled, the provider count plus what was assumed', async () => {
    const { code, json, stderr } = await scan(['--exact-counts', '--json'], env());
    assert.strictEqual(code, 0, stderr);
    const sonnet = byModel(json!, 'claude-sonnet-4-5');
    assert.deepStrictEqual([sonnet.exact, sonnet.counting.method, sonnet.counting.name, sonnet.counting.label], [true, 'provider', 'anthropic', 'exact (Anthropic API)']);
    // system 2 + 4 words, user message 3 + 4 words, + {diff} at 50.
    assert.strictEqual(sonnet.inputTokens, 6 + 7 + 50);
    assert.match(sonnet.counting.basis ?? '', /plus 50 tokens assumed/);
    assert.strictEqual(byModel(json!, 'claude-haiku-4-5').inputTokens, 3 + 6);
    const flash = byModel(json!, 'gemini-2.5-flash');
    assert.deepStrictEqual([flash.exact, flash.counting.label, flash.inputTokens], [true, 'exact (Gemini API)', 3 + 8]);
    assert.deepStrictEqual([server.requestsFor('anthropic').length, server.requestsFor('gemini').length], [2, 1]);
    assert.match(stderr, /exact counts: 3 of 3 calls \(0 from the cache\)/);
  });

  test('a second run takes every count from the cache: no request at all', async () => {
    await scan(['--exact-counts', '--json'], env());
    const before = server.requests.length;
    const { json, stderr } = await scan(['--exact-counts', '--json'], env());
    assert.strictEqual(server.requests.length, before);
    assert.strictEqual(byModel(json!, 'claude-sonnet-4-5').counting.label, 'exact (Anthropic API)');
    assert.match(stderr, /3 of 3 calls \(3 from the cache\)/);
  });

  test('without --exact-counts nothing is sent, keys or not', async () => {
    const { json } = await scan(['--json'], env());
    assert.strictEqual(server.requests.length, 0);
    assert.strictEqual(byModel(json!, 'claude-sonnet-4-5').counting.method, 'factor');
    assert.strictEqual(byModel(json!, 'gemini-2.5-flash').exact, false);
  });

  test('only providers with a key are asked; a refused key is asked once, its calls stay ≈, stderr says why without the key', async () => {
    server.fault = (r) => (r.provider === 'anthropic' ? '401' : undefined);
    const { code, json, stderr } = await scan(['--exact-counts', '--json'], env());
    assert.strictEqual(code, 0);
    assert.strictEqual(server.requestsFor('anthropic').length, 1);
    assert.strictEqual(byModel(json!, 'claude-sonnet-4-5').counting.method, 'factor');
    assert.strictEqual(byModel(json!, 'gemini-2.5-flash').counting.method, 'provider');
    assert.match(stderr, /warning: exact counts: .*refused the key \(HTTP 401\) \(1 call left ≈\)/);
    assert.match(stderr, /anthropic: not asked after an earlier failure \(1 call left ≈\)/);
    assert.ok(!stderr.includes(ANTHROPIC_KEY) && !stderr.includes(GEMINI_KEY));
    server.fault = () => undefined;
    const geminiOnly = await scan(['--exact-counts', '--json'], env({ ANTHROPIC_API_KEY: '' }));
    assert.strictEqual(server.requestsFor('anthropic').length, 1);
    assert.strictEqual(byModel(geminiOnly.json!, 'claude-haiku-4-5').counting.method, 'factor');
  });

  test('--exact-counts without any key is a usage error, and nothing is sent', async () => {
    await assert.rejects(scan(['--exact-counts'], { PROMPT_COST_CACHE_DIR: cache }), /--exact-counts needs ANTHROPIC_API_KEY or GEMINI_API_KEY/);
    assert.strictEqual(server.requests.length, 0);
  });

  test('scanWithExactCounts: the workers send nothing, the main thread asks once per distinct request', async () => {
    const exact = exactCountsFromEnv(env(), dir)!;
    const listing = listSourceFiles([dir], DEFAULT_ENGINE_SETTINGS.maxFileBytes);
    const { results, summary } = await scanWithExactCounts(listing.files, { settings: DEFAULT_ENGINE_SETTINGS, compareModels: [], cwd: dir, workers: 0 }, exact);
    assert.deepStrictEqual([summary.asked, summary.counted, summary.failures], [3, 3, []]);
    assert.deepStrictEqual(exact.client.sent, { anthropic: 2, gemini: 1 });
    assert.strictEqual(results[0].countRequests, undefined);
  });

  test('end to end: dist/cli.js scan --exact-counts against the loopback server', async () => {
    assert.ok(fs.existsSync(cli), 'run npm run build first');
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [cli, 'scan', '--exact-counts', '--json', '.'], { cwd: dir, env: { ...process.env, ...env() }, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out)));
    });
    const json = JSON.parse(stdout) as Scan;
    assert.ok(validate(json), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.strictEqual(byModel(json, 'claude-sonnet-4-5').counting.label, 'exact (Anthropic API)');
    assert.strictEqual(byModel(json, 'gemini-2.5-flash').counting.label, 'exact (Gemini API)');
    assert.strictEqual(server.requests.length, 3);
  });
});
