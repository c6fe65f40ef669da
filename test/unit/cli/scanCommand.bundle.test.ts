/**
 * The built CLI (dist/cli.js, what users run) as a child process: output shapes, exit codes, and
 * counts checked against js-tiktoken as an independent oracle.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { getEncoding } from 'js-tiktoken';

const repoRoot = path.resolve(__dirname, '../../../..');
const cli = path.join(repoRoot, 'dist', 'cli.js');

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd = repoRoot): RunResult {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempTree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

interface JsonFinding {
  file: string;
  startLine: number;
  endLine: number;
  language: string;
  kind: string;
  text: string;
  placeholders: string[];
  model: string | null;
  estimates: { model: string; encoding: string | null; exact: boolean; inputTokens: number; inputCost: number | null; outputTokens: number; outputCost: number | null; costPerCall: number | null }[];
}

const SUPPORT_BOT = `from openai import OpenAI

client = OpenAI()

SYSTEM_PROMPT = "You are a billing support assistant. Answer in two sentences and cite the invoice number. <|endoftext|> is plain text here."

def answer(question):
    return client.chat.completions.create(
        model="gpt-4o",
        max_tokens=300,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Customer question: {question}"},
        ],
    )
`;

suite('CLI: prompt-cost scan (built bundle)', function () {
  this.timeout(120_000);

  suiteSetup(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is missing: npm test builds it before the unit tests');
  });

  test('--help lists the commands; no arguments prints help too', () => {
    const help = run(['--help']);
    assert.strictEqual(help.status, 0);
    assert.match(help.stdout, /scan \[paths…\]/);
    const scanHelp = run(['scan', '--help']);
    assert.strictEqual(scanHelp.status, 0);
    assert.match(scanHelp.stdout, /--fail-over USD/);
  });

  test('requires the tokenizer tables from dist/encodings/ instead of carrying them', () => {
    // esbuild.js keeps them out of every bundle: inlined, they shipped twice in the .vsix and were parsed
    // by every CLI start and every scan worker, even for commands that count nothing.
    const bundle = fs.readFileSync(cli, 'utf8');
    for (const encoding of ['o200k_base', 'cl100k_base']) {
      assert.ok(bundle.includes(`require("./encodings/${encoding}.js")`), `dist/cli.js does not require ./encodings/${encoding}.js`);
      assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'encodings', `${encoding}.js`)), `dist/encodings/${encoding}.js is missing`);
    }
  });

  test('bad arguments exit 2 with a clear message', () => {
    for (const args of [['scan', '--bogus'], ['scan', '--fail-over', 'cheap'], ['scan', '--models'], ['frobnicate'], ['scan', 'no/such/dir'], ['scan', '--workers', '1.5']]) {
      const r = run(args);
      assert.strictEqual(r.status, 2, `${args.join(' ')} → ${r.status} ${r.stderr}`);
      assert.match(r.stderr, /prompt-cost: /);
      assert.strictEqual(r.stdout, '');
    }
  });

  test('--json: the documented shape, exact OpenAI counts equal js-tiktoken, costs from the catalogue', () => {
    const dir = tempTree({ 'bot.py': SUPPORT_BOT });
    const r = run(['scan', '.', '--json'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    assert.strictEqual(findings.length, 2);
    const [system, user] = findings;
    assert.strictEqual(system.file, 'bot.py');
    assert.strictEqual(system.startLine, 5);
    assert.strictEqual(system.endLine, 5);
    assert.strictEqual(system.kind, 'literal');
    assert.strictEqual(system.model, 'gpt-4o');
    assert.deepStrictEqual(system.placeholders, []);
    const e = system.estimates[0];
    assert.strictEqual(e.model, 'gpt-4o');
    assert.strictEqual(e.encoding, 'o200k_base');
    assert.strictEqual(e.exact, true);
    const oracle = getEncoding('o200k_base').encode(system.text, [], []).length;
    assert.strictEqual(e.inputTokens, oracle);
    assert.strictEqual(e.outputTokens, 300, 'max_tokens of the call is the output assumption');
    assert.ok(Math.abs((e.inputCost ?? NaN) - oracle * 2.5e-6) < 1e-12, `gpt-4o input is $2.50/1M: ${e.inputCost}`);
    assert.ok(Math.abs((e.outputCost ?? NaN) - 300 * 10e-6) < 1e-12);
    assert.ok(Math.abs((e.costPerCall ?? NaN) - ((e.inputCost ?? 0) + (e.outputCost ?? 0))) < 1e-12);

    assert.strictEqual(user.kind, 'template');
    assert.deepStrictEqual(user.placeholders, ['question']);
    assert.strictEqual(user.text, 'Customer question: {question}');
    const staticTokens = getEncoding('o200k_base').encode('Customer question: ', [], []).length;
    assert.strictEqual(user.estimates[0].inputTokens, staticTokens + 50, 'static text + the default 50 tokens per placeholder');
  });

  test('--models adds estimates; a model without a price has null costs and the table says "no price"', () => {
    const dir = tempTree({ 'bot.py': SUPPORT_BOT });
    const r = run(['scan', 'bot.py', '--json', '--models', 'claude-haiku-4-5,acme-llm-1'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const [system] = JSON.parse(r.stdout) as JsonFinding[];
    assert.deepStrictEqual(system.estimates.map((x) => x.model), ['gpt-4o', 'claude-haiku-4-5', 'acme-llm-1']);
    const claude = system.estimates[1];
    assert.strictEqual(claude.exact, false, 'no local Claude tokenizer: an estimate');
    assert.ok(claude.inputTokens >= system.estimates[0].inputTokens);
    const acme = system.estimates[2];
    assert.strictEqual(acme.costPerCall, null);
    assert.strictEqual(acme.inputCost, null);
    const table = run(['scan', 'bot.py', '--models', 'acme-llm-1'], dir);
    assert.match(table.stdout, /acme-llm-1\s+≈ \d+ tokens\s+no price/);
    assert.doesNotMatch(table.stdout, /\$0\.00\b/);
  });

  test('--fail-over exits 1 when a prompt costs more per call, 0 otherwise', () => {
    const dir = tempTree({ 'bot.py': SUPPORT_BOT });
    const over = run(['scan', '.', '--fail-over', '0.001'], dir);
    assert.strictEqual(over.status, 1);
    assert.match(over.stderr, /bot\.py:5/);
    const under = run(['scan', '.', '--fail-over', '5'], dir);
    assert.strictEqual(under.status, 0, under.stderr);
  });

  test('respects .gitignore, skips binaries and files over the size limit with a note', () => {
    const dir = tempTree({
      '.gitignore': 'generated/\n',
      'generated/bot.py': SUPPORT_BOT,
      'src/bot.py': SUPPORT_BOT,
      'src/blob.py': Buffer.concat([Buffer.from('SYSTEM_PROMPT = "x"\n'), Buffer.alloc(16, 0)]),
      'src/huge.py': `${SUPPORT_BOT}\n${'# padding\n'.repeat(120_000)}`,
    });
    const r = run(['scan', '.', '--json'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const files = [...new Set((JSON.parse(r.stdout) as JsonFinding[]).map((f) => f.file))];
    assert.deepStrictEqual(files, ['src/bot.py']);
    const table = run(['scan', '.'], dir);
    assert.match(table.stdout, /src\/blob\.py: binary/);
    assert.match(table.stdout, /src\/huge\.py: larger than 1048576 bytes/);
  });

  test('worker threads and in-process scanning give identical results', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`pkg/m${i}.py`] = SUPPORT_BOT.replace('billing', `billing-${i}`);
    const dir = tempTree(files);
    const pooled = run(['scan', '.', '--json', '--workers', '2'], dir);
    const single = run(['scan', '.', '--json', '--workers', '0'], dir);
    assert.strictEqual(pooled.status, 0, pooled.stderr);
    assert.strictEqual(single.status, 0, single.stderr);
    assert.strictEqual(JSON.parse(pooled.stdout).length, 160);
    assert.strictEqual(pooled.stdout, single.stdout);
  });

  test('examples/: every listed language yields prompts with their models', () => {
    const r = run(['scan', 'examples', '--json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    const languages = new Set(findings.map((f) => f.language));
    for (const lang of ['python', 'typescript', 'javascript', 'go', 'java', 'csharp', 'prompt', 'prompty', 'jinja', 'plaintext']) {
      assert.ok(languages.has(lang), `no prompt found in ${lang}: ${[...languages].join(', ')}`);
    }
    for (const f of findings) {
      assert.ok(!f.file.includes('\\') && !path.isAbsolute(f.file), f.file);
      assert.ok(f.startLine >= 1 && f.endLine >= f.startLine);
    }
    const byFile = (name: string) => findings.filter((f) => f.file.endsWith(name));
    assert.ok(byFile('claude_summarizer.py').every((f) => f.model === 'claude-sonnet-4-5'));
    assert.ok(byFile('chat.ts').some((f) => f.model === 'gpt-4o-mini'));
    assert.ok(byFile('acme_client.py').every((f) => f.estimates[0].costPerCall === null));
    assert.ok(!byFile('rag_pipeline.py').some((f) => /SELECT|FROM/.test(f.text)), 'SQL is not a prompt');
  });
});
