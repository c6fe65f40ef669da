import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SIMULATE_HELP, simulateCommand } from '../../../src/cli/simulateCommand';
import { approx } from '../core/simulate/testPrices';
import { runCommand, supportBot, tempTree } from './cliHarness';

const PRICES = 'priceOverrides:\n  classic-llm: { input: 0.5, output: 0.5 }\n';

suite('CLI: prompt-cost simulate (ad-hoc case)', function () {
  this.timeout(60_000);
  let dir: string;
  suiteSetup(() => {
    dir = tempTree({ '.promptcost.yml': PRICES });
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the classic $75.00 as JSON: model, monthlyCost and 12 months', async () => {
    const r = await runCommand(simulateCommand, ['--model', 'classic-llm', '--requests-per-day', '10000', '--input-tokens', '500', '--output-tokens', '0', '--json'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.strictEqual(json.model, 'classic-llm');
    assert.strictEqual(json.monthlyCost, 75);
    assert.strictEqual(json.months.length, 12);
    assert.ok(json.months.every((m: number) => m === 75));
    assert.strictEqual(json.inputs.daysPerMonth, 30);
  });

  test('every lever as a flag (hand-computed)', async () => {
    // 2000/day × 30 days × (1 − 0.5) = 30,000 requests; (400 + 100) × 0.5 µ$ = 250 µ$ → $7.50 in month 1, × 1.2 in month 2.
    const r = await runCommand(simulateCommand, [
      '--model', 'classic-llm', '--requests-per-day', '2000', '--input-tokens', '400', '--output-tokens', '100',
      '--cache-hit-rate', '0.5', '--batch-share', '0.5', '--cached-prefix-share', '0.5', '--growth', '0.2', '--days', '30', '--json',
    ], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    approx(json.monthlyCost, 7.5);
    approx(json.months[1], 9);
    approx(json.months[11], 7.5 * Math.pow(1.2, 11));
    // classic-llm has neither cache-read nor batch rates: both are said, not silently discounted.
    assert.strictEqual(json.notes.length, 2, json.notes.join('\n'));
  });

  test('--flex-share: OpenAI\'s flex tier at its rates; a model without one says so', async () => {
    // gpt-5 flex 0.625 / 5 per 1M (LiteLLM): 1,000 × 30 × (0.5 × (2,000 × 1.25 + 500 × 10) + 0.5 × (2,000 × 0.625 + 500 × 5)) / 1M
    const r = await runCommand(simulateCommand, ['--model', 'gpt-5', '--requests-per-day', '1000', '--input-tokens', '2000', '--output-tokens', '500', '--flex-share', '0.5', '--json'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    approx(json.monthlyCost, 30_000 * (0.5 * 7500 + 0.5 * 3750) / 1e6);
    assert.deepStrictEqual(json.models[0].billing, ['flex −50 %']);
    const none = await runCommand(simulateCommand, ['--model', 'gpt-4o', '--requests-per-day', '1000', '--input-tokens', '2000', '--flex-share', '0.5', '--json'], dir);
    assert.match(JSON.parse(none.stdout).notes.join(' '), /gpt-4o has no flex tier/);
    const tooMuch = await runCommand(simulateCommand, ['--model', 'gpt-5', '--requests-per-day', '1', '--input-tokens', '1', '--flex-share', '0.6', '--batch-share', '0.6'], dir);
    assert.strictEqual(tooMuch.code, 2);
    assert.match(tooMuch.stderr, /--batch-share \+ --flex-share must be at most 1/);
  });

  test('Markdown by default, with compared models, budget and the cheapest acceptable model', async () => {
    const r = await runCommand(simulateCommand, ['--model', 'gpt-4o', '--requests-per-day', '1000', '--input-tokens', '500', '--models', 'classic-llm', '--acceptable-models', 'gpt-4o-mini', '--budget', '100'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^### Monthly cost simulation: gpt-4o/);
    assert.match(r.stdout, /\| gpt-4o \(current\) +\|/);
    assert.match(r.stdout, /\| classic-llm +\|/);
    assert.match(r.stdout, /Cheapest acceptable model: \*\*gpt-4o-mini\*\*/);
  });

  test('--fail-over-budget exits 1 over the budget and 0 under it', async () => {
    const base = ['--model', 'classic-llm', '--requests-per-day', '10000', '--input-tokens', '500', '--output-tokens', '0', '--fail-over-budget'];
    const over = await runCommand(simulateCommand, [...base, '--budget', '74.99'], dir);
    assert.strictEqual(over.code, 1);
    assert.match(over.stderr, /over budget: \$75\.00\/month > \$74\.99\/month/);
    assert.strictEqual((await runCommand(simulateCommand, [...base, '--budget', '75'], dir)).code, 0);
    assert.strictEqual((await runCommand(simulateCommand, base, dir)).code, 2, 'no budget to compare with');
  });

  test('a model with no price: null in JSON, a warning, exit 0', async () => {
    const r = await runCommand(simulateCommand, ['--model', 'no-such-model-zz9', '--requests-per-day', '10', '--input-tokens', '10', '--json'], dir);
    assert.strictEqual(r.code, 0);
    const json = JSON.parse(r.stdout);
    assert.strictEqual(json.monthlyCost, null);
    assert.strictEqual(json.months, null);
    assert.match(r.stderr, /no price for no-such-model-zz9/);
  });

  test('bad arguments exit 2 with a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [['--model', 'classic-llm', '--requests-per-day', '10'], /--input-tokens is required/],
      [['--model', 'classic-llm', '--requests-per-day', '10', '--input-tokens', '5', '--cache-hit-rate', '1.5'], /--cache-hit-rate must be a share between 0 and 1/],
      [['--model', 'classic-llm', '--requests-per-day', '10', '--input-tokens', '5.5'], /--input-tokens must be a whole number/],
      [['--model', 'classic-llm', '--requests-per-day', 'many', '--input-tokens', '5'], /--requests-per-day must be a non-negative number, got 'many'/],
      [['--model', 'classic-llm', '--requests-per-day', '10', '--input-tokens', '5', '--growth', '-1'], /--growth must be a number > -1/],
      [['--model', 'classic-llm', '--profile', 'high'], /--profile belongs to workspace mode/],
      [['--bogus'], /unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCommand(simulateCommand, argv, dir);
      assert.strictEqual(r.code, 2, `${argv.join(' ')} → ${r.code}`);
      assert.match(r.stderr, message);
    }
  });

  test('--help', async () => {
    const r = await runCommand(simulateCommand, ['--help'], dir);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.stdout, SIMULATE_HELP);
    assert.match(SIMULATE_HELP, /--requests-per-day N/);
  });
});

suite('CLI: prompt-cost simulate (workspace, usage file)', function () {
  this.timeout(120_000);
  let dir: string;
  suiteSetup(() => {
    dir = tempTree({
      'app/bot.py': supportBot('You are a billing support assistant. Answer in two sentences.'),
      'app/other.py': supportBot('You are a shipping assistant.').replace('SYSTEM_PROMPT', 'SHIPPING_PROMPT').replace('"content": SYSTEM_PROMPT', '"content": SHIPPING_PROMPT'),
      '.promptcost.yml': `${PRICES}usage:
  monthlyBudget: 100
  acceptableModels: [gpt-4o-mini]
  defaults: { requestsPerDay: 1000 }
  prompts:
    - name: SYSTEM_PROMPT
      file: app/bot.py
      requestsPerDay: { low: 5000, expected: 10000, high: 20000 }
      inputTokens: 500
      outputTokens: 0
`,
      // An entry written when rows were prompts: line 5 is SHIPPING_PROMPT's, a part of the call on line 8.
      'ops/usage.yml': 'prompts:\n  - file: ../app/other.py\n    line: 5\n    requestsPerDay: 1000\n    inputTokens: 1000\n    outputTokens: 0\n',
      // Entries naming the call's own line (8), then its system prompt's line (5): one call, the first entry wins.
      'ops/call-line.yml': 'prompts:\n  - file: ../app/bot.py\n    line: 8\n    requestsPerDay: 2000\n  - file: ../app/bot.py\n    line: 5\n    requestsPerDay: 7\n',
      'ops/prompt-line.yml': 'prompts:\n  - file: ../app/bot.py\n    line: 13\n    requestsPerDay: 2000\n',
      'bad/.promptcost.yml': 'usage:\n  prompts:\n    - name: X\n      requestsPerDay: -1\n',
      'bad/x.py': supportBot('x'),
      'none/.promptcost.yml': PRICES,
      'none/x.py': supportBot('x'),
    });
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('JSON: the classic $75 for the call with usage, the other calls listed without usage, per profile', async () => {
    const r = await runCommand(simulateCommand, ['--json', '--workers', '0'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const ws = JSON.parse(r.stdout);
    assert.strictEqual(ws.profile, 'expected');
    // One row per call: the entry names SYSTEM_PROMPT, a part of the call on line 8 (its user message is the
    // same call, not a row of its own). 10,000/day × 30 × (500 in + 0 out, as the entry sets) × $0.5/1M = $75.
    assert.deepStrictEqual(ws.calls.map((c: { file: string; startLine: number }) => `${c.file}:${c.startLine}`), ['app/bot.py:8']);
    assert.strictEqual(ws.calls[0].name, 'SYSTEM_PROMPT');
    assert.strictEqual(ws.calls[0].model, 'classic-llm');
    assert.strictEqual(ws.calls[0].cost.monthlyCost, 75);
    assert.strictEqual(ws.total.monthlyCost, 75);
    assert.strictEqual(ws.total.months.length, 12);
    assert.deepStrictEqual(ws.withoutUsage.map((c: { file: string; startLine: number }) => `${c.file}:${c.startLine}`), ['app/other.py:8', 'bad/x.py:8', 'none/x.py:8'], 'one call per file without usage');
    assert.strictEqual(ws.monthlyBudget, 100);
    const high = JSON.parse((await runCommand(simulateCommand, ['--json', '--profile', 'high'], dir)).stdout);
    assert.strictEqual(high.total.monthlyCost, 150);
    const low = JSON.parse((await runCommand(simulateCommand, ['--json', '--profile', 'low', 'app'], dir)).stdout);
    assert.strictEqual(low.total.monthlyCost, 37.5);
  });

  test('Markdown table with totals; --fail-over-budget', async () => {
    const r = await runCommand(simulateCommand, [], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^### Monthly cost by call \(profile: expected\)/);
    assert.match(r.stdout, /\| Call +\| Model +\| Requests\/day \|/);
    assert.match(r.stdout, /\| app\/bot\.py:8 \(SYSTEM_PROMPT\) \| classic-llm \| +10,000 \| +500 \/ 0 \| +\$75\.00 \| +\$900\.00 \|/);
    assert.match(r.stdout, /\| \*\*Total\*\* +\|.*\*\*\$75\.00\*\*/);
    assert.match(r.stdout, /\| All calls on +\|/);
    assert.match(r.stdout, /^- 3 calls without usage data \(not costed\)$/m);
    assert.strictEqual((await runCommand(simulateCommand, ['--fail-over-budget'], dir)).code, 0);
    assert.strictEqual((await runCommand(simulateCommand, ['--fail-over-budget', '--profile', 'high'], dir)).code, 1);
    assert.strictEqual((await runCommand(simulateCommand, ['--fail-over-budget', '--budget', '70'], dir)).code, 1);
  });

  test('--usage FILE: a dedicated file, paths relative to its folder; an old entry naming a prompt’s line prices its call', async () => {
    const r = await runCommand(simulateCommand, ['--usage', 'ops/usage.yml', '--json', 'app'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const ws = JSON.parse(r.stdout);
    assert.deepStrictEqual(ws.calls.map((p: { file: string; startLine: number }) => `${p.file}:${p.startLine}`), ['app/other.py:8']);
    // 1,000/day × 30 × (1,000 in + 0 out, as the entry sets) × $0.5/1M = $15.
    assert.strictEqual(ws.calls[0].cost.monthlyCost, 15);
    assert.deepStrictEqual(ws.unmatchedEntries, []);
  });

  test('an entry naming the call’s own line prices the whole call, once (hand-computed)', async () => {
    const r = await runCommand(simulateCommand, ['--usage', 'ops/call-line.yml', '--json', 'app'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const ws = JSON.parse(r.stdout);
    assert.deepStrictEqual(ws.calls.map((p: { file: string; startLine: number }) => `${p.file}:${p.startLine}`), ['app/bot.py:8']);
    // classic-llm has no tiktoken encoding: o200k_base × 1.0. Input of the whole call:
    //   SYSTEM_PROMPT "You are a billing support assistant. Answer in two sentences." = 7 + 5 = 12 tokens
    //   f"Customer question: {question}" = "Customer", " question", ":", " " + {question} at the default 50 = 54
    //   chat framing: 2 messages × (3 + 1) + 3 priming = 11            → 12 + 54 + 11 = 77 in
    // Output: the default 256 (max_tokens=300 does not cut it), no reasoning on classic-llm → 256 out.
    // 2,000/day × 30 = 60,000 requests × (77 + 256) × $0.5/1M = $9.99 a month.
    assert.deepStrictEqual([ws.calls[0].inputs.inputTokens, ws.calls[0].inputs.outputTokens], [77, 256]);
    approx(ws.calls[0].cost.monthlyCost, 9.99);
    approx(ws.total.monthlyCost, 9.99, 'the call is counted once');
    // The second entry names the system prompt's line (5): the same call, so it loses to the first.
    assert.strictEqual(ws.conflicts.length, 1);
    assert.match(ws.conflicts[0], /usage entry \.\.\/app\/bot\.py:5 \(line 5\) matches the same call \(\.\.\/app\/bot\.py:8\)/);
    // An entry naming the user message's line (13) prices the same call at the same volume: the same figure.
    const byPrompt = JSON.parse((await runCommand(simulateCommand, ['--usage', 'ops/prompt-line.yml', '--json', 'app'], dir)).stdout);
    assert.deepStrictEqual(byPrompt.calls.map((p: { startLine: number }) => p.startLine), [8]);
    approx(byPrompt.total.monthlyCost, 9.99);
  });

  test('bad or missing usage data exits 2 with the file and line', async () => {
    const bad = await runCommand(simulateCommand, [], path.join(dir, 'bad'));
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /\.promptcost\.yml:4:23: `usage\.prompts\[0\]\.requestsPerDay` must be a number ≥ 0, not -1/);
    const none = await runCommand(simulateCommand, [], path.join(dir, 'none'));
    assert.strictEqual(none.code, 2);
    assert.match(none.stderr, /no usage data: add a `usage:` section to \.promptcost\.yml or pass --usage FILE/);
    const missing = await runCommand(simulateCommand, ['--usage', 'nope.yml'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.stderr, /cannot read usage file nope\.yml: ENOENT/);
    assert.strictEqual((await runCommand(simulateCommand, ['--profile', 'peak'], dir)).code, 2);
    assert.strictEqual((await runCommand(simulateCommand, ['no-such-dir'], dir)).code, 2);
  });
});
