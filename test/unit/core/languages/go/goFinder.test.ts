import * as assert from 'assert';
import { goFinder } from '../../../../../src/core/languages/go/goFinder';
import { findIn, fixtureTests } from '../../prompts/languageFixtures';

const find = (source: string) => findIn(goFinder, source, 'go');

suite('prompts: Go finder', () => {
  fixtureTests(goFinder, 'go', '.go', 'go');

  test('a concatenation of interpreted and raw strings is one prompt, escapes decoded', async () => {
    const [p, ...rest] = await find('package p\nfunc f() {\n\topenai.SystemMessage("You are \\"terse\\".\\n" +\n\t\t`Answer\tin French.`)\n}\n');
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(p.text, 'You are "terse".\nAnswer\tin French.');
    assert.deepStrictEqual([p.startLine, p.endLine, p.kind, p.role, p.evidence], [3, 4, 'literal', 'system', 'call']);
  });

  test('fmt.Sprintf reaching a call is a printf template; a Sprintf reaching nothing is not a prompt', async () => {
    const prompts = await find([
      'package p',
      'func f(name string) {',
      '\tlabel := fmt.Sprintf("user %s logged in", name)',
      '\t_ = label',
      '\topenai.UserMessage(fmt.Sprintf("Greet %s in %[1]q, 100%% politely", name))',
      '}',
    ].join('\n'));
    assert.strictEqual(prompts.length, 1);
    assert.deepStrictEqual(prompts[0].placeholders.map((p) => [p.raw, p.syntax]), [['%s', 'printf'], ['%[1]q', 'printf']]);
    assert.strictEqual(prompts[0].kind, 'template');
  });

  test('a non-literal operand of a concatenation becomes a {expr} placeholder', async () => {
    const [p] = await find('package p\nfunc f(doc string) {\n\tgenai.Text("Summarize: " + doc + "\\nBe brief.")\n}\n');
    assert.strictEqual(p.text, 'Summarize: {doc}\nBe brief.');
    assert.deepStrictEqual(p.placeholders.map((x) => [x.name, x.raw, x.offset]), [['doc', '{doc}', 11]]);
  });

  test('a constant that flows into a call is reported at the constant, with the call’s model', async () => {
    const prompts = await find([
      'package p',
      'const (',
      '\tsystemPrompt = "You are a careful assistant."',
      '\tmodelName = "gpt-4.1"',
      ')',
      'func f() {',
      '\tclient.CreateChatCompletion(ctx, openai.ChatCompletionRequest{',
      '\t\tModel: modelName, MaxCompletionTokens: 64,',
      '\t\tMessages: []openai.ChatCompletionMessage{{Role: "system", Content: systemPrompt}},',
      '\t})',
      '}',
    ].join('\n'));
    assert.strictEqual(prompts.length, 1);
    assert.deepStrictEqual([prompts[0].startLine, prompts[0].evidence, prompts[0].name, prompts[0].role, prompts[0].model, prompts[0].maxOutputTokens],
      [3, 'flow', 'systemPrompt', 'system', 'gpt-4.1', 64]);
  });

  test('model: none in the file gives null; two different ones in unrelated functions give null', async () => {
    const [alone] = await find('package p\nfunc f() { openai.UserMessage("Tell me a joke about compilers.") }\n');
    assert.strictEqual(alone.model, null);
    const two = await find([
      'package p',
      'func a() { x := openai.UserMessage("Write a limerick about Go.") ; _ = x }',
      'func b() { c.New(ctx, P{Model: "gpt-4o"}) }',
      'func d() { c.New(ctx, P{Model: "o3-mini"}) }',
    ].join('\n'));
    assert.strictEqual(two[0].model, null);
  });

  test('non-prompts: log, errors, struct tags, SQL, URLs and comments are never reported', async () => {
    const prompts = await find([
      'package p',
      '// You are a helpful assistant. Answer every question in JSON.',
      'type T struct { Prompt string `json:"prompt" description:"You are the prompt field, answer please"` }',
      'const promptHelp = "You must set the prompt flag, please answer the question in the form"',
      'func f() error {',
      '\tlog.Printf(promptHelp)',
      '\tdb.Query("SELECT prompt FROM prompts WHERE id = $1")',
      '\treturn errors.New("You are not allowed to answer this question, please retry")',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts, []);
  });

  suite('a model read from the environment is its default, or none; never the variable name', () => {
    const request = (model: string, before = '') => [
      'package p',
      'func f() {',
      before,
      '\tclient.CreateChatCompletion(ctx, openai.ChatCompletionRequest{',
      `\t\tModel: ${model},`,
      '\t\tMessages: []openai.ChatCompletionMessage{{Role: "user", Content: "Summarize the quarterly report."}},',
      '\t})',
      '}',
    ].join('\n');
    const cases: [string, string, string, string | null][] = [
      ['os.Getenv', 'os.Getenv("OLLAMA_TEST_MODEL")', '', null],
      ['os.Getenv of a model-like name', 'os.Getenv("MISTRAL_MODEL")', '', null],
      ['a variable bound to os.Getenv', 'model', '\tmodel := os.Getenv("OPENAI_MODEL")', null],
      ['cmp.Or with a default', 'cmp.Or(os.Getenv("OPENAI_MODEL"), "gpt-4o")', '', 'gpt-4o'],
      ['an SDK constant (from the SDK table)', 'openai.GPT3Babbage002', '', 'babbage-002'],
    ];
    for (const [label, model, before, expected] of cases) {
      test(`${label} → ${expected}`, async () => {
        const [p, ...rest] = await find(request(model, before));
        assert.strictEqual(rest.length, 0);
        assert.strictEqual(p.model, expected);
      });
    }

    test('the key of an option is not a model: openai.WithToken(os.Getenv("MISTRAL_API_KEY"))', async () => {
      const [p] = await find('package p\nfunc f() {\n\tllm, _ := openai.New(openai.WithToken(os.Getenv("MISTRAL_API_KEY")), openai.WithBaseURL("mistral-large"))\n\tllms.GenerateFromSinglePrompt(ctx, llm, "Summarize the quarterly report.")\n}\n');
      assert.strictEqual(p.model, null);
    });
  });

  test('a message whose Content is a parameter is a one-placeholder part of its request; an assistant reply is not', async () => {
    const prompts = await find([
      'package p',
      'func (c *Client) GetCompletion(ctx context.Context, prompt string, last string) (string, error) {',
      '\tresp, err := c.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{',
      '\t\tModel: "gpt-4o-mini",',
      '\t\tMessages: []openai.ChatCompletionMessage{',
      '\t\t\t{Role: "user", Content: prompt},',
      '\t\t\t{Role: openai.ChatMessageRoleAssistant, Content: last},',
      '\t\t},',
      '\t})',
      '\treturn resp.Choices[0].Message.Content, err',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => [p.startLine, p.role, p.text, p.model]), [[6, 'user', '{prompt}', 'gpt-4o-mini']]);
  });

  test('a string compared with a model name (strings.Contains) names no model', async () => {
    const prompts = await find([
      'package p',
      'func f(cfg Config, client *openai.Client, q string) {',
      '\tif strings.Contains(cfg.Model, "deepseek") { return }',
      '\tclient.CreateChatCompletion(ctx, openai.ChatCompletionRequest{Model: cfg.Model, Messages: []openai.ChatCompletionMessage{{Role: "system", Content: "You write commit messages."}}})',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => [p.text, p.model]), [['You write commit messages.', null]]);
  });
});
