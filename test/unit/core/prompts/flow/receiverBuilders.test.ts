import * as assert from 'assert';
import { TEST_DOUBLE_BUILDERS } from '../../../../../src/core/prompts/flow/receiverBuilders';
import { callsIn } from '../callShapes';

suite('prompt flow: what built a receiver (agents, test doubles)', () => {
  test('Vercel AI SDK MockLanguageModelV3: the request is reported, marked as made with a test double', async () => {
    const source = [
      "import { generateText, Agent } from 'ai';",
      "import { MockLanguageModelV3 } from 'ai/test';",
      'export async function testIt() {',
      "  await generateText({ model: new MockLanguageModelV3({ doGenerate: async () => ({}) }), prompt: 'Say hello to the test runner.' });",
      "  const mock = new Agent({ model: new MockLanguageModelV3({}), instructions: 'You are a test agent.' });",
      "  await mock.generate({ prompt: 'Run the mocked task.' });",
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'agent.test.ts'), [
      { line: 4, implied: false, api: 'other', model: null, testDouble: true, parts: ['user: Say hello to the test runner.'] },
      { line: 6, implied: false, api: 'other', model: null, testDouble: true, parts: ['system: You are a test agent.', 'user: Run the mocked task.'] },
    ]);
  });

  test('LangChain FakeListLLM / FakeListChatModel: a receiver bound to a fake is a (test double) model object', async () => {
    const source = [
      'from langchain_core.language_models import FakeListLLM, FakeListChatModel',
      'llm = FakeListLLM(responses=["ok"])',
      'print(llm.invoke("Tell me a story about a brave llama."))',
      'chat = FakeListChatModel(responses=["fine"])',
      'chat.invoke("How are you today?")',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'test_chain.py'), [
      { line: 3, implied: false, api: 'other', model: null, testDouble: true, parts: ['user: Tell me a story about a brave llama.'] },
      { line: 5, implied: false, api: 'other', model: null, testDouble: true, parts: ['user: How are you today?'] },
    ]);
    assert.ok(TEST_DOUBLE_BUILDERS.has('mocklanguagemodelv2'));
  });

  test('a real model is not a test double', async () => {
    const source = "from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model=\"gpt-4o\")\nllm.invoke(\"Tell me a story about a brave llama.\")\n";
    assert.deepStrictEqual(await callsIn(source, 'chain.py'), [
      { line: 3, implied: false, api: 'other', model: 'gpt-4o', parts: ['user: Tell me a story about a brave llama.'] },
    ]);
  });
});
