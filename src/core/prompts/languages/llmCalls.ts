/**
 * Which calls send text to a model, and in which arguments, across the Python and JavaScript SDKs.
 * Names are normalised (lower case, no `_`), so `generate_content` and `generateContent`, or
 * `system_instruction` and `systemInstruction`, share one entry.
 */
import type { PlaceholderSyntax } from '../prompt';
import { nameTable } from './nameTable';

/** How an argument carries prompt text. */
export type ArgKind =
  | 'text' // a string prompt
  | 'messages' // a list of chat messages: dicts/objects, (role, text) tuples, message objects
  | 'contents' // a string, or a list of strings / messages / parts (Gemini contents, Responses input, invoke input)
  | 'blocks' // a string or a list of text blocks (Anthropic / Bedrock `system`)
  | 'config'; // an options object holding more prompt arguments (Gemini `config`)

export interface ArgSpec {
  kind: ArgKind;
  role?: string;
}

export interface CallRule {
  sdk: string;
  /** Normalised callee suffix; `|` separates alternatives inside one segment. */
  callee: string;
  named?: Record<string, ArgSpec>;
  /** By position; null skips a position (`Runner.run(agent, input)`). */
  positional?: (ArgSpec | null)[];
  /** Placeholder syntaxes of the text passed to this call (templates). */
  syntaxes?: PlaceholderSyntax[];
  /** Positional index holding the model id (`init_chat_model("gpt-4o")`, `GenerativeModel("gemini…")`). */
  modelAt?: number;
  /** Positional index holding the object that carries the model (`Runner.run(agent, …)`). */
  modelObjectAt?: number;
  /** The callee name says the role (`SystemMessage` → system). */
  role?: string;
  /** The method name is common: only count it when the receiver is a model object (it has a model). */
  needsModelReceiver?: boolean;
  /** Only count it when the file mentions one of these (lower case) — for bare, common function names. */
  requires?: string[];
  /** At least this many path segments (so `x.chat` but not a bare `chat()`). */
  minPath?: number;
}

const text = (role?: string): ArgSpec => ({ kind: 'text', role });
const messages: ArgSpec = { kind: 'messages' };
const contents: ArgSpec = { kind: 'contents' };
const config: ArgSpec = { kind: 'config' };
const system = text('system');
const user = text('user');

const FORMAT: PlaceholderSyntax[] = ['format'];
const MUSTACHE: PlaceholderSyntax[] = ['mustache'];

