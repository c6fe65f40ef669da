import * as assert from 'assert';
import { compressConversation, conversationTokens, type ChatMessage } from '../../../../src/core/compress/conversation';

const turn = (role: string, words: number, tag: string): ChatMessage => ({ role, content: `${tag} ${'word '.repeat(words)}`.trim() });

suite('compressConversation', () => {
  const history: ChatMessage[] = [
    turn('system', 20, 'rules'),
    turn('user', 50, 'u1'),
    turn('assistant', 50, 'a1'),
    turn('user', 50, 'u2'),
    turn('assistant', 50, 'a2'),
    turn('user', 10, 'u3'),
  ];

  test('keeps the system message and the most recent messages that fit, whole', () => {
    const budget = conversationTokens([history[0], history[3], history[4], history[5]], 'gpt-4o');
    const r = compressConversation(history, budget, 'gpt-4o');
    assert.deepStrictEqual(r.messages.map((m) => m.content.split(' ')[0]), ['rules', 'u2', 'a2', 'u3']);
    assert.strictEqual(r.droppedMessages, 2);
    assert.strictEqual(r.tokensAfter, budget);
    assert.strictEqual(r.tokensBefore, conversationTokens(history, 'gpt-4o'));
    assert.ok(r.fits);
  });

  test('stops at the first message that does not fit (no gaps), even if an older small one would', () => {
    const messages = [turn('system', 5, 's'), turn('user', 2, 'old'), turn('assistant', 200, 'big'), turn('user', 5, 'new')];
    const budget = conversationTokens([messages[0], messages[1], messages[3]], 'gpt-4o');
    const r = compressConversation(messages, budget, 'gpt-4o');
    assert.deepStrictEqual(r.messages.map((m) => m.content.split(' ')[0]), ['s', 'new']);
  });

  test('everything fits: nothing dropped', () => {
    const r = compressConversation(history, 10_000, 'claude-sonnet-4');
    assert.strictEqual(r.messages.length, history.length);
    assert.strictEqual(r.droppedMessages, 0);
  });

  test('a system message over budget is still kept, and reported as not fitting', () => {
    const r = compressConversation(history, 5, 'gpt-4o');
    assert.deepStrictEqual(r.messages, [history[0]]);
    assert.strictEqual(r.fits, false);
  });

  test('does not start the window with an orphaned tool result', () => {
    const messages: ChatMessage[] = [turn('system', 5, 's'), turn('assistant', 100, 'call'), { role: 'tool', content: 'result 42' }, turn('user', 5, 'q')];
    const budget = conversationTokens([messages[0], messages[2], messages[3]], 'gpt-4o');
    const r = compressConversation(messages, budget, 'gpt-4o');
    assert.deepStrictEqual(r.messages.map((m) => m.role), ['system', 'user']);
  });
});
