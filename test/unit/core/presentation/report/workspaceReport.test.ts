import * as assert from 'assert';
import type { CallEstimate } from '../../../../../src/core/estimate/estimateCall';
import type { CallAnalysis } from '../../../../../src/core/pipeline/callAnalysis';
import { emptyCall } from '../../../../../src/core/prompts/llmCall';
import type { FindingMonthlyCost } from '../../../../../src/core/simulate/findingMonthlyCost';
import {
  callPickLabel,
  callRowDescription,
  callRowDetail,
  callRowLabel,
  fileSummaryTitle,
  withoutImportedConstants,
  partRowDescription,
  partRowLabel,
  partsSummary,
  rankByCost,
  reportEntries,
  summarize,
  summaryMessage,
  type ReportEntry,
} from '../../../../../src/core/presentation/report/workspaceReport';
import { prompt } from '../analysisFixtures';

function callEstimate(model: string, costPerCall: number | null, maxCostPerCall: number | null, inputTokens = 200): CallEstimate {
  return {
    model, priceId: costPerCall === null ? null : model, encoding: 'o200k_base', exact: true, counting: { kind: 'encoding', name: 'o200k_base' }, inputTokens, partTokens: inputTokens - 11, overheadTokens: 11, toolTokens: 0, schemaTokens: 0, messages: 2,
    outputTokens: { typical: 256, max: maxCostPerCall === null ? null : 600 }, reasoningTokens: null, costPerCall, maxCostPerCall, inputCost: null,
    cachedCostPerCall: null, batchCostPerCall: null, flexCostPerCall: null, billing: [], priceVia: null, contextWindow: null, contextShare: null, tier: null, assumed: [],
  };
}

function monthly(amount: number | null): FindingMonthlyCost {
  return { cost: { monthlyCost: amount }, profile: 'expected' } as FindingMonthlyCost;
}

/** A call at `line` with the given parts (prompt index, slot, tokens, share). */
function call(line: number, primary: CallEstimate, parts: CallAnalysis['parts'], extra: Partial<CallAnalysis> = {}): CallAnalysis {
  const c = { ...emptyCall({ startLine: line, endLine: line + 3, startOffset: line * 100, endOffset: line * 100 + 80 }, false), model: primary.model, api: 'chat' as const };
  return { call: c, parts, estimates: [primary], primary, cheapest: null, modelAssumed: false, monthly: null, ...extra };
}

const entry = (file: string, analysis: CallAnalysis): ReportEntry => ({ file, analysis, parts: [] });

