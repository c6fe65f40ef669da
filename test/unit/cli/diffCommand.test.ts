/** `prompt-cost diff` against a real temporary git repository (git init, a base commit, edits in the working tree). */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DIFF_HELP, diffCommand } from '../../../src/cli/diffCommand';
import { approx } from '../core/simulate/testPrices';
import { runCommand, supportBot, tempTree, writeFiles } from './cliHarness';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
  assert.strictEqual(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const usageFile = (requestsPerDay: number) => `priceOverrides:
  classic-llm: { input: 0.5, output: 0.5 }
usage:
  prompts:
    - name: SYSTEM_PROMPT
      requestsPerDay: ${requestsPerDay}
      outputTokens: 0
`;

const SHORT = 'You are a billing support assistant.';
const LONG = 'You are a billing support assistant. Always cite the invoice number, the invoice date, the amount due, ' +
  'the payment method and the name of the customer, and answer politely in at most three sentences.';

suite('CLI: prompt-cost diff (real git repository)', function () {
  this.timeout(120_000);
  let repo: string;

  suiteSetup(() => {
    repo = tempTree({ 'src/bot.py': supportBot(SHORT), '.promptcost.yml': usageFile(10_000) });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'tag', 'base');
    // The working tree: a longer system prompt, uncommitted.
    writeFiles(repo, { 'src/bot.py': supportBot(LONG) });
  });
  suiteTeardown(() => fs.rmSync(repo, { recursive: true, force: true }));

  test('the table shows the increase of the changed call at the same traffic (hand-computed)', async () => {
    const statusBefore = git(repo, 'status', '--porcelain');
    const r = await runCommand(diffCommand, ['--base', 'base', '--workers', '0'], repo);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^### Prompt cost change vs `base` \(per month, profile: expected\)/);
    // One row per call: the call on line 8 sends SYSTEM_PROMPT (line 5) and the user message (line 13).
    // Its whole input (classic-llm: o200k_base × 1.0), chat framing 2 × (3 + 1) + 3 = 11, the user message
    // f"Customer question: {question}" = 4 + {question} at the default 50 = 54:
    //   base  SHORT = 7 tokens            → 7 + 54 + 11 = 72 in
    //   head  LONG  = 7 + 33 = 40 tokens  → 40 + 54 + 11 = 105 in
    // The usage entry sets outputTokens: 0. 10,000/day × 30 = 300,000 requests × $0.5/1M:
    //   before 72 × 0.15 = $10.80, after 105 × 0.15 = $15.75, Δ +$4.95 = +45.8 % of $10.80.
    const row = r.stdout.split('\n').find((l) => l.startsWith('| src/bot.py:8 (SYSTEM_PROMPT)'));
    assert.ok(row, r.stdout);
    const cells = row.split('|').map((c) => c.trim());
    assert.deepStrictEqual(cells.slice(2, 7), ['classic-llm', '$10.80', '$15.75', '+$4.95', '+45.8 %']);
    assert.match(r.stdout, /\| Call +\| Model +\|/);
    assert.match(r.stdout, /Monthly cost: \$10\.80 → \$15\.75 \(\*\*\+\$4\.95\*\*, \+45\.8 %\)/);
    assert.match(r.stdout, /\| \*\*Total\*\* /);
    assert.strictEqual(git(repo, 'status', '--porcelain'), statusBefore, 'diff leaves the working tree and index alone');

    // The JSON agrees with the tokens: 300,000 requests × Δtokens × $0.5/1M.
    const json = JSON.parse((await runCommand(diffCommand, ['--base', 'base', '--json'], repo)).stdout);
    assert.strictEqual(json.commit, git(repo, 'rev-parse', 'base').trim());
    const changed = json.rows.find((x: { name?: string }) => x.name === 'SYSTEM_PROMPT');
    assert.strictEqual(changed.status, 'changed');
    assert.strictEqual(changed.line, 8);
    assert.deepStrictEqual([changed.before.inputTokens, changed.after.inputTokens], [72, 105]);
    approx(changed.before.monthlyCost, 300_000 * changed.before.inputTokens * 0.5 / 1e6, 'before');
    approx(changed.delta, 300_000 * (changed.after.inputTokens - changed.before.inputTokens) * 0.5 / 1e6, 'delta');
    approx(json.totals.delta, changed.delta, 'total');
  });

  test('--fail-over-increase exits 1 when the total monthly increase is above the limit', async () => {
    const over = await runCommand(diffCommand, ['--base', 'base', '--fail-over-increase', '0.5'], repo);
    assert.strictEqual(over.code, 1);
    assert.match(over.stderr, /monthly cost increase \+\$\d+\.\d\d is over the limit of \$0\.50/);
    assert.match(over.stdout, /src\/bot\.py:8/, 'the table is still printed');
    const under = await runCommand(diffCommand, ['--base', 'base', '--fail-over-increase', '1000'], repo);
    assert.strictEqual(under.code, 0);
  });

  test('working-tree usage for both sides by default; --base-usage prices the base with its own usage file', async () => {
    writeFiles(repo, { 'src/bot.py': supportBot(SHORT), '.promptcost.yml': usageFile(20_000) });
    try {
      const same = JSON.parse((await runCommand(diffCommand, ['--base', 'base', '--json'], repo)).stdout);
      assert.strictEqual(same.totals.delta, 0, 'same call, same usage file → no change');
      assert.strictEqual(same.rows[0].status, 'unchanged');
      const traffic = JSON.parse((await runCommand(diffCommand, ['--base', 'base', '--base-usage', '.promptcost.yml', '--json'], repo)).stdout);
      const row = traffic.rows[0];
      approx(row.after.monthlyCost, 2 * row.before.monthlyCost, 'twice the requests');
      approx(traffic.totals.delta, row.before.monthlyCost);
      const missing = await runCommand(diffCommand, ['--base', 'base', '--base-usage', 'ops/usage.yml'], repo);
      assert.strictEqual(missing.code, 2);
      assert.match(missing.stderr, /--base-usage: ops\/usage\.yml does not exist in base/);
    } finally {
      writeFiles(repo, { 'src/bot.py': supportBot(LONG), '.promptcost.yml': usageFile(10_000) });
    }
  });

  test('a call added in the working tree counts in full; running from a subfolder works', async () => {
    writeFiles(repo, { 'src/extra.py': supportBot('You translate invoices into French.') });
    try {
      const r = await runCommand(diffCommand, ['--base', 'base', '--json'], path.join(repo, 'src'));
      assert.strictEqual(r.code, 0, r.stderr);
      const json = JSON.parse(r.stdout);
      const added = json.rows.find((x: { file: string }) => x.file === 'extra.py');
      assert.strictEqual(added.status, 'added');
      assert.strictEqual(added.before, null);
      approx(added.delta, added.after.monthlyCost);
      assert.ok(json.rows.some((x: { file: string; status: string }) => x.file === 'bot.py' && x.status === 'changed'));
    } finally {
      fs.rmSync(path.join(repo, 'src/extra.py'));
    }
  });

  test('a bad ref, no --base, or no repository exits 2 with a clear message', async () => {
    const bad = await runCommand(diffCommand, ['--base', 'no-such-branch'], repo);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /unknown git revision 'no-such-branch'/);
    const dash = await runCommand(diffCommand, ['--base=-x'], repo);
    assert.strictEqual(dash.code, 2);
    const none = await runCommand(diffCommand, [], repo);
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /--base <git-ref> is required/);
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-nogit-')));
    try {
      fs.writeFileSync(path.join(outside, '.promptcost.yml'), usageFile(1));
      const r = await runCommand(diffCommand, ['--base', 'HEAD'], outside);
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /not inside a git repository/);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
    assert.strictEqual((await runCommand(diffCommand, ['--help'], repo)).stdout, DIFF_HELP);
  });
});
