// Which call Simulate Monthly Cost is about, on analyses made by the real pipeline (in-process), and the
// tokens it starts from: the call's whole input and its visible + reasoning output.
import * as assert from 'assert';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings } from '../../../../../src/core/config/engineSettings';
import { DocumentPipeline } from '../../../../../src/core/pipeline/documentPipeline';
import type { AnalyzedReply } from '../../../../../src/core/pipeline/pipelineProtocol';
import { simulateModels } from '../../../../../src/core/simulate/modelComparison';
import { DEFAULT_SIMULATION_SETTINGS } from '../../../../../src/core/simulate/simulationSettings';
import { loadDefaultPriceTable } from '../../../../../src/core/pricing/priceTable';
import { callsAtOffset, callsOfPart, callSubjectLabel, callTokens } from '../../../../../src/core/presentation/simulatePanel/simulationSubject';
import { initialSimulationState, simulationRequest } from '../../../../../src/core/presentation/simulatePanel/simulationState';
import { approx } from '../../simulate/testPrices';

const SOURCE = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'SHARED = "You are a careful assistant."',
  'def a(q):',
  '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SHARED}, {"role": "user", "content": f"A: {q}"}])',
  'def b(q):',
  '    return client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "system", "content": SHARED}, {"role": "user", "content": f"B: {q}"}])',
  'SUMMARY_PROMPT = "Summarize the ticket in one line."',
  '',
].join('\n');

const REASONING = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'def think(q):',
  '    return client.chat.completions.create(model="o4-mini", reasoning_effort="high", max_completion_tokens=8000, messages=[{"role": "user", "content": "Think about it."}])',
  '',
].join('\n');

/** A document's analysis as the editor holds it: the prompts (parts) and the calls. */
type Doc = Pick<AnalyzedReply, 'calls'> & { prompts: AnalyzedReply['analyses'] };

async function analyze(text: string, settings: EngineSettings = DEFAULT_ENGINE_SETTINGS): Promise<Doc> {
  const pipeline = new DocumentPipeline({ sliceMs: 5 });
  try {
    const reply = await pipeline.submit({ type: 'find', id: 1, key: 'doc', text, filePath: '/work/app/bot.py', edits: [], settings, usage: null });
    assert.ok(reply && 'calls' in reply, JSON.stringify(reply));
    return { prompts: reply.analyses, calls: reply.calls };
  } finally {
    pipeline.dispose();
  }
}

