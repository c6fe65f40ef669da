import * as assert from 'assert';
import { assembleCalls, combineParts } from '../../../../src/core/prompts/assembleCalls';
import { emptyCall } from '../../../../src/core/prompts/llmCall';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';

function prompt(start: number, calls?: FoundPrompt['calls'], name?: string): FoundPrompt {
  return { startLine: start, endLine: start, startOffset: start * 10, endOffset: start * 10 + 5, language: 'python', kind: 'literal', text: `p${start}`, placeholders: [], model: null, maxOutputTokens: null, evidence: 'call', ...(calls ? { calls } : {}), ...(name ? { name } : {}) };
}

suite('prompts: calls assembled from their parts', () => {
  test('parts in different places add up; alternatives for one place do not (the largest counts)', () => {
    const total = combineParts([
      { slot: '/messages/0', tokens: 10, message: true },
      { slot: '/messages/1/?0', tokens: 30, message: true },
      { slot: '/messages/1/?1', tokens: 70, message: true },
      { slot: '/messages/2', tokens: 5, message: true },
      { slot: '/messages/2/ref0', tokens: 8, message: false },
    ]);
    assert.deepStrictEqual(total, { tokens: 10 + 70 + 5 + 8, messages: 3 });
  });

  test('alternatives nest: the best branch of each place, summed', () => {
    const total = combineParts([
      { slot: '/a/?0/x', tokens: 10, message: true },
      { slot: '/a/?0/y', tokens: 10, message: true },
      { slot: '/a/?1', tokens: 15, message: true },
    ]);
    assert.deepStrictEqual(total, { tokens: 20, messages: 2 });
  });

  test('prompts group by call; a prompt in two calls is a part of each; a prompt with none is an implied call of its own', () => {
    const a = emptyCall({ startLine: 5, endLine: 6, startOffset: 50, endOffset: 65 }, false);
    const b = emptyCall({ startLine: 8, endLine: 8, startOffset: 80, endOffset: 89 }, false);
    const calls = assembleCalls([prompt(2, [{ call: a, slot: '/0' }, { call: b, slot: '/0' }]), prompt(5, [{ call: a, slot: '/1' }]), prompt(12, undefined, 'HAIKU_PROMPT')]);
    assert.deepStrictEqual(calls.map((c) => [c.call.startLine, c.call.implied, c.parts.map((p) => p.index)]), [[5, false, [0, 1]], [8, false, [0]], [12, true, [2]]]);
  });

  test('a constant filling a template placeholder points at the template part', () => {
    const call = emptyCall({ startLine: 3, endLine: 3, startOffset: 30, endOffset: 70 }, false);
    const calls = assembleCalls([prompt(1, [{ call, slot: '/0/ref0', fills: { part: '30:35', placeholder: 'SYSTEM' } }]), prompt(3, [{ call, slot: '/0' }])]);
    assert.deepStrictEqual(calls[0].parts.map((p) => p.fills ?? null), [{ index: 1, placeholder: 'SYSTEM' }, null]);
  });
});
