// The document pipeline (run here in-process): its estimates equal the core's, unchanged prompts are
// not re-counted after an edit elsewhere, settings changes give new estimates, and an overtaken find is
// answered `superseded` without losing its edits.
import * as assert from 'assert';
import { compressPrompt } from '../../../../src/core/compress/compressPrompt';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings } from '../../../../src/core/config/engineSettings';
import { estimatePrompt } from '../../../../src/core/estimate/estimatePrompt';
import { createEstimateContext } from '../../../../src/core/estimate/estimateContext';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';
import { DocumentPipeline } from '../../../../src/core/pipeline/documentPipeline';
import type { AnalyzedReply, ScannedReply, WorkerReply } from '../../../../src/core/pipeline/pipelineProtocol';
import { toFileFindings } from '../../../../src/core/scan/finding';
import { readUsageSection } from '../../../../src/core/simulate/usageFile';
import { isLocalTokenizerLoaded, unloadLocalTokenizers } from '../../../../src/core/tokens/localTokenCounter';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const FILE = '/work/app/bot.py';
const SOURCE = [
  'from openai import OpenAI',
  'client = OpenAI()',
  'SYSTEM = """You are a careful assistant. Answer in at most three sentences."""',
  'def ask(q):',
  '    limit = 3',
  '    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": f"Question: {q}"}])',
  '',
].join('\n');

const settings = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, { compareModels: ['claude-haiku-4-5'] }).settings;

function analyzed(reply: WorkerReply | undefined): AnalyzedReply {
  assert.ok(reply && 'analyses' in reply, `expected estimates, got ${JSON.stringify(reply)}`);
  return reply;
}

