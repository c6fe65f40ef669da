import * as assert from 'assert';
import { anthropicCountTokens } from '../../../../src/core/exactCounts/anthropicCountTokens';
import { SpendError } from '../../../../src/core/spend/spendTypes';

suite('exactCounts: anthropicCountTokens (the documented shapes)', () => {
  test('body: model, system (a string, or text blocks), messages (a string, or text blocks), tools with input_schema', () => {
    const body = anthropicCountTokens.body('claude-opus-4-1', {
      system: ['Be brief.', 'Cite sources.'],
      messages: [{ role: 'user', texts: ['Question?'] }, { role: 'assistant', texts: ['Part one', 'part two'] }],
      tools: [{ name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } }, { name: 'ping', description: '', parameters: undefined }],
      addedTokens: 0,
      complete: true,
    });
    assert.deepStrictEqual(body, {
      model: 'claude-opus-4-1',
      messages: [{ role: 'user', content: 'Question?' }, { role: 'assistant', content: [{ type: 'text', text: 'Part one' }, { type: 'text', text: 'part two' }] }],
      system: [{ type: 'text', text: 'Be brief.' }, { type: 'text', text: 'Cite sources.' }],
      tools: [
        { name: 'get_weather', description: 'Weather for a city', input_schema: { type: 'object', properties: { city: { type: 'string' } } } },
        { name: 'ping', input_schema: { type: 'object', properties: {} } },
      ],
    });
    assert.ok(!('max_tokens' in body));
  });

  test('path, headers, and the answer: { input_tokens } only', () => {
    assert.strictEqual(anthropicCountTokens.path('claude-opus-4-1'), '/v1/messages/count_tokens');
    assert.deepStrictEqual(anthropicCountTokens.headers('k'), { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' });
    assert.strictEqual(anthropicCountTokens.tokens({ input_tokens: 14 }, 'here'), 14);
    for (const bad of [null, {}, { input_tokens: '14' }, { input_tokens: 1.5 }, { input_tokens: -1 }, [14]]) {
      assert.throws(() => anthropicCountTokens.tokens(bad, 'here'), (e: unknown) => e instanceof SpendError && e.category === 'bad-response', JSON.stringify(bad));
    }
  });
});
