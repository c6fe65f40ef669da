import * as assert from 'assert';
import { monthlyCostForFinding } from '../../../../src/core/simulate/findingMonthlyCost';
import { readUsageSection, type UsageFile } from '../../../../src/core/simulate/usageFile';
import { matchUsage, matchUsageEntry, promptFileNames } from '../../../../src/core/simulate/usageMatch';
import { simulateWorkspace } from '../../../../src/core/simulate/workspaceSimulation';
import { workspaceToMarkdown } from '../../../../src/core/simulate/workspaceMarkdown';
import { approx, testPrices } from './testPrices';
import { estimate, finding } from './testFindings';

const prices = testPrices();

function usage(prompts: string, extra = ''): UsageFile {
  return readUsageSection(`usage:\n${extra}  prompts:\n${prompts}`, '.promptcost.yml')!;
}

suite('simulate: matching usage entries to prompts', () => {
  const findings = [
    finding('bot.py', 5, 5, { name: 'SYSTEM_PROMPT' }),
    finding('bot.py', 12, 16),
    finding('bot.py', 14, 14, { name: 'INNER' }),
    finding('other.py', 5, 5, { name: 'SYSTEM_PROMPT' }),
    finding('prompts/support.prompt.md', 1, 20, { kind: 'file' }),
  ];

  test('file + line inside a prompt (the smallest when prompts nest)', () => {
    const u = usage('    - { file: bot.py, line: 13, requestsPerDay: 1 }\n    - { file: bot.py, line: 14, requestsPerDay: 2 }\n');
    const m = matchUsage(findings, u.prompts);
    assert.strictEqual(m.entryFor[1], u.prompts[0]);
    assert.strictEqual(m.entryFor[2], u.prompts[1], 'line 14 is inside 12–16 and 14–14: the smaller wins');
    assert.deepStrictEqual(m.unmatchedEntries, []);
  });

  test('file + line near a prompt start (within 3 lines), else unmatched', () => {
    const u = usage('    - { file: bot.py, line: 7, requestsPerDay: 1 }\n    - { file: bot.py, line: 9, requestsPerDay: 1 }\n    - { file: nope.py, line: 5, requestsPerDay: 1 }\n');
    const m = matchUsage(findings, u.prompts);
    assert.strictEqual(m.entryFor[0], u.prompts[0], 'line 7 is 2 lines after the prompt at 5');
    assert.strictEqual(m.entryFor[1], u.prompts[1], 'line 9 is 3 lines before the prompt at 12 (closer than 5)');
    assert.deepStrictEqual(m.unmatchedEntries, [u.prompts[2]]);
    assert.strictEqual(matchUsage(findings, u.prompts, { nearLines: 1 }).entryFor[0], null);
  });

  test('name: every prompt bound to that variable, or only in `file`; prompt files by name', () => {
    const everywhere = usage('    - { name: SYSTEM_PROMPT, requestsPerDay: 1 }\n    - { name: support, requestsPerDay: 1 }\n');
    const m = matchUsage(findings, everywhere.prompts);
    assert.deepStrictEqual(m.entryFor.map((e) => e?.name ?? null), ['SYSTEM_PROMPT', null, null, 'SYSTEM_PROMPT', 'support']);
    const oneFile = usage('    - { name: SYSTEM_PROMPT, file: other.py, requestsPerDay: 1 }\n');
    assert.deepStrictEqual(matchUsage(findings, oneFile.prompts).entryFor.map((e) => e !== null), [false, false, false, true, false]);
    assert.deepStrictEqual(promptFileNames('prompts/support.prompt.md'), ['support.prompt.md', 'support']);
  });

  test('two entries for one prompt: the first wins and the conflict is reported', () => {
    const u = usage('    - { name: INNER, requestsPerDay: 1 }\n    - { file: bot.py, line: 14, requestsPerDay: 2 }\n');
    const m = matchUsage(findings, u.prompts);
    assert.strictEqual(m.entryFor[2], u.prompts[0]);
    assert.strictEqual(m.conflicts.length, 1);
    assert.match(m.conflicts[0], /usage entry bot\.py:14 \(line 4\) matches the same call \(bot\.py:14\) as usage entry INNER \(line 3\)/);
  });

  test('fileKey maps scan paths to paths relative to the usage file', () => {
    const scanned = [finding('services/api/bot.py', 5, 5)];
    const u = usage('    - { file: bot.py, line: 5, requestsPerDay: 1 }\n');
    assert.strictEqual(matchUsage(scanned, u.prompts).entryFor[0], null);
    assert.strictEqual(matchUsage(scanned, u.prompts, { fileKey: (f) => f.file.replace('services/api/', '') }).entryFor[0], u.prompts[0]);
  });

  test('one prompt alone vs among its file: the nearest prompt decides', () => {
    const u = usage('    - { file: bot.py, line: 10, requestsPerDay: 1 }\n');
    const a = finding('bot.py', 8, 8);
    const b = finding('bot.py', 11, 11);
    assert.strictEqual(matchUsageEntry(a, u.prompts), u.prompts[0], 'alone, 2 lines away matches');
    assert.strictEqual(matchUsageEntry(a, u.prompts, { fileFindings: [a, b] }), null, 'b starts closer');
    assert.strictEqual(matchUsageEntry(b, u.prompts, { fileFindings: [a, b] }), u.prompts[0]);
  });
});

