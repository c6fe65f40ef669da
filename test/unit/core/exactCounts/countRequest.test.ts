import * as assert from 'assert';
import type { CallPayload } from '../../../../src/core/exactCounts/callPayload';
import { countKey, countRequest, MAX_COUNT_BODY_BYTES } from '../../../../src/core/exactCounts/countRequest';

const payload = (text: string): CallPayload => ({ system: [], messages: [{ role: 'user', texts: [text] }], tools: [], addedTokens: 0, complete: true });

suite('exactCounts: countRequest (body and cache key)', () => {
  test('the key is sha256 of provider, model and body: same request, same key; any difference, another', () => {
    const a = countRequest('anthropic', 'claude-sonnet-4-5', payload('hello'))!;
    assert.match(a.key, /^[0-9a-f]{64}$/);
    assert.strictEqual(countRequest('anthropic', 'claude-sonnet-4-5', payload('hello'))!.key, a.key);
    assert.notStrictEqual(countRequest('anthropic', 'claude-opus-4-1', payload('hello'))!.key, a.key);
    assert.notStrictEqual(countRequest('anthropic', 'claude-sonnet-4-5', payload('hello!'))!.key, a.key);
    assert.notStrictEqual(countKey('gemini', 'claude-sonnet-4-5', JSON.stringify(a.body)), a.key);
  });

  test('a body too large to send gives no request', () => {
    assert.strictEqual(countRequest('gemini', 'gemini-2.5-flash', payload('x'.repeat(MAX_COUNT_BODY_BYTES))), null);
  });
});
