/**
 * The model and output budget of an LLM call, for the prompt flow (`promptFlow.ts`): from its arguments
 * (`model=`, `max_tokens=`, options objects one level down), from the model object it is called on or
 * passed (`llm = ChatOpenAI(model=…)`, `Runner.run(agent, …)`), or from the model a template is piped into.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isVariableOrSecretName, looksLikeModelId, MAX_OUTPUT_ARGUMENT_NAMES, MODEL_ARGUMENT_NAMES } from '../evidence';
import { MODEL_CARRIER_ARGUMENT_NAMES, MODEL_OBJECT_FACTORIES, MODEL_OBJECT_METHODS, OPTION_ARGUMENT_NAMES } from './sdkNameLists';
import { contains } from '../syntaxTree';
import { normalizeName } from '../sdkNames';
import { matchRuleForModel, type CallRule } from './callRules';
import type { FileNames } from './fileNames';
import type { CallSite, Entry } from './syntaxAdapter';

export interface CallSettings {
  model: string | null;
  maxTokens: number | null;
  /** The model argument's name or callee when its value is not in this file (`getTitleModel`, `config.MODEL`). */
  modelRef?: string;
}

const DOTTED_REFERENCE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

const MODEL_NAMES = new Set(MODEL_ARGUMENT_NAMES.map(normalizeName));
const MAX_OUTPUT_NAMES = new Set(MAX_OUTPUT_ARGUMENT_NAMES.map(normalizeName));

/** `os.getenv(…)`, `getenv(…)`, `os.environ.get(…)`, `Deno.env.get(…)` (segments as `normalizeName` gives them). */
function isEnvLookup(path: readonly string[]): boolean {
  const last = path[path.length - 1];
  return last === 'getenv' || (last === 'get' && (path[path.length - 2] === 'environ' || path[path.length - 2] === 'env'));
}

export class CallSettingsReader {
  constructor(private readonly names: FileNames) {}

  settingsOfCall(site: CallSite, rule: CallRule | null, depth: number): CallSettings {
    const settings: CallSettings = { model: null, maxTokens: null };
    if (depth > 6) return settings;
    this.readSettings([...site.named].map(([key, value]) => ({ key, keyNode: null, value })), settings, true);
    if (!settings.model && rule?.modelAt !== undefined && site.positional[rule.modelAt]) {
      settings.model = this.modelValue(site.positional[rule.modelAt], 0, true);
    }
    if (!settings.model && !rule && site.positional[0]) settings.model = this.modelValue(site.positional[0], 0, true);
    if (rule?.modelObjectAt !== undefined && site.positional[rule.modelObjectAt]) {
      const carried = this.settingsOfObject(site.positional[rule.modelObjectAt], depth + 1);
      settings.model ??= carried.model;
      settings.maxTokens ??= carried.maxTokens;
    }
    if (site.receiver && (!settings.model || settings.maxTokens === null)) {
      const fromReceiver = this.settingsOfObject(site.receiver, depth + 1);
      settings.model ??= fromReceiver.model;
      settings.maxTokens ??= fromReceiver.maxTokens;
      if (!settings.model) settings.modelRef ??= fromReceiver.modelRef;
    }
    if (settings.model) delete settings.modelRef;
    return settings;
  }

  private readSettings(entries: Entry[], settings: CallSettings, nested: boolean): void {
    const carriers: Node[] = [];
    for (const e of entries) {
      if (e.key === null) continue;
      const key = normalizeName(e.key);
      if (MODEL_NAMES.has(key) && !settings.model) {
        settings.model = this.modelValue(e.value, 0, false);
        if (!settings.model) settings.modelRef ??= this.referenceOf(e.value);
      }
      else if (MAX_OUTPUT_NAMES.has(key) && settings.maxTokens === null) settings.maxTokens = this.numberOf(e.value);
      else if (nested && MODEL_CARRIER_ARGUMENT_NAMES.has(key)) carriers.push(e.value);
      else if (nested && OPTION_ARGUMENT_NAMES.has(key)) {
        const inner = this.names.adapter.unwrap(e.value);
        const nestedEntries = this.names.adapter.entries(inner) ?? this.names.namedArgsAsEntries(inner) ?? this.names.entriesOfName(inner);
        if (nestedEntries) this.readSettings(nestedEntries, settings, false);
      }
    }
    // An object that carries the model (`assistant_id=assistant.id`) counts only after explicit arguments.
    for (const carrier of carriers) {
      if (settings.model && settings.maxTokens !== null) break;
      const carried = this.settingsOfObject(carrier, 1);
      settings.model ??= carried.model;
      settings.maxTokens ??= carried.maxTokens;
    }
  }

  /** The model a model/client object was built with: `llm = ChatOpenAI(model=…)`, `self.llm`, `llm.bind_tools(…)`. */
  settingsOfObject(raw: Node, depth: number): CallSettings {
    const none: CallSettings = { model: null, maxTokens: null };
    if (depth > 6) return none;
    const node = this.names.adapter.unwrap(raw);
    const site = this.names.siteOf(node);
    if (site) return this.settingsOfCall(site, matchRuleForModel(site), depth + 1);
    const value = this.names.valuesOfConstant(node);
    if (value) return this.settingsOfObject(value, depth + 1);
    const member = this.names.adapter.member(node);
    if (member) return this.settingsOfObject(member.object, depth + 1);
    // A model object imported from another module (`from .models import llm`): that file may say.
    const name = this.names.adapter.identifier(node);
    return name !== null ? { ...none, modelRef: name } : none;
  }

