/** `prompt-cost compress` through injected io: exit codes, JSON shape, stdin, files and --line. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../../../src/cli/args';
import { COMPRESS_HELP, compressCommand, type CompressIo } from '../../../src/cli/compressCommand';

interface Captured {
  io: CompressIo;
  out: () => string;
  err: () => string;
}

function capture(cwd: string, stdin?: string): Captured {
  let out = '';
  let err = '';
  return {
    io: { cwd, env: {}, stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: stdin === undefined ? undefined : async () => stdin },
    out: () => out,
    err: () => err,
  };
}

async function usageError(run: Promise<number>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  assert.fail('expected a usage error');
}

const VERBOSE = 'Please, I would like you to summarize the text below in order to help the team.\n\nPlease summarize the text below in order to help the team.\n\nText: {text}';
const COMPRESSED = 'Summarize the text below to help the team.\n\nText: {text}';

suite('prompt-cost compress', () => {
  let dir: string;
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-compress-'));
    fs.mkdirSync(path.join(dir, 'prompts'));
    fs.writeFileSync(path.join(dir, 'prompts', 'summary.txt'), `${VERBOSE}\n`);
    fs.writeFileSync(path.join(dir, 'notes.dat'), 'Kindly answer in order to help.\n');
    fs.writeFileSync(
      path.join(dir, 'app.py'),
      [
        'from openai import OpenAI',
        'client = OpenAI()',
        'def ask(question):',
        '    return client.chat.completions.create(',
        '        model="gpt-4o-mini",',
        '        messages=[{"role": "user", "content": f"Please answer the question in a clear and concise manner: {question}"}],',
        '    )',
        '',
      ].join('\n'),
    );
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--help prints the usage', async () => {
    const c = capture(dir);
    assert.strictEqual(await compressCommand(['--help'], c.io), 0);
    assert.strictEqual(c.out(), COMPRESS_HELP);
  });

  test('stdin → compressed text on stdout, one-line summary on stderr', async () => {
    const c = capture(dir, VERBOSE);
    assert.strictEqual(await compressCommand([], c.io), 0);
    assert.strictEqual(c.out(), `${COMPRESSED}\n`);
    assert.match(c.err(), /^gpt-4o: \d+ → \d+ tokens \(−\d+\.\d %\); passes: .*filler −\d+.*\n$/);
    assert.strictEqual(c.err().split('\n').length, 2);
  });

  test('aggressive mode lists what it dropped on stderr', async () => {
    const text = 'Classify the intent.\n\nExample 1:\nQuery: "Where is my parcel?"\nIntent: track\n\nExample 2:\nQuery: "Refund me"\nIntent: refund\n\nNow classify the query {query}.';
    const c = capture(dir, text);
    assert.strictEqual(await compressCommand(['--mode', 'aggressive'], c.io), 0);
    assert.ok(!c.out().includes('Refund me'));
    assert.match(c.err(), /\ndropped by examples: "Example 2:\\nQuery: \\"Refund me\\"\\nIntent: refund"\ndropped by articles: "the \(×2\)"\n$/);
  });

  test('--json prints exactly the documented shape', async () => {
    const c = capture(dir, VERBOSE);
    assert.strictEqual(await compressCommand(['--json', '--model', 'claude-sonnet-4'], c.io), 0);
    const json = JSON.parse(c.out());
    assert.deepStrictEqual(Object.keys(json).slice(0, 8), ['original', 'compressed', 'tokensBefore', 'tokensAfter', 'model', 'placeholders', 'passes', 'refused']);
    assert.strictEqual(json.original, VERBOSE);
    assert.strictEqual(json.compressed, COMPRESSED);
    assert.strictEqual(json.model, 'claude-sonnet-4');
    assert.deepStrictEqual(json.placeholders, ['text']);
    assert.ok(json.passes.every((p: unknown) => typeof p === 'string') && json.passes.includes('filler'));
    assert.strictEqual(json.refused, null);
    assert.ok(json.tokensAfter < json.tokensBefore);
  });

  test('a prompt file: the whole prompt, with the model from --model', async () => {
    const c = capture(dir);
    assert.strictEqual(await compressCommand(['prompts/summary.txt', '--json', '--mode', 'aggressive'], c.io), 0);
    const json = JSON.parse(c.out());
    // Aggressive mode also writes telegraphically, and says which articles it dropped.
    assert.strictEqual(json.compressed, COMPRESSED.replace(/the /g, ''));
    const articles = json.passDetails.find((p: { name: string }) => p.name === 'articles');
    assert.deepStrictEqual(articles.dropped, ['the (×2)']);
    assert.strictEqual(json.mode, 'aggressive');
    assert.strictEqual(json.file, 'prompts/summary.txt');
  });

  test('a source file with --line: the prompt covering that line, for the model the code calls', async () => {
    const c = capture(dir);
    assert.strictEqual(await compressCommand(['app.py', '--line', '6', '--json'], c.io), 0);
    const json = JSON.parse(c.out());
    assert.strictEqual(json.original, 'Please answer the question in a clear and concise manner: {question}');
    assert.strictEqual(json.compressed, 'Answer the question clearly and concisely: {question}');
    assert.strictEqual(json.model, 'gpt-4o-mini');
    assert.deepStrictEqual(json.placeholders, ['question']);
    assert.strictEqual(json.startLine, 6);
  });

  test('no prompt at that line exits 1', async () => {
    const c = capture(dir);
    assert.strictEqual(await compressCommand(['app.py', '--line', '1'], c.io), 1);
    assert.match(c.err(), /no prompt covers app\.py:1/);
  });

  test('an unknown file type is read whole', async () => {
    const c = capture(dir);
    assert.strictEqual(await compressCommand(['notes.dat'], c.io), 0);
    assert.strictEqual(c.out(), 'Answer to help.\n');
  });

  test('bad arguments are usage errors (exit 2 in runCli)', async () => {
    const c = capture(dir, 'x');
    assert.match(await usageError(compressCommand(['--mode', 'extreme'], c.io)), /--mode must be safe or aggressive/);
    assert.match(await usageError(compressCommand(['--line', '3'], c.io)), /--line needs a file/);
    assert.match(await usageError(compressCommand(['app.py', '--line', '0'], c.io)), /--line must be a whole number/);
    assert.match(await usageError(compressCommand(['a.txt', 'b.txt'], c.io)), /one file/);
    assert.match(await usageError(compressCommand(['missing.py'], c.io)), /no such file/);
    assert.match(await usageError(compressCommand(['--frobnicate'], c.io)), /unknown option/);
  });
});
