// Property: the call is the unit of cost. For random Python files built from a few templates (1–4 calls of
// 1–3 messages each, constants shared between calls, alternatives `a if flag else b`, output caps and
// reasoning efforts), the real pipeline (in-process) prices each call once: its whole input (every part,
// a shared constant in each call that sends it, the largest of two alternatives, the chat framing) and its
// own output (visible + reasoning), never another call's. The expected input is counted here from the
// generated messages, not from the pipeline's parts.
import * as assert from 'assert';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings } from '../../../../src/core/config/engineSettings';
import { createEstimateContext } from '../../../../src/core/estimate/estimateContext';
import type { CallAnalysis } from '../../../../src/core/pipeline/callAnalysis';
import { DocumentPipeline } from '../../../../src/core/pipeline/documentPipeline';
import type { PromptAnalysis } from '../../../../src/core/pipeline/promptAnalysis';
import { rankByCost, reportEntries, summarize } from '../../../../src/core/presentation/report/workspaceReport';
import { countTokens } from '../../../../src/core/tokens/tokenCounter';

const RUNS = 40;
const WORDS = ['invoice', 'refund', 'customer', 'answer', 'briefly', 'the', 'late', 'payment', 'policy', 'explain', 'summarize', 'ticket', 'support', 'team', 'politely', 'order', 'shipping', 'address', 'in', 'two', 'sentences'];
const ROLES = ['system', 'user', 'assistant'];
// Round prices, so a failure reads easily; both models count with o200k_base exactly.
const PRICES = { 'gpt-4o': { input: 2, output: 8 }, 'o4-mini': { input: 1, output: 4 } };
const settings = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, { priceOverrides: PRICES }).settings;
const prices = createEstimateContext(settings).prices;
/** `num_tokens_from_messages`: 3 per message + 1 for the role, 3 to prime the reply. */
const framing = (messages: number) => messages * 4 + 3;

/** mulberry32: a small seeded generator, so a failing file can be rebuilt from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A message's content as generated: a literal, a shared constant, or one of two literals. */
type Content = { kind: 'literal'; text: string } | { kind: 'shared'; index: number } | { kind: 'alternative'; a: string; b: string };

interface GeneratedCall {
  model: 'gpt-4o' | 'o4-mini';
  cap: number | null;
  effort: 'low' | 'medium' | 'high' | null;
  messages: { role: string; content: Content }[];
}

interface Generated {
  source: string;
  shared: string[];
  calls: GeneratedCall[];
}

function generate(seed: number): Generated {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const sentence = () => Array.from({ length: 2 + Math.floor(next() * 8) }, () => pick(WORDS)).join(' ');
  const shared = Array.from({ length: Math.floor(next() * 3) }, sentence);
  const calls: GeneratedCall[] = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
    const model = next() < 0.5 ? 'gpt-4o' : 'o4-mini';
    return {
      model,
      cap: next() < 0.5 ? pick([150, 600, 3000]) : null,
      effort: model === 'o4-mini' && next() < 0.7 ? pick(['low', 'medium', 'high'] as const) : null,
      messages: Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const roll = next();
        const content: Content = shared.length > 0 && roll < 0.35 ? { kind: 'shared', index: Math.floor(next() * shared.length) }
          : roll < 0.6 ? { kind: 'alternative', a: sentence(), b: sentence() }
            : { kind: 'literal', text: sentence() };
        return { role: pick(ROLES), content };
      }),
    };
  });
  const lines = ['from openai import OpenAI', 'client = OpenAI()', ...shared.map((text, i) => `SHARED_${i} = "${text}"`)];
  calls.forEach((call, i) => {
    lines.push(`def call_${i}(flag):`, '    return client.chat.completions.create(', `        model="${call.model}",`);
    if (call.cap !== null) lines.push(`        ${call.model === 'o4-mini' ? 'max_completion_tokens' : 'max_tokens'}=${call.cap},`);
    if (call.effort) lines.push(`        reasoning_effort="${call.effort}",`);
    lines.push('        messages=[');
    for (const m of call.messages) {
      const c = m.content;
      const value = c.kind === 'shared' ? `SHARED_${c.index}` : c.kind === 'literal' ? `"${c.text}"` : `"${c.a}" if flag else "${c.b}"`;
      lines.push(`            {"role": "${m.role}", "content": ${value}},`);
    }
    lines.push('        ],', '    )');
  });
  return { source: `${lines.join('\n')}\n`, shared, calls };
}

