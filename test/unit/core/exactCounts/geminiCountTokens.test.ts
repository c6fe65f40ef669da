import * as assert from 'assert';
import { geminiCountTokens } from '../../../../src/core/exactCounts/geminiCountTokens';
import { SpendError } from '../../../../src/core/spend/spendTypes';

suite('exactCounts: geminiCountTokens (the documented shapes)', () => {
  test('messages alone: { contents } with user/model roles', () => {
    const body = geminiCountTokens.body('gemini-2.5-flash', { system: [], messages: [{ role: 'user', texts: ['Hi'] }, { role: 'assistant', texts: ['Hello', 'there'] }], tools: [], addedTokens: 0, complete: true });
    assert.deepStrictEqual(body, { contents: [{ role: 'user', parts: [{ text: 'Hi' }] }, { role: 'model', parts: [{ text: 'Hello' }, { text: 'there' }] }] });
  });

  test('a system instruction or tools: generateContentRequest with the model, never beside contents', () => {
    const body = geminiCountTokens.body('gemini-2.5-pro', {
      system: ['Be brief.'],
      messages: [{ role: 'user', texts: ['Weather in Oslo?'] }],
      tools: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      addedTokens: 0,
      complete: true,
    });
    assert.deepStrictEqual(body, {
      generateContentRequest: {
        model: 'models/gemini-2.5-pro',
        contents: [{ role: 'user', parts: [{ text: 'Weather in Oslo?' }] }],
        systemInstruction: { parts: [{ text: 'Be brief.' }] },
        tools: [{ functionDeclarations: [{ name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }] }],
      },
    });
  });

  test('path, key header, and the answer: totalTokens', () => {
    assert.strictEqual(geminiCountTokens.path('gemini-2.5-flash'), '/v1beta/models/gemini-2.5-flash:countTokens');
    assert.deepStrictEqual(geminiCountTokens.headers('k'), { 'x-goog-api-key': 'k' });
    assert.strictEqual(geminiCountTokens.tokens({ totalTokens: 10, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 10 }] }, 'here'), 10);
    for (const bad of [null, {}, { totalTokens: '10' }, { total_tokens: 10 }]) {
      assert.throws(() => geminiCountTokens.tokens(bad, 'here'), (e: unknown) => e instanceof SpendError && e.category === 'bad-response', JSON.stringify(bad));
    }
  });
});
