import * as assert from 'assert';
import { isConnectionSettingName, isVariableOrSecretName, looksLikeModelId } from '../../../../src/core/prompts/evidence';

suite('prompts: evidence', () => {
  suite('looksLikeModelId', () => {
    const models = ['gpt-4o', 'claude-sonnet-4-5', 'openai/gpt-4.1', 'mistral-large-latest', 'babbage-002', 'meta-llama/Llama-3.1-8B-Instruct', 'Mistral-7B-Instruct'];
    for (const id of models) test(`${id} is a model id`, () => assert.strictEqual(looksLikeModelId(id), true));

    // Environment-variable and secret names seen as "models" in public code.
    const names = ['MISTRAL_AI_API_KEY', 'MISTRAL_MODEL', 'GPT4_DEPLOYMENT', 'CLAUDE_MODEL_NAME', 'mistral-api-key', 'mistralApiKey', 'claude_secret', 'gemini-token', 'gpt-4o-endpoint', 'OLLAMA_TEST_MODEL', ''];
    for (const name of names) test(`${JSON.stringify(name)} is not`, () => assert.strictEqual(looksLikeModelId(name), false));
  });

  test('isVariableOrSecretName: env names and secret names, not ids', () => {
    assert.deepStrictEqual(
      ['AZURE_OPENAI_DEPLOYMENT_NAME', 'OPENAI_API_KEY', 'my-api-key', 'gpt-4o', 'my-finetune', 'Mistral-7B-Instruct', 'GPT4'].map(isVariableOrSecretName),
      [true, true, true, false, false, false, false],
    );
  });

  test('isConnectionSettingName: keys, tokens, URLs and credentials, not model settings', () => {
    assert.deepStrictEqual(
      ['apiKey', 'WithToken', 'baseUrl', 'WithBaseURL', 'AzureKeyCredential', 'Uri', 'endpoint', 'model', 'WithModel', 'modelName', 'GetChatClient'].map(isConnectionSettingName),
      [true, true, true, true, true, true, true, false, false, false, false],
    );
  });
});
