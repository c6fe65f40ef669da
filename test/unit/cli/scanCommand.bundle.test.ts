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
import Ajv from 'ajv';

const repoRoot = path.resolve(__dirname, '../../../..');
const cli = path.join(repoRoot, 'dist', 'cli.js');

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** No refreshed price catalogue from the machine's user cache: the figures below are the bundled catalogue's. */
const EMPTY_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-cli-cache-'));

function run(args: string[], cwd = repoRoot): RunResult {
  const env = { ...process.env, PROMPT_COST_CACHE_DIR: EMPTY_CACHE };
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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

/** `scan --json`, schema version 2 (docs/scan-schema-v2.json). */
interface JsonScan {
  schemaVersion: number;
  prompts: { id: string; file: string; startLine: number; endLine: number; language: string; kind: string; text: string; placeholders: string[]; model: string | null; calls: string[]; tokens: number }[];
  calls: {
    id: string; file: string; startLine: number; endLine: number; implied: boolean; api: string; model: string | null; prompts: string[];
    estimates: { model: string; encoding: string | null; exact: boolean; counting: { method: string; name: string | null; exact: boolean; factor: { prose: number; code: number } | null; label: string }; inputTokens: number; overheadTokens: number; toolTokens: number; outputTokens: { typical: number; max: number | null }; reasoningTokens: { typical: number; max: number | null } | null; cost: { typical: number; max: number | null } | null }[];
  }[];
  totals: { calls: number; byModel: { model: string; typical: number; max: number | null }[] };
}

const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'docs', 'scan-schema-v2.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

/** Parses `scan --json` output and checks it against the published JSON Schema. */
function parseScan(stdout: string): JsonScan {
  const json = JSON.parse(stdout) as JsonScan;
  assert.ok(validate(json), `scan --json does not match docs/scan-schema-v2.json: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
  return json;
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

  test('--json: one call of two parts, priced whole; exact OpenAI counts equal js-tiktoken; the schema holds', () => {
    const dir = tempTree({ 'bot.py': SUPPORT_BOT });
    const r = run(['scan', '.', '--json'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const scan = parseScan(r.stdout);
    assert.strictEqual(scan.schemaVersion, 2);
    assert.strictEqual(scan.prompts.length, 2);
    assert.strictEqual(scan.calls.length, 1, 'system + user in one request are one call');
    const [system, user] = scan.prompts;
    const [call] = scan.calls;
    assert.deepStrictEqual([system.startLine, system.kind, system.model, system.placeholders, system.calls], [5, 'literal', 'gpt-4o', [], [call.id]]);
    assert.deepStrictEqual([user.kind, user.placeholders, user.text, user.calls], ['template', ['question'], 'Customer question: {question}', [call.id]]);
    assert.deepStrictEqual([call.file, call.startLine, call.implied, call.api, call.model, call.prompts], ['bot.py', 8, false, 'chat', 'gpt-4o', [system.id, user.id]]);

    const o200k = getEncoding('o200k_base');
    const systemTokens = o200k.encode(system.text, [], []).length;
    const userTokens = o200k.encode('Customer question: ', [], []).length + 50; // + the default 50 tokens per placeholder
    assert.strictEqual(system.tokens, systemTokens);
    assert.strictEqual(user.tokens, userTokens);
    const e = call.estimates[0];
    assert.deepStrictEqual([e.model, e.encoding, e.exact], ['gpt-4o', 'o200k_base', true]);
    // OpenAI chat framing: 3 + 1 (role) per message, 3 to prime the reply: 2 × 4 + 3.
    assert.strictEqual(e.overheadTokens, 11);
    assert.strictEqual(e.inputTokens, systemTokens + userTokens + 11);
    // Output: the typical 256 (expectedOutputTokens), capped by max_tokens=300; gpt-4o does not reason.
    assert.deepStrictEqual(e.outputTokens, { typical: 256, max: 300 });
    assert.strictEqual(e.reasoningTokens, null);
    // gpt-4o: $2.50 in, $10 out per 1M.
    const typical = (e.inputTokens * 2.5 + 256 * 10) / 1e6;
    const max = (e.inputTokens * 2.5 + 300 * 10) / 1e6;
    assert.ok(Math.abs((e.cost?.typical ?? NaN) - typical) < 1e-12, `typical ${e.cost?.typical} vs ${typical}`);
    assert.ok(Math.abs((e.cost?.max ?? NaN) - max) < 1e-12, `max ${e.cost?.max} vs ${max}`);
    assert.deepStrictEqual(scan.totals.byModel.map((t) => [t.model, t.typical, t.max]), [['gpt-4o', e.cost?.typical, e.cost?.max]]);
  });

  test('--models adds estimates per call; a model without a price has null costs and the table says "no price"', () => {
    const dir = tempTree({ 'bot.py': SUPPORT_BOT });
    const r = run(['scan', 'bot.py', '--json', '--models', 'claude-haiku-4-5,acme-llm-1'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const [call] = parseScan(r.stdout).calls;
    assert.deepStrictEqual(call.estimates.map((x) => x.model), ['gpt-4o', 'claude-haiku-4-5', 'acme-llm-1']);
    const claude = call.estimates[1];
    assert.strictEqual(claude.exact, false, 'no local Claude tokenizer: an estimate');
    assert.strictEqual(claude.overheadTokens, 11, 'the framing is the call API\'s (chat), whatever the model');
    const acme = call.estimates[2];
    assert.strictEqual(acme.cost, null);
    // Each estimate says how its tokens were counted.
    assert.deepStrictEqual(call.estimates.map((x) => [x.counting.method, x.counting.name, x.counting.exact, x.counting.factor]), [
      ['encoding', 'o200k_base', true, null], ['factor', null, false, { prose: 1.2, code: 1.3 }], ['factor', null, false, { prose: 1, code: 1 }],
    ]);
    assert.match(claude.counting.label, /^≈ o200k_base ×1\.2 \(prose\) \/ ×1\.3 \(code\): Claude before Opus 4\.7/);
    const table = run(['scan', 'bot.py', '--models', 'acme-llm-1'], dir);
    assert.match(table.stdout, /acme-llm-1\s+≈ \d+ in \+ 256–300 out\s+no price/, "the call's own cap bounds every model");
    assert.doesNotMatch(table.stdout, /\$0\.00\b/);
  });

  test('--fail-over checks the typical cost of each call, --fail-over-max its cost at the output cap', () => {
    const dir = tempTree({ 'bot.py': SUPPORT_BOT });
    const [call] = parseScan(run(['scan', '.', '--json'], dir).stdout).calls;
    const { typical, max } = call.estimates[0].cost as { typical: number; max: number };
    const over = run(['scan', '.', '--fail-over', String(typical * 0.9)], dir);
    assert.strictEqual(over.status, 1);
    assert.match(over.stderr, /bot\.py:8 gpt-4o .* typical/);
    assert.strictEqual(run(['scan', '.', '--fail-over', String(typical * 1.1)], dir).status, 0, 'typical under the limit');
    const between = (typical + max) / 2;
    assert.strictEqual(run(['scan', '.', '--fail-over', String(between)], dir).status, 0);
    const maxOver = run(['scan', '.', '--fail-over-max', String(between)], dir);
    assert.strictEqual(maxOver.status, 1);
    assert.match(maxOver.stderr, /at most/);
  });

  test('a .promptcost.yml usage entry with outputTokens sets its call site\'s typical output', () => {
    const dir = tempTree({ 'bot.py': SUPPORT_BOT, '.promptcost.yml': 'usage:\n  prompts:\n    - file: bot.py\n      line: 5\n      requestsPerDay: 10\n      outputTokens: 120\n' });
    const r = run(['scan', '.', '--json'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    // The entry names the SYSTEM_PROMPT line: that means its call (line 8).
    assert.deepStrictEqual(parseScan(r.stdout).calls[0].estimates[0].outputTokens, { typical: 120, max: 300 });
  });

  test('--format sarif: one SARIF 2.1.0 result per call over a limit, at the call', () => {
    const dir = tempTree({ 'bot.py': SUPPORT_BOT, 'cheap.py': SUPPORT_BOT.replace('max_tokens=300', 'max_tokens=5').replace('gpt-4o', 'gpt-4o-mini') });
    const r = run(['scan', '.', '--format', 'sarif', '--fail-over', '0.001'], dir);
    assert.strictEqual(r.status, 1);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.strictEqual(sarif.version, '2.1.0');
    const [run0] = sarif.runs;
    assert.strictEqual(run0.tool.driver.name, 'Prompt Cost Lens');
    assert.deepStrictEqual(run0.results.map((x) => [x.ruleId, x.level, x.locations[0].physicalLocation.artifactLocation.uri, x.locations[0].physicalLocation.region.startLine]), [['PCL001', 'error', 'bot.py', 8]]);
    assert.match(run0.results[0].message.text, /gpt-4o/);
    assert.ok(run0.tool.driver.rules.some((rule) => rule.id === run0.results[0].ruleId));
    assert.strictEqual(run(['scan', '.', '--format', 'yaml'], dir).status, 2);
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
    const files = [...new Set(parseScan(r.stdout).calls.map((f) => f.file))];
    assert.deepStrictEqual(files, ['src/bot.py']);
    const table = run(['scan', '.'], dir);
    assert.match(table.stdout, /src\/blob\.py: binary/);
    assert.match(table.stdout, /src\/huge\.py: larger than 1048576 bytes/);
  });

  test('a prompt imported across files: the importing call counts its text, the constant is sent by it and counted once', () => {
    const system = 'You are a careful assistant for the billing team. Answer only from the ticket history and cite the ticket.';
    const dir = tempTree({
      'app/prompts.py': `SYSTEM_PROMPT = "${system}"\n`,
      'app/main.py': 'from openai import OpenAI\nfrom app.prompts import SYSTEM_PROMPT\nclient = OpenAI()\ndef ask(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": q}])\n',
    });
    const json = run(['scan', '.', '--json', '--no-progress'], dir);
    assert.strictEqual(json.status, 0, json.stderr);
    const out = parseScan(json.stdout) as unknown as { prompts: { file: string; text: string; calls: string[]; imports?: unknown }[]; calls: { file: string; sentBy?: string[] }[]; totals: { calls: number } };
    const part = out.prompts.find((p) => p.file === 'app/main.py' && p.text === '{SYSTEM_PROMPT}');
    assert.deepStrictEqual(part?.imports, [{ placeholder: 'SYSTEM_PROMPT', file: 'app/prompts.py', line: 1 }]);
    const constant = out.calls.find((c) => c.file === 'app/prompts.py');
    assert.deepStrictEqual(constant?.sentBy, part?.calls);
    assert.strictEqual(out.totals.calls, 1, 'the constant is not a second call in the totals');
    const table = run(['scan', '.', '--no-progress'], dir);
    assert.ok(/1 of them is a constant sent by calls in other files/.test(table.stdout), table.stdout);
  });

  test('worker threads and in-process scanning give identical results', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 80; i++) files[`pkg/m${i}.py`] = SUPPORT_BOT.replace('billing', `billing-${i}`);
    const dir = tempTree(files);
    const pooled = run(['scan', '.', '--json', '--workers', '2'], dir);
    const single = run(['scan', '.', '--json', '--workers', '0'], dir);
    assert.strictEqual(pooled.status, 0, pooled.stderr);
    assert.strictEqual(single.status, 0, single.stderr);
    assert.strictEqual(parseScan(pooled.stdout).calls.length, 80);
    assert.strictEqual(parseScan(pooled.stdout).prompts.length, 160);
    assert.strictEqual(pooled.stdout, single.stdout);
  });

  test('examples/: every listed language yields prompts with their models', () => {
    const r = run(['scan', 'examples', '--json']);
    assert.strictEqual(r.status, 0, r.stderr);
    const scan = parseScan(r.stdout);
    const findings = scan.prompts;
    const languages = new Set(findings.map((f) => f.language));
    for (const lang of ['python', 'typescript', 'javascript', 'go', 'java', 'csharp', 'prompt', 'prompty', 'jinja', 'plaintext']) {
      assert.ok(languages.has(lang), `no prompt found in ${lang}: ${[...languages].join(', ')}`);
    }
    for (const f of [...findings, ...scan.calls]) {
      assert.ok(!f.file.includes('\\') && !path.isAbsolute(f.file), f.file);
      assert.ok(f.startLine >= 1 && f.endLine >= f.startLine);
    }
    const byFile = (name: string) => findings.filter((f) => f.file.endsWith(name));
    const callsOf = (name: string) => scan.calls.filter((c) => c.file.endsWith(name));
    assert.ok(byFile('claude_summarizer.py').every((f) => f.model === 'claude-sonnet-4-5'));
    assert.ok(byFile('chat.ts').some((f) => f.model === 'gpt-4o-mini'));
    assert.ok(callsOf('acme_client.py').every((c) => c.estimates[0].cost === null));
    assert.ok(!byFile('rag_pipeline.py').some((f) => /SELECT|FROM/.test(f.text)), 'SQL is not a prompt');
    // Every prompt is a part of a call, and every call's parts exist.
    const ids = new Set(findings.map((p) => p.id));
    assert.ok(scan.calls.every((c) => c.prompts.every((id) => ids.has(id))));
    assert.ok(findings.every((p) => p.calls.length >= 1));
  });
});