suite('simulate panel: the call simulated', () => {
  let doc: Doc;
  suiteSetup(async () => {
    doc = await analyze(SOURCE);
  });
  const lines = (calls: { call: { startLine: number } }[]) => calls.map((c) => c.call.startLine);

  test('the analysis: two calls share SHARED; SUMMARY_PROMPT, sent by no call, is an implied call of its own', () => {
    assert.deepStrictEqual(lines(doc.calls), [5, 7, 8]);
    const shared = doc.prompts.findIndex((a) => a.prompt.name === 'SHARED');
    assert.deepStrictEqual(lines(callsOfPart(doc, shared)), [5, 7]);
  });

  test('a call lens offset means its call; a part lens offset means the part’s call, or every call sharing it', () => {
    for (const c of doc.calls) assert.deepStrictEqual(callsAtOffset(doc, c.call.startOffset), [c]);
    const userB = doc.prompts.find((a) => a.prompt.text === 'B: {q}')!;
    assert.deepStrictEqual(lines(callsAtOffset(doc, userB.prompt.startOffset)), [7]);
    const shared = doc.prompts.find((a) => a.prompt.name === 'SHARED')!;
    assert.deepStrictEqual(lines(callsAtOffset(doc, shared.prompt.startOffset)), [5, 7], 'both calls: the user picks one');
    assert.deepStrictEqual(lines(callsAtOffset(doc, shared.prompt.startOffset + 5)), [5, 7], 'inside the shared prompt too');
  });

  test('a cursor inside a call (not on a prompt) means that call; elsewhere the line decides, else nothing', () => {
    assert.deepStrictEqual(lines(callsAtOffset(doc, SOURCE.indexOf('max_tokens=100'))), [7]);
    assert.deepStrictEqual(callsAtOffset(doc, SOURCE.indexOf('def a')), []);
    assert.deepStrictEqual(lines(callsAtOffset(doc, SOURCE.indexOf('    return client') , 4)), [5], 'the indentation before the call, with its line');
    assert.deepStrictEqual(lines(callsAtOffset(doc, SOURCE.indexOf('SUMMARY_PROMPT ='), 7)), [8], 'the implied call of the prompt on that line');
  });

  test('the label names the call’s line, file and first named part', () => {
    assert.strictEqual(callSubjectLabel(doc.calls[1], doc.prompts, 'app/bot.py'), 'call at line 7 of app/bot.py (SHARED)');
    assert.strictEqual(callSubjectLabel({ ...doc.calls[1], parts: doc.calls[1].parts.slice(1) }, doc.prompts, 'app/bot.py'), 'call at line 7 of app/bot.py');
  });

  test('tokens: the whole input of the call and its typical output, per model (hand-counted)', () => {
    // Call at line 7 on gpt-4o (o200k_base): SHARED "You are a careful assistant." = 6 tokens, f"B: {q}" = "B", ":", " "
    // + {q} at the default 50 = 53; framing 2 messages × (3 + 1) + 3 = 11 → 6 + 53 + 11 = 70 in. Output: max_tokens=100
    // caps the default 256 → 100. No reasoning on gpt-4o.
    assert.deepStrictEqual(callTokens(doc.calls[1].estimates), [{ model: 'gpt-4o', inputTokens: 70, outputTokens: 100 }]);
    // The call at line 5 is the same size on gpt-4o-mini, no cap: the default 256 out.
    assert.deepStrictEqual(callTokens(doc.calls[0].estimates), [{ model: 'gpt-4o-mini', inputTokens: 70, outputTokens: 256 }]);
  });

  test('a reasoning model: output = visible + reasoning, and the simulation bills both at the output rate', async () => {
    const settings = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, { priceOverrides: { 'o4-mini': { input: 1, output: 4 } } }).settings;
    const reply = await analyze(REASONING, settings);
    const [call] = reply.calls;
    // "Think about it." = 4 tokens + 1 message framed (3 + 1) + 3 priming = 11 in. reasoning_effort="high": 2,048
    // reasoning tokens (the cited default), visible 256 (under the 8,000 cap) → 2,304 billed as output.
    assert.strictEqual(call.primary.reasoningTokens?.typical, 2048);
    assert.deepStrictEqual(callTokens(call.estimates), [{ model: 'o4-mini', inputTokens: 11, outputTokens: 2304, reasoningTokens: 2048 }]);
    // Per call 11 × $1/1M + 2,304 × $4/1M = $0.009227; 1,000 requests/day × 30 days = 30,000 → $276.81/month.
    approx(call.primary.costPerCall, 0.009227, 'the lens figure');
    const state = initialSimulationState({
      subject: { label: callSubjectLabel(call, reply.prompts, 'think.py'), file: 'think.py', line: call.call.startLine },
      tokens: callTokens(call.estimates),
      compareModels: [],
      expectedOutputTokens: 256,
      settings: { ...DEFAULT_SIMULATION_SETTINGS, requestsPerDay: 1000 },
      usage: null,
      entry: null,
    });
    assert.strictEqual(state.subject.label, 'call at line 4 of think.py');
    const result = simulateModels(simulationRequest(state), loadDefaultPriceTable({ overrides: settings.priceOverrides }));
    approx(result.models[0].monthlyCost, 276.81, '$/month');
    approx(result.models[0].monthlyCost, 30_000 * call.primary.costPerCall!, 'the simulation agrees with the call lens');
  });
});
