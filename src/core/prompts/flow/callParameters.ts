/**
 * What a Python/JavaScript call passes besides its prompt text that changes its cost: tool declarations,
 * a response schema, reasoning effort and a thinking budget. Read from the call's arguments (and options
 * objects such as `reasoning={…}`, `config=…`, Vercel `providerOptions`), following names bound in the file.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { normalizeName } from '../sdkNames';
import type { LlmCall, StaticJson, ToolDeclaration } from '../llmCall';
import type { FileNames } from './fileNames';
import type { CallSite } from './syntaxAdapter';

/** Nested settings objects searched for reasoning keys (all normalised). */
const SETTINGS_OBJECTS = new Set(['reasoning', 'thinking', 'config', 'generationconfig', 'thinkingconfig', 'provideroptions', 'extrabody', 'modelkwargs', 'modelsettings', 'additionalmodelrequestfields', 'options']);
const EFFORT_KEYS = new Set(['reasoningeffort', 'effort', 'thinkinglevel']);
const BUDGET_KEYS = new Set(['budgettokens', 'thinkingbudget']);
const FORMAT_KEYS = ['responseformat', 'responseschema', 'textformat', 'outputtype', 'responsemodel', 'schema'];

export type CallParameters = Pick<LlmCall, 'reasoningEffort' | 'thinkingBudget' | 'tools' | 'responseFormat'>;

export class CallParameterReader {
  /** `json()` per node: a constant (`tools=TOOLS`) passed to many calls is read once. */
  private readonly jsonCache = new Map<number, StaticJson | undefined>();

  constructor(private readonly names: FileNames) {}

  read(site: CallSite): CallParameters {
    const params: CallParameters = { reasoningEffort: null, thinkingBudget: null, tools: [], responseFormat: null };
    for (const [key, value] of site.named) {
      if (key === 'tools' || key === 'functions') params.tools = this.tools(value);
      else if (EFFORT_KEYS.has(key)) params.reasoningEffort ??= this.word(value);
      else if (BUDGET_KEYS.has(key)) params.thinkingBudget ??= this.number(value);
      else if (FORMAT_KEYS.includes(key)) params.responseFormat ??= this.format(key, value);
      else if (key === 'text') params.responseFormat ??= this.responsesTextFormat(value);
      if (SETTINGS_OBJECTS.has(key) || key === 'reasoning') this.searchSettings(this.json(value), params, 0);
    }
    return params;
  }

  /**
   * What the model object a call is made on (or passed: `Runner.run(agent, …)`) was built with:
   * `ChatAnthropic(thinking={…})`, `ChatOpenAI(reasoning_effort=…)`, `llm.bind_tools([…])`. Fills only what
   * the call itself leaves unset.
   */
  addFromObject(params: CallParameters, raw: Node, depth = 0): void {
    if (depth > 6) return;
    const node = this.names.adapter.unwrap(raw);
    const site = this.names.siteOf(node);
    if (site) {
      const own = this.read(site);
      if (site.path[site.path.length - 1] === 'bindtools' && site.positional[0] && own.tools.length === 0) own.tools = this.tools(site.positional[0]);
      params.reasoningEffort ??= own.reasoningEffort;
      params.thinkingBudget ??= own.thinkingBudget;
      params.responseFormat ??= own.responseFormat;
      if (params.tools.length === 0) params.tools = own.tools;
      if (site.receiver) this.addFromObject(params, site.receiver, depth + 1);
      return;
    }
    const bound = this.names.valuesOfConstant(node);
    if (bound) return this.addFromObject(params, bound, depth + 1);
    const member = this.names.adapter.member(node);
    if (member) this.addFromObject(params, member.object, depth + 1);
  }

  /** A JSON value written out in the code (following names bound in the file), or undefined when some part is not literal. */
  json(raw: Node, depth = 0): StaticJson | undefined {
    if (depth > 8) return undefined;
    const node = this.names.adapter.unwrap(raw);
    if (this.jsonCache.has(node.id)) return this.jsonCache.get(node.id);
    const value = this.jsonOf(node, depth);
    // Only complete reads are kept: a read cut short by depth says nothing about the node itself.
    if (value !== undefined || depth === 0) this.jsonCache.set(node.id, value);
    return value;
  }

