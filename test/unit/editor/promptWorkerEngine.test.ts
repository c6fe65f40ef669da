// The prompt worker's engine (run here in-process): its estimates equal the core's, unchanged prompts are
// not re-counted after an edit elsewhere, settings changes give new estimates, and an overtaken find is
// answered `superseded` without losing its edits.
import * as assert from 'assert';
import { compressPrompt } from '../../../src/core/compress/compressPrompt';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings } from '../../../src/core/config/engineSettings';
import { estimatePrompt } from '../../../src/core/estimate/estimatePrompt';
import { createEstimateContext } from '../../../src/core/estimate/estimateContext';
import { findPrompts } from '../../../src/core/prompts/findPrompts';
import { PromptWorkerEngine } from '../../../src/vscode/engine/promptWorkerEngine';
import type { AnalyzedReply, WorkerReply } from '../../../src/vscode/engine/promptWorkerProtocol';

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

suite('editor: prompt worker engine', () => {
  let engine: PromptWorkerEngine;
  setup(() => {
    engine = new PromptWorkerEngine({ sliceMs: 5 });
  });
  teardown(() => engine.dispose());

  test('returns the prompts with the estimates the core computes', async () => {
    const reply = analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings }));
    const ctx = createEstimateContext(settings);
    const expected = (await findPrompts(SOURCE, FILE)).map((p) => estimatePrompt(p, ctx));
    assert.ok(expected.length >= 2);
    assert.deepStrictEqual(reply.analyses.map((a) => a.estimates), expected);
    assert.strictEqual(reply.counted, expected.flat().length);
    assert.strictEqual(reply.reused, 0);
  });

  test('an edit away from the prompts re-parses incrementally and counts nothing again', async () => {
    analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings }));
    const at = SOURCE.indexOf('limit = 3') + 'limit = '.length;
    const edited = `${SOURCE.slice(0, at)}4${SOURCE.slice(at + 1)}`;
    const reply = analyzed(await engine.submit({ type: 'find', id: 2, key: 'doc', text: edited, filePath: FILE, edits: [{ rangeOffset: at, rangeLength: 1, text: '4' }], settings }));
    assert.strictEqual(reply.parse, 'incremental');
    assert.strictEqual(reply.counted, 0);
    assert.ok(reply.reused > 0);
  });

  test('other settings give other estimates; invalidate drops the cached ones', async () => {
    const first = analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings }));
    const other = mergeEngineSettings(settings, { expectedOutputTokens: 999, compareModels: ['gpt-4o'] }).settings;
    const second = analyzed(await engine.submit({ type: 'find', id: 2, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings: other }));
    assert.notDeepStrictEqual(second.analyses.map((a) => a.estimates.map((e) => e.model)), first.analyses.map((a) => a.estimates.map((e) => e.model)));
    assert.ok(second.analyses.every((a) => a.primary.outputTokens === 999 || a.prompt.maxOutputTokens !== null));
    await engine.submit({ type: 'invalidate' });
    const third = analyzed(await engine.submit({ type: 'find', id: 3, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings }));
    assert.strictEqual(third.reused, 0);
    assert.deepStrictEqual(third.analyses, first.analyses);
  });

  test('a find overtaken by a newer one of the same document is superseded; its edits still apply', async () => {
    analyzed(await engine.submit({ type: 'find', id: 1, key: 'doc', text: SOURCE, filePath: FILE, edits: [], settings }));
    const at = SOURCE.indexOf('limit = 3') + 'limit = '.length;
    const once = `${SOURCE.slice(0, at)}4${SOURCE.slice(at + 1)}`;
    const twice = `${once.slice(0, at)}5${once.slice(at + 1)}`;
    const older = engine.submit({ type: 'find', id: 2, key: 'doc', text: once, filePath: FILE, edits: [{ rangeOffset: at, rangeLength: 1, text: '4' }], settings });
    const newer = engine.submit({ type: 'find', id: 3, key: 'doc', text: twice, filePath: FILE, edits: [{ rangeOffset: at, rangeLength: 1, text: '5' }], settings });
    assert.deepStrictEqual(await older, { id: 2, superseded: true });
    const reply = analyzed(await newer);
    assert.strictEqual(reply.parse, 'incremental');
    assert.deepStrictEqual(reply.analyses.map((a) => a.prompt), await findPrompts(twice, FILE));
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
