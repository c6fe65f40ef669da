import * as assert from 'assert';
import { namedLikeModel, TEST_DOUBLE_BUILDERS } from '../../../../../src/core/prompts/flow/receiverBuilders';
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

  test('invoke on a receiver named like a model the file cannot see (a parameter, self.x = param) is a call', async () => {
    const source = [
      'class Summarizer:',
      '    def __init__(self, summary_model):',
      '        self.summary_model = summary_model',
      '    def run(self, text):',
      '        return self.summary_model.invoke("Summarize the conversation so far in two sentences.")',
      'def ask(llm, q):',
      '    return llm.ainvoke(q)',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'runnables.py'), [
      { line: 5, implied: false, api: 'other', model: null, parts: ['user: Summarize the conversation so far in two sentences.'] },
      { line: 7, implied: false, api: 'other', model: null, parts: ['user: {q}'] },
    ]);
    assert.strictEqual(typeof namedLikeModel, 'function');
  });

  test('not on names that are not models, other methods, or a receiver the file shows is something else', async () => {
    const source = [
      'def a(chain, q):',
      '    return chain.invoke("Summarize the conversation so far in two sentences.")',
      'def b(model, rows):',
      '    return model.predict("Summarize the conversation so far in two sentences.")',
      'def c(q):',
      '    embed_model = load_embedder()',
      '    return embed_model.invoke("Summarize the conversation so far in two sentences.")',
      'def d(q):',
      '    model = make_pipeline()',
      '    return model.invoke("Summarize the conversation so far in two sentences.")',
    ].join('\n');
    assert.deepStrictEqual((await callsIn(source, 'not_models.py')).filter((c) => !c.implied), []);
  });

  test('LangGraph createReactAgent: agent.invoke / streamEvents({ messages }) are requests, with the agent prompt and model', async () => {
    const source = [
      "import { ChatOpenAI } from '@langchain/openai';",
      "import { createReactAgent } from '@langchain/langgraph/prebuilt';",
      'export async function POST(messages: any[]) {',
      "  const chat = new ChatOpenAI({ model: 'gpt-4o-mini', temperature: 0 });",
      "  const agent = createReactAgent({ llm: chat, tools: [], messageModifier: new SystemMessage('You are a talking parrot named Polly.') });",
      '  await agent.invoke({ messages });',
      "  return agent.streamEvents({ messages }, { version: 'v2' });",
      '}',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'agent.ts'), [
      { line: 6, implied: false, api: 'other', model: 'gpt-4o-mini', parts: ['system: You are a talking parrot named Polly.', 'user: {messages}'] },
      { line: 7, implied: false, api: 'other', model: 'gpt-4o-mini', parts: ['system: You are a talking parrot named Polly.', 'user: {messages}'] },
    ]);
  });

  test("a model object from the project's own factory (load_chat_model(…).bind_tools(…)) is a model", async () => {
    const source = [
      'async def call_model(state, runtime):',
      '    model = load_chat_model(runtime.context.model).bind_tools(TOOLS)',
      '    return await model.ainvoke([{"role": "system", "content": "You are a helpful research agent."}, *state.messages])',
    ].join('\n');
    assert.deepStrictEqual((await callsIn(source, 'graph.py')).map((c) => [c.line, c.implied, c.parts[0]]), [[3, false, 'system: You are a helpful research agent.']]);
  });
});