const tokens = (text: string) => countTokens(text, 'o200k_base').tokens;

/** The input of a generated call, counted from its messages: every message once, the larger alternative, the framing. */
function expectedInput(g: Generated, call: GeneratedCall): number {
  const content = call.messages.reduce((sum, { content: c }) => sum + (c.kind === 'shared' ? tokens(g.shared[c.index]) : c.kind === 'literal' ? tokens(c.text) : Math.max(tokens(c.a), tokens(c.b))), 0);
  return content + framing(call.messages.length);
}

async function analyze(pipeline: DocumentPipeline, g: Generated, id: number): Promise<{ prompts: PromptAnalysis[]; calls: CallAnalysis[] }> {
  const reply = await pipeline.submit({ type: 'find', id, key: `doc${id}`, text: g.source, filePath: `/work/gen/file${id}.py`, edits: [], settings, usage: null });
  assert.ok(reply && 'calls' in reply, JSON.stringify(reply));
  return { prompts: reply.analyses, calls: reply.calls };
}

suite('pipeline: call analysis (property: each call priced once, whole)', function () {
  this.timeout(60_000);
  let pipeline: DocumentPipeline;
  suiteSetup(() => {
    pipeline = new DocumentPipeline({ sliceMs: 5 });
  });
  suiteTeardown(() => pipeline.dispose());

  test(`${RUNS} random files: sum of the call costs = Σ (whole input × input rate + (visible + reasoning) × output rate)`, async () => {
    let sharedAcrossCalls = 0;
    let alternatives = 0;
    let reasoning = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const g = generate(seed);
      const where = `seed ${seed}:\n${g.source}`;
      const { prompts, calls } = await analyze(pipeline, g, seed);
      assert.strictEqual(calls.length, g.calls.length, `one analysis per call (${where})`);
      let expectedTotal = 0;
      let outputs = 0;
      calls.forEach((analysis, i) => {
        const call = g.calls[i];
        const e = analysis.primary;
        assert.strictEqual(e.model, call.model, where);
        assert.ok(e.exact, where);
        assert.strictEqual(e.inputTokens, expectedInput(g, call), `call ${i}: its whole input (${where})`);
        const price = prices.resolve(call.model)!;
        const cap = call.cap ?? price.maxOutput ?? null;
        const thinking = e.reasoningTokens?.typical ?? 0;
        if (call.model === 'gpt-4o') assert.strictEqual(e.reasoningTokens, null, where);
        else assert.ok(thinking > 0, `o4-mini reasons (${where})`);
        // Visible + reasoning never exceed the cap: reasoning is taken first, the visible output gets the rest.
        assert.strictEqual(e.outputTokens.typical, cap === null ? 256 : Math.max(0, Math.min(256, cap - thinking)), where);
        if (cap !== null) assert.ok(e.outputTokens.typical + thinking <= cap, `visible + reasoning within the cap (${where})`);
        const own = (e.inputTokens * PRICES[call.model].input + (e.outputTokens.typical + thinking) * PRICES[call.model].output) / 1e6;
        assert.ok(Math.abs((e.costPerCall ?? NaN) - own) < 1e-12, `call ${i}: ${e.costPerCall} ≠ ${own} (${where})`);
        expectedTotal += (expectedInput(g, call) * PRICES[call.model].input + (e.outputTokens.typical + thinking) * PRICES[call.model].output) / 1e6;
        outputs++;
        if (thinking > 0) reasoning++;
        alternatives += call.messages.filter((m) => m.content.kind === 'alternative').length;
      });
      // Every call's output once: the file's total is the sum over calls, with as many outputs as calls.
      const summary = summarize(rankByCost(reportEntries('gen.py', prompts, calls)));
      assert.ok(Math.abs(summary.totalPerCall - expectedTotal) < 1e-12, `file total ${summary.totalPerCall} ≠ ${expectedTotal} (${where})`);
      assert.strictEqual(outputs, g.calls.length);
      assert.strictEqual(summary.calls, g.calls.length);

      // A shared constant is one prompt, a part of every call that sends it, counted in each call's input.
      g.shared.forEach((text, k) => {
        const senders = g.calls.map((c, i) => (c.messages.some((m) => m.content.kind === 'shared' && m.content.index === k) ? i : -1)).filter((i) => i >= 0);
        const index = prompts.findIndex((p) => p.prompt.name === `SHARED_${k}`);
        if (senders.length === 0) return;
        assert.ok(index >= 0, `SHARED_${k} is found (${where})`);
        const containing = calls.map((c, i) => (c.parts.some((p) => p.index === index) ? i : -1)).filter((i) => i >= 0);
        assert.deepStrictEqual(containing, senders, `SHARED_${k} is a part of exactly the calls that send it (${where})`);
        for (const i of senders) assert.strictEqual(calls[i].parts.find((p) => p.index === index)?.tokens, tokens(text), where);
        if (senders.length > 1) sharedAcrossCalls++;
      });
      // No prompt stands alone as a priced thing: every prompt the calls send is a part, counted once in the report.
      const sent = new Set(calls.flatMap((c) => c.parts.map((p) => p.index)));
      assert.strictEqual(summary.prompts, sent.size, where);
    }
    // The templates did produce what the property is about.
    assert.ok(sharedAcrossCalls >= 3, `constants shared by two calls: ${sharedAcrossCalls}`);
    assert.ok(alternatives >= 10, `alternatives: ${alternatives}`);
    assert.ok(reasoning >= 5, `calls with reasoning: ${reasoning}`);
  });

  test('a constant shared by two calls: counted in both inputs, and two outputs for the file, not one per prompt', async () => {
    const g: Generated = {
      shared: ['You answer billing questions for the support team.'],
      calls: [
        { model: 'gpt-4o', cap: 100, effort: null, messages: [{ role: 'system', content: { kind: 'shared', index: 0 } }, { role: 'user', content: { kind: 'literal', text: 'Summarize the ticket' } }] },
        { model: 'gpt-4o', cap: null, effort: null, messages: [{ role: 'system', content: { kind: 'shared', index: 0 } }] },
      ],
      source: '',
    };
    g.source = [
      'from openai import OpenAI',
      'client = OpenAI()',
      `SHARED_0 = "${g.shared[0]}"`,
      'def call_0(flag):',
      '    return client.chat.completions.create(model="gpt-4o", max_tokens=100, messages=[{"role": "system", "content": SHARED_0}, {"role": "user", "content": "Summarize the ticket"}])',
      'def call_1(flag):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SHARED_0}])',
      '',
    ].join('\n');
    const { prompts, calls } = await analyze(pipeline, g, 1000);
    // o200k_base: SHARED_0 = 9 tokens ("You", " answer", " billing", " questions", " for", " the", " support", " team",
    // "."), "Summarize the ticket" = 5 ("Sum", "mar", "ize", " the", " ticket"). At $2 / $8 per 1M:
    //   call 0: 9 + 5 + 2 × 4 + 3 = 25 in, 100 out (its cap)  → 25 × 2 + 100 × 8 =   850 µ$
    //   call 1: 9 + 1 × 4 + 3     = 16 in, 256 out (default)  → 16 × 2 + 256 × 8 = 2,080 µ$
    //   the file: 2,930 µ$ = $0.00293, SHARED_0 in both inputs, two outputs. Priced per prompt it would be three
    //   strings with an output each (3 × 256 … at the output rate), the framing nowhere.
    assert.deepStrictEqual(calls.map((c) => [c.primary.inputTokens, c.primary.outputTokens.typical]), [[25, 100], [16, 256]]);
    assert.deepStrictEqual(calls.map((c) => c.primary.costPerCall), [0.00085, 0.00208]);
    const summary = summarize(reportEntries('shared.py', prompts, calls));
    assert.ok(Math.abs(summary.totalPerCall - 0.00293) < 1e-15, String(summary.totalPerCall));
    assert.deepStrictEqual([summary.calls, summary.prompts], [2, 2]);
  });
});
