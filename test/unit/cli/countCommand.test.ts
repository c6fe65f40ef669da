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
});