suite('simulate: usage entries name a call, or one of its prompts (which means its call)', () => {
  // bot.py: SYSTEM (line 3) is sent by two calls (lines 10–14 and 20–24); each call has its own user message inside it.
  const calls = [
    finding('bot.py', 10, 14, { name: 'SYSTEM', parts: [{ startLine: 3, endLine: 3, name: 'SYSTEM' }, { startLine: 12, endLine: 12 }] }),
    finding('bot.py', 20, 24, { name: 'SYSTEM', parts: [{ startLine: 3, endLine: 3, name: 'SYSTEM' }, { startLine: 22, endLine: 22, name: 'USER_B' }] }),
  ];

  test('the call’s own line, a line inside it, or its user message’s line: that call', () => {
    const u = usage('    - { file: bot.py, line: 20, requestsPerDay: 1 }\n    - { file: bot.py, line: 12, requestsPerDay: 2 }\n');
    assert.deepStrictEqual(matchUsage(calls, u.prompts).entryFor, [u.prompts[1], u.prompts[0]]);
  });

  test('the line of a prompt outside its calls (a shared constant) means one call: the first that sends it', () => {
    const u = usage('    - { file: bot.py, line: 3, requestsPerDay: 1 }\n');
    assert.deepStrictEqual(matchUsage(calls, u.prompts).entryFor, [u.prompts[0], null]);
  });

  test('a name matches every call with a prompt of that name, not only its first named one', () => {
    const u = usage('    - { name: USER_B, requestsPerDay: 1 }\n    - { name: SYSTEM, requestsPerDay: 2 }\n');
    const m = matchUsage(calls, u.prompts);
    assert.deepStrictEqual(m.entryFor, [u.prompts[1], u.prompts[0]], 'USER_B is the second call’s; SYSTEM is left the first');
    assert.match(m.conflicts[0], /usage entry SYSTEM \(line 4\) matches the same call \(bot\.py:20\) as usage entry USER_B \(line 3\)/);
  });
});

