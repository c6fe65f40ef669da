import * as assert from 'assert';
import { javaFinder } from '../../../../../src/core/languages/java/javaFinder';
import { findIn, fixtureTests } from '../../prompts/languageFixtures';

const find = (source: string) => findIn(javaFinder, source, 'java');
const inMethod = (...lines: string[]) => ['class A {', '  void f(String doc, String name) {', ...lines.map((l) => '    ' + l), '  }', '}'].join('\n');

suite('prompts: Java finder', () => {
  fixtureTests(javaFinder, 'java', '.java', 'java');

  test('a text block loses its incidental indentation; \\ joins lines and \\s keeps a space', async () => {
    const [p] = await find(inMethod('var m = new SystemMessage("""', '    You are terse.  ', '      Indented \\', '    joined\\s', '    """);'));
    assert.strictEqual(p.text, 'You are terse.\n  Indented joined \n');
    assert.deepStrictEqual([p.startLine, p.endLine, p.role], [3, 7, 'system']);
  });

  test('String.format and .formatted give printf placeholders (%n is a line break, not a value)', async () => {
    const prompts = await find(inMethod(
      'messages.add(new UserMessage(String.format("Summarize %s for %d readers%n", doc, 3)));',
      'builder.addUserMessage("Translate %s".formatted(doc));',
    ));
    assert.deepStrictEqual(prompts.map((p) => p.placeholders.map((x) => x.raw)), [['%s', '%d'], ['%s']]);
  });

  test('Spring AI {name} is a format placeholder, LangChain4j {{name}} mustache', async () => {
    const prompts = await find([
      'interface Bot {',
      '  @SystemMessage("Answer questions about {{topic}} only.")',
      '  String chat(@UserMessage String q);',
      '}',
      'class A { void f() { new PromptTemplate("Tell me about {subject} in {count} words"); } }',
    ].join('\n'));
    // `@UserMessage String q` is the user's text: a one-placeholder part of the same AI-service call.
    assert.deepStrictEqual(prompts.map((p) => p.placeholders.map((x) => `${x.syntax}:${x.name}`)), [['mustache:topic'], ['format:q'], ['format:subject', 'format:count']]);
    assert.strictEqual(prompts[0].calls?.[0].call.key, prompts[1].calls?.[0].call.key);
  });

  test('LangChain4j fromResource: the system text is a resource placeholder, beside the @UserMessage parameter', async () => {
    const prompts = await find([
      '@AiService',
      'interface Assistant {',
      '  @SystemMessage(fromResource = "/prompts/system.st")',
      '  TokenStream chat(@MemoryId UUID memoryId, @UserMessage String userMessage);',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => [p.startLine, p.role, p.text]), [[3, 'system', '{resource:/prompts/system.st}'], [4, 'user', '{userMessage}']]);
    assert.strictEqual(new Set(prompts.map((p) => p.calls?.[0].call.key)).size, 1, 'one call');
  });

  test('model from a literal, from a constant of the file, and null when unknown', async () => {
    const prompts = await find([
      'class A {',
      '  static final String MODEL = "gpt-4o-mini";',
      '  void a() { ChatCompletionCreateParams.builder().addUserMessage("Write a haiku about the JVM.").model("o3-mini").build(); }',
      '  void b() { ChatCompletionCreateParams.builder().addUserMessage("Explain generics in one line.").model(MODEL).build(); }',
      '  void c(OtherSdk x) { x.build(new ChatRequestUserMessage("What is a monad? Keep it short.")); }',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts.map((p) => p.model), ['o3-mini', 'gpt-4o-mini', null]);
  });

  test('non-prompts: logs, exceptions, other annotations and comments', async () => {
    const prompts = await find([
      '@Description("You are a helpful assistant, answer every question in JSON")',
      'class A {',
      '  // You are a helpful assistant. Answer every question in JSON.',
      '  private static final String PROMPT_ERROR = "You must provide a prompt, please answer the form again";',
      '  void f() {',
      '    log.warn(PROMPT_ERROR);',
      '    throw new IllegalStateException("You are not allowed to answer this question, please retry");',
      '  }',
      '}',
    ].join('\n'));
    assert.deepStrictEqual(prompts, []);
  });

  suite('a model read from the environment is its default, or none; never the variable name', () => {
    const request = (model: string, extra = '') => [
      'class A {',
      `  void a() { ${extra}ChatCompletionCreateParams.builder().addUserMessage("Summarize the quarterly report.").model(${model}).build(); }`,
      '}',
    ].join('\n');
    const cases: [string, string, string | null][] = [
      ['System.getenv', 'System.getenv("OLLAMA_TEST_MODEL")', null],
      ['System.getenv of a model-like name', 'System.getenv("MISTRAL_MODEL")', null],
      ['System.getenv().getOrDefault with a default', 'System.getenv().getOrDefault("OPENAI_MODEL", "gpt-4o-mini")', 'gpt-4o-mini'],
      ['System.getProperty with a default', 'System.getProperty("openai.model", "o3-mini")', 'o3-mini'],
      ['an SDK constant (from the SDK table)', 'ChatModel.O3_MINI_2025_01_31', 'o3-mini-2025-01-31'],
    ];
    for (const [label, model, expected] of cases) {
      test(`${label} → ${expected}`, async () => {
        const [p, ...rest] = await find(request(model));
        assert.strictEqual(rest.length, 0);
        assert.strictEqual(p.model, expected);
      });
    }

    test('an API key from the environment is not the model: .apiKey(System.getenv("MISTRAL_AI_API_KEY"))', async () => {
      const [p] = await find([
        'class A {',
        '  void a() {',
        '    var model = MistralAiChatModel.builder().apiKey(System.getenv("MISTRAL_AI_API_KEY")).baseUrl("mistral-proxy").build();',
        '    ChatCompletionCreateParams.builder().addUserMessage("Summarize the quarterly report.").build();',
        '  }',
        '}',
      ].join('\n'));
      assert.strictEqual(p.model, null);
    });
  });
});
