/** What a Python/JS call passes besides its prompt text: tools, response schema, reasoning effort, thinking budget. */
import * as assert from 'assert';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';
import type { CallParameters } from '../../../../../src/core/prompts/flow/callParameters';
import type { LlmCall } from '../../../../../src/core/prompts/llmCall';

/** The request of `source` (through the real finder), whose parameters `CallParameterReader` read. */
async function callOf(source: string, file: string): Promise<LlmCall & CallParameters> {
  const prompts = await findPrompts(source, file);
  const call = prompts.flatMap((p) => p.calls ?? []).find((m) => !m.call.implied)?.call;
  assert.ok(call, `no request found in ${file}`);
  return call;
}

suite('prompt flow: call parameters', () => {
  test('Vercel providerOptions: reasoningEffort and Anthropic thinking budget; tools as an object of named tools', async () => {
    const call = await callOf([
      "import { generateText, tool } from 'ai';",
      "import { openai } from '@ai-sdk/openai';",
      "export const go = () => generateText({ model: openai('o4-mini'), prompt: 'Plan the migration in five steps.',",
      "  providerOptions: { openai: { reasoningEffort: 'low' }, anthropic: { thinking: { type: 'enabled', budgetTokens: 4000 } } },",
      "  tools: { weather: tool({ description: 'Get the weather', inputSchema: z.object({ city: z.string() }) }) } });",
    ].join('\n'), 'plan.ts');
    assert.strictEqual(call.reasoningEffort, 'low');
    assert.strictEqual(call.thinkingBudget, 4000);
    assert.deepStrictEqual(call.tools.map((t) => [t.name, t.schema]), [['weather', null]], 'a Zod schema is not literal JSON: sized by default');
  });

  test('Gemini config: thinking_budget and response_schema inside GenerateContentConfig', async () => {
    const call = await callOf([
      'from google import genai',
      'from google.genai import types',
      'client = genai.Client()',
      'client.models.generate_content(model="gemini-2.5-flash", contents="List three fruits as JSON.",',
      '    config=types.GenerateContentConfig(thinking_config=types.ThinkingConfig(thinking_budget=1024),',
      '        response_schema={"type": "array", "items": {"type": "string"}}))',
    ].join('\n'), 'fruits.py');
    assert.strictEqual(call.api, 'gemini');
    assert.strictEqual(call.thinkingBudget, 1024);
    assert.deepStrictEqual(call.responseFormat, { type: 'array', items: { type: 'string' } });
  });

  test('response_format written out is kept; a Pydantic model passed by name is `unknown`; tools by name have no schema', async () => {
    const literal = await callOf('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", response_format={"type": "json_schema", "json_schema": {"name": "r", "schema": {"type": "object"}}}, messages=[{"role": "user", "content": "Reply with an empty object."}])\n', 'a.py');
    assert.deepStrictEqual(literal.responseFormat, { type: 'json_schema', json_schema: { name: 'r', schema: { type: 'object' } } });
    const named = await callOf('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.parse(model="gpt-4o", response_format=Answer, tools=[lookup], messages=[{"role": "user", "content": "Answer the question in the schema."}])\n', 'b.py');
    assert.strictEqual(named.responseFormat, 'unknown');
    assert.deepStrictEqual(named.tools, [{ name: 'lookup', schema: null }]);
  });

  test('reasoning_effort as a keyword, upper case normalised', async () => {
    const call = await callOf('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="o3", reasoning_effort="HIGH", messages=[{"role": "user", "content": "Prove the lemma in detail."}])\n', 'c.py');
    assert.strictEqual(call.reasoningEffort, 'high');
    assert.strictEqual(call.api, 'chat');
  });
});
