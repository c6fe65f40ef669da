import * as assert from 'assert';
import { modelFromConstant } from '../../../../../src/core/prompts/collector/modelConstants';
import sdkTables from '../../../../../src/core/prompts/collector/sdkModelConstants.json';

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

  suite('from the SDKs\' own sources (sdkModelConstants.json)', () => {
    const fromSources: [string, string][] = [
      ['GPT3Babbage002', 'babbage-002'], // go-openai: the spelling rule would say gpt-3-babbage-002
      ['GPT3Davinci002', 'davinci-002'],
      ['GPT4oLatest', 'chatgpt-4o-latest'],
      ['GPT4Turbo0125', 'gpt-4-0125-preview'],
      ['CodexCodeDavinci002', 'code-davinci-002'],
      ['GPT4o', 'gpt-4o'],
      ['ChatModelGPT4o', 'gpt-4o'], // openai-go
      ['ChatModelGPT3_5Turbo0613', 'gpt-3.5-turbo-0613'],
      ['FineTuningJobNewParamsModelBabbage002', 'babbage-002'],
      ['ModelClaudeSonnet4_5', 'claude-sonnet-4-5'], // anthropic-sdk-go
      ['ModelClaudeOpus4_1_20250805', 'claude-opus-4-1-20250805'],
      ['GPT_4O_MINI', 'gpt-4o-mini'], // openai-java
      ['O3_MINI_2025_01_31', 'o3-mini-2025-01-31'],
    ];
    for (const [name, id] of fromSources) {
      test(`${name} → ${id}`, () => assert.strictEqual(modelFromConstant(name), id));
    }

    test('each table names its repository and commit, and no name means two ids across SDKs', () => {
      const seen = new Map<string, string>();
      assert.deepStrictEqual(sdkTables.sdks.map((s) => s.repo), ['anthropics/anthropic-sdk-go', 'openai/openai-go', 'openai/openai-java', 'sashabaranov/go-openai']);
      for (const sdk of sdkTables.sdks) {
        assert.match(sdk.commit, /^[0-9a-f]{40}$/);
        for (const [name, id] of Object.entries(sdk.constants)) {
          assert.strictEqual(seen.get(name) ?? id, id, `${name} in ${sdk.repo}`);
          seen.set(name, id);
        }
      }
    });

    test('beta header constants are not models', () => assert.strictEqual(modelFromConstant('AnthropicBetaComputerUse2025_01_24'), null));
  });
});
