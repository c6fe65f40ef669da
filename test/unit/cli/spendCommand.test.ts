/** `spendCommand` with an injected io and env against the loopback server: exit codes and the exact JSON. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../../../src/cli/args';
import type { CliIo } from '../../../src/cli/cliIo';
import { spendCommand } from '../../../src/cli/spendCommand';
import { FakeSpendServer, SECRETS } from '../core/spend/fakeSpendServer';
import { assertNoSecret } from '../core/spend/spendTestSupport';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function tempProject(yaml?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-spend-'));
  fs.mkdirSync(path.join(dir, '.git')); // stops the config search here
  if (yaml !== undefined) fs.writeFileSync(path.join(dir, '.promptcost.yml'), yaml);
  return dir;
}

const allKeys = {
  PROMPT_COST_TRACKER_TOKEN: SECRETS.tracker,
  PROMPT_COST_OPENAI_ADMIN_KEY: SECRETS.openai,
  PROMPT_COST_ANTHROPIC_ADMIN_KEY: SECRETS.anthropic,
  PROMPT_COST_LITELLM_KEY: SECRETS.litellm,
  PROMPT_COST_OPENROUTER_KEY: SECRETS.openrouter,
};

async function run(argv: string[], env: NodeJS.ProcessEnv, cwd = tempProject()): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await spendCommand(argv, io, { timeoutMs: 2000 });
  return { code, stdout, stderr };
}

suite('prompt-cost spend (command)', () => {
  let server: FakeSpendServer;
  setup(async () => {
    server = await new FakeSpendServer().start();
  });
  teardown(() => server.close());

  test('--source openrouter --url … --json prints exactly { today, sources, budget }', async () => {
    const r = await run(['--source', 'openrouter', '--url', server.url, '--json'], { PROMPT_COST_OPENROUTER_KEY: SECRETS.openrouter });
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(json), ['today', 'sources', 'budget']);
    assert.strictEqual(json.today, 12.13);
    assert.strictEqual(json.budget, null);
    assert.deepStrictEqual(Object.keys(json.sources[0]), ['source', 'today', 'monthToDate', 'projectedMonth', 'byModel']);
    assert.strictEqual(json.sources[0].source, 'openrouter');
    assert.strictEqual(json.sources[0].monthToDate, 25.5);
    assert.strictEqual(typeof json.sources[0].projectedMonth, 'number');
    assert.deepStrictEqual(json.sources[0].byModel, {});
  });

  test('--budget gives { daily, used (fraction), state }', async () => {
    const r = await run(['--source', 'tracker', '--url', server.url, '--budget', '2', '--json'], { PROMPT_COST_TRACKER_TOKEN: SECRETS.tracker });
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepStrictEqual(json.budget, { daily: 2, used: 0.615, state: 'ok' });
    assert.deepStrictEqual(json.sources[0], { source: 'tracker', today: 1.23, monthToDate: 892.15, projectedMonth: 1338.23, byModel: { 'gpt-3.5-turbo': 0.73, 'text-embedding-3-small': 0.5 } });
    const over = await run(['--source', 'tracker', '--url', server.url, '--budget', '1', '--json'], { PROMPT_COST_TRACKER_TOKEN: SECRETS.tracker });
    assert.deepStrictEqual(JSON.parse(over.stdout).budget, { daily: 1, used: 1.23, state: 'over' });
  });

  test('sources from .promptcost.yml are summed; keys go to origins named in the environment', async () => {
    const cwd = tempProject([
      'spend:',
      '  sources:',
      `    - { kind: tracker, url: "${server.url}" }`,
      `    - { kind: litellm, url: "${server.url}" }`,
      '  budget: { daily: 20, monthly: 500 }',
    ].join('\n'));
    const origin = new URL(server.url).origin;
    const env = { ...allKeys, PROMPT_COST_TRACKER_ORIGIN: origin, PROMPT_COST_LITELLM_ORIGIN: origin };
    const json = await run(['--json'], env, cwd);
    assert.strictEqual(json.code, 0, json.stderr);
    const parsed = JSON.parse(json.stdout);
    assert.strictEqual(parsed.today, 11.34);
    assert.deepStrictEqual(parsed.sources.map((s: { source: string }) => s.source), ['tracker', 'litellm']);
    assert.deepStrictEqual(parsed.budget, { daily: 20, used: 0.567, state: 'ok' });

    const table = await run([], env, cwd);
    assert.strictEqual(table.code, 0, table.stderr);
    assert.match(table.stdout, /^source\s+today\s+month to date/m);
    assert.match(table.stdout, /^tracker\s+\$1\.23\s+\$892\.15/m);
    assert.match(table.stdout, /total today: \$11\.34/);
    assert.match(table.stdout, /daily budget \$20\.00: 56\.7 % used \(ok\)/);
    assertNoSecret(table.stdout + table.stderr);
  });

  test('a URL from the config file alone does not receive the key: exit 3, nothing sent', async () => {
    const cwd = tempProject(`spend:\n  sources:\n    - { kind: tracker, url: "${server.url}" }\n`);
    const r = await run(['--json'], allKeys, cwd);
    assert.strictEqual(r.code, 3);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /tracker: no-key: .*PROMPT_COST_TRACKER_ORIGIN/);
    assert.strictEqual(server.requests.length, 0);
  });

  test('an empty origin variable names nothing; a named origin wins over a typed --url (core/spend/keyOrigin.ts)', async () => {
    const cwd = tempProject(`spend:\n  sources:\n    - { kind: tracker, url: "${server.url}" }\n`);
    const empty = await run(['--json'], { ...allKeys, PROMPT_COST_TRACKER_ORIGIN: '' }, cwd);
    assert.strictEqual(empty.code, 3);
    assert.match(empty.stderr, /tracker: no-key: .*PROMPT_COST_TRACKER_ORIGIN/);
    const elsewhere = await run(['--source', 'tracker', '--url', server.url, '--json'], { ...allKeys, PROMPT_COST_TRACKER_ORIGIN: 'https://costs.example.com' });
    assert.strictEqual(elsewhere.code, 3);
    assert.match(elsewhere.stderr, /tracker: no-key: .*entered for https:\/\/costs\.example\.com/);
    assert.strictEqual(server.requests.length, 0);
  });

  test('a failing source exits 3 with the reason on stderr and prints no total', async () => {
    server.fault = () => '500';
    const r = await run(['--source', 'litellm', '--url', server.url, '--json'], allKeys);
    assert.strictEqual(r.code, 3);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /litellm: server-error: .*HTTP 500/);
    assertNoSecret(r.stderr);
  });

  test('unreachable source exits 3; a missing key names the variable', async () => {
    const port = Number(new URL(server.url).port);
    await server.close();
    const down = await run(['--source', 'openrouter', '--url', `http://127.0.0.1:${port}`], allKeys);
    assert.strictEqual(down.code, 3);
    assert.match(down.stderr, /openrouter: unreachable/);
    const noKey = await run(['--source', 'openrouter', '--url', `http://127.0.0.1:${port}`], {});
    assert.strictEqual(noKey.code, 3);
    assert.match(noKey.stderr, /set PROMPT_COST_OPENROUTER_KEY/);
  });

  test('bad arguments are usage errors (exit 2 in runCli); keys are never taken from arguments', async () => {
    const bad: string[][] = [
      ['--source', 'azure'],
      ['--url', server.url],
      ['--source', 'tracker'],
      ['--source', 'litellm', '--url', 'http://litellm.example.com'],
      ['--source', 'openai', '--budget', 'lots'],
      ['--source', 'openai', '--key', 'sk-x'],
      ['extra'],
      [],
    ];
    for (const argv of bad) await assert.rejects(run(argv, allKeys), UsageError, argv.join(' '));
    await assert.rejects(run([], allKeys, tempProject('spend:\n  sources: [{ kind: azure }]\n')), /spend\.sources\[0\]\.kind/);
    assert.strictEqual(server.requests.length, 0);
  });

  test('--help', async () => {
    const r = await run(['--help'], {});
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /PROMPT_COST_OPENAI_ADMIN_KEY/);
  });
});