suite('pipeline: document pipeline', () => {
  let engine: DocumentPipeline;
  setup(() => {
    engine = new DocumentPipeline({ sliceMs: 5 });
  });
  teardown(() => engine.dispose());

  test('returns the prompts with the estimates the core computes', async () => {
    const reply = analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: null }));
    const ctx = createEstimateContext(settings);
    const expected = (await findPrompts(SOURCE, FILE)).map((p) => estimatePrompt(p, ctx));
    assert.ok(expected.length >= 2);
    assert.deepStrictEqual(reply.analyses.map((a) => a.estimates), expected);
    assert.strictEqual(reply.counted, expected.flat().length);
    assert.strictEqual(reply.reused, 0);
  });

  test('a local tokenizer is loaded only when a model of its family is in use, in a slice of its own', async function () {
    this.timeout(30_000);
    unloadLocalTokenizers();
    const slices: string[] = [];
    const watched = new DocumentPipeline({ sliceMs: 5, onSlice: (label) => slices.push(label) });
    try {
      analyzed(await watched.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: null }));
      assert.deepStrictEqual([isLocalTokenizerLoaded('deepseek-v3'), isLocalTokenizerLoaded('qwen3')], [false, false]);
      // A model the code names (not in the settings) brings its tokenizer.
      const deepseekCall = SOURCE.replace('model="gpt-4o-mini"', 'model="deepseek-chat"');
      const reply = analyzed(await watched.submit({ type: 'find', id: 2, key: 'doc2', text: deepseekCall, filePath: FILE, edits: [], settings, usage: null }));
      assert.deepStrictEqual([isLocalTokenizerLoaded('deepseek-v3'), isLocalTokenizerLoaded('qwen3')], [true, false]);
      assert.ok(slices.includes('load tokenizer deepseek-v3'), slices.join(', '));
      assert.deepStrictEqual(reply.calls[0].primary.counting, { kind: 'local', name: 'deepseek-v3', exact: true, note: null, as: null });
    } finally {
      watched.dispose();
    }
  });

  test("exact counts: a find carries the requests for the call's Claude model only when asked, and uses a count it is given", async () => {
    const claudeCall = SOURCE.replace('model="gpt-4o-mini"', 'model="claude-haiku-4-5"');
    const off = analyzed(await engine.submit({ type: 'find', id: 1, key: 'c', text: claudeCall, filePath: FILE, edits: [], settings, usage: null }));
    assert.strictEqual(off.calls[0].countRequests, undefined);
    const asked = analyzed(await engine.submit({ type: 'find', id: 2, key: 'c', text: claudeCall, filePath: FILE, edits: [], settings, usage: null, exactCounts: { providers: ['anthropic'], known: {} } }));
    const [request] = asked.calls[0].countRequests ?? [];
    assert.strictEqual(request?.provider, 'anthropic');
    const counted = analyzed(await engine.submit({ type: 'find', id: 3, key: 'c', text: claudeCall, filePath: FILE, edits: [], settings, usage: null, exactCounts: { providers: ['anthropic'], known: { [request.key]: 40 } } }));
    assert.deepStrictEqual([counted.calls[0].primary.inputTokens, counted.calls[0].primary.counting.kind, counted.calls[0].countRequests], [40 + 50, 'provider', undefined]);
  });

  test('an edit away from the prompts re-parses incrementally and counts nothing again', async () => {
    analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: null }));
    const at = SOURCE.indexOf('limit = 3') + 'limit = '.length;
    const edited = `${SOURCE.slice(0, at)}4${SOURCE.slice(at + 1)}`;
    const reply = analyzed(await engine.submit({ type: 'find', id: 2, key: 'doc', text: edited, filePath: FILE, edits: [{ rangeOffset: at, rangeLength: 1, text: '4' }], settings, usage: null }));
    assert.strictEqual(reply.parse, 'incremental');
    assert.strictEqual(reply.counted, 0);
    assert.ok(reply.reused > 0);
  });

  test('other settings give other estimates; invalidate drops the cached ones', async () => {
    const first = analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: null }));
    const other = mergeEngineSettings(settings, { expectedOutputTokens: 999, compareModels: ['gpt-4o'] }).settings;
    const second = analyzed(await engine.submit({ type: 'find', id: 2, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings: other, usage: null }));
    assert.notDeepStrictEqual(second.analyses.map((a) => a.estimates.map((e) => e.model)), first.analyses.map((a) => a.estimates.map((e) => e.model)));
    assert.ok(second.analyses.every((a) => a.primary.outputTokens === 999 || a.prompt.maxOutputTokens !== null));
    await engine.submit({ type: 'invalidate' });
    const third = analyzed(await engine.submit({ type: 'find', id: 3, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: null }));
    assert.strictEqual(third.reused, 0);
    assert.deepStrictEqual(third.analyses, first.analyses);
  });

  test('a find overtaken by a newer one of the same document is superseded; its edits still apply', async () => {
    analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: null }));
    const at = SOURCE.indexOf('limit = 3') + 'limit = '.length;
    const once = `${SOURCE.slice(0, at)}4${SOURCE.slice(at + 1)}`;
    const twice = `${once.slice(0, at)}5${once.slice(at + 1)}`;
    const older = engine.submit({ type: 'find', id: 2, key: 'doc', text: once, filePath: FILE, edits: [{ rangeOffset: at, rangeLength: 1, text: '4' }], settings, usage: null });
    const newer = engine.submit({ type: 'find', id: 3, key: 'doc', text: twice, filePath: FILE, edits: [{ rangeOffset: at, rangeLength: 1, text: '5' }], settings, usage: null });
    assert.deepStrictEqual(await older, { id: 2, superseded: true });
    const reply = analyzed(await newer);
    assert.strictEqual(reply.parse, 'incremental');
    // The reply carries each prompt's calls once, in `calls`; the prompts themselves as a full find gives them.
    const full = await findPrompts(twice, FILE);
    assert.deepStrictEqual(reply.analyses.map((a) => a.prompt), full.map(({ calls: _calls, ...rest }) => rest));
    assert.deepStrictEqual(reply.calls.map((c) => c.call.key), [...new Set(full.flatMap((p) => (p.calls ?? []).map((m) => m.call.key)))]);
  });

  test('a call whose part a usage entry names gets its $/month; a call of another file gets null', async () => {
    const usage = readUsageSection('usage:\n  prompts:\n    - file: app/bot.py\n      line: 3\n      requestsPerDay: 1000\n', '.promptcost.yml')!;
    const reply = analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: { usage, fileKey: 'app/bot.py', profile: null } }));
    // SYSTEM (line 3) is a part of the call on line 6: the entry names the prompt, and so its call.
    assert.strictEqual(reply.calls.length, 1);
    const [call] = reply.calls;
    assert.strictEqual(call.call.startLine, 6);
    assert.ok(call.monthly, 'the call of the SYSTEM prompt has a usage entry');
    assert.strictEqual(call.monthly.inputs.requestsPerDay, 1000);
    assert.strictEqual(call.monthly.inputs.inputTokens, call.primary.inputTokens, 'the whole call is priced, not the string');
    assert.ok(call.monthly.cost.monthlyCost !== null && call.monthly.cost.monthlyCost > 0);
    const other = analyzed(await engine.submit({ type: 'find', id: 2, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: { usage, fileKey: 'elsewhere.py', profile: null } }));
    assert.ok(other.calls.every((c) => c.monthly === null), 'a line entry of another file matches nothing');
  });

  test('a usage entry\'s outputTokens is its call site\'s typical output (the per-call override of expectedOutputTokens)', async () => {
    const usage = readUsageSection('usage:\n  prompts:\n    - file: app/bot.py\n      line: 6\n      requestsPerDay: 10\n      outputTokens: 80\n', '.promptcost.yml')!;
    const reply = analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: { usage, fileKey: 'app/bot.py', profile: null } }));
    assert.deepStrictEqual(reply.calls[0].primary.outputTokens, { typical: 80, max: 16384 });
    const without = analyzed(await engine.submit({ type: 'find', id: 2, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: null }));
    assert.strictEqual(without.calls[0].primary.outputTokens.typical, 256);
  });

  test('a usage section that cannot be priced leaves $/month null and says why; the estimates stand', async () => {
    const broken = { usage: { prompts: null }, fileKey: 'app/bot.py', profile: null } as never;
    const reply = analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings, usage: broken }));
    assert.ok(reply.analyses.length >= 2);
    assert.ok(reply.calls.every((c) => c.monthly === null && c.primary.costPerCall !== null));
    assert.match(reply.usageError ?? '', /\S/);
  });

  test('scanFiles serialises the same analyses a document find gives, and skips files without LLM use', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-scan-'));
    const bot = path.join(dir, 'bot.py');
    const plain = path.join(dir, 'plain.py');
    fs.writeFileSync(bot, SOURCE);
    fs.writeFileSync(plain, 'def add(a, b):\n    return a + b\n');
    const reply = await engine.submit({ type: 'scanFiles', id: 4, files: [{ path: bot, language: 'python' }, { path: plain, language: 'python' }], options: { settings, cwd: dir } });
    assert.ok(reply && 'files' in reply, JSON.stringify(reply));
    const [scanned, skipped] = (reply as ScannedReply).files;
    const found = analyzed(await engine.submit({ type: 'find', id: 5, key: 'doc', text: SOURCE, filePath: bot, edits: [], settings, usage: null }));
    assert.deepStrictEqual(scanned.findings, toFileFindings('bot.py', found.analyses, found.calls));
    assert.strictEqual(scanned.parsed, true);
    assert.deepStrictEqual(skipped, { findings: { prompts: [], calls: [] }, parsed: false, bytes: fs.statSync(plain).size });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('estimate requests price text that needs no finding', async () => {
    const prompt = (await findPrompts(SOURCE, FILE))[0];
    const reply = analyzed(await engine.submit({ type: 'estimate', id: 7, prompts: [prompt], settings }));
    assert.deepStrictEqual(reply.analyses[0].estimates, estimatePrompt(prompt, createEstimateContext(settings)));
  });
  test('compress answers what compressPrompt computes', async () => {
    const text = 'Please note that you should basically always answer in English. Please note that you should basically always answer in English. Summarize {document}.';
    const reply = await engine.submit({ type: 'compress', id: 7, text, mode: 'safe', model: 'gpt-4o-mini', placeholderSyntaxes: ['format'] });
    assert.ok(reply && 'compression' in reply, JSON.stringify(reply));
    assert.strictEqual(reply.id, 7);
    assert.deepStrictEqual(reply.compression, compressPrompt(text, { mode: 'safe', model: 'gpt-4o-mini', placeholderSyntaxes: ['format'] }));
    assert.ok(reply.compression.tokensAfter < reply.compression.tokensBefore);
  });

  test('acceptModelAnswer counts a good answer and refuses one that loses a placeholder', async () => {
    const text = 'I would like you to please write a short summary of the following article about {topic}.';
    const good = await engine.submit({ type: 'acceptModelAnswer', id: 8, text, answer: 'Summarize this article about {topic}.', model: 'gpt-4o', placeholderSyntaxes: ['format'] });
    assert.ok(good && 'compression' in good, JSON.stringify(good));
    assert.strictEqual(good.compression.refused, null);
    assert.strictEqual(good.compression.compressed, 'Summarize this article about {topic}.');
    assert.ok(good.compression.tokensAfter < good.compression.tokensBefore);
    const bad = await engine.submit({ type: 'acceptModelAnswer', id: 9, text, answer: 'Summarize this article.', model: 'gpt-4o', placeholderSyntaxes: ['format'] });
    assert.ok(bad && 'compression' in bad, JSON.stringify(bad));
    assert.match(bad.compression.refused ?? '', /placeholder \{topic\} lost/);
    assert.strictEqual(bad.compression.compressed, text);
  });
});
