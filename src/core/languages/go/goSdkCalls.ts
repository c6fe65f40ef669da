/**
 * The Go SDK calls and struct fields that carry prompt text (format: `sdkCallShape.ts`). Struct fields are
 * tied to the SDK structs they belong to (names like `Prompt` or `Input` are too common to trust elsewhere);
 * `Content`/`Text` also count next to a `Role:` field.
 */
import type { SdkCallShape } from '../sdkCallShape';

export const GO_SDK_CALLS: readonly SdkCallShape[] = [
  { sdk: 'openai-go', form: 'call', callee: 'SystemMessage', arg: 0, role: 'system' },
  { sdk: 'openai-go', form: 'call', callee: 'DeveloperMessage', arg: 0, role: 'developer' },
  { sdk: 'openai-go', form: 'call', callee: 'UserMessage', arg: 0, role: 'user' },
  { sdk: 'openai-go', form: 'call', callee: 'AssistantMessage', arg: 0, role: 'assistant' },
  // The role comes from the surrounding NewUserMessage / System field.
  { sdk: 'anthropic-sdk-go', form: 'call', callee: 'NewTextBlock', arg: 0 },
  // langchaingo templates are Go templates: {{.name}}.
  { sdk: 'langchaingo', form: 'call', callee: 'NewPromptTemplate', arg: 0, syntaxes: ['mustache'] },
  { sdk: 'langchaingo', form: 'call', callee: 'NewSystemMessagePromptTemplate', arg: 0, role: 'system', syntaxes: ['mustache'] },
  { sdk: 'langchaingo', form: 'call', callee: 'NewHumanMessagePromptTemplate', arg: 0, role: 'user', syntaxes: ['mustache'] },
  { sdk: 'langchaingo', form: 'call', callee: 'NewAIMessagePromptTemplate', arg: 0, role: 'assistant', syntaxes: ['mustache'] },
  { sdk: 'langchaingo', form: 'call', callee: 'GenerateFromSinglePrompt', arg: 2, role: 'user', request: 'other' },
  { sdk: 'langchaingo', form: 'call', callee: 'TextParts', arg: 'rest', from: 1, roleArg: 0 },
  // The role comes from the surrounding `llms.MessageContent{Role: …}`.
  { sdk: 'langchaingo', form: 'call', callee: 'TextPart', arg: 0, pkg: ['llms'] },
  // `chains.Run(ctx, chain, "…")`: the chain's single input (`Run` alone is too common a name).
  { sdk: 'langchaingo', form: 'call', callee: 'Run', arg: 2, role: 'user', pkg: ['chains'], request: 'other' },
  { sdk: 'genai', form: 'call', callee: 'Text', arg: 0, role: 'user', pkg: ['genai'] },
  { sdk: 'genai', form: 'call', callee: 'NewPartFromText', arg: 0 },
  { sdk: 'genai', form: 'call', callee: 'NewContentFromText', arg: 0, roleArg: 1 },
  { sdk: 'genai', form: 'call', callee: 'NewUserContentFromText', arg: 0, role: 'user' },

  { sdk: 'go-openai', form: 'field', callee: 'Content', types: ['ChatCompletionMessage', 'ChatMessage', 'Message'] },
  { sdk: 'anthropic-sdk-go', form: 'field', callee: 'Text', types: ['TextBlockParam', 'TextContent', 'TextPart'] }, // and langchaingo
  { sdk: 'openai-go', form: 'field', callee: 'Instructions', role: 'system', types: ['ResponseNewParams'] },
  { sdk: 'openai-go', form: 'field', callee: 'Input', role: 'user', types: ['ResponseNewParams'] },
  { sdk: 'openai-go', form: 'field', callee: 'OfString', role: 'user', types: ['ResponseNewParamsInputUnion'] },
  // Completions, and image requests (go-openai `ImageRequest`, openai-go `ImageGenerateParams`): the prompt is the whole input.
  { sdk: 'go-openai', form: 'field', callee: 'Prompt', role: 'user', types: ['CompletionRequest', 'ImageRequest', 'ImageEditRequest', 'ImageGenerateParams', 'ImageEditParams'] },
  { sdk: 'anthropic-sdk-go', form: 'field', callee: 'System', role: 'system', types: ['MessageNewParams', 'BetaMessageNewParams'] },
  { sdk: 'genai', form: 'field', callee: 'SystemInstruction', role: 'system', types: ['GenerateContentConfig', 'GenerativeModel'] },
];