/** First matching rule wins, so more specific callees come first. */
export const CALL_RULES: CallRule[] = [
  // OpenAI / Azure OpenAI and every OpenAI-compatible client (Groq, Together, DeepSeek, xAI…).
  { sdk: 'openai', callee: 'chat.completions.create|parse|stream', named: { messages } },
  { sdk: 'openai', callee: 'responses.create|parse|stream', named: { instructions: system, input: contents } },
  { sdk: 'openai', callee: 'completions.create', named: { prompt: user } },
  // OpenAI Assistants (before Anthropic's `messages.create`, which it would otherwise match).
  { sdk: 'openai', callee: 'assistants.create|update', named: { instructions: system } },
  { sdk: 'openai', callee: 'threads.messages.create', named: { content: user } },
  { sdk: 'openai', callee: 'runs.create|createandpoll|stream|createandstream', named: { instructions: system, additionalinstructions: system, additionalmessages: messages } },
  // Anthropic.
  { sdk: 'anthropic', callee: 'messages.create|stream|counttokens', named: { system: { kind: 'blocks', role: 'system' }, messages } },
  // Google GenAI (google-genai and @google/genai): contents + config.system_instruction.
  {
    sdk: 'google', callee: 'models.generatecontent|generatecontentstream|counttokens',
    named: { contents, config, systeminstruction: system },
  },
  { sdk: 'google', callee: 'chats.create', named: { history: contents, config } },
  // Older google-generativeai: GenerativeModel("gemini…", system_instruction=…) then model.generate_content(…).
  { sdk: 'google', callee: 'generativemodel|getgenerativemodel', named: { systeminstruction: system }, modelAt: 0 },
  { sdk: 'google', callee: 'generatecontent|generatecontentstream|sendmessage|sendmessagestream', positional: [contents], named: { contents }, minPath: 2 },
  // AWS Bedrock Converse.
  { sdk: 'bedrock', callee: 'converse|conversestream', named: { messages, system: { kind: 'blocks', role: 'system' } } },
  // Vercel AI SDK.
  { sdk: 'ai', callee: 'generatetext|streamtext|generateobject|streamobject', named: { system, prompt: contents, messages } },
  // LiteLLM.
  { sdk: 'litellm', callee: 'completion|acompletion', named: { messages }, requires: ['litellm'] },
  { sdk: 'litellm', callee: 'textcompletion|atextcompletion', named: { prompt: user }, requires: ['litellm'] },
  // Mistral.
  { sdk: 'mistral', callee: 'chat.complete|stream|completeasync|streamasync', named: { messages } },
  { sdk: 'mistral', callee: 'fim.complete', named: { prompt: user } },
  // Ollama (also covers Cohere v1 `message`/`preamble`).
  { sdk: 'ollama', callee: 'generate', named: { prompt: user, system }, requires: ['ollama'] },
  // LangChain templates and messages (Python and JS share names).
  { sdk: 'langchain', callee: 'chatprompttemplate.frommessages', positional: [{ kind: 'messages' }], named: { messages }, syntaxes: FORMAT },
  { sdk: 'langchain', callee: 'chatprompttemplate.fromtemplate', positional: [user], named: { template: user }, syntaxes: FORMAT },
  { sdk: 'langchain', callee: 'systemmessageprompttemplate.fromtemplate', positional: [system], named: { template: system }, syntaxes: FORMAT },
  { sdk: 'langchain', callee: 'humanmessageprompttemplate.fromtemplate', positional: [user], named: { template: user }, syntaxes: FORMAT },
  { sdk: 'langchain', callee: 'aimessageprompttemplate.fromtemplate', positional: [text('assistant')], named: { template: text('assistant') }, syntaxes: FORMAT },
  { sdk: 'langchain', callee: 'prompttemplate.fromtemplate', positional: [text()], named: { template: text() }, syntaxes: FORMAT },
  { sdk: 'langchain', callee: 'chatprompttemplate', positional: [{ kind: 'messages' }], named: { messages, messagetemplates: messages }, syntaxes: FORMAT },
  // LangChain PromptTemplate(template=…) and LlamaIndex PromptTemplate("…") / RichPromptTemplate (Jinja).
  { sdk: 'langchain', callee: 'prompttemplate', positional: [text()], named: { template: text() }, syntaxes: FORMAT },
  { sdk: 'llamaindex', callee: 'richprompttemplate', positional: [text()], named: { templatestr: text() }, syntaxes: ['mustache', 'jinjaBlock'] },
  // Semantic Kernel (Python): `{{$input}}` templates.
  { sdk: 'semantic-kernel', callee: 'addfunction|kernelfunctionfromprompt|invokeprompt|createfunctionfromprompt', positional: [], named: { prompt: text() }, syntaxes: MUSTACHE },
  { sdk: 'semantic-kernel', callee: 'prompttemplateconfig', named: { template: text() }, syntaxes: MUSTACHE },
  { sdk: 'semantic-kernel', callee: 'addsystemmessage', positional: [system], minPath: 2 },
  { sdk: 'semantic-kernel', callee: 'addusermessage', positional: [user], minPath: 2 },
  { sdk: 'semantic-kernel', callee: 'addassistantmessage', positional: [text('assistant')], minPath: 2 },
  // Agent frameworks: OpenAI Agents SDK `Agent(instructions=…, model=…)`, Pydantic AI `Agent('openai:gpt-4o', system_prompt=…)`.
  {
    sdk: 'agents', callee: 'agent|realtimeagent|sandboxagent|voiceagent|assistantagent|chatagent|codeagent|toolcallingagent',
    named: { instructions: system, systemprompt: system, systemmessage: system, backstory: system, goal: system }, modelAt: 0,
  },
  { sdk: 'agents', callee: 'runner.run|runsync|runstreamed', positional: [null, contents], named: { input: contents }, modelObjectAt: 0 },
  { sdk: 'crewai', callee: 'task', named: { description: user, expectedoutput: user }, requires: ['crewai'] },
  { sdk: 'agents', callee: 'runsync|run|runstream', positional: [user], named: { userprompt: user }, needsModelReceiver: true, minPath: 2 },
  { sdk: 'langgraph', callee: 'createreactagent|createagent', named: { prompt: system, systemprompt: system, statemodifier: system } },
  // Model objects: LangChain `llm.invoke(…)`, LlamaIndex `llm.complete(…)` / `llm.chat(…)`, Ollama/Cohere `chat`.
  { sdk: 'langchain', callee: 'invoke|ainvoke|stream|astream|predict|apredict', positional: [contents], named: { input: contents }, needsModelReceiver: true },
  // LlamaIndex `llm.complete(…)`; Azure AI Inference `ChatCompletionsClient.complete(messages=[…])`.
  { sdk: 'llamaindex', callee: 'complete|acomplete|streamcomplete|astreamcomplete', positional: [user], named: { prompt: user, messages }, needsModelReceiver: true },
  // Hugging Face InferenceClient.
  { sdk: 'huggingface', callee: 'chatcompletion', positional: [{ kind: 'messages' }], named: { messages } },
  { sdk: 'huggingface', callee: 'textgeneration', positional: [user], named: { prompt: user }, needsModelReceiver: true },
  // Haystack: Jinja templates and ChatMessage.from_system(…); LlamaIndex ChatMessage.from_str(…).
  { sdk: 'haystack', callee: 'promptbuilder|chatpromptbuilder', named: { template: text() }, syntaxes: ['mustache', 'jinjaBlock'] },
  { sdk: 'haystack', callee: 'chatmessage.fromsystem', positional: [system], named: { text: system, content: system } },
  { sdk: 'haystack', callee: 'chatmessage.fromuser', positional: [user], named: { text: user, content: user } },
  { sdk: 'haystack', callee: 'chatmessage.fromassistant', positional: [text('assistant')], named: { text: text('assistant') } },
  { sdk: 'llamaindex', callee: 'chatmessage.fromstr', positional: [user], named: { content: user } },
  {
    sdk: 'chat', callee: 'chat|achat|streamchat|astreamchat|chatstream',
    positional: [{ kind: 'messages' }], named: { messages, message: user, preamble: system, system },
    needsModelReceiver: true,
  },
  {
    sdk: 'chat', callee: 'chat|chatstream', named: { messages, message: user, preamble: system, system },
    requires: ['ollama', 'cohere', 'llama_index', 'llamaindex', 'mistral'], minPath: 2,
  },
];

