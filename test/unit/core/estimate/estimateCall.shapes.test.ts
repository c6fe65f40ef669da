/**
 * Call shapes of real code that must come out as one call each (found in a review of the call model):
 * messages accumulated on a list before it is sent, model objects and agents built with text or settings,
 * clients configured in a constructor, a conversation continued after a call; and the arithmetic around
 * filled placeholders, content parts, aliases and variables passed as messages.
 */
import * as assert from 'assert';
import { toFileFindings } from '../../../../src/core/scan/finding';
import { scanTotals } from '../../../../src/core/scan/callLimits';
import type { CallEstimate } from '../../../../src/core/estimate/estimateCall';
import { analyze, count } from './callTestKit';

const shape = (calls: { call: { startLine: number }; parts: { index: number }[] }[]) => calls.map((c) => [c.call.startLine, c.parts.map((p) => p.index)]);

suite('estimate: call shapes of real code', () => {
  test('Semantic Kernel: messages added to a ChatHistory are one call, where the history is sent', async () => {
    const { calls } = await analyze([
      'using Microsoft.SemanticKernel;',
      'public class Agent {',
      '  public async Task<string> Run(Kernel kernel, string input) {',
      '    var chat = kernel.GetRequiredService<IChatCompletionService>();',
      '    var history = new ChatHistory();',
      '    history.AddSystemMessage("You are a travel planner. Propose a three-day itinerary.");',
      '    history.AddUserMessage("Plan a trip to " + input);',
      '    var result = await chat.GetChatMessageContentAsync(history);',
      '    return result.Content;',
      '  }',
      '}',
    ].join('\n'), 'Agent.cs');
    assert.deepStrictEqual(shape(calls), [[8, [0, 1]]]);
    assert.strictEqual(calls[0].call.implied, false);
  });

  test('.NET messages.Add and go-openai append with a model from a field: one call each', async () => {
    const cs = await analyze([
      'using OpenAI.Chat;',
      'public class R {',
      '  public string Ask(string question) {',
      '    List<ChatMessage> messages = new();',
      '    messages.Add(new SystemChatMessage("You are a strict code reviewer who lists bugs only."));',
      '    messages.Add(new UserChatMessage("Review this code and list bugs: " + question));',
      '    ChatCompletion completion = _client.CompleteChat(messages, new ChatCompletionOptions { MaxOutputTokenCount = 300 });',
      '    return completion.Content[0].Text;',
      '  }',
      '}',
    ].join('\n'), 'R.cs');
    assert.deepStrictEqual(shape(cs.calls), [[7, [0, 1]]]);
    assert.strictEqual(cs.calls[0].primary.outputTokens.max, 300);
    const go = await analyze([
      'package main',
      'import openai "github.com/sashabaranov/go-openai"',
      'func (b *Bot) Ask(q string) {',
      '\tmessages := []openai.ChatCompletionMessage{{Role: openai.ChatMessageRoleSystem, Content: "You are a translator into German."}}',
      '\tmessages = append(messages, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleUser, Content: "Translate the following text now: " + q})',
      '\tb.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: b.model, Messages: messages})',
      '}',
    ].join('\n'), 'bot.go');
    assert.deepStrictEqual(shape(go.calls), [[6, [0, 1]]]);
  });

  test('Spring AI: each client gets only its own defaultSystem', async () => {
    const { calls } = await analyze([
      'public class TextService {',
      '  public TextService(ChatClient.Builder builder) {',
      '    this.summarizer = builder.clone().defaultSystem("You summarize long documents into a short abstract of five sentences.").build();',
      '    this.translator = builder.clone().defaultSystem("You translate English text into idiomatic French, keeping the tone.").build();',
      '  }',
      '  public String summarize(String text) { return summarizer.prompt().user("Summarize: " + text).call().content(); }',
      '  public String translate(String text) { return translator.prompt().user("Translate: " + text).call().content(); }',
      '}',
    ].join('\n'), 'TextService.java');
    assert.deepStrictEqual(shape(calls), [[6, [0, 2]], [7, [1, 3]]]);
  });

  test('a conversation continued after a call: what is appended later is the next call\'s input, not this one\'s', async () => {
    const { calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      'def two(q):',
      '    messages = [{"role": "system", "content": "You are a careful analyst. Answer with evidence."}]',
      '    messages.append({"role": "user", "content": "Question: " + q})',
      '    first = client.chat.completions.create(model="gpt-4o", messages=messages)',
      '    messages.append({"role": "assistant", "content": first.choices[0].message.content})',
      '    messages.append({"role": "user", "content": "Now rewrite your answer as one short sentence."})',
      '    second = client.chat.completions.create(model="gpt-4o", messages=messages)',
    ].join('\n'), 'two.py');
    // The first answer, appended as a variable, is a part of the second call (prompt 2), the follow-up prompt 3.
    assert.deepStrictEqual(shape(calls), [[6, [0, 1]], [9, [0, 1, 2, 3]]]);
    const system = count('You are a careful analyst. Answer with evidence.');
    const user = count('Question: ') + 50;
    assert.strictEqual(calls[0].primary.inputTokens, system + user + 2 * 4 + 3);
    // The second call also sends the first answer (a variable, 50) and the follow-up: 4 messages.
    assert.strictEqual(calls[1].primary.inputTokens, system + user + 50 + count('Now rewrite your answer as one short sentence.') + 4 * 4 + 3);
  });

  test('settings on the model object: LangChain thinking budget and reasoning effort, bind_tools', async () => {
    const { calls } = await analyze([
      'from langchain_anthropic import ChatAnthropic',
      'from langchain_openai import ChatOpenAI',
      'claude = ChatAnthropic(model="claude-sonnet-4-5", max_tokens=16000, thinking={"type": "enabled", "budget_tokens": 10000})',
      'o3 = ChatOpenAI(model="o3", reasoning_effort="high").bind_tools([{"type": "function", "function": {"name": "lookup", "description": "Look it up.", "parameters": {"type": "object", "properties": {}}}}])',
      'claude.invoke([("system", "You are a mathematician. Prove claims rigorously."), ("human", "Prove that sqrt(2) is irrational.")])',
      'o3.invoke("Find all integer solutions of x^2 - y^2 = 12.")',
    ].join('\n'), 'objects.py');
    const [claude, o3] = calls;
    assert.deepStrictEqual([claude.call.thinkingBudget, claude.primary.reasoningTokens?.typical, claude.primary.reasoningTokens?.max], [10000, 3500, 10000]);
    assert.deepStrictEqual([o3.call.reasoningEffort, o3.primary.reasoningTokens?.typical, o3.call.tools.map((t) => t.name)], ['high', 2048, ['lookup']]);
  });

  test('agents and model objects built with instructions: the request that uses them sends that text', async () => {
    const { calls } = await analyze([
      'from agents import Agent, Runner',
      'import google.generativeai as genai',
      'agent = Agent(name="Helper", instructions="You are a helpful travel assistant. Answer in two sentences.", model="gpt-4.1-mini")',
      'async def main(q):',
      '    return await Runner.run(agent, q)',
      'model = genai.GenerativeModel("gemini-2.5-flash", system_instruction="You are a cat. Your name is Neko.")',
      'def chat():',
      '    return model.generate_content("Good morning! How are you?")',
    ].join('\n'), 'agents.py');
    // Two requests, no implied call for the definitions (their text is a part of the requests); `q` is a variable part.
    assert.deepStrictEqual(shape(calls), [[5, [0, 1]], [8, [2, 3]]]);
    assert.ok(calls.every((c) => !c.call.implied));
  });

  test('a model alias is reasoned about as the model it names', async () => {
    const { calls } = await analyze('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="prod-deploy-1", messages=[{"role": "user", "content": "Summarize the attached report."}])\n', 'alias.py', { modelAliases: { 'prod-deploy-1': 'o3' } });
    assert.strictEqual(calls[0].primary.reasoningTokens?.typical, 1024, 'o3 reasons at medium when the code sets nothing');
  });

  test('a template reached through two helpers\' callers subtracts its filled placeholder in each alternative', async () => {
    const source = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'SYSTEM_PROMPT = "You are a meticulous financial analyst. Always answer in JSON."',
      'TEMPLATE2 = f"{SYSTEM_PROMPT}\\n\\nQuestion: {{question}}"',
      'def chat(user):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": user}])',
      'def a(q):',
      '    return chat(TEMPLATE2.format(question=q))',
      'def b(q):',
      '    return chat(TEMPLATE2.format(question=q.upper()))',
      'def single(q):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": TEMPLATE2.format(question=q)}])',
    ].join('\n');
    const { calls } = await analyze(source, 'fills.py');
    const inputs = calls.filter((c) => !c.call.implied).map((c) => c.primary.inputTokens);
    assert.strictEqual(inputs.length, 2);
    assert.strictEqual(inputs[0], inputs[1], 'the helper\'s call and the direct call send the same text');
    assert.ok(calls.every((c) => !c.primary.assumed.includes('{SYSTEM_PROMPT}')), 'a filled placeholder is not an assumption');
  });

  test('filled placeholders are matched by exact name (INTRO is not INTRO_DOC)', async () => {
    const doc = Array.from({ length: 20 }, (_, i) => `Item ${i} costs ${i * 3} dollars.`).join(' ');
    const { calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      `INTRO_DOC = "${doc}"`,
      'INTRO = "You are a shop assistant. Answer the customer\'s question using the catalogue below, and be brief."',
      'def ask(q):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"{INTRO_DOC}\\n{INTRO}\\nQuestion: {q}"}])',
      'def ask2(q):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"{INTRO}\\n{INTRO_DOC}\\nQuestion: {q}"}])',
    ].join('\n'), 'names.py');
    const [one, two] = calls.filter((c) => !c.call.implied);
    assert.strictEqual(one.primary.inputTokens, two.primary.inputTokens);
    assert.ok(one.primary.inputTokens > count(doc), `${one.primary.inputTokens}: the catalogue is counted`);
  });

  test('text parts of one message are framed as one message; a tuple with a variable is a sized message', async () => {
    const { calls } = await analyze([
      'from openai import OpenAI',
      'from langchain_openai import ChatOpenAI',
      'client = OpenAI()',
      'llm = ChatOpenAI(model="gpt-4o-mini")',
      'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": [{"type": "text", "text": "Describe the chart."}, {"type": "text", "text": "Use three bullets."}]}])',
      'def ask(q):',
      '    return llm.invoke([("system", "You answer questions about invoices only."), ("human", q)])',
    ].join('\n'), 'parts.py');
    const [parts, tuple] = calls;
    assert.strictEqual(parts.primary.overheadTokens, 1 * 4 + 3, 'one message, two text parts');
    assert.strictEqual(tuple.primary.inputTokens, count('You answer questions about invoices only.') + 50);
    assert.deepStrictEqual(tuple.primary.assumed, ['{q}']);
  });

  test('scan totals of a model without a price are null, never $0; a prompt lists each of its calls once', async () => {
    const { prompts, calls } = await analyze('import litellm\nlitellm.completion(model="acme-llm-1", messages=[{"role": "user", "content": "Say hello to the whole team."}])\n', 'np.py');
    const findings = toFileFindings('np.py', prompts, calls);
    assert.deepStrictEqual(scanTotals(findings.calls).byModel.map((t) => [t.model, t.typical, t.max, t.unpriced]), [['acme-llm-1', null, null, 1]]);
    assert.strictEqual((calls[0].primary as CallEstimate).costPerCall, null);
    assert.strictEqual(calls[0].call.api, 'other', 'LiteLLM frames for the provider it calls: not assumed to be OpenAI chat');
  });
});
