/** The call as a provider receives it, rebuilt from real source: roles, placeholders, constants, alternatives, tools. */
import * as assert from 'assert';
import { chosenParts, STAND_IN_TEXT } from '../../../../src/core/exactCounts/callPayload';
import { DEFAULT_TOOL_TOKENS } from '../../../../src/core/estimate/estimateCall';
import { analyzeSource } from './exactCountsKit';

const PY = 'app.py';

suite('exactCounts: callPayload', () => {
  test('system and messages with their roles; a placeholder without a value is left out and its size added', async () => {
    const source = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'SYSTEM = "You are a meticulous reviewer."',
      'def review(diff):',
      '    return client.messages.create(model="claude-sonnet-4-5", max_tokens=500, system=SYSTEM,',
      '        messages=[{"role": "user", "content": f"Review this diff:\\n{diff}"}, {"role": "assistant", "content": "Here is my review:"}])',
    ].join('\n');
    const payload = (await analyzeSource(source, PY)).payload(0);
    assert.deepStrictEqual(payload.system, ['You are a meticulous reviewer.']);
    assert.deepStrictEqual(payload.messages, [{ role: 'user', texts: ['Review this diff:\n'] }, { role: 'assistant', texts: ['Here is my review:'] }]);
    assert.strictEqual(payload.addedTokens, 50); // {diff} at placeholderTokens
    assert.strictEqual(payload.complete, true);
  });

  test('a constant inserted into a template is sent as its text, not as a message of its own', async () => {
    const source = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'RULES = "Answer in French."',
      'def ask(q):',
      '    return client.messages.create(model="claude-haiku-4-5", max_tokens=100, messages=[{"role": "user", "content": f"{RULES}\\nQuestion: {q}"}])',
    ].join('\n');
    const payload = (await analyzeSource(source, PY)).payload(0);
    assert.deepStrictEqual(payload.messages, [{ role: 'user', texts: ['Answer in French.\nQuestion: '] }]);
    assert.strictEqual(payload.addedTokens, 50);
  });

  test('a placeholder with a value in placeholderSizes is filled with it; a number is added as a size', async () => {
    const source = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'def ask(q, doc):',
      '    return client.messages.create(model="claude-haiku-4-5", max_tokens=100, messages=[{"role": "user", "content": f"Question: {q}\\n{doc}"}])',
    ].join('\n');
    const payload = (await analyzeSource(source, PY, null, { placeholderSizes: { q: 'How do refunds work?', doc: 800 } })).payload(0);
    assert.deepStrictEqual(payload.messages, [{ role: 'user', texts: ['Question: How do refunds work?\n'] }]);
    assert.strictEqual(payload.addedTokens, 800);
  });

  test('a message the code cannot show is a one-token stand-in, sized at placeholderTokens; a call with only a system prompt gets one user stand-in', async () => {
    const source = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'def reply(ticket_body):',
      '    return client.messages.create(model="claude-haiku-4-5", max_tokens=100, system="Be kind.", messages=[{"role": "user", "content": ticket_body}])',
    ].join('\n');
    const payload = (await analyzeSource(source, PY)).payload(0);
    assert.deepStrictEqual(payload.system, ['Be kind.']);
    assert.deepStrictEqual(payload.messages, [{ role: 'user', texts: [STAND_IN_TEXT] }]);
    assert.strictEqual(payload.addedTokens, 50 - 1);
  });

  test('tools written out are sent as functions; one passed by name keeps its assumed size', async () => {
    const source = [
      'import anthropic',
      'client = anthropic.Anthropic()',
      'WEATHER = {"name": "get_weather", "description": "Weather for a city", "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}}}',
      'def ask(q):',
      '    return client.messages.create(model="claude-haiku-4-5", max_tokens=100, tools=[WEATHER, search_tool], messages=[{"role": "user", "content": "Weather in Oslo?"}])',
    ].join('\n');
    const payload = (await analyzeSource(source, PY)).payload(0);
    assert.deepStrictEqual(payload.tools.map((t) => t.name), ['get_weather']);
    assert.strictEqual(payload.addedTokens, DEFAULT_TOOL_TOKENS);
  });

  test('of alternatives the largest part is chosen, as the estimate counts them', () => {
    const parts = [{ index: 0, slot: '/messages/0/?0' }, { index: 1, slot: '/messages/0/?1' }, { index: 2, slot: '/messages/1' }];
    const tokens = [5, 9, 3];
    assert.deepStrictEqual(chosenParts(parts, (i) => tokens[i]).map((p) => p.index), [1, 2]);
    tokens[0] = 10;
    assert.deepStrictEqual(chosenParts(parts, (i) => tokens[i]).map((p) => p.index), [0, 2]);
  });
});
