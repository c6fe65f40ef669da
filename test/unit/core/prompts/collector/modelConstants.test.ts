import * as assert from 'assert';
import { modelFromConstant } from '../../../../../src/core/prompts/collector/modelConstants';

suite('prompts: SDK model constants', () => {
  const cases: [string, string | null][] = [
    ['GPT4o', 'gpt-4o'], // go-openai
    ['GPT4oMini', 'gpt-4o-mini'],
    ['GPT3Dot5Turbo', 'gpt-3.5-turbo'],
    ['GPT4Dot1Mini', 'gpt-4.1-mini'],
    ['O3Mini', 'o3-mini'],
    ['ChatModelGPT4o', 'gpt-4o'], // openai-go
    ['ChatModelGPT4_1Mini', 'gpt-4.1-mini'],
    ['ChatModelO1', 'o1'],
    ['ChatModelGPT4oMini2024_07_18', 'gpt-4o-mini-2024-07-18'],
    ['ModelClaudeSonnet4_5', 'claude-sonnet-4-5'], // anthropic-sdk-go
    ['ModelClaude3_7SonnetLatest', 'claude-3-7-sonnet-latest'],
    ['ModelClaude_3_Haiku_20240307', 'claude-3-haiku-20240307'],
    ['GPT_4O', 'gpt-4o'], // OpenAI Java
    ['GPT_4_1', 'gpt-4.1'],
    ['GPT_3_5_TURBO', 'gpt-3.5-turbo'],
    ['CHATGPT_4O_LATEST', 'chatgpt-4o-latest'],
    ['GPT_4_O_MINI', 'gpt-4o-mini'], // Spring AI / LangChain4j spelling
    ['CLAUDE_SONNET_4_5', 'claude-sonnet-4-5'], // Anthropic Java
    ['CLAUDE_3_5_HAIKU_LATEST', 'claude-3-5-haiku-latest'],
    ['GEMINI_1_5_PRO', 'gemini-1.5-pro'],
    ['ClaudeSonnet4_5', 'claude-sonnet-4-5'], // Anthropic C#
    ['Claude35Sonnet', 'claude-3-5-sonnet-latest'], // Anthropic.SDK table entry
    ['ChatMessageRoleSystem', null],
    ['Default', null],
  ];
  for (const [name, id] of cases) {
    test(`${name} → ${id}`, () => assert.strictEqual(modelFromConstant(name), id));
  }
});
