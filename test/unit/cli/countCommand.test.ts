/** `prompt-cost count` in process (injected io) and end to end (the built dist/cli.js, as a user runs it). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../../../src/cli/args';
import type { StdinIo } from '../../../src/cli/cliIo';
import { COUNT_HELP, countCommand, countText, type CountResult } from '../../../src/cli/countCommand';
import { countLocalTokens } from '../../../src/core/tokens/localTokenCounter';
import { countTokens } from '../../../src/core/tokens/tokenCounter';
import { ANTHROPIC_KEY, FakeCountServer, GEMINI_KEY } from '../core/exactCounts/fakeCountServer';

const repoRoot = path.resolve(__dirname, '../../../..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const TEXT = 'Please summarise the following article in three short bullet points for a busy executive.';

function capture(stdin?: string): { io: StdinIo; out: () => string } {
  let out = '';
  return { io: { cwd: repoRoot, env: {}, stdout: (t) => (out += t), stderr: () => undefined, readStdin: async () => stdin ?? '' }, out: () => out };
}

suite('prompt-cost count', function () {
  this.timeout(60_000);

  test('--json: { model, tokens, exact, method } and the method as data', async () => {
    const { io, out } = capture(TEXT);
    assert.strictEqual(await countCommand(['--model', 'qwen3-32b', '--json'], io), 0);
    const result = JSON.parse(out()) as CountResult;
    assert.deepStrictEqual(result, {
      model: 'qwen3-32b', tokens: 16, exact: true, method: 'exact: Qwen 3 tokenizer (local)',
      counting: { method: 'local', name: 'qwen3', exact: true, factor: null, basis: null, label: 'exact: Qwen 3 tokenizer (local)' },
    });
  });

  test('Gemini: ≈, counted by the Gemma 3 tokenizer factor, which the JSON gives with its basis', async () => {
    const { io, out } = capture(TEXT);
    await countCommand(['--model', 'gemini-2.5-flash', '--json'], io);
    const result = JSON.parse(out()) as CountResult;
    assert.strictEqual(result.tokens, Math.ceil(countTokens(TEXT, 'o200k_base').tokens * 1.07 - 1e-9));
    assert.strictEqual(result.exact, false);
    assert.deepStrictEqual(result.counting.factor, { prose: 1.07, code: 1.25 });
    assert.match(result.method, /^≈ o200k_base ×1\.07 \(prose\) \/ ×1\.25 \(code\): Gemma 3 tokenizer factor/);
  });

  test('one readable line; ≈ and the factor with its basis for a model without a tokenizer', async () => {
    const exact = capture(TEXT);
    await countCommand(['--model', 'gpt-4o'], exact.io);
    assert.strictEqual(exact.out(), `${countTokens(TEXT, 'o200k_base').tokens} tokens · gpt-4o · exact: OpenAI encoding o200k_base\n`);
    const claude = capture(TEXT);
    await countCommand(['--model', 'claude-opus-4-7'], claude.io);
    assert.match(claude.out(), /^≈ \d+ tokens · claude-opus-4-7 · ≈ o200k_base ×1\.55: /);
  });

  test('a file, counted whole and exactly however long (no time budget)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-count-'));
    // A SentencePiece vocabulary: cut into segments it would be ≈, so exact means it was counted whole.
    const long = Array.from({ length: 3000 }, (_, i) => `Line ${i}: Mixtral counts with SentencePiece v1.`).join('\n');
    fs.writeFileSync(path.join(dir, 'prompt.txt'), long);
    const { io, out } = capture();
    await countCommand(['--model', 'open-mixtral-8x7b', '--json', 'prompt.txt'], { ...io, cwd: dir });
    const result = JSON.parse(out()) as CountResult;
    assert.strictEqual(result.exact, true);
    assert.strictEqual(result.tokens, countLocalTokens(long, 'mistral-spm-v1', { timeBudgetMs: Number.POSITIVE_INFINITY }).tokens);
  });

  test('usage errors: no model, two files, a missing file; --help', async () => {
    for (const argv of [[], ['--model'], ['--model', 'gpt-4o', 'a', 'b'], ['--model', 'gpt-4o', 'no-such-file.txt']]) {
      await assert.rejects(countCommand(argv, capture().io), UsageError, JSON.stringify(argv));
    }
    const { io, out } = capture();
    assert.strictEqual(await countCommand(['--help'], io), 0);
    assert.strictEqual(out(), COUNT_HELP);
  });

  test('end to end: dist/cli.js reads stdin and prints the same JSON as in process', () => {
    assert.ok(fs.existsSync(cli), 'run npm run build first');
    const run = spawnSync(process.execPath, [cli, 'count', '--model', 'deepseek-chat', '--json'], { input: TEXT, encoding: 'utf8' });
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual(JSON.parse(run.stdout), countText(TEXT, 'deepseek-chat'));
    const missing = spawnSync(process.execPath, [cli, 'count', 'README.md'], { cwd: repoRoot, encoding: 'utf8' });
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /count needs --model M/);
  });

  suite('--provider-api (a loopback server speaking the documented shapes)', () => {
    let server: FakeCountServer;
    let cache: string;
    setup(async () => {
      server = await new FakeCountServer().start();
      cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-count-cache-'));
    });
    teardown(async () => {
      await server.close();
      fs.rmSync(cache, { recursive: true, force: true });
    });
    const withEnv = (stdin: string, env: NodeJS.ProcessEnv) => {
      const run = capture(stdin);
      let err = '';
      return { io: { ...run.io, env: { PROMPT_COST_CACHE_DIR: cache, ...env }, stderr: (t: string) => (err += t) }, out: run.out, err: () => err };
    };
    const keys = () => ({ ANTHROPIC_API_KEY: ANTHROPIC_KEY, GEMINI_API_KEY: GEMINI_KEY, PROMPT_COST_ANTHROPIC_COUNT_URL: server.url, PROMPT_COST_GEMINI_COUNT_URL: server.url });

    test('Claude: the text as one user message to count_tokens; exact (Anthropic API); a second time from the cache', async () => {
      const run = withEnv(TEXT, keys());
      assert.strictEqual(await countCommand(['--model', 'claude-sonnet-4-5', '--provider-api', '--json'], run.io), 0);
      assert.deepStrictEqual(JSON.parse(run.out()), {
        model: 'claude-sonnet-4-5', tokens: 3 + 14, exact: true, method: 'exact (Anthropic API)',
        counting: { method: 'provider', name: 'anthropic', exact: true, factor: null, basis: null, label: 'exact (Anthropic API)' },
      });
      assert.deepStrictEqual(server.requests[0].body, { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: TEXT }] });
      const again = withEnv(TEXT, keys());
      await countCommand(['--model', 'claude-sonnet-4-5', '--provider-api'], again.io);
      assert.strictEqual(again.out(), '17 tokens · claude-sonnet-4-5 · exact (Anthropic API)\n');
      assert.strictEqual(server.requests.length, 1);
    });

    test('Gemini: countTokens with contents; a failure exits 3 and says why, without the key', async () => {
      const run = withEnv('one two three', keys());
      await countCommand(['--model', 'gemini-2.5-pro', '--provider-api', '--json'], run.io);
      assert.strictEqual((JSON.parse(run.out()) as CountResult).tokens, 6);
      server.fault = () => '401';
      const failed = withEnv('four five', keys());
      assert.strictEqual(await countCommand(['--model', 'gemini-2.5-pro', '--provider-api'], failed.io), 3);
      assert.match(failed.err(), /could not count it: .*refused the key \(HTTP 401\)/);
      assert.ok(!failed.err().includes(GEMINI_KEY));
    });

    test('usage errors: a model of no provider, or no key for its provider (nothing sent)', async () => {
      await assert.rejects(countCommand(['--model', 'gpt-4o', '--provider-api'], withEnv(TEXT, keys()).io), /Claude models .* Gemini models .* gpt-4o is neither/);
      await assert.rejects(countCommand(['--model', 'claude-opus-4-1', '--provider-api'], withEnv(TEXT, { GEMINI_API_KEY: GEMINI_KEY }).io), /needs ANTHROPIC_API_KEY/);
      assert.strictEqual(server.requests.length, 0);
    });
  });
});
