/**
 * The call shapes of the Python and JavaScript SDKs (format: `sdkCallShape.ts`). The two languages share
 * one table because names are normalised (lower case, no `_`): `generate_content` and `generateContent`, or
 * `system_instruction` and `systemInstruction`, are one entry. The first matching `call` shape wins, so
 * more specific callees come first. `message` shapes are message classes: the callee says the role, the
 * content is the first argument or `content=`; their templates (`format` syntax) are `{name}` templates.
 */
import type { PlaceholderSyntax } from '../prompts/prompt';
import type { ArgSpec, SdkCallShape } from './sdkCallShape';

const text = (role?: string): ArgSpec => ({ kind: 'text', role });
const messages: ArgSpec = { kind: 'messages' };
const contents: ArgSpec = { kind: 'contents' };
const config: ArgSpec = { kind: 'config' };
const system = text('system');
const user = text('user');

const FORMAT: PlaceholderSyntax[] = ['format'];
const MUSTACHE: PlaceholderSyntax[] = ['mustache'];

/** First matching rule wins, so more specific callees come first. */
export const PYTHON_JAVASCRIPT_SDK_CALLS: readonly SdkCallShape[] = [
  // OpenAI / Azure OpenAI and every OpenAI-compatible client (Groq, Together, DeepSeek, xAI…).
  { sdk: 'openai', form: 'call', callee: 'chat.completions.create|parse|stream', request: 'chat', named: { messages } },
  { sdk: 'openai', form: 'call', callee: 'responses.create|parse|stream', request: 'responses', named: { instructions: system, input: contents } },
  // Legacy completions; with `messages` it is a chat client held under another name (`openAiChat.completions.create`).
  { sdk: 'openai', form: 'call', callee: 'completions.create', request: 'other', named: { prompt: user, messages } },
  // OpenAI Assistants (before Anthropic's `messages.create`, which it would otherwise match).
  { sdk: 'openai', form: 'call', callee: 'assistants.create|update', named: { instructions: system } },
  { sdk: 'openai', form: 'call', callee: 'threads.messages.create', named: { content: user } },
  { sdk: 'openai', form: 'call', callee: 'runs.create|createandpoll|stream|createandstream', request: 'other', named: { instructions: system, additionalinstructions: system, additionalmessages: messages } },
  // Anthropic.
  // `count_tokens` / `countTokens` only measures the text: it sends no request, so it is no shape here.
  { sdk: 'anthropic', form: 'call', callee: 'messages.create|stream', request: 'messages', named: { system: { kind: 'blocks', role: 'system' }, messages } },
  // Google GenAI (google-genai and @google/genai): contents + config.system_instruction.
  {
    sdk: 'google', form: 'call', callee: 'models.generatecontent|generatecontentstream', request: 'gemini',
    named: { contents, config, systeminstruction: system },
  },
  { sdk: 'google', form: 'call', callee: 'chats.create', named: { history: contents, config } },
  // Older google-generativeai: GenerativeModel("gemini…", system_instruction=…) then model.generate_content(…).
  { sdk: 'google', form: 'call', callee: 'generativemodel|getgenerativemodel', named: { systeminstruction: system }, modelAt: 0 },
  { sdk: 'google', form: 'call', callee: 'generatecontent|generatecontentstream|sendmessage|sendmessagestream', request: 'gemini', positional: [contents], named: { contents }, minPath: 2 },
  // AWS Bedrock Converse.
  { sdk: 'bedrock', form: 'call', callee: 'converse|conversestream', request: 'other', named: { messages, system: { kind: 'blocks', role: 'system' } } },
  // Vercel AI SDK.
  { sdk: 'ai', form: 'call', callee: 'generatetext|streamtext|generateobject|streamobject', request: 'other', named: { system, instructions: system, prompt: contents, messages } },
  // `new Agent({ instructions, model })` / `new ToolLoopAgent(…)` then `agent.generate({ prompt })`: the agent's definition joins the request.
  { sdk: 'ai', form: 'call', callee: 'generate|stream', request: 'other', named: { prompt: contents, messages }, receiverBuiltBy: ['agent', 'toolloopagent', 'experimentalagent'] },
  // LiteLLM.
  { sdk: 'litellm', form: 'call', callee: 'completion|acompletion', request: 'other', named: { messages }, requires: ['litellm'] },
  { sdk: 'litellm', form: 'call', callee: 'textcompletion|atextcompletion', request: 'other', named: { prompt: user }, requires: ['litellm'] },
  // Mistral.
  { sdk: 'mistral', form: 'call', callee: 'chat.complete|stream|completeasync|streamasync', request: 'other', named: { messages } },
  { sdk: 'mistral', form: 'call', callee: 'fim.complete', request: 'other', named: { prompt: user } },
  // Ollama (also covers Cohere v1 `message`/`preamble`).
  { sdk: 'ollama', form: 'call', callee: 'generate', request: 'other', named: { prompt: user, system }, requires: ['ollama'] },
  // LangChain templates and messages (Python and JS share names).
  { sdk: 'langchain', form: 'call', callee: 'chatprompttemplate.frommessages', positional: [{ kind: 'messages' }], named: { messages }, syntaxes: FORMAT },
  { sdk: 'langchain', form: 'call', callee: 'chatprompttemplate.fromtemplate', positional: [user], named: { template: user }, syntaxes: FORMAT },
  { sdk: 'langchain', form: 'call', callee: 'systemmessageprompttemplate.fromtemplate', positional: [system], named: { template: system }, syntaxes: FORMAT },
  { sdk: 'langchain', form: 'call', callee: 'humanmessageprompttemplate.fromtemplate', positional: [user], named: { template: user }, syntaxes: FORMAT },
  { sdk: 'langchain', form: 'call', callee: 'aimessageprompttemplate.fromtemplate', positional: [text('assistant')], named: { template: text('assistant') }, syntaxes: FORMAT },
  { sdk: 'langchain', form: 'call', callee: 'prompttemplate.fromtemplate', positional: [text()], named: { template: text() }, syntaxes: FORMAT },
  { sdk: 'langchain', form: 'call', callee: 'chatprompttemplate', positional: [{ kind: 'messages' }], named: { messages, messagetemplates: messages }, syntaxes: FORMAT },
  // LangChain PromptTemplate(template=…) and LlamaIndex PromptTemplate("…") / RichPromptTemplate (Jinja).
  { sdk: 'langchain', form: 'call', callee: 'prompttemplate', positional: [text()], named: { template: text() }, syntaxes: FORMAT },
  { sdk: 'llamaindex', form: 'call', callee: 'richprompttemplate', positional: [text()], named: { templatestr: text() }, syntaxes: ['mustache', 'jinjaBlock'] },
  // Semantic Kernel (Python): `{{$input}}` templates.
  { sdk: 'semantic-kernel', form: 'call', callee: 'addfunction|kernelfunctionfromprompt|invokeprompt|createfunctionfromprompt', positional: [], named: { prompt: text() }, syntaxes: MUSTACHE },
  { sdk: 'semantic-kernel', form: 'call', callee: 'prompttemplateconfig', named: { template: text() }, syntaxes: MUSTACHE },
  { sdk: 'semantic-kernel', form: 'call', callee: 'addsystemmessage', positional: [system], minPath: 2 },
  { sdk: 'semantic-kernel', form: 'call', callee: 'addusermessage', positional: [user], minPath: 2 },
  { sdk: 'semantic-kernel', form: 'call', callee: 'addassistantmessage', positional: [text('assistant')], minPath: 2 },
  // Agent frameworks: OpenAI Agents SDK `Agent(instructions=…, model=…)`, Pydantic AI `Agent('openai:gpt-4o', system_prompt=…)`.
  // CrewAI `Agent(role=…, goal=…, backstory=…)`: its system prompt is built from the three.
  { sdk: 'crewai', form: 'call', callee: 'agent', named: { role: system, goal: system, backstory: system, systemtemplate: system }, requires: ['crewai'] },
  {
    sdk: 'agents', form: 'call', callee: 'agent|toolloopagent|experimentalagent|conversableagent|realtimeagent|sandboxagent|voiceagent|assistantagent|chatagent|codeagent|toolcallingagent',
    named: { instructions: system, systemprompt: system, systemmessage: system, backstory: system, goal: system }, modelAt: 0,
  },
  { sdk: 'agents', form: 'call', callee: 'runner.run|runsync|runstreamed', request: 'responses', positional: [null, contents], named: { input: contents }, modelObjectAt: 0 },
  { sdk: 'crewai', form: 'call', callee: 'task', named: { description: user, expectedoutput: user }, requires: ['crewai'] },
  { sdk: 'agents', form: 'call', callee: 'runsync|run|runstream', request: 'other', positional: [user], named: { userprompt: user }, needsModelReceiver: true, minPath: 2 },
  { sdk: 'langgraph', form: 'call', callee: 'createreactagent|createagent', named: { prompt: system, systemprompt: system, statemodifier: system, messagemodifier: system } },
  // LangGraph prebuilt agents: `agent.invoke({ messages })` on `createReactAgent({ llm, tools, prompt })` (above);
  // the definition (its prompt, its model) joins the request. Before the model-object shapes: same methods.
  {
    sdk: 'langgraph', form: 'call', callee: 'invoke|ainvoke|stream|astream|streamevents|astreamevents', request: 'other',
    positional: [config], named: { input: config }, receiverBuiltBy: ['createreactagent', 'createagent'],
  },
  // Model objects: LangChain `llm.invoke(…)`, LlamaIndex `llm.complete(…)` / `llm.chat(…)`, Ollama/Cohere `chat`.
  { sdk: 'langchain', form: 'call', callee: 'invoke|ainvoke|stream|astream|predict|apredict', request: 'other', positional: [contents], named: { input: contents }, needsModelReceiver: true },
  // LlamaIndex `llm.complete(…)`; Azure AI Inference `ChatCompletionsClient.complete(messages=[…])`.
  { sdk: 'llamaindex', form: 'call', callee: 'complete|acomplete|streamcomplete|astreamcomplete', request: 'other', positional: [user], named: { prompt: user, messages }, needsModelReceiver: true },
  // Hugging Face InferenceClient.
  { sdk: 'huggingface', form: 'call', callee: 'chatcompletion', request: 'chat', positional: [{ kind: 'messages' }], named: { messages } },
  { sdk: 'huggingface', form: 'call', callee: 'textgeneration', request: 'other', positional: [user], named: { prompt: user }, needsModelReceiver: true },
  // Haystack: Jinja templates and ChatMessage.from_system(…); LlamaIndex ChatMessage.from_str(…).
  { sdk: 'haystack', form: 'call', callee: 'promptbuilder|chatpromptbuilder', named: { template: text() }, syntaxes: ['mustache', 'jinjaBlock'] },
  { sdk: 'haystack', form: 'call', callee: 'chatmessage.fromsystem', positional: [system], named: { text: system, content: system } },
  { sdk: 'haystack', form: 'call', callee: 'chatmessage.fromuser', positional: [user], named: { text: user, content: user } },
  { sdk: 'haystack', form: 'call', callee: 'chatmessage.fromassistant', positional: [text('assistant')], named: { text: text('assistant') } },
  { sdk: 'llamaindex', form: 'call', callee: 'chatmessage.fromstr', positional: [user], named: { content: user } },
  {
    sdk: 'chat', form: 'call', callee: 'chat|achat|streamchat|astreamchat|chatstream', request: 'other',
    positional: [{ kind: 'messages' }], named: { messages, message: user, preamble: system, system },
    needsModelReceiver: true,
  },
  {
    sdk: 'chat', form: 'call', callee: 'chat|chatstream', request: 'other', named: { messages, message: user, preamble: system, system },
    requires: ['ollama', 'cohere', 'llama_index', 'llamaindex', 'mistral'], minPath: 2,
  },
  // Message classes.
  { sdk: 'langchain', form: 'message', callee: 'systemmessage', role: 'system' },
  { sdk: 'langchain', form: 'message', callee: 'humanmessage', role: 'user' },
  { sdk: 'any', form: 'message', callee: 'usermessage', role: 'user' },
  { sdk: 'langchain', form: 'message', callee: 'aimessage', role: 'assistant' },
  { sdk: 'any', form: 'message', callee: 'assistantmessage', role: 'assistant' },
  { sdk: 'any', form: 'message', callee: 'developermessage', role: 'developer' },
  { sdk: 'any', form: 'message', callee: 'chatmessage' }, // role from role=…
  // Message builders and histories: `builder.appendMessage('user', text)`, Semantic Kernel / LangChain
  // `history.add_user_message(text)`; the list they fill is sent later (`builder.messages`).
  { sdk: 'any', form: 'message', callee: 'appendmessage|addmessage' }, // role first, then the content
  { sdk: 'any', form: 'message', callee: 'messagebuilder', role: 'system' }, // new MessageBuilder(systemPrompt, model)
  { sdk: 'any', form: 'message', callee: 'addusermessage', role: 'user' },
  { sdk: 'any', form: 'message', callee: 'addsystemmessage', role: 'system' },
  { sdk: 'any', form: 'message', callee: 'addassistantmessage|addaimessage', role: 'assistant' },
  // OpenAI's typed message dicts, called as constructors: `EasyInputMessageParam(role="user", content=…)`.
  { sdk: 'openai', form: 'message', callee: 'easyinputmessageparam' },
  { sdk: 'openai', form: 'message', callee: 'chatcompletionsystemmessageparam', role: 'system' },
  { sdk: 'openai', form: 'message', callee: 'chatcompletiondevelopermessageparam', role: 'developer' },
  { sdk: 'openai', form: 'message', callee: 'chatcompletionusermessageparam', role: 'user' },
  { sdk: 'openai', form: 'message', callee: 'chatcompletionassistantmessageparam', role: 'assistant' },
  { sdk: 'google', form: 'message', callee: 'content' }, // Gemini types.Content(role=…, parts=…)
  { sdk: 'langchain', form: 'message', callee: 'systemmessageprompttemplate', role: 'system', syntaxes: FORMAT },
  { sdk: 'langchain', form: 'message', callee: 'humanmessageprompttemplate', role: 'user', syntaxes: FORMAT },
  { sdk: 'langchain', form: 'message', callee: 'aimessageprompttemplate', role: 'assistant', syntaxes: FORMAT },
];