suite('presentation: Estimate Workspace report (calls and their parts)', () => {
  // One file: SYSTEM (line 5) is a part of both calls; each call has its own user message.
  const prompts = [
    { prompt: prompt('You are a billing assistant.', { startLine: 5, endLine: 5, role: 'system', name: 'SYSTEM' }) },
    { prompt: prompt('Question:   {q}\n  please', { startLine: 12, endLine: 12, role: 'user', kind: 'template' }) },
    { prompt: prompt('Short.', { startLine: 20, endLine: 20 }) },
    { prompt: prompt('Long alternative text', { startLine: 21, endLine: 21 }) },
  ];
  const first = call(10, callEstimate('gpt-4o', 0.0032, 0.0066), [
    { index: 0, slot: '/messages/0', tokens: 60, share: 0.3 },
    { index: 1, slot: '/messages/1', tokens: 54, share: 0.27 },
  ], { monthly: monthly(42.4) });
  const second = call(18, callEstimate('gpt-4o-mini', 0.0001, 0.0004), [
    { index: 0, slot: '/messages/0', tokens: 60, share: 0.6 },
    { index: 2, slot: '/messages/1/?0', tokens: 2, share: 0.02 },
    { index: 3, slot: '/messages/1/?1', tokens: 4, share: 0.04 },
  ], { monthly: monthly(null), modelAssumed: true });

  test('a call row: the call lens cost range, its model and its $/month; the description is file:line', () => {
    const [row] = reportEntries('app/bot.py', prompts, [first]);
    assert.strictEqual(callRowLabel(row), '$0.0032–0.0066/call · gpt-4o · ~$42/month');
    assert.strictEqual(callRowDescription(row), 'app/bot.py:10');
    assert.strictEqual(callRowDetail(row), '$0.0032–0.0066/call · 200 in + 256–600 out · gpt-4o · ~$42/month');
    assert.strictEqual(callPickLabel(row), 'Line 10: SYSTEM');
    // A model from the defaults is said; a usage entry on a model without a price is "no price", not $0.
    const [other] = reportEntries('app/bot.py', prompts, [second]);
    assert.strictEqual(callRowLabel(other), '$0.0001–0.0004/call · gpt-4o-mini (default) · no price/month');
  });

  test('its parts: role, line, tokens and share of the call; alternatives are marked', () => {
    const [, row] = reportEntries('app/bot.py', prompts, [first, second]);
    assert.deepStrictEqual(row.parts.map(partRowLabel), [
      'system · line 5 · 60 tokens (60 %)',
      'literal · line 20 · 2 tokens (2 %) · alternative',
      'literal · line 21 · 4 tokens (4 %) · alternative',
    ]);
    assert.deepStrictEqual(row.parts.map(partRowDescription), ['SYSTEM', 'Short.', 'Long alternative text']);
    const [one] = reportEntries('app/bot.py', prompts, [first]);
    assert.strictEqual(partRowDescription(one.parts[1]), 'Question: {q} please', 'whitespace folded');
    assert.strictEqual(partsSummary(one.parts), 'SYSTEM :5 (60 tokens) · user :12 (54 tokens)');
  });

  test('rows rank by typical cost per call, calls without a price last, then file and line', () => {
    const a = entry('a.py', call(3, callEstimate('m', 0.01, null), []));
    const b = entry('b.py', call(3, callEstimate('m', null, null), []));
    const c = entry('c.py', call(3, callEstimate('m', 0.3, null), []));
    const d = entry('a.py', call(1, callEstimate('m', 0.01, null), []));
    assert.deepStrictEqual(rankByCost([a, b, c, d]).map(callRowDescription), ['c.py:3', 'a.py:1', 'a.py:3', 'b.py:3']);
  });

  test('the summary: each call once, a shared prompt counted once, typical and max totals, $/month of the calls with usage', () => {
    const entries = [...reportEntries('app/bot.py', prompts, [first, second]), entry('x.py', call(1, callEstimate('zz', null, null), [{ index: 0, slot: '', tokens: 9, share: 1 }]))];
    entries[2].parts = reportEntries('x.py', prompts, [entries[2].analysis])[0].parts;
    const summary = summarize(rankByCost(entries));
    // Typical 0.0032 + 0.0001 = 0.0033, max 0.0066 + 0.0004 = 0.007; prompts: app/bot.py #0 #1 #2 #3 and x.py #0 = 5.
    assert.strictEqual(summary.calls, 3);
    assert.strictEqual(summary.prompts, 5);
    assert.strictEqual(summary.files, 2);
    assert.ok(Math.abs(summary.totalPerCall - 0.0033) < 1e-12);
    assert.ok(summary.maxPerCall !== null && Math.abs(summary.maxPerCall - 0.007) < 1e-12);
    assert.strictEqual(summary.unpriced, 1);
    // Two calls have usage; the one on a model without a price adds nothing (it is not $0, it is unknown).
    assert.strictEqual(summary.withUsage, 2);
    assert.strictEqual(summary.monthlyTotal, 42.4);
    assert.strictEqual(summaryMessage(summary), '3 calls (5 prompts) in 2 files · $0.0033 for one of each call (typical), at most $0.007, 1 without price · ~$42/month for the 2 with usage');
    assert.strictEqual(summaryMessage(summary, true).endsWith(' (cancelled: partial)'), true);
    assert.strictEqual(fileSummaryTitle('app/bot.py', summarize(reportEntries('app/bot.py', prompts, [first]))), 'Prompt Cost: app/bot.py · 1 call (2 prompts) · $0.0032 for one of each call (typical), at most $0.0066 · ~$42/month for the 1 with usage');
  });

  test('a priced call without an output cap leaves the maximum unknown; no usage, no $/month', () => {
    const summary = summarize([entry('a.py', call(1, callEstimate('m', 0.002, null), [])), entry('a.py', call(9, callEstimate('m', 0.001, 0.003), []))]);
    assert.strictEqual(summary.maxPerCall, null);
    assert.strictEqual(summaryMessage(summary), '2 calls (0 prompts) in 1 file · $0.003 for one of each call (typical), no maximum (a call has no output cap)');
  });

  test("a constant's implied call is dropped when another file's call imports it (its text is counted there)", () => {
    const part = (line: number) => ({ index: 0, line, startOffset: 0, role: 'system', preview: 'x', tokens: 10, share: 1, alternative: false });
    const implied = (line: number) => {
      const c = call(line, callEstimate('m', 0.001, 0.001), []);
      return { ...c, call: { ...c.call, implied: true } };
    };
    const entries = [
      { ...entry('app/main.py', call(9, callEstimate('m', 0.002, 0.002), [])), parts: [part(9)], absoluteFile: '/w/app/main.py' },
      { ...entry('app/prompts.py', implied(3)), parts: [part(3)], absoluteFile: '/w/app/prompts.py' },
      { ...entry('app/prompts.py', implied(8)), parts: [part(8)], absoluteFile: '/w/app/prompts.py' },
    ];
    const kept = withoutImportedConstants(entries, new Set(['/w/app/prompts.py\u00003']), (e) => e.absoluteFile);
    assert.deepStrictEqual(kept.map((e) => `${e.file}:${e.analysis.call.startLine}`), ['app/main.py:9', 'app/prompts.py:8']);
    assert.strictEqual(withoutImportedConstants(entries, new Set(), (e) => e.absoluteFile).length, 3);
  });
});