/** Message classes: the callee says the role; content is the first argument or `content=`. */
export const MESSAGE_CLASS_ROLES = nameTable<string | null>({
  systemmessage: 'system',
  humanmessage: 'user',
  usermessage: 'user',
  aimessage: 'assistant',
  assistantmessage: 'assistant',
  developermessage: 'developer',
  chatmessage: null, // role=…
  content: null, // Gemini types.Content(role=…, parts=…)
  systemmessageprompttemplate: 'system',
  humanmessageprompttemplate: 'user',
  aimessageprompttemplate: 'assistant',
});

/** Message-template classes whose text is a `{name}` template. */
export const TEMPLATE_MESSAGE_CLASSES = new Set(['systemmessageprompttemplate', 'humanmessageprompttemplate', 'aimessageprompttemplate']);

/** Argument names that carry prompt text when the callee is unknown (name evidence, checked for instruction-like text). */
export const PROMPT_ARGUMENT_NAMES = new Set([
  'prompt', 'systemprompt', 'system', 'instructions', 'instruction', 'systeminstruction', 'systemmessage', 'preamble', 'template',
  'prompttemplate', 'userprompt', 'developerprompt',
]);

/** Classes/factories that build a model object even when no model id is given (`ChatOpenAI()`). */
export const MODEL_OBJECT_FACTORIES = new Set([
  'initchatmodel', 'openai', 'azureopenai', 'anthropic', 'gemini', 'vertex', 'ollama', 'groq', 'mistralai', 'bedrock', 'bedrockconverse',
  'generativemodel', 'getgenerativemodel', 'huggingfacellm', 'llamacpp', 'cohere', 'deepseek', 'agent',
]);

/** Arguments that pass an object carrying the model (`assistant_id=assistant.id`, `llm=llm`, `starting_agent=agent`). */
export const MODEL_CARRIER_ARGUMENT_NAMES = new Set(['assistantid', 'llm', 'agent', 'startingagent', 'chatmodel', 'languagemodel']);

/** Methods that return a configured copy of a model object (`llm.bind_tools(…)`). */
export const MODEL_OBJECT_METHODS = new Set(['bindtools', 'withstructuredoutput', 'bind', 'withconfig', 'withretry', 'withfallbacks', 'startchat']);

/** Options objects that may hold `max_output_tokens` / `system_instruction` (one level down). */
export const OPTION_ARGUMENT_NAMES = new Set(['config', 'generationconfig', 'options', 'modelkwargs', 'settings', 'llmconfig', 'params', 'parameters', 'inferenceconfig']);

/** Wrapper calls that return their argument's text unchanged (for our purpose). */
export const TEXT_WRAPPERS = new Set(['str', 'string', 'trim', 'strip']);

/** Wrapper calls / template tags that remove common indentation (`textwrap.dedent`, `dedent\`…\``). */
export const DEDENT_WRAPPERS = new Set(['dedent', 'cleandoc', 'stripindent', 'outdent', 'stripindents']);

/** Lower-case substrings that mark a file as possibly talking to a model (cheap pre-filter). */
export const LLM_SIGNALS = [
  'openai', 'anthropic', 'claude', 'gpt-', 'gemini', 'genai', 'generativeai', 'vertexai', 'langchain', 'langgraph', 'llama',
  'litellm', 'ollama', 'mistral', 'cohere', 'semantic_kernel', 'semantickernel', 'semantic-kernel', 'bedrock', 'groq',
  'deepseek', 'huggingface', 'transformers', 'generatetext', 'streamtext', 'generateobject', 'streamobject', '@ai-sdk',
  'prompt', 'instruction', 'completion', 'llm', 'model', 'messages', '"role"', "'role'", 'role:', 'system_message',
  'systemmessage', 'chatmessage', 'agent',
];
