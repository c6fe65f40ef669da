/**
 * Tokens a request adds on top of its message contents: the per-message framing, the tool declarations and
 * the response schema. A call's cost is its prompt text plus these, so a call with ten tools is not priced
 * as its one short user message.
 *
 * Source for the OpenAI figures: the cookbook notebook "How to count tokens with tiktoken"
 * (https://github.com/openai/openai-cookbook/blob/main/examples/How_to_count_tokens_with_tiktoken.ipynb),
 * `num_tokens_from_messages` (3 tokens per message + the role + the content, 3 to prime the reply) and
 * `num_tokens_for_tools` (the constants below). Its printed examples match the API's `prompt_tokens`
 * (gpt-4o: 101 with its weather tool, gpt-4: 105); the tests reproduce them. The cookbook calls both
 * formulas estimates for the models it lists; newer OpenAI models (gpt-4.1, gpt-5, o-series) are counted
 * with the gpt-4o constants because nothing newer is published.
 *
 * - Anthropic, Gemini and other APIs publish no per-message framing, so none is added (their counts are ≈).
 * - Tools of non-OpenAI models use the same formula with that model's token estimate: no vendor publishes
 *   one, and the declarations are sent as text in some form, so the formula is a closer guess than 0.
 * - Response schemas have no published formula (the cookbook's open issue #2102 asks for one): the compact
 *   JSON of the schema is counted and always marked ≈.
 */
import type { CallApi, StaticJson, ToolDeclaration } from '../prompts/llmCall';
import { bareModelName } from '../tokens/encodings';
import { estimateTokens } from '../tokens/estimateTokens';

type JsonObject = { [key: string]: StaticJson };

/** `num_tokens_from_messages`: tokens per message besides role and content. */
export const TOKENS_PER_MESSAGE = 3;
/** The role (system, user, assistant, developer, tool) is one token in o200k_base and cl100k_base. */
export const TOKENS_PER_ROLE = 1;
/** "every reply is primed with <|start|>assistant<|message|>". */
export const REPLY_PRIMING_TOKENS = 3;

/**
 * Framing tokens of `messageCount` messages on `api`, on top of their contents. The Responses API's
 * `instructions` and `input` are framed as a developer and a user message: the caller counts them as two.
 */
export function messageFramingTokens(api: CallApi, messageCount: number): number {
  if (api !== 'chat' && api !== 'responses') return 0;
  if (!(messageCount > 0)) return 0;
  return messageCount * (TOKENS_PER_MESSAGE + TOKENS_PER_ROLE) + REPLY_PRIMING_TOKENS;
}

/** The constants of `num_tokens_for_tools`, by name. */
export interface ToolFormulaConstants {
  funcInit: number;
  propInit: number;
  propKey: number;
  enumInit: number;
  enumItem: number;
  funcEnd: number;
}

/** gpt-4o and gpt-4o-mini; used for every model not in the next table. */
export const GPT_4O_TOOL_CONSTANTS: Readonly<ToolFormulaConstants> = { funcInit: 7, propInit: 3, propKey: 3, enumInit: -3, enumItem: 3, funcEnd: 12 };
/** gpt-3.5-turbo and gpt-4; applied to their cl100k-era variants too (gpt-4-turbo, gpt-4-0613…). */
export const GPT_35_GPT_4_TOOL_CONSTANTS: Readonly<ToolFormulaConstants> = { ...GPT_4O_TOOL_CONSTANTS, funcInit: 10 };

// gpt-4, gpt-4-turbo, gpt-4-32k (not gpt-4o / gpt-4.1 / gpt-4.5), gpt-3.5-turbo and Azure's gpt-35-turbo.
const GPT_35_GPT_4 = /^(?:gpt-4(?:$|[-:@])|gpt-3\.5|gpt-35-turbo)/;

export function toolFormulaConstants(model: string): Readonly<ToolFormulaConstants> {
  return GPT_35_GPT_4.test(bareModelName(model)) ? GPT_35_GPT_4_TOOL_CONSTANTS : GPT_4O_TOOL_CONSTANTS;
}

export interface ToolTokens {
  tokens: number;
  /** True only when every tool was counted from its schema by the formula with an exact tokenizer. */
  exact: boolean;
  /** Tools sized `defaultToolTokens` (schema not written out, or a built-in tool such as web search). */
  assumed: number;
}

