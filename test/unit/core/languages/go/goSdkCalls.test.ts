import * as assert from 'assert';
import { GO_SDK_CALLS } from '../../../../../src/core/languages/go/goSdkCalls';
import { callsIn } from '../../prompts/callShapes';

suite('SDK calls: Go', () => {
  test('langchaingo: chains.Run and GenerateFromSinglePrompt send their text (the result used later is not the call)', async () => {
    const source = [
      'package main',
      '',
      'func run(ctx context.Context, llm llms.Model, chain chains.Chain) {',
      '\tout, _ := chains.Run(ctx, chain, "Summarise the quarterly report in five bullets.")',
      '\tanswer, _ := llms.GenerateFromSinglePrompt(ctx, llm, "Name three prime numbers.")',
      '\tfmt.Println(out, answer)',
      '\tr, _ := runner.Run(ctx, job, "not a prompt: only chains.Run is")',
      '\t_ = r',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'chains.go'), [
      { line: 4, implied: false, api: 'other', model: null, parts: ['user: Summarise the quarterly report in five bullets.'] },
      { line: 5, implied: false, api: 'other', model: null, parts: ['user: Name three prime numbers.'] },
    ]);
    assert.strictEqual(GO_SDK_CALLS.find((s) => s.callee === 'Run')?.request, 'other');
  });

  test('langchaingo: TextParts and TextPart inside MessageContent{Role, Parts} are one GenerateContent call', async () => {
    const source = [
      'package main',
      '',
      'func ask(ctx context.Context, llm llms.Model) {',
      '\tcontent := []llms.MessageContent{',
      '\t\tllms.TextParts(llms.ChatMessageTypeSystem, "You are a terse assistant."),',
      '\t\t{Role: llms.ChatMessageTypeHuman, Parts: []llms.ContentPart{llms.TextPart("What is a monad?")}},',
      '\t}',
      '\t_, _ = llm.GenerateContent(ctx, content, llms.WithModel("gpt-4o"))',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'parts.go'), [
      { line: 8, implied: false, api: 'other', model: 'gpt-4o', parts: ['system: You are a terse assistant.', 'user: What is a monad?'] },
    ]);
  });

  test('image requests (a request with api other): go-openai ImageRequest and openai-go ImageGenerateParams Prompt', async () => {
    const source = [
      'package main',
      '',
      'func image(ctx context.Context, c *openai.Client) {',
      '\t_, _ = c.CreateImage(ctx, openai.ImageRequest{Prompt: "A watercolour fox in the snow", N: 1})',
      '}',
      '',
      'func image2(ctx context.Context, client openai.Client) {',
      '\t_, _ = client.Images.Generate(ctx, openai.ImageGenerateParams{Prompt: "A neon city skyline at dusk"})',
      '}',
      '',
    ].join('\n');
    assert.deepStrictEqual(await callsIn(source, 'images.go'), [
      { line: 4, implied: false, api: 'other', model: null, parts: ['user: A watercolour fox in the snow'] },
      { line: 8, implied: false, api: 'other', model: null, parts: ['user: A neon city skyline at dusk'] },
    ]);
  });
});
