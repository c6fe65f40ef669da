/**
 * What one call costs, from real source through the real finders, checked against figures computed by
 * hand here: each part counted with js-tiktoken (o200k, the OpenAI models' own tokenizer) or the ≈ rule,
 * the framing by OpenAI's convention, output typical and capped, reasoning from the cited defaults, the
 * tier on the whole input. Rates are the catalogue's (USD per 1M tokens), written out in each case.
 */
import * as assert from 'assert';
import { toolTokens } from '../../../../src/core/estimate/callFraming';
import { DEFAULT_TOOL_TOKENS } from '../../../../src/core/estimate/estimateCall';
import { estimateTokens } from '../../../../src/core/tokens/estimateTokens';
import { analyze, count, near, usd } from './callTestKit';

suite('estimate: one call, whole', () => {
  test('Python system + user, max_tokens=600, gpt-4o: one call, framing counted once, output 256 typical and 600 max', async () => {
    const { prompts, calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      'SYSTEM = "You are a support assistant. Answer briefly and cite the policy."',
      'def answer(question):',
      '    return client.chat.completions.create(model="gpt-4o", max_tokens=600, messages=[',
      '        {"role": "system", "content": SYSTEM},',
      '        {"role": "user", "content": f"Question: {question}"},',
      '    ])',
    ].join('\n'), 'bot.py');
    assert.strictEqual(prompts.length, 2);
    assert.strictEqual(calls.length, 1, 'two strings, one call');
    const [call] = calls;
    const e = call.primary;
    const system = count('You are a support assistant. Answer briefly and cite the policy.');
    const user = count('Question: ') + 50;
    assert.deepStrictEqual([call.call.startLine, call.call.api, call.call.implied, e.model, call.modelAssumed], [5, 'chat', false, 'gpt-4o', false]);
    assert.strictEqual(e.partTokens, system + user);
    assert.strictEqual(e.overheadTokens, 2 * (3 + 1) + 3);
    assert.strictEqual(e.inputTokens, system + user + 11);
    assert.deepStrictEqual(e.outputTokens, { typical: 256, max: 600 });
    assert.strictEqual(e.reasoningTokens, null);
    // gpt-4o: $2.50 in, $10 out.
    near(e.costPerCall, usd([e.inputTokens, 2.5], [256, 10]), 'typical');
    near(e.maxCostPerCall, usd([e.inputTokens, 2.5], [600, 10]), 'max');
    assert.deepStrictEqual(e.assumed, ['{question}']);
    assert.deepStrictEqual(call.parts.map((p) => [prompts[p.index].prompt.startLine, p.tokens]), [[3, system], [7, user]]);
  });

  test('few-shot pairs and a message whose content is a variable: every message framed, the variable sized once', async () => {
    const { calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      'def classify(text):',
      '    return client.chat.completions.create(model="gpt-4o-mini", messages=[',
      '        {"role": "system", "content": "Classify the sentiment as positive or negative."},',
      '        {"role": "user", "content": "I love it"},',
      '        {"role": "assistant", "content": "positive"},',
      '        {"role": "user", "content": text},',
      '    ])',
    ].join('\n'), 'fewshot.py');
    assert.strictEqual(calls.length, 1);
    const e = calls[0].primary;
    const parts = count('Classify the sentiment as positive or negative.') + count('I love it') + count('positive');
    // 4 messages × (3 + 1) + 3; the bare `text` is one placeholder of the default 50 tokens.
    assert.strictEqual(e.overheadTokens, 19);
    assert.strictEqual(e.inputTokens, parts + 50 + 19);
    assert.ok(e.assumed.includes('{text}'), e.assumed.join(', '));
    // gpt-4o-mini: $0.15 in, $0.60 out; no max_tokens: the cap is the model's 16,384.
    assert.deepStrictEqual(e.outputTokens, { typical: 256, max: 16384 });
    near(e.costPerCall, usd([e.inputTokens, 0.15], [256, 0.6]), 'typical');
  });

  test('alternatives for one message are not added up: the larger counts', async () => {
    const { calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      'def run(short):',
      '    p = "Summarize the text." if short else "Summarize the text in three bullets, each under twelve words, citing the source."',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": p}])',
    ].join('\n'), 'alt.py');
    const e = calls[0].primary;
    const long = count('Summarize the text in three bullets, each under twelve words, citing the source.');
    assert.strictEqual(e.inputTokens, long + 1 * 4 + 3);
    assert.strictEqual(calls[0].parts.length, 2, 'both alternatives are parts of the call');
  });

  test('a constant inserted into a template is counted as itself, not also as the placeholder', async () => {
    const { calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      'SYSTEM_PROMPT = "You are a careful reviewer of pull requests. Be concise."',
      'def review(diff):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"{SYSTEM_PROMPT}\\nReview this diff: {diff}"}])',
    ].join('\n'), 'fill.py');
    const e = calls[0].primary;
    const system = count('You are a careful reviewer of pull requests. Be concise.');
    // The template's static text: "\nReview this diff: " (the segments around the two placeholders).
    const template = count('\nReview this diff: ');
    assert.strictEqual(e.inputTokens, system + template + 50 + 1 * 4 + 3, 'only {diff} is sized at 50; {SYSTEM_PROMPT} is the constant');
  });

  test('a data constant inserted into a template is sized as its text; only what the code cannot show is assumed', async () => {
    const catalogue = 'sku-1 tent 2p 120 EUR; sku-2 tent 4p 180 EUR; sku-3 stove 45 EUR; sku-4 lamp 20 EUR; sku-5 mat 30 EUR';
    const { calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      `CATALOGUE = "${catalogue}"`,
      'def ask(q):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Catalogue: {CATALOGUE}\\nQuestion: {q}"}])',
    ].join('\n'), 'data.py');
    const e = calls[0].primary;
    assert.strictEqual(e.inputTokens, count('Catalogue: ') + count(catalogue) + count('\nQuestion: ') + 50 + 1 * 4 + 3);
    assert.deepStrictEqual(e.assumed, ['{q}']);
  });

  test('two function tools: counted by the cookbook formula, on the whole call', async () => {
    const { calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      'TOOLS = [',
      '    {"type": "function", "function": {"name": "get_order", "description": "Look up an order by id.", "parameters": {"type": "object", "properties": {"order_id": {"type": "string", "description": "The order id"}}}}},',
      '    {"type": "function", "function": {"name": "refund", "description": "Refund an order.", "parameters": {"type": "object", "properties": {"order_id": {"type": "string", "description": "The order id"}, "reason": {"type": "string", "enum": ["damaged", "late"], "description": "Why"}}}}},',
      ']',
      'def support(msg):',
      '    return client.chat.completions.create(model="gpt-4o", tools=TOOLS, messages=[{"role": "user", "content": "Help the customer with their order."}])',
    ].join('\n'), 'tools.py');
    const [call] = calls;
    assert.deepStrictEqual(call.call.tools.map((t) => t.name), ['get_order', 'refund']);
    const e = call.primary;
    // By the formula (callFraming.test.ts checks it against the cookbook's published totals):
    // 7 + "get_order:Look up an order by id" + 3 + (3 + "order_id:string:The order id")
    // + 7 + "refund:Refund an order" + 3 + (3 + "order_id:string:The order id") + (3 − 3 + 3 + "damaged" + 3 + "late" + "reason:string:Why") + 12.
    const byHand = 7 + count('get_order:Look up an order by id') + 3 + 3 + count('order_id:string:The order id')
      + 7 + count('refund:Refund an order') + 3 + 3 + count('order_id:string:The order id')
      + 3 - 3 + 3 + count('damaged') + 3 + count('late') + count('reason:string:Why') + 12;
    assert.strictEqual(e.toolTokens, byHand);
    assert.strictEqual(e.toolTokens, toolTokens(call.call.tools, 'gpt-4o', { defaultToolTokens: DEFAULT_TOOL_TOKENS }).tokens);
    assert.strictEqual(e.inputTokens, count('Help the customer with their order.') + 7 + byHand);
    assert.ok(e.inputTokens > 13 * 5, 'the tools dominate a short prompt');
  });

  test('gpt-5 with reasoning_effort high (Responses): instructions + input framed, ~2k reasoning billed as output', async () => {
    const { calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      'def solve(q):',
      '    return client.responses.create(model="gpt-5", reasoning={"effort": "high"}, instructions="Solve the puzzle and explain each step.", input=q)',
    ].join('\n'), 'reason.py');
    const e = calls[0].primary;
    assert.strictEqual(calls[0].call.reasoningEffort, 'high');
    // Developer message (instructions) + user message (the variable q, 50): 2 × 4 + 3.
    assert.strictEqual(e.inputTokens, count('Solve the puzzle and explain each step.') + 50 + 11);
    assert.deepStrictEqual(e.reasoningTokens && [e.reasoningTokens.typical, e.reasoningTokens.effort], [2048, 'high']);
    // gpt-5: $1.25 in, $10 out; cap = the model's 128,000 output tokens, reasoning included.
    near(e.costPerCall, usd([e.inputTokens, 1.25], [256 + 2048, 10]), 'typical');
    near(e.maxCostPerCall, usd([e.inputTokens, 1.25], [128000, 10]), 'max');
  });

  test('gpt-5 with nothing set reasons at medium; gpt-4o compared beside it does not reason', async () => {
    const { calls } = await analyze('from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-5", max_completion_tokens=2000, messages=[{"role": "user", "content": "Plan a three-day trip to Lisbon."}])\n', 'plan.py', { compareModels: ['gpt-4o'] });
    const [gpt5, gpt4o] = calls[0].estimates;
    assert.strictEqual(gpt5.reasoningTokens?.typical, 1024);
    // Visible + reasoning never exceed the cap: 1,024 reasoning leaves 976 of 2,000 for the answer, more than 256.
    assert.deepStrictEqual(gpt5.outputTokens, { typical: 256, max: 2000 });
    assert.strictEqual(gpt4o.reasoningTokens, null);
  });

  test('Claude with thinking.budget_tokens: 35 % of the budget typical, the budget max; the cap bounds both', async () => {
    const { calls } = await analyze([
      'import anthropic',
      'def think(q):',
      '    return anthropic.Anthropic().messages.create(model="claude-sonnet-4-5", max_tokens=16000,',
      '        thinking={"type": "enabled", "budget_tokens": 8000},',
      '        system="You are a careful analyst.", messages=[{"role": "user", "content": q}])',
    ].join('\n'), 'think.py');
    const [call] = calls;
    const e = call.primary;
    assert.deepStrictEqual([call.call.api, call.call.thinkingBudget, call.call.maxOutputTokens], ['messages', 8000, 16000]);
    assert.deepStrictEqual(e.reasoningTokens && [e.reasoningTokens.typical, e.reasoningTokens.max], [2800, 8000]);
    assert.strictEqual(e.overheadTokens, 0, 'Anthropic publishes no per-message framing');
    // Claude is counted ≈ (o200k × 1.2); the system part and the variable user message (50).
    const system = estimateTokens('You are a careful analyst.', 'claude-sonnet-4-5').tokens;
    assert.strictEqual(e.inputTokens, system + 50);
    assert.strictEqual(e.exact, false);
    // claude-sonnet-4-5: $3 in, $15 out.
    near(e.costPerCall, usd([e.inputTokens, 3], [256 + 2800, 15]), 'typical');
    near(e.maxCostPerCall, usd([e.inputTokens, 3], [16000, 15]), 'max');
  });

  test('the above-200k tier is chosen on the whole call: two 110k documents in one gemini-2.5-pro call', async () => {
    const source = [
      'from google import genai',
      'client = genai.Client()',
      'def compare(a, b):',
      '    return client.models.generate_content(model="gemini-2.5-pro", contents=[f"First contract:\\n{doc_a}", f"Second contract:\\n{doc_b}"])',
    ].join('\n');
    const { calls } = await analyze(source, 'tier.py', { placeholderSizes: { doc_a: 110000, doc_b: 110000 } });
    const e = calls[0].primary;
    assert.ok(e.inputTokens > 220000, `${e.inputTokens}`);
    assert.strictEqual(e.tier, 200000);
    // Above 200k: $2.50 in, $15 out for every token of the request (not $1.25 / $10); Gemini 2.5 Pro always thinks (2,048 typical).
    near(e.costPerCall, usd([e.inputTokens, 2.5], [256 + 2048, 15]), 'tiered typical');
    // Each document alone is under the threshold: the old per-string figure would have missed the tier.
    assert.ok(calls[0].parts.every((p) => p.tokens < 200000));
  });

  test('the same call in TypeScript (Vercel system + prompt), Go, Java (LangChain4j) and C#: one call each', async () => {
    const ts = await analyze("import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport const run = (doc: string) => generateText({ model: openai('gpt-4o-mini'), system: 'You summarize documents in three bullets.', prompt: `Summarize:\\n${doc}`, maxOutputTokens: 400 });\n", 'sum.ts');
    const go = await analyze([
      'package main',
      'import openai "github.com/sashabaranov/go-openai"',
      'func ask(c *openai.Client, q string) {',
      '\tc.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: openai.GPT4o, MaxTokens: 300, Messages: []openai.ChatCompletionMessage{',
      '\t\t{Role: openai.ChatMessageRoleSystem, Content: "You are a helpful assistant."},',
      '\t\t{Role: openai.ChatMessageRoleUser, Content: "Summarize the following text: " + q},',
      '\t}})',
      '}',
    ].join('\n'), 'ask.go');
    const java = await analyze([
      'import dev.langchain4j.service.SystemMessage;',
      'import dev.langchain4j.service.UserMessage;',
      'interface Assistant {',
      '    @SystemMessage("You are a polite assistant that answers questions about our catalogue.")',
      '    @UserMessage("Answer the question: {{question}}")',
      '    String chat(String question);',
      '}',
    ].join('\n'), 'Assistant.java');
    const cs = await analyze([
      'using OpenAI.Chat;',
      'ChatClient client = new("gpt-4o", key);',
      'ChatCompletion completion = client.CompleteChat(',
      '    new SystemChatMessage("You are a helpful assistant that talks like a pirate."),',
      '    new UserChatMessage("Hi, can you help me plan a trip to the islands?"));',
    ].join('\n'), 'Program.cs');
    for (const [name, result, parts] of [['ts', ts, 2], ['go', go, 2], ['java', java, 2], ['cs', cs, 2]] as const) {
      assert.strictEqual(result.calls.length, 1, `${name}: one call`);
      assert.strictEqual(result.calls[0].parts.length, parts, `${name}: its parts`);
      const e = result.calls[0].primary;
      const sum = result.calls[0].parts.reduce((s, p) => s + p.tokens, 0);
      assert.strictEqual(e.inputTokens, sum + e.overheadTokens + e.toolTokens + e.schemaTokens, `${name}: input is the parts + framing`);
    }
    assert.deepStrictEqual(ts.calls[0].primary.outputTokens, { typical: 256, max: 400 });
    assert.deepStrictEqual(go.calls[0].primary.outputTokens, { typical: 256, max: 300 });
    assert.strictEqual(java.calls[0].modelAssumed, true, 'LangChain4j names no model here: the default, shown as such');
    assert.strictEqual(cs.calls[0].primary.model, 'gpt-4o');
  });

  test('Spring AI: the system text a client is built with (defaultSystem in the constructor) is a part of each request of that client', async () => {
    const { prompts, calls } = await analyze([
      'import org.springframework.ai.chat.client.ChatClient;',
      'public class Bot {',
      '    private final ChatClient chatClient;',
      '    public Bot(ChatClient.Builder builder) {',
      '        this.chatClient = builder.defaultSystem("You answer questions about orders only, in under 80 words.")',
      '                .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o").maxTokens(250).build()).build();',
      '    }',
      '    public String answer(String q) {',
      '        return chatClient.prompt().user("Customer question: " + q).call().content();',
      '    }',
      '}',
    ].join('\n'), 'Bot.java');
    assert.strictEqual(prompts.length, 2);
    assert.strictEqual(calls.length, 1, 'one request, not a call for the configuration');
    assert.deepStrictEqual([calls[0].call.startLine, calls[0].parts.length, calls[0].primary.model, calls[0].primary.outputTokens.max], [9, 2, 'gpt-4o', 250]);
  });

  test('implied calls: a LangChain template piped into a model, a named prompt constant, a .prompty file', async () => {
    const lc = await analyze([
      'from langchain_core.prompts import ChatPromptTemplate',
      'from langchain_openai import ChatOpenAI',
      'llm = ChatOpenAI(model="gpt-4o-mini")',
      'prompt = ChatPromptTemplate.from_messages([("system", "Translate the user text into {language}."), ("human", "{text}")])',
      'chain = prompt | llm',
      'NAMED_PROMPT = "You are a helpful assistant that writes short haiku about the weather."',
    ].join('\n'), 'chain.py');
    assert.strictEqual(lc.calls.length, 2);
    const [template, named] = lc.calls;
    assert.deepStrictEqual([template.call.implied, template.call.startLine, template.parts.length, template.primary.model], [true, 4, 2, 'gpt-4o-mini']);
    // The static segments around a placeholder are counted apart (its value separates them in the request).
    assert.strictEqual(template.primary.inputTokens, count('Translate the user text into ') + count('.') + 50 + 50, 'two placeholders, no framing for an unknown API');
    assert.deepStrictEqual([named.call.implied, named.parts.length, named.modelAssumed], [true, 1, true]);
    const prompty = await analyze([
      '---',
      'name: Support',
      'model:',
      '  api: chat',
      '  configuration:',
      '    type: openai',
      '    name: gpt-4o-mini',
      '  parameters:',
      '    max_tokens: 500',
      '---',
      'system:',
      'You are a support agent for Contoso. Be brief.',
      '',
      'user:',
      '{{question}}',
    ].join('\n'), 'support.prompty');
    assert.strictEqual(prompty.calls.length, 1, 'a .prompty file is one call whose sections are its messages');
    assert.deepStrictEqual([prompty.calls[0].call.implied, prompty.calls[0].parts.length, prompty.calls[0].primary.outputTokens.max], [true, 2, 500]);
  });

  test('a prompt sent by two calls is a part of each; each call has its own output', async () => {
    const { prompts, calls } = await analyze([
      'from openai import OpenAI',
      'client = OpenAI()',
      'SYSTEM = "You are a concise assistant for our engineering team."',
      'def a(q):',
      '    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": q}])',
      'def b(q):',
      '    return client.chat.completions.create(model="gpt-4o-mini", max_tokens=100, messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": q}])',
    ].join('\n'), 'two.py');
    // SYSTEM, and each call's `q` (a variable part of its own call).
    assert.deepStrictEqual(prompts.map((p) => p.prompt.text), ['You are a concise assistant for our engineering team.', '{q}', '{q}']);
    assert.strictEqual(calls.length, 2);
    const system = count('You are a concise assistant for our engineering team.');
    for (const call of calls) assert.strictEqual(call.primary.inputTokens, system + 50 + 11);
    assert.deepStrictEqual(calls.map((c) => [c.primary.model, c.primary.outputTokens.max]), [['gpt-4o', 16384], ['gpt-4o-mini', 100]]);
  });
});