  private jsonOf(node: Node, depth: number): StaticJson | undefined {
    const adapter = this.names.adapter;
    // `dict(a=1)`, `GenerateContentConfig(thinking_config=…)`: keyword arguments read as an object.
    const entries = adapter.entries(node) ?? this.names.namedArgsAsEntries(node);
    if (entries) {
      const out: { [key: string]: StaticJson } = {};
      for (const e of entries) {
        if (e.key === null) return undefined;
        const value = this.json(e.value, depth + 1);
        if (value === undefined) return undefined;
        out[e.key] = value;
      }
      return out;
    }
    const elements = adapter.elements(node);
    if (elements) {
      const out: StaticJson[] = [];
      for (const element of elements) {
        const value = this.json(element, depth + 1);
        if (value === undefined) return undefined;
        out.push(value);
      }
      return out;
    }
    const text = this.names.literalText(node);
    if (text !== null) return text;
    const n = adapter.numberValue(node);
    if (n !== null) return n;
    const word = node.text;
    if (word === 'True' || word === 'true') return true;
    if (word === 'False' || word === 'false') return false;
    if (word === 'None' || word === 'null') return null;
    const bound = this.names.valuesOfConstant(node);
    return bound ? this.json(bound, depth + 1) : undefined;
  }

  private tools(raw: Node): ToolDeclaration[] {
    const node = this.names.adapter.unwrap(raw);
    const elements = this.names.adapter.elements(node);
    if (elements) return elements.map((element) => this.tool(element));
    const entries = this.names.adapter.entries(node);
    if (entries) {
      // Vercel `tools: { weather: tool({…}) }`: each entry is a tool named by its key.
      return entries.map((e) => ({ name: e.key, schema: this.json(e.value) ?? null }));
    }
    const bound = this.names.valuesOfConstant(node);
    if (bound) return this.tools(bound);
    // A list built elsewhere: its size is unknown, so one declaration stands for it.
    return [{ name: node.text.slice(0, 60), schema: null }];
  }

  private tool(raw: Node): ToolDeclaration {
    const schema = this.json(raw) ?? null;
    if (schema && typeof schema === 'object' && !Array.isArray(schema)) {
      const fn = schema.function;
      const name = (fn && typeof fn === 'object' && !Array.isArray(fn) ? fn.name : undefined) ?? schema.name ?? schema.type;
      return { name: typeof name === 'string' ? name : null, schema };
    }
    return { name: this.names.adapter.unwrap(raw).text.slice(0, 60), schema: null };
  }

  private format(key: string, raw: Node): StaticJson | 'unknown' {
    const value = this.json(raw);
    if (value === undefined) return 'unknown';
    if (key === 'schema' && typeof value !== 'object') return 'unknown';
    return value;
  }

  /** Responses `text={"format": {…}}`: only its format is a schema. */
  private responsesTextFormat(raw: Node): StaticJson | 'unknown' | null {
    const value = this.json(raw);
    if (value === undefined) return null;
    if (value && typeof value === 'object' && !Array.isArray(value) && value.format !== undefined) return value.format;
    return null;
  }

  private searchSettings(value: StaticJson | undefined, params: CallParameters, depth: number): void {
    if (depth > 4 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) return;
    for (const [rawKey, inner] of Object.entries(value)) {
      const key = normalizeName(rawKey);
      if (EFFORT_KEYS.has(key) && typeof inner === 'string') params.reasoningEffort ??= inner.toLowerCase();
      else if (BUDGET_KEYS.has(key) && typeof inner === 'number') params.thinkingBudget ??= inner;
      else if (key === 'responseschema' || key === 'responsejsonschema') params.responseFormat ??= inner;
      else this.searchSettings(inner, params, depth + 1);
    }
  }

  private word(raw: Node): string | null {
    const text = this.names.literalText(raw);
    return text ? text.trim().toLowerCase() : null;
  }

  private number(raw: Node): number | null {
    const node = this.names.adapter.unwrap(raw);
    const n = this.names.adapter.numberValue(node);
    if (n !== null) return n;
    const bound = this.names.valuesOfConstant(node);
    return bound ? this.names.adapter.numberValue(this.names.adapter.unwrap(bound)) : null;
  }
}
