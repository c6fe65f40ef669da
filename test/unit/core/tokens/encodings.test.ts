import * as assert from 'assert';
import { bareModelName, encodingForModel, modelFamily } from '../../../../src/core/tokens/encodings';

suite('tokens: model → encoding and family', () => {
  const encodingTable: [string, string | null][] = [
    ['gpt-4o', 'o200k_base'],
    ['gpt-4o-mini', 'o200k_base'],
    ['gpt-4o-2024-08-06', 'o200k_base'],
    ['chatgpt-4o-latest', 'o200k_base'],
    ['gpt-4.1', 'o200k_base'],
    ['gpt-4.1-nano', 'o200k_base'],
    ['gpt-4.5-preview', 'o200k_base'],
    ['o1', 'o200k_base'],
    ['o1-mini', 'o200k_base'],
    ['o3-pro', 'o200k_base'],
    ['o4-mini', 'o200k_base'],
    ['gpt-5', 'o200k_base'],
    ['gpt-5-mini', 'o200k_base'],
    ['gpt-5-nano', 'o200k_base'],
    ['gpt-5.1', 'o200k_base'],
    ['gpt-5.1-codex', 'o200k_base'],
    ['gpt-5.2-pro', 'o200k_base'],
    ['gpt-5.4-mini', 'o200k_base'],
    ['gpt-5.6-nano', 'o200k_base'],
    ['gpt-oss-120b', 'o200k_base'],
    ['omni-moderation-latest', 'o200k_base'],
    ['gpt-4', 'cl100k_base'],
    ['gpt-4-0613', 'cl100k_base'],
    ['gpt-4-turbo', 'cl100k_base'],
    ['gpt-4-turbo-2024-04-09', 'cl100k_base'],
    ['gpt-4-32k', 'cl100k_base'],
    ['gpt-3.5-turbo', 'cl100k_base'],
    ['gpt-3.5-turbo-instruct', 'cl100k_base'],
    ['gpt-35-turbo', 'cl100k_base'],
    ['text-embedding-3-small', 'cl100k_base'],
    ['text-embedding-3-large', 'cl100k_base'],
    ['text-embedding-ada-002', 'cl100k_base'],
    // Provider prefixes and case.
    ['openai/gpt-4o', 'o200k_base'],
    ['azure/gpt-4.1-mini', 'o200k_base'],
    ['openrouter/openai/gpt-5', 'o200k_base'],
    ['OpenAI/GPT-4O-MINI', 'o200k_base'],
    ['azure/gpt-35-turbo', 'cl100k_base'],
    ['groq/openai/gpt-oss-20b', 'o200k_base'],
    // Not OpenAI encodings.
    ['claude-sonnet-4-5', null],
    ['gemini-2.5-pro', null],
    ['llama-3.1-70b', null],
    ['text-davinci-003', null],
    ['gpt-40', null],
    ['o10-preview', null],
    ['', null],
    ['my-deployment', null],
  ];
  for (const [model, expected] of encodingTable) {
    test(`encodingForModel(${JSON.stringify(model)}) = ${expected}`, () => {
      assert.strictEqual(encodingForModel(model), expected);
    });
  }

  const familyTable: [string, string][] = [
    ['gpt-4o', 'openai'],
    ['openai/gpt-5-mini', 'openai'],
    ['text-davinci-003', 'openai'],
    ['claude-3-5-sonnet-20241022', 'anthropic'],
    ['claude-opus-4-1', 'anthropic'],
    ['anthropic/claude-sonnet-4', 'anthropic'],
    ['anthropic/some-alias', 'anthropic'],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'anthropic'],
    ['gemini-2.5-flash', 'google'],
    ['google/gemma-3-27b-it', 'google'],
    ['vertex_ai/gemini-1.5-pro', 'google'],
    ['meta-llama/Llama-3.3-70B-Instruct', 'meta'],
    ['llama3.1:8b', 'meta'],
    ['mistral-large-latest', 'mistral'],
    ['mixtral-8x7b', 'mistral'],
    ['codestral-latest', 'mistral'],
    ['mistralai/some-model', 'mistral'],
    ['deepseek-chat', 'deepseek'],
    ['deepseek-ai/DeepSeek-R1', 'deepseek'],
    ['grok-4', 'xai'],
    ['x-ai/grok-3-mini', 'xai'],
    ['command-r-plus', 'cohere'],
    ['qwen2.5-coder-32b', 'qwen'],
    ['Qwen/Qwen3-235B', 'qwen'],
    ['phi-4', 'other'],
    ['', 'other'],
  ];
  for (const [model, expected] of familyTable) {
    test(`modelFamily(${JSON.stringify(model)}) = ${expected}`, () => {
      assert.strictEqual(modelFamily(model), expected);
    });
  }

  test('bareModelName strips routes and Bedrock prefixes', () => {
    assert.strictEqual(bareModelName('openrouter/openai/GPT-4o'), 'gpt-4o');
    assert.strictEqual(bareModelName('eu.anthropic.claude-3-haiku'), 'claude-3-haiku');
  });
});
