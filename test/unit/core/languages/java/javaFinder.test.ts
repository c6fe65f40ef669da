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
    assert.deepStrictEqual(prompts.map((p) => p.placeholders.map((x) => `${x.syntax}:${x.name}`)), [['mustache:topic'], ['format:subject', 'format:count']]);
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
});
