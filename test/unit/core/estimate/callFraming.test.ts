import * as assert from 'assert';
import {
  GPT_35_GPT_4_TOOL_CONSTANTS,
  GPT_4O_TOOL_CONSTANTS,
  messageFramingTokens,
  responseFormatTokens,
  toolFormulaConstants,
  toolTokens,
} from '../../../../src/core/estimate/callFraming';
import type { StaticJson, ToolDeclaration } from '../../../../src/core/prompts/llmCall';
import { estimateTokens } from '../../../../src/core/tokens/estimateTokens';

/**
 * The published figures come from the OpenAI cookbook notebook "How to count tokens with tiktoken",
 * https://github.com/openai/openai-cookbook/blob/main/examples/How_to_count_tokens_with_tiktoken.ipynb
 * (cells 15 and 17), where each formula's count is printed next to the API's own `prompt_tokens`.
 */

const t = (text: string, model: string, factors?: Record<string, number>) => estimateTokens(text, model, factors).tokens;
const tool = (schema: StaticJson | null, name: string | null = null): ToolDeclaration => ({ name, schema });
const OPTIONS = { defaultToolTokens: 50 };

// The cookbook's example function (cell 17), in its Chat Completions shape.
const WEATHER_FUNCTION = {
  name: 'get_current_weather',
  description: 'Get the current weather in a given location',
  parameters: {
    type: 'object',
    properties: {
      location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
      unit: { type: 'string', description: 'The unit of temperature to return', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['location'],
  },
};
const WEATHER_TOOL = { type: 'function', function: WEATHER_FUNCTION };
const WEATHER_MESSAGES = [
  'You are a helpful assistant that can answer to questions about the weather.',
  "What's the weather like in San Francisco?",
];

suite('estimate: callFraming', () => {
  suite('messageFramingTokens', () => {
    test('chat: 3 per message + 1 for the role, and 3 to prime the reply', () => {
      assert.strictEqual(messageFramingTokens('chat', 1), 7); // 1 × (3 + 1) + 3
      assert.strictEqual(messageFramingTokens('chat', 2), 11); // 2 × (3 + 1) + 3
      assert.strictEqual(messageFramingTokens('chat', 6), 27); // 6 × (3 + 1) + 3
    });

    test('responses: instructions + input framed as a developer and a user message', () => {
      assert.strictEqual(messageFramingTokens('responses', 2), 11);
      assert.strictEqual(messageFramingTokens('responses', 1), 7);
    });

    test('no messages, no framing (not even the reply priming)', () => {
      assert.strictEqual(messageFramingTokens('chat', 0), 0);
      assert.strictEqual(messageFramingTokens('responses', 0), 0);
      assert.strictEqual(messageFramingTokens('chat', -1), 0);
    });

    test('Anthropic, Gemini and other APIs publish no framing: 0', () => {
      assert.strictEqual(messageFramingTokens('messages', 3), 0);
      assert.strictEqual(messageFramingTokens('gemini', 3), 0);
      assert.strictEqual(messageFramingTokens('other', 3), 0);
    });

    test('every role name is one token in o200k_base (gpt-4o) and cl100k_base (gpt-4)', () => {
      for (const model of ['gpt-4o', 'gpt-4']) {
        for (const role of ['system', 'user', 'assistant', 'developer', 'tool']) assert.strictEqual(t(role, model), 1, `${role} on ${model}`);
      }
    });

    test('reproduces the cookbook: 124 prompt tokens on gpt-4o, 129 on gpt-4 (cell 15)', () => {
      // Six messages; four carry a `name`, which the cookbook counts as its tokens + 1 (not framing: added here).
      const messages = [
        { content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.' },
        { name: 'example_user', content: 'New synergies will help drive top-line growth.' },
        { name: 'example_assistant', content: 'Things working well together will increase revenue.' },
        { name: 'example_user', content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage." },
        { name: 'example_assistant', content: "Let's talk later when we're less busy about how to do better." },
        { content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
      ];
      const total = (model: string) =>
        messageFramingTokens('chat', messages.length) +
        messages.reduce((sum, m) => sum + t(m.content, model) + (m.name ? t(m.name, model) + 1 : 0), 0);
      assert.deepStrictEqual(messages.map((m) => t(m.content, 'gpt-4o')), [17, 10, 8, 17, 13, 18]);
      assert.deepStrictEqual(messages.map((m) => t(m.content, 'gpt-4')), [18, 10, 8, 18, 15, 19]);
      // names (both encodings): (2 + 1) + (3 + 1) + (2 + 1) + (3 + 1) = 14
      // gpt-4o: 27 framing + 83 contents + 14 names = 124
      assert.strictEqual(total('gpt-4o'), 124);
      // gpt-4:  27 framing + 88 contents + 14 names = 129
      assert.strictEqual(total('gpt-4'), 129);
    });
  });

  suite('toolTokens', () => {
    test('the weather function on gpt-4o, by hand from the formula: 68', () => {
      // Pieces, counted in o200k_base:
      assert.strictEqual(t('get_current_weather:Get the current weather in a given location', 'gpt-4o'), 11);
      assert.strictEqual(t('location:string:The city and state, e.g. San Francisco, CA', 'gpt-4o'), 14);
      assert.strictEqual(t('unit:string:The unit of temperature to return', 'gpt-4o'), 8);
      assert.strictEqual(t('celsius', 'gpt-4o'), 2);
      assert.strictEqual(t('fahrenheit', 'gpt-4o'), 2);
      // func_init 7 + 11                       = 18
      // prop_init 3                            = 21
      // location: prop_key 3 + 14              = 38
      // unit: prop_key 3 + enum_init −3 + (enum_item 3 + 2) + (enum_item 3 + 2) + 8 = 56
      // func_end 12                            = 68
      assert.deepStrictEqual(toolTokens([tool(WEATHER_TOOL)], 'gpt-4o', OPTIONS), { tokens: 68, exact: true, assumed: 0 });
    });

    test('reproduces the cookbook: 101 prompt tokens on gpt-4o and gpt-4o-mini with the weather tool (cell 17)', () => {
      for (const model of ['gpt-4o', 'gpt-4o-mini']) {
        // 68 tools + 11 framing (2 messages) + 14 + 8 contents = 101
        assert.strictEqual(t(WEATHER_MESSAGES[0], model), 14);
        assert.strictEqual(t(WEATHER_MESSAGES[1], model), 8);
        const total = toolTokens([tool(WEATHER_TOOL)], model, OPTIONS).tokens + messageFramingTokens('chat', 2) + t(WEATHER_MESSAGES[0], model) + t(WEATHER_MESSAGES[1], model);
        assert.strictEqual(total, 101, model);
      }
    });

    test('reproduces the cookbook: 105 on gpt-4 and gpt-3.5-turbo (func_init 10, cl100k_base)', () => {
      for (const model of ['gpt-4', 'gpt-3.5-turbo']) {
        // Pieces in cl100k_base are 11, 14, 8, 2, 2 as in o200k: tools 68 − 7 + 10 = 71.
        assert.deepStrictEqual(toolTokens([tool(WEATHER_TOOL)], model, OPTIONS), { tokens: 71, exact: true, assumed: 0 }, model);
        // 71 + 11 framing + 14 + 9 contents ("What's the weather like in San Francisco?" is 9 in cl100k) = 105
        assert.strictEqual(t(WEATHER_MESSAGES[1], model), 9);
        const total = 71 + messageFramingTokens('chat', 2) + t(WEATHER_MESSAGES[0], model) + t(WEATHER_MESSAGES[1], model);
        assert.strictEqual(total, 105, model);
      }
    });

    test('the constants: gpt-4o family as published, gpt-3.5/gpt-4 differ only in func_init, every other model gets gpt-4o', () => {
      assert.deepStrictEqual({ ...GPT_4O_TOOL_CONSTANTS }, { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 });
      assert.deepStrictEqual({ ...GPT_35_GPT_4_TOOL_CONSTANTS }, { ...GPT_4O_TOOL_CONSTANTS, funcInit: 10 });
      for (const model of ['gpt-4', 'gpt-4-0613', 'gpt-4-turbo', 'gpt-3.5-turbo', 'gpt-3.5-turbo-0125', 'azure/gpt-35-turbo']) {
        assert.strictEqual(toolFormulaConstants(model), GPT_35_GPT_4_TOOL_CONSTANTS, model);
      }
      for (const model of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.5-preview', 'gpt-5', 'o3', 'claude-sonnet-4-5', 'gemini-2.5-pro']) {
        assert.strictEqual(toolFormulaConstants(model), GPT_4O_TOOL_CONSTANTS, model);
      }
    });

    test('every declaration shape real code writes counts the same 68', () => {
      const { name, description, parameters } = WEATHER_FUNCTION;
      const shapes: Record<string, StaticJson> = {
        'legacy functions=[…]': WEATHER_FUNCTION,
        'Responses {type: "function", name, …}': { type: 'function', name, description, parameters, strict: false },
        'Anthropic {name, description, input_schema}': { name, description, input_schema: parameters },
        'Anthropic {type: "custom", …}': { type: 'custom', name, description, input_schema: parameters },
        'Gemini {function_declarations: […]}': { function_declarations: [WEATHER_FUNCTION] },
      };
      for (const [shape, schema] of Object.entries(shapes)) {
        assert.deepStrictEqual(toolTokens([tool(schema)], 'gpt-4o', OPTIONS), { tokens: 68, exact: true, assumed: 0 }, shape);
      }
    });

    test('func_end once for all functions: two tools = 2 × 56 + 12', () => {
      assert.strictEqual(toolTokens([tool(WEATHER_TOOL), tool(WEATHER_TOOL)], 'gpt-4o', OPTIONS).tokens, 124);
      // A Gemini tool declaring two functions is the same two functions.
      const gemini = { function_declarations: [WEATHER_FUNCTION, WEATHER_FUNCTION] };
      assert.strictEqual(toolTokens([tool(gemini)], 'gpt-4o', OPTIONS).tokens, 124);
    });

    test('a trailing period of a description is dropped, as the cookbook does', () => {
      const dotted = {
        ...WEATHER_FUNCTION,
        description: 'Get the current weather in a given location.',
        parameters: {
          type: 'object',
          properties: {
            location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA.' },
            unit: { type: 'string', description: 'The unit of temperature to return.', enum: ['celsius', 'fahrenheit'] },
          },
        },
      };
      assert.strictEqual(toolTokens([tool(dotted)], 'gpt-4o', OPTIONS).tokens, 68);
    });

    test('no parameters, or no properties: no prop_init', () => {
      assert.strictEqual(t('ping:Check the service', 'gpt-4o'), 5);
      const expected = 7 + 5 + 12; // func_init + "ping:Check the service" + func_end
      assert.strictEqual(toolTokens([tool({ name: 'ping', description: 'Check the service' })], 'gpt-4o', OPTIONS).tokens, expected);
      const empty = { name: 'ping', description: 'Check the service', parameters: { type: 'object', properties: {} } };
      assert.deepStrictEqual(toolTokens([tool(empty)], 'gpt-4o', OPTIONS), { tokens: expected, exact: true, assumed: 0 });
    });

    test('a missing description counts "name:"', () => {
      assert.strictEqual(t('get_current_weather:', 'gpt-4o'), 4);
      assert.strictEqual(toolTokens([tool({ name: 'get_current_weather' })], 'gpt-4o', OPTIONS).tokens, 7 + 4 + 12);
    });

    test('enum items that are not strings are counted as their JSON text', () => {
      assert.strictEqual(t('level:integer:Log level', 'gpt-4o'), 6);
      const fn = { name: 'ping', description: 'Check the service', parameters: { properties: { level: { type: 'integer', description: 'Log level', enum: [1, 2] } } } };
      // 7 + 5 + prop_init 3 + prop_key 3 + enum_init −3 + (3 + "1" 1) + (3 + "2" 1) + 6 + func_end 12 = 41
      assert.strictEqual(toolTokens([tool(fn)], 'gpt-4o', OPTIONS).tokens, 41);
    });

    test('nested array items: the compact JSON of the nested part is counted in addition, and the total is ≈', () => {
      assert.strictEqual(t('tags:array:Labels to attach', 'gpt-4o'), 7);
      assert.strictEqual(t('{"items":{"type":"string"}}', 'gpt-4o'), 7);
      const fn = { name: 'ping', description: 'Check the service', parameters: { properties: { tags: { type: 'array', description: 'Labels to attach', items: { type: 'string' } } } } };
      // 7 + 5 + 3 + (3 + 7 + 7) + 12 = 44
      assert.deepStrictEqual(toolTokens([tool(fn)], 'gpt-4o', OPTIONS), { tokens: 44, exact: false, assumed: 0 });
    });

    test('nested object properties: their JSON is counted, ≈', () => {
      assert.strictEqual(t('filters:object:Search filters', 'gpt-4o'), 6);
      assert.strictEqual(t('{"properties":{"city":{"type":"string"},"days":{"type":"integer"}}}', 'gpt-4o'), 17);
      const filters = { type: 'object', description: 'Search filters', properties: { city: { type: 'string' }, days: { type: 'integer' } } };
      const fn = { name: 'ping', description: 'Check the service', parameters: { properties: { filters } } };
      // 7 + 5 + 3 + (3 + 6 + 17) + 12 = 53
      assert.deepStrictEqual(toolTokens([tool(fn)], 'gpt-4o', OPTIONS), { tokens: 53, exact: false, assumed: 0 });
    });

    test('$defs and $ref: counted as JSON, ≈', () => {
      assert.strictEqual(t('unit::', 'gpt-4o'), 2);
      assert.strictEqual(t('{"$ref":"#/$defs/Unit"}', 'gpt-4o'), 10);
      assert.strictEqual(t('{"$defs":{"Unit":{"type":"string","enum":["c","f"]}}}', 'gpt-4o'), 18);
      const fn = {
        name: 'ping',
        description: 'Check the service',
        parameters: { properties: { unit: { $ref: '#/$defs/Unit' } }, $defs: { Unit: { type: 'string', enum: ['c', 'f'] } } },
      };
      // 7 + 5 + 3 + (3 + "unit::" 2 + 10) + 18 + 12 = 60
      assert.deepStrictEqual(toolTokens([tool(fn)], 'gpt-4o', OPTIONS), { tokens: 60, exact: false, assumed: 0 });
    });

    test('a union type is written "string | null" and marks the count ≈', () => {
      assert.strictEqual(t('note:string | null:Optional note', 'gpt-4o'), 7);
      const fn = { name: 'ping', description: 'Check the service', parameters: { properties: { note: { type: ['string', 'null'], description: 'Optional note' } } } };
      // 7 + 5 + 3 + (3 + 7) + 12 = 37
      assert.deepStrictEqual(toolTokens([tool(fn)], 'gpt-4o', OPTIONS), { tokens: 37, exact: false, assumed: 0 });
    });

    test('a tool passed by name (schema null) is sized defaultToolTokens and counted as assumed', () => {
      assert.deepStrictEqual(toolTokens([tool(null, 'get_weather')], 'gpt-4o', OPTIONS), { tokens: 50, exact: false, assumed: 1 });
      assert.deepStrictEqual(toolTokens([tool(null), tool(null)], 'gpt-4o', { defaultToolTokens: 80 }), { tokens: 160, exact: false, assumed: 2 });
    });

    test('built-in tools (web_search, file_search, Anthropic server tools) are assumed, not parsed', () => {
      const builtIns: StaticJson[] = [
        { type: 'web_search' },
        { type: 'file_search', vector_store_ids: ['vs_1'] },
        { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
        { google_search: {} },
        'web_search',
      ];
      for (const schema of builtIns) {
        assert.deepStrictEqual(toolTokens([tool(schema)], 'gpt-4o', OPTIONS), { tokens: 50, exact: false, assumed: 1 }, JSON.stringify(schema));
      }
    });

    test('counted and assumed tools together: 68 + 50, one assumed, ≈', () => {
      assert.deepStrictEqual(toolTokens([tool(WEATHER_TOOL), tool({ type: 'web_search' })], 'gpt-4o', OPTIONS), { tokens: 118, exact: false, assumed: 1 });
    });

    test('no tools: 0, exact', () => {
      assert.deepStrictEqual(toolTokens([], 'gpt-4o', OPTIONS), { tokens: 0, exact: true, assumed: 0 });
    });

    test('non-OpenAI models: the gpt-4o formula over that model\'s own estimate, never exact', () => {
      const pieces = [
        'get_current_weather:Get the current weather in a given location',
        'location:string:The city and state, e.g. San Francisco, CA',
        'unit:string:The unit of temperature to return',
        'celsius',
        'fahrenheit',
      ];
      const constants = 7 + 3 + 3 + 3 - 3 + 3 + 3 + 12; // func_init, prop_init, 2 × prop_key, enum_init, 2 × enum_item, func_end = 31
      const claude = pieces.reduce((sum, piece) => sum + t(piece, 'claude-sonnet-4-5'), 0);
      assert.strictEqual(claude, 47); // 14 + 17 + 10 + 3 + 3 (o200k × 1.2, rounded up per piece)
      assert.deepStrictEqual(toolTokens([tool(WEATHER_TOOL)], 'claude-sonnet-4-5', OPTIONS), { tokens: constants + 47, exact: false, assumed: 0 });
      // The user's factors apply to the pieces, not to the constants.
      const doubled = pieces.reduce((sum, piece) => sum + t(piece, 'claude-sonnet-4-5', { anthropic: 2 }), 0);
      assert.strictEqual(doubled, 74); // 22 + 28 + 16 + 4 + 4
      assert.strictEqual(toolTokens([tool(WEATHER_TOOL)], 'claude-sonnet-4-5', { ...OPTIONS, factors: { anthropic: 2 } }).tokens, constants + 74);
    });
  });

  suite('responseFormatTokens', () => {
    const SCHEMA = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
    const SCHEMA_JSON = '{"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],"additionalProperties":false}';
    const FORMAT_OPTIONS = { defaultSchemaTokens: 120 };

    test('the compact JSON is what gets counted: 24 tokens on gpt-4o', () => {
      assert.strictEqual(JSON.stringify(SCHEMA), SCHEMA_JSON);
      assert.strictEqual(t(SCHEMA_JSON, 'gpt-4o'), 24);
    });

    test('no response format: 0, exact', () => {
      assert.deepStrictEqual(responseFormatTokens(null, 'gpt-4o', FORMAT_OPTIONS), { tokens: 0, exact: true, assumed: false });
    });

    test('a schema passed by name: the default, assumed', () => {
      assert.deepStrictEqual(responseFormatTokens('unknown', 'gpt-4o', FORMAT_OPTIONS), { tokens: 120, exact: false, assumed: true });
    });

    test('JSON mode and plain text send no schema: 0', () => {
      const none: StaticJson[] = [{ type: 'json_object' }, { type: 'text' }, { format: { type: 'text' } }, { format: { type: 'json_object' } }, 'json'];
      for (const format of none) {
        assert.deepStrictEqual(responseFormatTokens(format, 'gpt-4o', FORMAT_OPTIONS), { tokens: 0, exact: true, assumed: false }, JSON.stringify(format));
      }
    });

    test('every json_schema shape counts the compact JSON of the schema only, ≈', () => {
      const shapes: Record<string, StaticJson> = {
        'Chat Completions response_format': { type: 'json_schema', json_schema: { name: 'answer', schema: SCHEMA, strict: true } },
        'Responses text={format: …}': { format: { type: 'json_schema', name: 'answer', schema: SCHEMA, strict: true } },
        'Responses text.format': { type: 'json_schema', name: 'answer', schema: SCHEMA },
        'a bare schema (Gemini response_schema)': SCHEMA,
      };
      for (const [shape, format] of Object.entries(shapes)) {
        assert.deepStrictEqual(responseFormatTokens(format, 'gpt-4o', FORMAT_OPTIONS), { tokens: 24, exact: false, assumed: false }, shape);
      }
    });

    test('a json_schema without a readable schema, or a value that is no format: the default, assumed', () => {
      const unreadable: StaticJson[] = [{ type: 'json_schema', json_schema: { name: 'answer' } }, { type: 'json_schema' }, 'Answer', 42, ['a']];
      for (const format of unreadable) {
        assert.deepStrictEqual(responseFormatTokens(format, 'gpt-4o', FORMAT_OPTIONS), { tokens: 120, exact: false, assumed: true }, JSON.stringify(format));
      }
    });

    test('non-OpenAI models: the model\'s estimate of the JSON, with the user\'s factors', () => {
      assert.strictEqual(t(SCHEMA_JSON, 'claude-sonnet-4-5'), 32); // 24 × 1.3 (code factor) = 31.2 → 32
      assert.deepStrictEqual(responseFormatTokens(SCHEMA, 'claude-sonnet-4-5', FORMAT_OPTIONS), { tokens: 32, exact: false, assumed: false });
      assert.strictEqual(responseFormatTokens(SCHEMA, 'claude-sonnet-4-5', { ...FORMAT_OPTIONS, factors: { anthropic: 2 } }).tokens, 48); // 24 × 2
    });
  });
});