  /** `getTitleModel()` → `getTitleModel`, `config.MODEL` → itself: a name another file may define; else undefined. */
  private referenceOf(raw: Node): string | undefined {
    const node = this.names.adapter.unwrap(raw);
    const site = this.names.siteOf(node);
    const text = site ? site.node.text.slice(0, Math.max(0, site.node.text.indexOf('('))) : node.text;
    const reference = text.replace(/\s+/g, '');
    return DOTTED_REFERENCE.test(reference) ? reference : undefined;
  }

  /** `llm` in `llm.invoke(…)`: built by a chat-model class or factory, or it has a model id. */
  isModelObject(raw: Node, depth: number): boolean {
    if (depth > 6) return false;
    const node = this.names.adapter.unwrap(raw);
    const site = this.names.siteOf(node);
    if (site) {
      const last = site.path[site.path.length - 1] ?? '';
      // `ChatOpenAI(…)`, `init_chat_model(…)`, and a project's own factory named for what it returns (`load_chat_model`, `get_llm`).
      if (MODEL_OBJECT_FACTORIES.has(last) || /^(azure)?chat[a-z]+$/.test(last) || /^(load|get|create|make|build|init|new)(chat)?(model|llm)$/.test(last)) return true;
      if (MODEL_OBJECT_METHODS.has(last) && site.receiver) return this.isModelObject(site.receiver, depth + 1);
      return this.settingsOfCall(site, matchRuleForModel(site), depth + 1).model !== null;
    }
    const value = this.names.valuesOfConstant(node);
    return value ? this.isModelObject(value, depth + 1) : false;
  }

  /**
   * A model id from an argument: a literal, a constant, `openai("gpt-4o")`-style helpers,
   * `os.getenv("MODEL", "gpt-4o")`, `process.env.MODEL ?? "gpt-4o"`. `strict`: only strings that look
   * like model ids (for positional arguments, which may be anything).
   */
  private modelValue(raw: Node, depth: number, strict: boolean): string | null {
    if (depth > 6) return null;
    const node = this.names.adapter.unwrap(raw);
    const text = this.names.literalText(node);
    if (text !== null) {
      const t = text.trim();
      if (!t || /\s/.test(t) || isVariableOrSecretName(t)) return null;
      return !strict || looksLikeModelId(t.replace(/^[\w-]+:/, '')) ? t : null;
    }
    const alternatives = this.names.adapter.alternatives(node);
    if (alternatives) {
      for (const alt of alternatives) {
        const m = this.modelValue(alt, depth + 1, strict);
        if (m) return m;
      }
      return null;
    }
    const site = this.names.siteOf(node);
    if (site) {
      // `os.getenv("MODEL", "gpt-4o")`: the default when one is written, never the variable's name.
      if (isEnvLookup(site.path)) {
        const fallback = site.positional[1] ?? site.named.get('default');
        return fallback ? this.modelValue(fallback, depth + 1, false) : null;
      }
      for (const arg of site.positional) {
        const m = this.modelValue(arg, depth + 1, true);
        if (m) return m;
      }
      return null;
    }
    const value = this.names.valuesOfConstant(node);
    return value ? this.modelValue(value, depth + 1, strict) : null;
  }

  private numberOf(raw: Node, depth = 0): number | null {
    const node = this.names.adapter.unwrap(raw);
    const n = this.names.adapter.numberValue(node);
    if (n !== null || depth > 4) return n;
    const value = this.names.valuesOfConstant(node);
    return value ? this.numberOf(value, depth + 1) : null;
  }

  /**
   * LangChain: the model a template is piped into (`prompt | llm`, `prompt.pipe(llm)`,
   * `LLMChain(llm=llm, prompt=prompt)`), inline or through the variable the template is bound to.
   */
  pipedSettings(templateCall: Node): CallSettings | null {
    const uses: Node[] = [templateCall];
    const binding = this.names.index.bindings.find((b) => this.names.adapter.unwrap(b.value).id === templateCall.id);
    if (binding && !binding.member) {
      for (const use of this.names.index.usagesOf(binding.name)) {
        if (binding.scope.id === this.names.root.id || contains(binding.scope, use)) uses.push(use);
      }
    }
    for (const use of uses) {
      const settings = this.settingsNextTo(use);
      if (settings) return settings;
    }
    return null;
  }

  private settingsNextTo(use: Node): CallSettings | null {
    let top: Node | null = null;
    let operands: Node[] | null = null;
    for (let p = use.parent; p; p = p.parent) {
      const ops = this.names.adapter.pipeOperands(p);
      if (!ops) break;
      top = p;
      operands = ops;
    }
    if (top && operands) {
      for (const op of operands) {
        if (contains(op, use)) continue;
        const settings = this.settingsOfObject(op, 0);
        if (settings.model) return settings;
      }
    }
    // An argument of a call that also receives the model (`LLMChain(llm=…, prompt=…)`), or `prompt.pipe(llm)`.
    for (let p = use.parent, i = 0; p && i < 4; p = p.parent, i++) {
      const site = this.names.siteOf(p);
      if (!site) continue;
      const args = [...site.positional, ...site.named.values()];
      const isReceiver = site.receiver && this.names.adapter.unwrap(site.receiver).id === use.id && site.path[site.path.length - 1] === 'pipe';
      if (!isReceiver && !args.some((a) => contains(a, use))) continue;
      for (const arg of args) {
        const siblings = contains(arg, use) ? this.names.adapter.elements(this.names.adapter.unwrap(arg)) ?? [] : [arg];
        for (const other of siblings) {
          if (contains(other, use)) continue;
          const settings = this.settingsOfObject(other, 0);
          if (settings.model) return settings;
        }
      }
      break;
    }
    return null;
  }
}