suite('simulate: monthly cost of found prompts', () => {
  test('monthlyCostForFinding: volume per profile, tokens from the estimate, defaults filled in', () => {
    const u = usage('    - file: bot.py\n      line: 5\n      requestsPerDay: { low: 500, expected: 1000, high: 4000 }\n      outputTokens: 50\n', '  defaults: { cacheHitRate: 0.25, requestsPerDay: 9 }\n');
    const f = finding('bot.py', 5, 5, { estimates: [estimate('test-model', 100, 300), estimate('classic-llm', 120, 300)] });
    const expected = monthlyCostForFinding(f, u, 'expected', prices)!;
    assert.strictEqual(expected.model, 'test-model');
    assert.deepStrictEqual(expected.inputs, { requestsPerDay: 1000, inputTokens: 100, outputTokens: 50, growth: 0, cacheHitRate: 0.25, cachedPrefixShare: 0, batchShare: 0, daysPerMonth: 30 });
    approx(expected.cost.monthlyCost, 13.5, '22,500 × 600 µ$');
    const high = monthlyCostForFinding(f, u, 'high', prices)!;
    approx(high.cost.monthlyCost, 54);
    // The compared model uses its own token count: 120 input + 50 output at $0.5/1M × 22,500.
    assert.deepStrictEqual(expected.compare.map((c) => c.model), ['classic-llm']);
    approx(expected.compare[0].monthlyCost, 22_500 * 170 * 0.5 / 1e6);
    assert.strictEqual(monthlyCostForFinding(finding('bot.py', 40, 40), u, 'expected', prices), null, 'no entry → unknown volume');
    assert.strictEqual(monthlyCostForFinding(f, u, undefined, prices)!.profile, 'expected', 'the file default profile');
  });

  test('an entry may set the model and the input tokens', () => {
    const u = usage('    - { name: P, requestsPerDay: 1000, model: classic-llm, inputTokens: 400, outputTokens: 100 }\n');
    const cost = monthlyCostForFinding(finding('bot.py', 1, 1, { name: 'P' }), u, 'expected', prices)!;
    assert.strictEqual(cost.model, 'classic-llm');
    approx(cost.cost.monthlyCost, 7.5, '30,000 × 500 × 0.5 µ$');
  });

  test('workspace: totals, per-prompt growth, prompts without usage, alternatives, budget and saving', () => {
    const u = usage(
      '    - { name: A, requestsPerDay: 1000, growth: 0.1 }\n    - { name: B, requestsPerDay: 2000 }\n    - { name: GONE, requestsPerDay: 5 }\n',
      '  monthlyBudget: 50\n  acceptableModels: [classic-llm]\n',
    );
    const findings = [
      finding('a.py', 1, 1, { name: 'A', estimates: [estimate('test-model', 100)] }),
      finding('b.py', 1, 1, { name: 'B', estimates: [estimate('test-model', 100)] }),
      finding('c.py', 1, 1, { name: 'C' }),
    ];
    const ws = simulateWorkspace(findings, u, { prices });
    assert.strictEqual(ws.calls.length, 2);
    approx(ws.total.monthlyCost, 18 + 36);
    approx(ws.total.months[1], 19.8 + 36, 'month 2: A grows, B does not');
    assert.strictEqual(ws.total.unpriced, 0);
    assert.deepStrictEqual(ws.withoutUsage.map((w) => w.name), ['C']);
    assert.deepStrictEqual(ws.unmatchedEntries.map((e) => e.name), ['GONE']);
    approx(ws.budgetShare, 54 / 50);
    assert.strictEqual(ws.firstMonthOverBudget, 1);
    assert.deepStrictEqual(ws.alternatives.map((a) => a.model), ['test-model', 'classic-llm']);
    approx(ws.alternatives[1].monthlyCost, 2.25 + 4.5);
    approx(ws.cheapestAcceptable!.monthlySaving, 54 - 6.75);

    const md = workspaceToMarkdown(ws);
    assert.match(md, /\| a\.py:1 \(A\) +\| test-model \| +1,000 \| +100 \/ 50 \| +\$18\.00 \|/);
    assert.match(md, /\| \*\*Total\*\* +\| +\| +\| +\| +\*\*\$54\.00\*\* \|/);
    assert.match(md, /over budget/);
    assert.match(md, /^### Monthly cost by call \(profile: expected\)/);
    assert.match(md, /\| Call +\| Model +\|/);
    assert.match(md, /\| All calls on +\|/);
    assert.match(md, /- 1 call without usage data \(not costed\)/);
    assert.match(md, /- usage entry GONE \(line 7\) matches no call/);
  });

  test('workspace: an unpriced prompt is counted, not added as $0, and blocks the like-for-like saving', () => {
    const u = usage('    - { name: A, requestsPerDay: 1000 }\n    - { name: B, requestsPerDay: 1000, model: no-such-model-zz9 }\n', '  acceptableModels: [classic-llm]\n');
    const ws = simulateWorkspace([finding('a.py', 1, 1, { name: 'A' }), finding('b.py', 1, 1, { name: 'B' })], u, { prices, profile: 'low' });
    approx(ws.total.monthlyCost, 18);
    assert.strictEqual(ws.total.unpriced, 1);
    assert.strictEqual(ws.cheapestAcceptable, null);
    assert.match(workspaceToMarkdown(ws), /\*\*\$18\.00\*\* \(\+1 without price\)/);
    const none = simulateWorkspace([finding('b.py', 1, 1, { name: 'B' })], u, { prices });
    assert.strictEqual(none.total.monthlyCost, null, 'nothing priced → null, not $0');
  });
});
