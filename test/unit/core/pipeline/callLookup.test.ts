import * as assert from 'assert';
import { callAt, callForLens, callHitAt, callsOfPart } from '../../../../src/core/pipeline/callLookup';
import { callAnalysis, callEstimate, estimate, prompt, promptAnalysis } from '../presentation/analysisFixtures';

// prompts: SYSTEM constant (offsets 40–160, line 5), a user message inside call A (600–680), a template no
// call sends (1500–1600, line 90). Calls: A (560–900) sends SYSTEM and the user message; B (1200–1300) sends
// SYSTEM; C (1210–1250) is nested in B's range (a call in an argument); D is the implied call of the template.
const prompts = [
  promptAnalysis(prompt('system', { startLine: 5, endLine: 5, startOffset: 40, endOffset: 160 }), [estimate('gpt-4o', 0.001)]),
  promptAnalysis(prompt('user', { startLine: 45, endLine: 45, startOffset: 600, endOffset: 680 }), [estimate('gpt-4o', 0.001)]),
  promptAnalysis(prompt('template', { startLine: 90, endLine: 91, startOffset: 1500, endOffset: 1600 }), [estimate('gpt-4o', 0.001)]),
];
const part = (index: number) => ({ index, slot: '', tokens: 100, share: 0.5 });
const A = callAnalysis([callEstimate('gpt-4o')], [part(0), part(1)]);
const B = callAnalysis([callEstimate('gpt-4o')], [part(0)], { startLine: 70, endLine: 72, startOffset: 1200, endOffset: 1300 });
const C = callAnalysis([callEstimate('gpt-4o')], [], { startLine: 71, endLine: 71, startOffset: 1210, endOffset: 1250 });
const D = callAnalysis([callEstimate('gpt-4o')], [part(2)], { implied: true, startLine: 90, endLine: 91, startOffset: 1500, endOffset: 1600 });
const document = { prompts, calls: [A, B, C, D] };

suite('pipeline: the call at an offset', () => {
  test('callsOfPart: every call a prompt is a part of, in order', () => {
    assert.deepStrictEqual(callsOfPart(document, 0), [A, B]);
    assert.deepStrictEqual(callsOfPart(document, 1), [A]);
  });

  test('callAt: the innermost call around the offset, else the first call of the prompt under it', () => {
    assert.strictEqual(callAt(document, 700), A);
    assert.strictEqual(callAt(document, 1220), C);
    assert.strictEqual(callAt(document, 1280), B);
    assert.strictEqual(callAt(document, 50), A);
    assert.strictEqual(callAt(document, 300), undefined);
  });

  test('callForLens: a call lens (call start), a part lens (prompt start: its first call), else the line', () => {
    assert.strictEqual(callForLens(document, 1200), B);
    assert.strictEqual(callForLens(document, 40), A);
    assert.strictEqual(callForLens(document, 1500), D);
    // Offset 300 is in no call and no prompt; 0-based line 70 is inside B's lines 70–72 (1-based).
    assert.strictEqual(callForLens(document, 300, 70), B);
    assert.strictEqual(callForLens(document, 300), undefined);
  });

  test('callHitAt: a shared prompt lists its calls; a prompt inside a call is marked; the range follows', () => {
    assert.deepStrictEqual(callHitAt(document, 50), { call: A, part: 0, callsOfPart: [A, B], startOffset: 40, endOffset: 160 });
    assert.deepStrictEqual(callHitAt(document, 650), { call: A, part: 1, callsOfPart: [], startOffset: 560, endOffset: 900 });
    assert.deepStrictEqual(callHitAt(document, 850), { call: A, part: null, callsOfPart: [], startOffset: 560, endOffset: 900 });
    assert.deepStrictEqual(callHitAt(document, 1550), { call: D, part: 2, callsOfPart: [], startOffset: 1500, endOffset: 1600 });
    assert.strictEqual(callHitAt(document, 300), undefined);
  });
});
