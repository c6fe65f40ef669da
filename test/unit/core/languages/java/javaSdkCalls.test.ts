import * as assert from 'assert';
import { JAVA_SDK_CALLS } from '../../../../../src/core/languages/java/javaSdkCalls';
import { callsIn } from '../../prompts/callShapes';

suite('SDK calls: Java', () => {
  test('LangChain4j AI services: any annotated method (not only chat) is one call; @MemoryId / @UserName arguments are no prompt text, fromResource is the resource file (read later)', async () => {
    const source = [
      'import dev.langchain4j.service.*;',
      '',
      'interface Extractor {',
      '    @SystemMessage("You extract people from news articles.")',
      '    @UserMessage("Extract the person from: {{it}}")',
      '    Person extractPersonFrom(String text);',
      '}',
      '',
      'interface Support {',
      '    @SystemMessage(fromResource = "/prompts/support-system.txt")',
      '    String answer(@MemoryId int memoryId, @UserName String user, @UserMessage String question);',
      '}',
      '',
      'class App {',
      '    void run(ChatModel model) {',
      '        Extractor e = AiServices.create(Extractor.class, model);',
      '        Support s = AiServices.builder(Support.class).chatModel(model).build();',
      '    }',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'Extractor.java'), [
      { line: 4, implied: false, api: 'other', model: null, parts: ['system: You extract people from news articles.', 'user: Extract the person from: {{it}}'] },
      // The resource's text is filled in by core/project/resourcePlaceholders.ts; the @UserMessage parameter is the user's text.
      { line: 10, implied: false, api: 'other', model: null, parts: ['system: {resource:/prompts/support-system.txt}', 'user: {question}'] },
    ]);
  });

  test('Spring AI ChatClient: .system(…) and .user(…) in one prompt() chain are one call; a token count estimate is no prompt', async () => {
    const source = [
      'class Librarian {',
      '    private final ChatClient chatClient;',
      '    private final TokenCountEstimator estimator;',
      '    String ask() {',
      '        int n = estimator.estimateTokenCountInText("You are a friendly librarian.");',
      '        return chatClient.prompt()',
      '            .system("You are a friendly librarian.")',
      '            .user("Recommend three novels about the sea.")',
      '            .call()',
      '            .content();',
      '    }',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'Librarian.java'), [
      { line: 6, implied: false, api: 'other', model: null, parts: ['system: You are a friendly librarian.', 'user: Recommend three novels about the sea.'] },
    ]);
    assert.ok(JAVA_SDK_CALLS.some((s) => s.form === 'chain' && s.callee === 'system'));
  });
});