export interface ToolTokenOptions {
  /** Size of a tool whose schema is unknown. */
  defaultToolTokens: number;
  /** Per-family estimate factors for models without a local tokenizer. */
  factors?: Record<string, number>;
}

/** One function declaration, whatever shape the code wrote it in. */
export interface FunctionView {
  name: string;
  description: string;
  parameters: StaticJson | undefined;
}

function isObject(value: StaticJson | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asFunction(value: StaticJson | undefined): FunctionView | null {
  if (!isObject(value) || typeof value.name !== 'string') return null;
  const description = typeof value.description === 'string' ? value.description : '';
  return { name: value.name, description, parameters: value.parameters ?? value.input_schema };
}

/**
 * The functions a tool declares, or null when it cannot be counted from its schema. Shapes: Chat
 * Completions `{type: "function", function: {…}}`, legacy `functions=[{name, description, parameters}]`,
 * Responses `{type: "function", name, …}`, Anthropic `{name, description, input_schema}` (type absent or
 * "custom"), Gemini `{function_declarations: […]}`. Any other `type` is a built-in tool (web_search,
 * file_search, Anthropic's bash_…): its cost is not in the request, so it is assumed.
 */
export function functionsOf(schema: StaticJson | null): FunctionView[] | null {
  if (!isObject(schema)) return null;
  const declarations = schema.function_declarations ?? schema.functionDeclarations;
  if (Array.isArray(declarations)) {
    const views = declarations.map(asFunction);
    return views.every((view): view is FunctionView => view !== null) ? views : null;
  }
  if (isObject(schema.function)) {
    const view = asFunction(schema.function);
    return view ? [view] : null;
  }
  if (schema.type !== undefined && schema.type !== 'function' && schema.type !== 'custom') return null;
  const view = asFunction(schema);
  return view ? [view] : null;
}

// Parts of a property schema the cookbook's `key:type:description` line does not cover.
const NESTED_KEYS = ['properties', 'items', 'prefixItems', 'anyOf', 'oneOf', 'allOf', '$ref'] as const;
const DEFINITION_KEYS = ['$defs', 'definitions'] as const;

function pick(value: JsonObject, keys: readonly string[]): JsonObject | null {
  const picked: JsonObject = {};
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return Object.keys(picked).length > 0 ? picked : null;
}

const withoutFinalPeriod = (text: string) => (text.endsWith('.') ? text.slice(0, -1) : text);

function enumItemText(item: StaticJson): string {
  return typeof item === 'string' ? item : JSON.stringify(item);
}

/** Counts text pieces and remembers whether every count was exact and every piece covered by the formula. */
class PieceCounter {
  exact = true;
  constructor(private readonly model: string, private readonly factors: Record<string, number> | undefined) {}

  count(text: string): number {
    if (text === '') return 0;
    const estimate = estimateTokens(text, this.model, this.factors);
    if (!estimate.exact) this.exact = false;
    return estimate.tokens;
  }

  /** The compact JSON of a part the formula does not cover: an approximation, so the total is ≈. */
  countApproximate(part: StaticJson): number {
    this.exact = false;
    return this.count(JSON.stringify(part));
  }
}

function propertyTokens(key: string, property: StaticJson, c: Readonly<ToolFormulaConstants>, counter: PieceCounter): number {
  const p = isObject(property) ? property : {};
  let tokens = c.propKey;
  if (Array.isArray(p.enum)) {
    tokens += c.enumInit;
    for (const item of p.enum) tokens += c.enumItem + counter.count(enumItemText(item));
  }
  // A union type (["string", "null"]) or a missing type is outside the formula: written as a TS-style union.
  let type = '';
  if (typeof p.type === 'string') type = p.type;
  else {
    counter.exact = false;
    if (Array.isArray(p.type)) type = p.type.map(enumItemText).join(' | ');
  }
  const description = typeof p.description === 'string' ? p.description : '';
  tokens += counter.count(`${key}:${type}:${withoutFinalPeriod(description)}`);
  const nested = pick(p, NESTED_KEYS);
  if (nested) tokens += counter.countApproximate(nested);
  return tokens;
}

function functionTokens(f: FunctionView, c: Readonly<ToolFormulaConstants>, counter: PieceCounter): number {
  let tokens = c.funcInit + counter.count(`${f.name}:${withoutFinalPeriod(f.description)}`);
  if (!isObject(f.parameters)) return tokens;
  const properties = f.parameters.properties;
  if (isObject(properties) && Object.keys(properties).length > 0) {
    tokens += c.propInit;
    for (const [key, property] of Object.entries(properties)) tokens += propertyTokens(key, property, c, counter);
  }
  const definitions = pick(f.parameters, DEFINITION_KEYS);
  if (definitions) tokens += counter.countApproximate(definitions);
  return tokens;
}

/**
 * Tokens the tool declarations add to the input (`num_tokens_for_tools`): per function `func_init` +
 * tokens(`name:description`); with properties `prop_init`, then per property `prop_key` +
 * tokens(`key:type:description`) and, with an enum, `enum_init` + per item `enum_item` + tokens(item);
 * `func_end` once after all functions (a trailing period of a description is dropped, as the cookbook does).
 * Nested schemas (object/array properties, anyOf, $defs) are beyond the formula: their compact JSON is
 * counted in addition, an approximation. Each text piece is counted (and, off OpenAI, rounded up) on its own.
 */
export function toolTokens(tools: readonly ToolDeclaration[], model: string, options: ToolTokenOptions): ToolTokens {
  const constants = toolFormulaConstants(model);
  const counter = new PieceCounter(model, options.factors);
  let tokens = 0;
  let assumed = 0;
  let functions = 0;
  for (const tool of tools) {
    const views = functionsOf(tool.schema);
    if (views === null) {
      assumed++;
      tokens += options.defaultToolTokens;
      continue;
    }
    for (const view of views) tokens += functionTokens(view, constants, counter);
    functions += views.length;
  }
  // `func_end` closes the function block; a list of assumed tools alone has none the formula knows of.
  if (functions > 0) tokens += constants.funcEnd;
  return { tokens, exact: counter.exact && assumed === 0, assumed };
}

export interface ResponseFormatTokens {
  tokens: number;
  exact: boolean;
  /** True when the schema is not written out and `defaultSchemaTokens` stands in for it. */
  assumed: boolean;
}

export interface ResponseFormatOptions {
  /** Size of a schema passed by name (`response_format=Answer`) or otherwise unreadable. */
  defaultSchemaTokens: number;
  /** Per-family estimate factors for models without a local tokenizer. */
  factors?: Record<string, number>;
}

// JSON mode (`{"type": "json_object"}`, Ollama's `format="json"`) and plain text send no schema: the word
// "JSON" JSON mode requires is in the messages, already counted. Any hidden instruction is unpublished.
const NO_SCHEMA_TYPES = new Set(['text', 'json_object', 'json']);

/** The schema part of a response format, 'none' when it carries no schema, null when it cannot be read. */
function schemaOf(format: StaticJson): StaticJson | 'none' | null {
  if (typeof format === 'string') return NO_SCHEMA_TYPES.has(format.toLowerCase()) ? 'none' : null;
  if (!isObject(format)) return null;
  // Responses API: `text={"format": {"type": "json_schema", "name": …, "schema": …}}`.
  if (isObject(format.format)) return schemaOf(format.format);
  if (typeof format.type === 'string' && NO_SCHEMA_TYPES.has(format.type)) return 'none';
  if (format.type === 'json_schema') {
    const schema = isObject(format.json_schema) ? format.json_schema.schema : format.schema;
    return isObject(schema) ? schema : null;
  }
  // A bare JSON schema (Gemini's `response_schema`, a schema dict passed as the format).
  return format;
}

/**
 * Tokens a response format adds to the input: ≈ the compact JSON of its schema (no published formula);
 * 0 for none, plain text and JSON mode; `defaultSchemaTokens` (assumed) when the schema is not written out.
 */
export function responseFormatTokens(format: StaticJson | 'unknown' | null, model: string, options: ResponseFormatOptions): ResponseFormatTokens {
  if (format === null) return { tokens: 0, exact: true, assumed: false };
  const schema = format === 'unknown' ? null : schemaOf(format);
  if (schema === 'none') return { tokens: 0, exact: true, assumed: false };
  if (schema === null) return { tokens: options.defaultSchemaTokens, exact: false, assumed: true };
  return { tokens: estimateTokens(JSON.stringify(schema), model, options.factors).tokens, exact: false, assumed: false };
}
