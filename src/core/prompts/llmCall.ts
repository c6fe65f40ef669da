/**
 * An LLM call as the code shows it: where it is, which API it goes to, and the parameters that decide
 * what it costs besides its prompt text (model, output cap, reasoning, tools, response schema). A finder
 * attaches the calls a prompt reaches to the prompt (`FoundPrompt.calls`); `assembleCalls` groups the
 * prompts of a file into calls. The call, not the string, is the unit of cost.
 */

/** A JSON value the code writes out literally (a dict or object literal), read statically. */
export type StaticJson = null | boolean | number | string | StaticJson[] | { [key: string]: StaticJson };

/**
 * The API family a call goes to, which decides the request framing counted on top of the messages:
 * `chat` (OpenAI Chat Completions and compatible), `responses` (OpenAI Responses: instructions + input),
 * `messages` (Anthropic), `gemini`, `other` (no published framing: none counted, the figure is ≈).
 */
export type CallApi = 'chat' | 'responses' | 'messages' | 'gemini' | 'other';

/** A tool or function the call declares: its schema when the code writes it out, else only what is known. */
export interface ToolDeclaration {
  name: string | null;
  /** The tool as written (`{"type": "function", "function": {…}}`, Anthropic `{name, description, input_schema}`), or null when the code passes a name (`tools=[get_weather]`, `tools=TOOLS` built elsewhere). */
  schema: StaticJson | null;
}

/** A message whose content is a variable the engine cannot read (`{"role": "user", "content": ticket_body}`): one placeholder. */
export interface VariableMessage {
  role: string;
  /** The expression, as written. */
  name: string;
}

export interface LlmCall {
  /** `startOffset:endOffset` of the call expression (or of the template or file of an implied call). */
  key: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  startOffset: number;
  endOffset: number;
  /** No call in the file sends these prompts: a template, agent definition, prompt file or named constant. */
  implied: boolean;
  api: CallApi;
  /** The model the code names for this call, else null (the defaults apply, shown as assumed). */
  model: string | null;
  /** The model argument when the file cannot read it (`getTitleModel()`, `settings.MODEL`): another file may. */
  modelRef?: string;
  /** Where a model not written in this file came from: another module or the project's configuration. */
  modelSource?: { file: string; line: number };
  /** `max_tokens`, `max_completion_tokens`, `max_output_tokens`, `maxOutputTokens` … when a literal number. */
  maxOutputTokens: number | null;
  /** `reasoning_effort="high"`, `reasoning={"effort": …}`, `thinking_level`: as written, lower case. */
  reasoningEffort: string | null;
  /** Claude `thinking={"budget_tokens": N}`, Gemini `thinking_budget=N`. */
  thinkingBudget: number | null;
  tools: ToolDeclaration[];
  /** `response_format` / `text.format` / `response_schema`: the schema when written out, `unknown` when passed by name. */
  responseFormat: StaticJson | 'unknown' | null;
  variableMessages: VariableMessage[];
  /** Made with a test double (`MockLanguageModelV3`, `FakeListLLM`): reported, but no provider is paid, so totals skip it. */
  testDouble?: true;
}

/** A call with nothing known but its place: what a finder starts from. */
export function emptyCall(range: { startLine: number; endLine: number; startOffset: number; endOffset: number }, implied: boolean): LlmCall {
  return {
    key: `${range.startOffset}:${range.endOffset}`,
    ...range,
    implied,
    api: 'other',
    model: null,
    maxOutputTokens: null,
    reasoningEffort: null,
    thinkingBudget: null,
    tools: [],
    responseFormat: null,
    variableMessages: [],
  };
}
