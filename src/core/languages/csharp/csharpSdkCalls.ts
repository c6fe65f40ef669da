/**
 * The C# SDK calls and object-initialiser members that carry prompt text (format: `sdkCallShape.ts`).
 * Semantic Kernel templates are `{{$input}}` / Handlebars `{{name}}`. The members `Content` and `Text`
 * take their role from a sibling `Role = …`.
 */
import type { PlaceholderSyntax } from '../../prompts/prompt';
import type { SdkCallShape } from '../sdkCallShape';

export const SK_TEMPLATE: PlaceholderSyntax[] = ['mustache'];

export const CSHARP_SDK_CALLS: readonly SdkCallShape[] = [
  { sdk: 'openai-dotnet', form: 'new', callee: 'SystemChatMessage', role: 'system' },
  { sdk: 'openai-dotnet', form: 'new', callee: 'UserChatMessage', role: 'user' },
  { sdk: 'openai-dotnet', form: 'new', callee: 'AssistantChatMessage', role: 'assistant' },
  { sdk: 'openai-dotnet', form: 'new', callee: 'DeveloperChatMessage', role: 'developer' },
  { sdk: 'azure-openai-1', form: 'new', callee: 'ChatRequestSystemMessage', role: 'system' },
  { sdk: 'azure-openai-1', form: 'new', callee: 'ChatRequestUserMessage', role: 'user' },
  { sdk: 'azure-openai-1', form: 'new', callee: 'ChatRequestAssistantMessage', role: 'assistant' },
  { sdk: 'semantic-kernel', form: 'new', callee: 'ChatHistory', role: 'system' }, // new ChatHistory(systemMessage)
  { sdk: 'microsoft-extensions-ai', form: 'new', callee: 'ChatMessage', arg: 1, roleArg: 0 }, // new ChatMessage(ChatRole.System, "…")
  { sdk: 'semantic-kernel', form: 'new', callee: 'ChatMessageContent', arg: 1, roleArg: 0 },
  { sdk: 'semantic-kernel', form: 'new', callee: 'PromptTemplateConfig', syntaxes: SK_TEMPLATE },
  { sdk: 'anthropic-sdk-dotnet', form: 'new', callee: 'SystemMessage', role: 'system' },
  { sdk: 'anthropic-sdk-dotnet', form: 'new', callee: 'Message', arg: 1, roleArg: 0 }, // new Message(RoleType.User, "…")

  { sdk: 'semantic-kernel', form: 'method', callee: 'InvokePromptAsync', role: 'user', syntaxes: SK_TEMPLATE },
  { sdk: 'semantic-kernel', form: 'method', callee: 'InvokePromptStreamingAsync', role: 'user', syntaxes: SK_TEMPLATE },
  { sdk: 'semantic-kernel', form: 'method', callee: 'CreateFunctionFromPrompt', syntaxes: SK_TEMPLATE },
  { sdk: 'semantic-kernel', form: 'method', callee: 'CreateFromPrompt', syntaxes: SK_TEMPLATE },
  { sdk: 'semantic-kernel', form: 'method', callee: 'AddSystemMessage', role: 'system' },
  { sdk: 'semantic-kernel', form: 'method', callee: 'AddUserMessage', role: 'user' },
  { sdk: 'semantic-kernel', form: 'method', callee: 'AddAssistantMessage', role: 'assistant' },
  { sdk: 'semantic-kernel', form: 'method', callee: 'AddDeveloperMessage', role: 'developer' },
  { sdk: 'semantic-kernel', form: 'method', callee: 'AddMessage', arg: 1, roleArg: 0 },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CreateSystemMessage', role: 'system' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CreateUserMessage', role: 'user' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CreateAssistantMessage', role: 'assistant' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CreateDeveloperMessage', role: 'developer' },
  // A text part of a multi-part message (`new UserChatMessage(ChatMessageContentPart.CreateTextPart("…"), imagePart)`).
  { sdk: 'openai-dotnet', form: 'method', callee: 'CreateTextPart', role: 'user' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CompleteChat', role: 'user', arg: 'all' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CompleteChatAsync', role: 'user', arg: 'all' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CompleteChatStreaming', role: 'user', arg: 'all' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CompleteChatStreamingAsync', role: 'user', arg: 'all' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CreateResponse', role: 'user' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CreateResponseAsync', role: 'user' },
  { sdk: 'openai-dotnet', form: 'method', callee: 'CreateResponseStreamingAsync', role: 'user' },
  { sdk: 'microsoft-extensions-ai', form: 'method', callee: 'GetResponseAsync', role: 'user' }, // IChatClient
  { sdk: 'microsoft-extensions-ai', form: 'method', callee: 'GetStreamingResponseAsync', role: 'user' },
  { sdk: 'microsoft-extensions-ai', form: 'method', callee: 'CompleteAsync', role: 'user' },
  { sdk: 'microsoft-extensions-ai', form: 'method', callee: 'CompleteStreamingAsync', role: 'user' },

  { sdk: 'any', form: 'field', callee: 'Content' },
  { sdk: 'any', form: 'field', callee: 'Text' },
  { sdk: 'anthropic-sdk-dotnet', form: 'field', callee: 'System', role: 'system' },
  { sdk: 'semantic-kernel', form: 'field', callee: 'Instructions', role: 'system' }, // also OpenAI Responses options, M.E.AI ChatOptions
  { sdk: 'semantic-kernel', form: 'field', callee: 'Template', syntaxes: SK_TEMPLATE }, // PromptTemplateConfig
];
