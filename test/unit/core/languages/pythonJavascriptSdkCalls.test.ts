import * as assert from 'assert';
import { PYTHON_JAVASCRIPT_SDK_CALLS } from '../../../../src/core/languages/pythonJavascriptSdkCalls';
import { callsIn } from '../prompts/callShapes';

const shape = (callee: string) => PYTHON_JAVASCRIPT_SDK_CALLS.find((s) => s.callee === callee);

suite('SDK calls: Python and JavaScript', () => {
  test('Vercel AI SDK: an Agent / ToolLoopAgent definition joins its generate / stream request', async () => {
    const source = [
      "import { Agent, ToolLoopAgent } from 'ai';",
      "import { openai } from '@ai-sdk/openai';",
      'const agent = new Agent({',
      "  model: openai('gpt-4o'),",
      "  instructions: 'You are a careful travel planner.',",
      '});',
      'export async function plan() {',
      "  return agent.generate({ prompt: 'Plan a weekend in Lisbon.' });",
      '}',
      "const loop = new ToolLoopAgent({ model: 'openai/gpt-4.1', instructions: 'You fix failing unit tests.' });",
      "export const fix = () => loop.stream({ prompt: 'Fix the date parsing test.' });",
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'agent.ts'), [
      { line: 8, implied: false, api: 'other', model: 'gpt-4o', parts: ['system: You are a careful travel planner.', 'user: Plan a weekend in Lisbon.'] },
      { line: 11, implied: false, api: 'other', model: 'openai/gpt-4.1', parts: ['system: You fix failing unit tests.', 'user: Fix the date parsing test.'] },
    ]);
  });

  test('Vercel AI SDK: generate / stream on anything but an agent is not a request', async () => {
    const source = "import { generateText } from 'ai';\nconst report = builder.generate({ prompt: 'Quarterly numbers for the board.' });\n";
    assert.deepStrictEqual(await callsIn(source, 'report.ts'), []);
    assert.deepStrictEqual(shape('generate|stream')?.receiverBuiltBy, ['agent', 'toolloopagent', 'experimentalagent']);
  });

  test('Vercel AI SDK: the instructions option of generateText / streamText is a part of the request', async () => {
    const source = [
      "import { generateText, streamText } from 'ai';",
      "import { openai } from '@ai-sdk/openai';",
      'export async function title() {',
      "  return streamText({ model: openai('gpt-4o-mini'), instructions: 'Write a short title.', prompt: 'A post about sourdough.' });",
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'title.ts'), [
      { line: 4, implied: false, api: 'other', model: 'gpt-4o-mini', parts: ['system: Write a short title.', 'user: A post about sourdough.'] },
    ]);
  });

  test('CrewAI Agent(role, goal, backstory) builds a system prompt; Task(description, expected_output) a user one', async () => {
    const source = [
      'from crewai import Agent, Task',
      'researcher = Agent(role="Senior researcher", goal="Find the latest AI news", backstory="You worked at a newsroom for ten years.")',
      'task = Task(description="Write a summary of the top three stories.", expected_output="Three bullet points.", agent=researcher)',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'crew.py'), [
      { line: 2, implied: true, api: 'other', model: null, parts: ['system: Senior researcher', 'system: Find the latest AI news', 'system: You worked at a newsroom for ten years.'] },
      { line: 3, implied: true, api: 'other', model: null, parts: ['user: Write a summary of the top three stories.', 'user: Three bullet points.'] },
    ]);
  });

  test('AutoGen / AG2: AssistantAgent and ConversableAgent system_message', async () => {
    const source = [
      'from autogen import AssistantAgent, ConversableAgent',
      'assistant = AssistantAgent(name="assistant", system_message="You are a helpful coding assistant.")',
      'critic = ConversableAgent("critic", system_message="You critique plans harshly.")',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'team.py'), [
      { line: 2, implied: true, api: 'other', model: null, parts: ['system: You are a helpful coding assistant.'] },
      { line: 3, implied: true, api: 'other', model: null, parts: ['system: You critique plans harshly.'] },
    ]);
  });

  test('Mistral chat.complete, Cohere v2 chat, Ollama chat: each a request with its model', async () => {
    const source = [
      'import cohere, ollama',
      'from mistralai import Mistral',
      'client = Mistral(api_key=key)',
      'r = client.chat.complete(model="mistral-large-latest", messages=[{"role": "user", "content": "What is the best French cheese?"}])',
      'co = cohere.ClientV2()',
      'r2 = co.chat(model="command-r-plus", messages=[{"role": "user", "content": "Write a haiku about rain."}])',
      'r3 = ollama.chat(model="llama3.1", messages=[{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": "Why is the sky blue?"}])',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'providers.py'), [
      { line: 4, implied: false, api: 'other', model: 'mistral-large-latest', parts: ['user: What is the best French cheese?'] },
      { line: 6, implied: false, api: 'other', model: 'command-r-plus', parts: ['user: Write a haiku about rain.'] },
      { line: 7, implied: false, api: 'other', model: 'llama3.1', parts: ['system: Answer briefly.', 'user: Why is the sky blue?'] },
    ]);
  });

  test('not prompts: text sent only to a token counter (count_tokens, countTokens) is no call and no prompt', async () => {
    const python = [
      'from anthropic import Anthropic',
      'client = Anthropic()',
      'n = client.messages.count_tokens(model="claude-sonnet-4-5", system="You are a scientist.", messages=[{"role": "user", "content": "Hello, Claude"}])',
      'g = genai_client.models.count_tokens(model="gemini-2.5-flash", contents="The quick brown fox jumps over the lazy dog.")',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(python, 'count.py'), []);
    const ts = [
      "import Anthropic from '@anthropic-ai/sdk';",
      'const client = new Anthropic();',
      "const n = await client.messages.countTokens({ model: 'claude-sonnet-4-5', system: 'You are a scientist.', messages: [{ role: 'user', content: 'Hello, Claude' }] });",
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(ts, 'count.ts'), []);
  });

  test('a prompt sent to a request and to a token counter is the request\'s only', async () => {
    const source = [
      'from anthropic import Anthropic',
      'client = Anthropic()',
      'SYSTEM = "You are a meticulous copy editor."',
      'n = client.messages.count_tokens(model="claude-sonnet-4-5", system=SYSTEM, messages=[])',
      'r = client.messages.create(model="claude-sonnet-4-5", max_tokens=512, system=SYSTEM, messages=[])',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'edit.py'), [
      { line: 5, implied: false, api: 'messages', model: 'claude-sonnet-4-5', parts: ['system: You are a meticulous copy editor.'] },
    ]);
  });
});
