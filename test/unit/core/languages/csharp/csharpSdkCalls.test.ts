import * as assert from 'assert';
import { CSHARP_SDK_CALLS } from '../../../../../src/core/languages/csharp/csharpSdkCalls';
import { callsIn } from '../../prompts/callShapes';

suite('SDK calls: C#', () => {
  test('Semantic Kernel: InvokePromptAsync, CreateFunctionFromPrompt, KernelFunctionFactory.CreateFromPrompt, ChatMessageContent, ChatCompletionAgent Instructions', async () => {
    const source = [
      'using Microsoft.SemanticKernel;',
      'public class Demo',
      '{',
      '    public async Task Run(Kernel kernel)',
      '    {',
      '        var answer = await kernel.InvokePromptAsync("What is the capital of France? Answer in one word.");',
      '        var summarize = kernel.CreateFunctionFromPrompt("Summarize the following text in two sentences: {{$input}}");',
      '        var joke = KernelFunctionFactory.CreateFromPrompt("Tell a short joke about {{$topic}}.");',
      '        var msg = new ChatMessageContent(AuthorRole.User, "Please list three uses of graphene.");',
      '        ChatCompletionAgent agent = new()',
      '        {',
      '            Name = "Reviewer",',
      '            Instructions = "You review pull requests for security issues.",',
      '            Kernel = kernel,',
      '        };',
      '        var writer = new ChatCompletionAgent { Name = "Writer", Instructions = "You write concise release notes." };',
      '    }',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'Demo.cs'), [
      { line: 6, implied: false, api: 'other', model: null, parts: ['user: What is the capital of France? Answer in one word.'] },
      { line: 7, implied: false, api: 'other', model: null, parts: ['?: Summarize the following text in two sentences: {{$input}}'] },
      { line: 8, implied: false, api: 'other', model: null, parts: ['?: Tell a short joke about {{$topic}}.'] },
      { line: 9, implied: false, api: 'other', model: null, parts: ['user: Please list three uses of graphene.'] },
      { line: 10, implied: false, api: 'other', model: null, parts: ['system: You review pull requests for security issues.'] },
      { line: 16, implied: false, api: 'other', model: null, parts: ['system: You write concise release notes.'] },
    ]);
    assert.ok(CSHARP_SDK_CALLS.some((s) => s.form === 'field' && s.callee === 'Instructions'));
  });

  test('OpenAI .NET: the text part of a multi-part message (CreateTextPart beside an image part) is part of its request', async () => {
    const source = [
      'using OpenAI.Chat;',
      'class Vision {',
      '    void Run(ChatClient client, BinaryData image) {',
      '        List<ChatMessage> messages = [',
      '            new UserChatMessage(',
      '                ChatMessageContentPart.CreateTextPart("Please describe the following image."),',
      '                ChatMessageContentPart.CreateImagePart(image, "image/png")),',
      '        ];',
      '        ChatCompletion completion = client.CompleteChat(messages);',
      '    }',
      '}',
    ].join('\n');
    const calls = await callsIn(source, 'Vision.cs');
    assert.deepStrictEqual(calls.filter((c) => !c.implied).map((c) => c.parts), [['user: Please describe the following image.']]);
  });
});
