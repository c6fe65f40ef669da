/**
 * The name lists the Python and JavaScript finders share beside their SDK call shapes
 * (`core/languages/pythonJavascriptSdkCalls.ts`): argument, factory and wrapper names, normalised (lower
 * case, no `_`).
 */

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
