import * as assert from 'assert';
import { csharpFinder } from '../../../../../src/core/languages/csharp/csharpFinder';
import { findIn, fixtureTests } from '../../prompts/languageFixtures';

const find = (source: string) => findIn(csharpFinder, source, 'csharp');
const inMethod = (...lines: string[]) => ['class A {', '  void F(string name, Order order) {', ...lines, '  }', '}'].join('\n');

suite('prompts: C# finder', () => {
  fixtureTests(csharpFinder, 'csharp', '.cs', 'csharp');

  test('interpolated strings: each interpolation is an fstring placeholder written {expr}; {{ is a brace', async () => {
    const [p] = await find(inMethod('var m = new UserChatMessage($"Hello {name}, your total is {order.Total:C2}. Reply as {{json}}.");'));
    assert.strictEqual(p.text, 'Hello {name}, your total is {order.Total:C2}. Reply as {json}.');
    assert.deepStrictEqual(p.placeholders.map((x) => [x.name, x.syntax, x.raw]), [['name', 'fstring', '{name}'], ['order.Total', 'fstring', '{order.Total:C2}']]);
  });

  test('verbatim, raw and concatenated strings are one prompt each, decoded', async () => {
    const prompts = await find(inMethod(
      'history.AddSystemMessage(@"You are ""terse"".',
      'Answer briefly.");',
      'history.AddUserMessage("""',
      '        Quote: "to be"',
      '          indented',
      '        """);',
      'history.AddUserMessage("Part one, " + "part two.\\t" + name);',
    ));
    assert.deepStrictEqual(prompts.map((p) => p.text), ['You are "terse".\nAnswer briefly.', 'Quote: "to be"\n  indented', 'Part one, part two.\t{name}']);
    assert.deepStrictEqual(prompts.map((p) => [p.startLine, p.endLine]), [[3, 4], [5, 8], [9, 9]]);
  });

  test('Semantic Kernel {{$input}} is mustache; string.Format {0} is format', async () => {
    const prompts = await find(inMethod(
      'await kernel.InvokePromptAsync("Summarize {{$input}} for {{$audience}}.");',
      'chat.AddUserMessage(string.Format("Describe {0} in {1} words", name, 20));',
    ));
    assert.deepStrictEqual(prompts.map((p) => p.placeholders.map((x) => `${x.syntax}:${x.raw}`)), [['mustache:{{$input}}', 'mustache:{{$audience}}'], ['format:{0}', 'format:{1}']]);
  });

  test('model from GetChatClient, an initializer, an SDK constant, or null', async () => {
    const prompts = await find([
      'class A {',
      '  const string Model = "gpt-4.1";',
      '  void a(OpenAIClient c) { var chat = c.GetChatClient("gpt-4o-mini"); chat.CompleteChat("Name three moons of Jupiter."); }',
      '  void b(IChatClient c) { c.GetResponseAsync("Name a prime above 100.", new ChatOptions { ModelId = Model }); }',
      '  void d(AnthropicClient c) { c.Messages.Create(new MessageCreateParams { Model = Model.ClaudeOpus4_1, System = "You are a pirate." }); }',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => p.model), ['gpt-4o-mini', 'gpt-4.1', 'claude-opus-4-1']);
    const [unknown] = await find(inMethod('history.AddUserMessage("Explain async streams in two lines.");', 'var chat = client.GetChatClient(deployment);'));
    assert.strictEqual(unknown.model, null);
  });

  test('non-prompts: console, logger, exceptions, attributes, SQL and comments', async () => {
    const prompts = await find([
      '[Description("You are a helpful assistant, answer every question in JSON")]',
      'class A {',
      '  // You are a helpful assistant. Answer every question in JSON.',
      '  const string PromptError = "You must provide a prompt, please answer the form again";',
      '  void F() {',
      '    _logger.LogError(PromptError);',
      '    Console.WriteLine("You are now connected, please answer the prompt below");',
      '    throw new InvalidOperationException("You are not allowed to answer this question, please retry");',
      '  }',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts, []);
  });

  suite('a model read from the environment is its default, or none; never the variable name', () => {
    const cases: [string, string, string | null][] = [
      ['GetEnvironmentVariable', 'Environment.GetEnvironmentVariable("AZURE_OPENAI_DEPLOYMENT_NAME")', null],
      ['GetEnvironmentVariable of a model-like name', 'Environment.GetEnvironmentVariable("GPT4O_MODEL")', null],
      ['?? a default', 'Environment.GetEnvironmentVariable("AZURE_OPENAI_DEPLOYMENT_NAME") ?? "gpt-4o-mini"', 'gpt-4o-mini'],
    ];
    for (const [label, model, expected] of cases) {
      test(`GetChatClient(${label}) → ${expected}`, async () => {
        const [p, ...rest] = await find(inMethod(`var chat = client.GetChatClient(${model});`, 'chat.CompleteChat("Name three moons of Jupiter.");'));
        assert.strictEqual(rest.length, 0);
        assert.strictEqual(p.model, expected);
      });
      test(`ModelId = ${label} → ${expected}`, async () => {
        const [p] = await find(inMethod(`c.GetResponseAsync("Name a prime above 100.", new ChatOptions { ModelId = ${model} });`));
        assert.strictEqual(p.model, expected);
      });
    }

    test('a variable bound to the environment is not the model', async () => {
      const [p] = await find(inMethod('var deployment = Environment.GetEnvironmentVariable("AZURE_OPENAI_DEPLOYMENT_NAME");', 'var chat = client.GetChatClient(deployment);', 'chat.CompleteChat("Name three moons of Jupiter.");'));
      assert.strictEqual(p.model, null);
    });

    test('a key or endpoint argument is not the model', async () => {
      const [p] = await find(inMethod('var client = new AzureOpenAIClient(new Uri("gpt-endpoint"), new AzureKeyCredential("gpt-4o-key-demo"));', 'client.GetChatClient(deployment).CompleteChat("Name three moons of Jupiter.");'));
      assert.strictEqual(p.model, null);
    });
  });
});
