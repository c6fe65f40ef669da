/**
 * The Java SDK calls that carry prompt text (format: `sdkCallShape.ts`): Spring AI renders `{name}`
 * templates, LangChain4j `{{name}}`.
 */
import type { PlaceholderSyntax } from '../../prompts/prompt';
import type { SdkCallShape } from '../sdkCallShape';

export const SPRING_TEMPLATE: PlaceholderSyntax[] = ['format'];
export const LC4J_TEMPLATE: PlaceholderSyntax[] = ['mustache'];

export const JAVA_SDK_CALLS: readonly SdkCallShape[] = [
  { sdk: 'spring-ai', form: 'new', callee: 'Prompt', role: 'user' },
  { sdk: 'spring-ai', form: 'new', callee: 'SystemMessage', role: 'system' }, // and LangChain4j
  { sdk: 'spring-ai', form: 'new', callee: 'UserMessage', role: 'user' },
  { sdk: 'spring-ai', form: 'new', callee: 'AssistantMessage', role: 'assistant' },
  { sdk: 'langchain4j', form: 'new', callee: 'AiMessage', role: 'assistant' },
  { sdk: 'spring-ai', form: 'new', callee: 'PromptTemplate', syntaxes: SPRING_TEMPLATE },
  { sdk: 'spring-ai', form: 'new', callee: 'SystemPromptTemplate', role: 'system', syntaxes: SPRING_TEMPLATE },
  { sdk: 'azure-openai', form: 'new', callee: 'ChatRequestSystemMessage', role: 'system' },
  { sdk: 'azure-openai', form: 'new', callee: 'ChatRequestUserMessage', role: 'user' },
  { sdk: 'azure-openai', form: 'new', callee: 'ChatRequestAssistantMessage', role: 'assistant' },
  { sdk: 'azure-openai', form: 'new', callee: 'ChatRequestDeveloperMessage', role: 'developer' },
  { sdk: 'openai-java (Theo Kanning)', form: 'new', callee: 'ChatMessage', arg: 1, roleArg: 0 },

  // LangChain4j static factories, and static imports of them.
  { sdk: 'langchain4j', form: 'static', callee: 'SystemMessage.from', role: 'system' },
  { sdk: 'langchain4j', form: 'static', callee: 'SystemMessage.systemMessage', role: 'system' },
  { sdk: 'langchain4j', form: 'static', callee: 'UserMessage.from', role: 'user' },
  { sdk: 'langchain4j', form: 'static', callee: 'UserMessage.userMessage', role: 'user' },
  { sdk: 'langchain4j', form: 'static', callee: 'AiMessage.from', role: 'assistant' },
  { sdk: 'langchain4j', form: 'static', callee: 'AiMessage.aiMessage', role: 'assistant' },
  { sdk: 'langchain4j', form: 'static', callee: 'PromptTemplate.from', syntaxes: LC4J_TEMPLATE },
  { sdk: 'langchain4j', form: 'static', callee: '.systemMessage', role: 'system' },
  { sdk: 'langchain4j', form: 'static', callee: '.userMessage', role: 'user' },

  // Builder and client methods that take a prompt wherever they are called.
  { sdk: 'openai-java', form: 'method', callee: 'addSystemMessage', role: 'system' }, // and the Anthropic Java SDK
  { sdk: 'openai-java', form: 'method', callee: 'addUserMessage', role: 'user' },
  { sdk: 'openai-java', form: 'method', callee: 'addDeveloperMessage', role: 'developer' },
  { sdk: 'openai-java', form: 'method', callee: 'addAssistantMessage', role: 'assistant' },
  { sdk: 'spring-ai', form: 'method', callee: 'defaultSystem', role: 'system', syntaxes: SPRING_TEMPLATE }, // ChatClient.Builder
  { sdk: 'spring-ai', form: 'method', callee: 'defaultUser', role: 'user', syntaxes: SPRING_TEMPLATE },

  // Common names that are prompts only in an LLM builder chain or on a model object.
  { sdk: 'spring-ai', form: 'chain', callee: 'system', role: 'system', syntaxes: SPRING_TEMPLATE },
  { sdk: 'spring-ai', form: 'chain', callee: 'user', role: 'user', syntaxes: SPRING_TEMPLATE },
  { sdk: 'spring-ai', form: 'chain', callee: 'prompt', role: 'user', syntaxes: SPRING_TEMPLATE },
  { sdk: 'openai-java', form: 'chain', callee: 'instructions', role: 'system' },
  { sdk: 'openai-java', form: 'chain', callee: 'input', role: 'user' },

  // `model.chat("…")` on a receiver named like a model or client: every argument but a model id.
  { sdk: 'langchain4j', form: 'modelMethod', callee: 'chat', role: 'user' },
  { sdk: 'langchain4j', form: 'modelMethod', callee: 'generate', role: 'user' },
  { sdk: 'spring-ai', form: 'modelMethod', callee: 'call', role: 'user' },
  { sdk: 'google-genai', form: 'modelMethod', callee: 'generateContent', role: 'user' },
  { sdk: 'spring-ai', form: 'modelMethod', callee: 'stream', role: 'user' },
];
