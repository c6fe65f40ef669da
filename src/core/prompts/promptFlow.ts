/**
 * The language-neutral part of prompt discovery. Given a `SyntaxAdapter` for a grammar it:
 *  1. finds known LLM calls (`languages/llmCalls.ts`) and follows their prompt arguments — through
 *     message lists, variables, `.format(…)`/`%`, helper functions and their parameters — to the string
 *     expressions that hold the text (evidence `call`, or `flow` when a variable was crossed);
 *  2. infers the call's model and output budget (literal, constant, SDK helper, model object);
 *  3. adds strings whose name says "prompt" and whose text reads as instructions (evidence `name`),
 *     and chat-message shaped literals (`{"role": "system", "content": …}`) that reach no known call.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isPromptName, looksLikeModelId, nonPromptReason, MAX_OUTPUT_ARGUMENT_NAMES, MODEL_ARGUMENT_NAMES, readsAsInstructions } from './evidence';
import type { FinderContext } from './languageFinder';
import type { FoundPrompt, PlaceholderSyntax, PromptEvidence } from './prompt';
import type { Binding, CallSite, Entry, FileIndex, FunctionDef, SyntaxAdapter } from './syntaxAdapter';
import { contains, evidenceRank, normalizeName, normalizeRole, promptFromNode, type StringValue } from './treeUtils';
import { MODEL_CARRIER_ARGUMENT_NAMES, MODEL_OBJECT_FACTORIES, MODEL_OBJECT_METHODS, OPTION_ARGUMENT_NAMES, PROMPT_ARGUMENT_NAMES } from './languages/llmCalls';
import { nameTable } from './languages/nameTable';
import { PYTHON_JAVASCRIPT_SDK_CALLS } from '../languages/pythonJavascriptSdkCalls';
import type { ArgSpec, SdkCallShape } from '../languages/sdkCallShape';

type CallRule = SdkCallShape;

const MODEL_NAMES = new Set(MODEL_ARGUMENT_NAMES.map(normalizeName));
const MAX_OUTPUT_NAMES = new Set(MAX_OUTPUT_ARGUMENT_NAMES.map(normalizeName));
const MAX_DEPTH = 12;

/** Name words that mark a string as something other than a model prompt even if it says "template". */
const NON_PROMPT_NAME_WORDS = new Set(['email', 'mail', 'html', 'sql', 'url', 'uri', 'path', 'regex', 'log', 'error', 'err', 'exception', 'subject', 'sms', 'notification', 'filename', 'dir']);

interface CompiledRule {
  rule: CallRule;
  segments: string[][];
}

const COMPILED_RULES: CompiledRule[] = PYTHON_JAVASCRIPT_SDK_CALLS.filter((shape) => shape.form === 'call').map((rule) => ({ rule, segments: rule.callee.split('.').map((s) => s.split('|')) }));
/** Every name a rule's callee can end with: a call ending otherwise matches no rule (checked before its arguments are read). */
const RULE_LAST_SEGMENTS = new Set(COMPILED_RULES.flatMap(({ segments }) => segments[segments.length - 1]));

const MESSAGE_SHAPES = PYTHON_JAVASCRIPT_SDK_CALLS.filter((shape) => shape.form === 'message');
/** Message classes: the role their callee says, or null when a `role=` argument says it. */
const MESSAGE_CLASS_ROLES = nameTable<string | null>(Object.fromEntries(MESSAGE_SHAPES.map((shape) => [shape.callee, shape.role ?? null])));
/** Message-template classes whose text is a `{name}` template. */
const TEMPLATE_MESSAGE_CLASSES = new Set(MESSAGE_SHAPES.filter((shape) => shape.syntaxes).map((shape) => shape.callee));

/** Where found text goes and what it inherits from the call that uses it. */
interface Sink {
  evidence: PromptEvidence;
  model: string | null;
  maxTokens: number | null;
  syntaxes: PlaceholderSyntax[];
  role?: string;
  /** Name of the variable crossed last, reported only for the string bound to it (`nameFor`). */
  name?: string;
  nameFor?: number;
  depth: number;
}

interface CallSettings {
  model: string | null;
  maxTokens: number | null;
}

export function findPromptsWithAdapter(root: Node, ctx: FinderContext, adapter: SyntaxAdapter): FoundPrompt[] {
  return new PromptFlow(root, ctx, adapter).run();
}

class PromptFlow {
  private readonly index: FileIndex;
  private lowerSourceCache: string | undefined;
  private readonly results = new Map<string, FoundPrompt>();
  private readonly bindingsByName = new Map<string, Binding[]>();
  private readonly memberBindings = new Map<string, Binding[]>();
  private readonly functionsByName = new Map<string, FunctionDef[]>();
  private readonly active = new Set<number>();
  private callSitesCache: CallSite[] | undefined;

  constructor(
    private readonly root: Node,
    private readonly ctx: FinderContext,
    private readonly adapter: SyntaxAdapter,
  ) {
    this.index = adapter.index(root);
    const trace = ctx.trace;
    if (trace) {
      const usagesOf = this.index.usagesOf;
      this.index.usagesOf = (name) => {
        trace.name(name);
        return usagesOf(name);
      };
      // An alias changes the callee path of every call through it: its definition is a start, its uses lookups.
      for (const site of this.index.aliasSites) trace.start(site);
      for (const alias of this.index.aliases.keys()) trace.name(alias);
    }
    for (const b of this.index.bindings) {
      const map = b.member ? this.memberBindings : this.bindingsByName;
      const list = map.get(b.name) ?? [];
      list.push(b);
      map.set(b.name, list);
    }
    for (const f of this.index.functions) {
      const key = normalizeName(f.name);
      this.functionsByName.set(key, [...(this.functionsByName.get(key) ?? []), f]);
    }
  }

  /** Read by call rules that need an import to be trusted (`requires`); most files never need it. */
  private get lowerSource(): string {
    this.lowerSourceCache ??= this.ctx.source.toLowerCase();
    return this.lowerSourceCache;
  }

  /** `map.get(name)`, told to the trace: every lookup by name goes through here or `index.usagesOf`. */
  private named<T>(map: Map<string, T[]>, name: string): T[] {
    this.ctx.trace?.name(name);
    return map.get(name) ?? [];
  }

  run(): FoundPrompt[] {
    for (const call of this.index.calls) this.analyzeCall(call);
    this.addNamedPrompts();
    this.addMessageShapedLiterals();
    return [...this.results.values()].sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  }

  // ──── Calls ───────────────────────────────────────────────────────────────────────────────────

  private matchRule(site: CallSite): CallRule | null {
    for (const { rule, segments } of COMPILED_RULES) {
      if (site.path.length < segments.length || site.path.length < (rule.minPath ?? 0)) continue;
      const offset = site.path.length - segments.length;
      if (!segments.every((alts, i) => alts.includes(site.path[offset + i]))) continue;
      if (rule.requires && !rule.requires.some((r) => this.textContains(r))) continue;
      if (rule.needsModelReceiver && !(site.receiver && this.isModelObject(site.receiver, 0))) continue;
      return rule;
    }
    return null;
  }

  private textContains(needle: string): boolean {
    const found = this.lowerSource.includes(needle);
    this.ctx.trace?.textContains(needle, found);
    return found;
  }

  /** `inherited` is the sink of a call that leads to this one; without it, `node` is one of the file's calls. */
  private analyzeCall(node: Node, inherited?: Sink): void {
    if (!this.mayBeAnalyzed(node)) return;
    if (!inherited) this.ctx.trace?.start(node);
    const site = this.siteOf(node);
    if (!site) return;
    const last = site.path[site.path.length - 1] ?? '';
    const rule = this.matchRule(site);
    if (!rule && !(last in MESSAGE_CLASS_ROLES && last !== 'content')) return;
    const settings = this.settingsOfCall(site, rule, 0);
    if (!settings.model && rule?.syntaxes) {
      const piped = this.pipedSettings(node);
      if (piped) Object.assign(settings, piped);
    }
    const sink: Sink = {
      evidence: inherited?.evidence ?? 'call',
      model: settings.model ?? inherited?.model ?? null,
      maxTokens: settings.maxTokens ?? inherited?.maxTokens ?? null,
      syntaxes: this.templateSyntaxes(site, rule),
      depth: (inherited?.depth ?? 0) + 1,
    };
    if (!rule) {
      this.collectMessage(node, sink);
      return;
    }
    this.applyRule(site, rule, sink);
  }

  /**
   * False when `analyzeCall` would return without effect for `node` as its callee alone shows: no call,
   * or a callee that ends with no rule's name and no message class. Most calls of a file are such, and
   * this skips reading their arguments.
   */
  private mayBeAnalyzed(node: Node): boolean {
    const callee = this.adapter.callee(node);
    if (!callee) return false;
    const path = callee.path;
    const original = path.length > 0 ? this.index.aliases.get(path[0]) : undefined;
    const last = (path.length === 1 && original ? original : path[path.length - 1]) ?? '';
    return RULE_LAST_SEGMENTS.has(last) || (last in MESSAGE_CLASS_ROLES && last !== 'content');
  }

  private applyRule(site: CallSite, rule: CallRule, sink: Sink): void {
    for (const [name, spec] of Object.entries(rule.named ?? {})) {
      const value = site.named.get(name);
      if (value) this.collectArg(value, spec, { ...sink, role: spec.role ?? rule.role ?? sink.role });
    }
    (rule.positional ?? []).forEach((spec, i) => {
      const value = site.positional[i];
      if (value && spec) this.collectArg(value, spec, { ...sink, role: spec.role ?? rule.role ?? sink.role });
    });
  }

  /** LangChain `template_format="mustache"|"jinja2"` switches the placeholder syntax of a template call. */
  private templateSyntaxes(site: CallSite, rule: CallRule | null): PlaceholderSyntax[] {
    const format = site.named.get('templateformat');
    const value = format ? this.literalText(format) : null;
    if (value === 'mustache') return ['mustache'];
    if (value === 'jinja2' || value === 'jinja') return ['mustache', 'jinjaBlock'];
    if (value === 'f-string') return ['format'];
    if (rule?.syntaxes) return rule.syntaxes;
    const last = site.path[site.path.length - 1] ?? '';
    return TEMPLATE_MESSAGE_CLASSES.has(last) ? ['format'] : [];
  }

  private collectArg(node: Node, spec: ArgSpec, sink: Sink): void {
    switch (spec.kind) {
      case 'text':
        return this.collectText(node, sink);
      case 'messages':
        return this.collectMessages(node, sink);
      case 'contents':
        return this.collectContents(node, { ...sink, role: sink.role ?? 'user' });
      case 'blocks':
        return this.collectBlocks(node, sink);
      case 'config':
        return this.collectConfig(node, sink);
    }
  }

  // ──── Following values ────────────────────────────────────────────────────────────────────────

  /**
   * The expressions `node` may stand for when it is a name, a member, or a call to a function of this
   * file: the bound value, the arguments passed for a parameter, or the returned expressions.
   */
  private valuesOf(node: Node): { value: Node; name?: string }[] {
    const name = this.adapter.identifier(node);
    if (name !== null) {
      const binding = this.resolve(node, name);
      const passed = !binding || binding.parameter ? this.argumentsForParameter(node, name).map((value) => ({ value })) : [];
      return binding ? [{ value: binding.value, name }, ...passed] : passed;
    }
    const member = this.adapter.member(node);
    if (member) {
      const value = this.resolveMember(member.object, member.name);
      return value ? [{ value, name: member.name }] : [];
    }
    const site = this.siteOf(node);
    if (site && site.path.length > 0) {
      const fns = this.named(this.functionsByName, site.path[site.path.length - 1]).filter((f) => this.calls(site, f));
      if (fns.length === 1 && !contains(fns[0].node, node)) return fns[0].returns.map((value) => ({ value }));
    }
    return [];
  }

  /** Runs `collect` on every value `node` stands for, marking the text as reached through a variable. */
  private follow(node: Node, sink: Sink, collect: (value: Node, sink: Sink) => void): boolean {
    if (sink.depth > MAX_DEPTH || this.active.has(node.id)) return false;
    const values = this.valuesOf(node);
    if (values.length === 0) return false;
    this.active.add(node.id);
    try {
      for (const { value, name } of values) {
        const named = name ? { name, nameFor: this.adapter.unwrap(value).id } : {};
        collect(value, { ...sink, evidence: weaker(sink.evidence, 'flow'), ...named, depth: sink.depth + 1 });
      }
    } finally {
      this.active.delete(node.id);
    }
    return true;
  }

  /** A prompt string: literal, template, concatenation, or anything that leads to one. */
  private collectText(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.adapter.unwrap(raw);
    const value = this.stringValue(node);
    if (value) {
      this.emit(node, value, sink);
      // A constant inserted into this template (`f"{SYSTEM}\n{q}"`) reaches the model too.
      // Only prompt-like constants: a path or a language name inserted into a prompt is a value, not a prompt.
      for (const ref of value.refs ?? []) {
        const inserted = this.stringValueOfName(ref);
        const refName = this.adapter.identifier(ref) ?? this.adapter.member(ref)?.name ?? '';
        if (inserted && (readsAsInstructions(inserted.text) || (isPromptName(refName) && !nonPromptReason(inserted.text)))) {
          this.collectText(ref, { ...sink, syntaxes: [], depth: sink.depth + 1 });
        }
      }
      return;
    }
    const alternatives = this.adapter.alternatives(node);
    if (alternatives) {
      for (const alt of alternatives) this.collectText(alt, { ...sink, depth: sink.depth + 1 });
      return;
    }
    const use = this.adapter.templateUse(node);
    if (use) {
      const syntaxes = sink.syntaxes.includes(use.syntax) ? sink.syntaxes : [...sink.syntaxes, use.syntax];
      this.collectText(use.template, { ...sink, syntaxes, depth: sink.depth + 1 });
      return;
    }
    const site = this.siteOf(node);
    if (site) {
      const last = site.path[site.path.length - 1] ?? '';
      if (this.matchRule(site) || (last in MESSAGE_CLASS_ROLES && last !== 'content')) {
        // A template object (PromptTemplate…) or message used as the text: it inherits this call's model.
        this.analyzeCall(node, sink);
        return;
      }
    }
    this.follow(node, sink, (v, s) => this.collectText(v, s));
  }

  /** A list of chat messages, or a name for one (including `messages.append(…)` calls on it). */
  private collectMessages(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.adapter.unwrap(raw);
    const elements = this.adapter.elements(node);
    if (elements) {
      for (const element of elements) {
        const spread = this.adapter.spread(element);
        if (spread) this.collectMessages(spread, { ...sink, depth: sink.depth + 1 });
        else this.collectMessage(element, sink);
      }
      return;
    }
    const parts = this.adapter.concatParts(node) ?? this.adapter.alternatives(node); // `[system] + history`, `a or b`
    if (parts) {
      for (const part of parts) this.collectMessages(part, { ...sink, depth: sink.depth + 1 });
      return;
    }
    for (const added of this.appendedTo(node)) this.collectMessage(added, { ...sink, evidence: weaker(sink.evidence, 'flow'), depth: sink.depth + 1 });
    if (!this.follow(node, sink, (v, s) => this.collectMessages(v, s))) {
      const site = this.siteOf(node);
      if (site && this.matchRule(site)) this.analyzeCall(node, sink); // ChatPromptTemplate(...).format_messages()
    }
  }

  /** One chat message: `{"role", "content"}`, `("system", "…")`, `SystemMessage("…")`, or a name for one. */
  private collectMessage(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.adapter.unwrap(raw);
    const entries = this.adapter.entries(node);
    if (entries) return this.collectMessageEntries(entries, sink);
    const elements = this.adapter.elements(node);
    if (elements) {
      if (elements.length !== 2) return;
      const role = this.literalText(elements[0]);
      const normalized = role === null ? undefined : normalizeRole(role);
      if (normalized) this.collectText(elements[1], { ...sink, role: normalized });
      return;
    }
    const site = this.siteOf(node);
    if (site) {
      const last = site.path[site.path.length - 1] ?? '';
      if (last in MESSAGE_CLASS_ROLES) {
        const roleNode = site.named.get('role') ?? (last === 'chatmessage' ? site.positional[0] : undefined);
        const roleText = roleNode ? this.literalText(roleNode) ?? this.memberName(roleNode) : null;
        const role = MESSAGE_CLASS_ROLES[last] ?? (roleText ? normalizeRole(roleText) : undefined) ?? sink.role;
        const syntaxes = TEMPLATE_MESSAGE_CLASSES.has(last) ? ['format' as const] : sink.syntaxes;
        const content = site.named.get('content') ?? site.named.get('text') ?? (last === 'chatmessage' ? site.positional[1] ?? (site.named.get('role') ? site.positional[0] : undefined) : site.positional[0]);
        const parts = site.named.get('parts');
        const messageSink = { ...sink, role, syntaxes, depth: sink.depth + 1 };
        if (content) this.collectContent(content, messageSink);
        if (parts) this.collectContent(parts, messageSink);
        return;
      }
      if (this.matchRule(site)) return this.analyzeCall(node, sink);
    }
    if (this.stringValue(node)) return this.collectText(node, { ...sink, role: sink.role ?? 'user' });
    this.follow(node, sink, (v, s) => this.collectMessage(v, s));
  }

  private collectMessageEntries(entries: Entry[], sink: Sink): void {
    const get = (key: string) => entries.find((e) => e.key !== null && normalizeName(e.key) === key)?.value;
    const roleNode = get('role');
    const roleText = roleNode ? this.literalText(roleNode) : null;
    const role = (roleText ? normalizeRole(roleText) : undefined) ?? sink.role;
    const messageSink = { ...sink, role, depth: sink.depth + 1 };
    const content = get('content') ?? get('parts');
    if (content) return this.collectContent(content, messageSink);
    const text = get('text');
    if (text) this.collectText(text, messageSink);
  }

  /** Message content: a string, or a list of parts (`{"type": "text", "text": …}`, Gemini `{text}`, strings). */
  private collectContent(raw: Node, sink: Sink): void {
    const node = this.adapter.unwrap(raw);
    const elements = this.adapter.elements(node);
    if (!elements) return this.collectText(node, sink);
    for (const element of elements) this.collectPart(element, sink);
  }

  private collectPart(raw: Node, sink: Sink): void {
    const node = this.adapter.unwrap(raw);
    const entries = this.adapter.entries(node) ?? this.namedArgsAsEntries(node);
    if (entries) {
      const text = entries.find((e) => e.key !== null && normalizeName(e.key) === 'text')?.value;
      if (text) this.collectText(text, sink);
      return;
    }
    this.collectText(node, sink);
  }

  /** Gemini `contents`, Responses `input`, Vercel `prompt`, LangChain `invoke` input: text or messages. */
  private collectContents(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.adapter.unwrap(raw);
    if (this.adapter.elements(node) || this.adapter.concatParts(node)) {
      if (!this.stringValue(node)) return this.collectMessages(node, sink);
    }
    const entries = this.adapter.entries(node);
    if (entries) return this.collectMessageEntries(entries, sink);
    if (this.adapter.identifier(node) !== null || this.adapter.member(node)) {
      for (const added of this.appendedTo(node)) this.collectMessage(added, { ...sink, evidence: weaker(sink.evidence, 'flow'), depth: sink.depth + 1 });
      if (this.follow(node, sink, (v, s) => this.collectContents(v, s))) return;
      if (this.adapter.identifier(node) !== null) return;
    }
    const site = this.siteOf(node);
    if (site && (site.path[site.path.length - 1] ?? '') in MESSAGE_CLASS_ROLES) return this.collectMessage(node, sink);
    this.collectText(node, sink);
  }

  /** Anthropic / Bedrock `system`: a string or a list of `{"type": "text", "text": …}` blocks. */
  private collectBlocks(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.adapter.unwrap(raw);
    const elements = this.adapter.elements(node);
    if (elements) {
      for (const element of elements) this.collectPart(element, sink);
      return;
    }
    if (this.adapter.identifier(node) !== null && !this.stringValue(node)) {
      this.follow(node, sink, (v, s) => this.collectBlocks(v, s));
      return;
    }
    this.collectText(node, sink);
  }

  /** Gemini `config=GenerateContentConfig(system_instruction=…)` / `config: { systemInstruction }`. */
  private collectConfig(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.adapter.unwrap(raw);
    const entries = this.adapter.entries(node) ?? this.namedArgsAsEntries(node);
    if (!entries) {
      this.follow(node, sink, (v, s) => this.collectConfig(v, s));
      return;
    }
    for (const e of entries) {
      if (e.key !== null && normalizeName(e.key) === 'systeminstruction') this.collectBlocks(e.value, { ...sink, role: 'system' });
    }
  }

  // ──── Results ─────────────────────────────────────────────────────────────────────────────────

  private emit(node: Node, value: StringValue, sink: Sink): void {
    if (!value.text.trim() && value.holes.length === 0) return;
    const prompt = promptFromNode(node, value, {
      language: this.ctx.language,
      evidence: sink.evidence,
      model: sink.model,
      maxOutputTokens: sink.maxTokens,
      role: sink.role,
      name: sink.nameFor === node.id ? sink.name : undefined,
      syntaxes: sink.syntaxes,
    });
    const key = `${node.startIndex}:${node.endIndex}`;
    const existing = this.results.get(key);
    if (!existing) {
      this.results.set(key, prompt);
      return;
    }
    // The same string reached again: keep the first call's model, the strongest evidence, the richest placeholders.
    if (evidenceRank(prompt.evidence) > evidenceRank(existing.evidence)) existing.evidence = prompt.evidence;
    existing.model ??= prompt.model;
    existing.maxOutputTokens ??= prompt.maxOutputTokens;
    if (!existing.role && prompt.role) existing.role = prompt.role;
    if (!existing.name && prompt.name) existing.name = prompt.name;
    if (prompt.placeholders.length > existing.placeholders.length) {
      existing.placeholders = prompt.placeholders;
      existing.kind = prompt.kind;
    }
  }

  // ──── Names and shapes ────────────────────────────────────────────────────────────────────────

  /** Strings bound to prompt-like names (or passed as prompt-like keyword arguments) that read as instructions. */
  private addNamedPrompts(): void {
    for (const b of this.index.bindings) {
      if (!isPromptName(b.name) || isNonPromptName(b.name)) continue;
      this.ctx.trace?.start(b.value);
      const node = this.adapter.unwrap(b.value);
      if (this.isEmitted(node)) continue; // already found through a call, with stronger evidence
      const sink: Sink = { evidence: 'name', model: null, maxTokens: null, syntaxes: this.usageSyntaxes(b), name: b.name, nameFor: node.id, depth: 0 };
      const value = this.stringValue(node);
      if (value) {
        if (readsAsInstructions(value.text)) this.emit(node, value, sink);
        continue;
      }
      // A table of prompts: PROMPTS = {"summarize": "…", …} or a list of them.
      const members = this.adapter.entries(node)?.map((e) => e.value) ?? this.adapter.elements(node) ?? [];
      for (const member of members) {
        const m = this.adapter.unwrap(member);
        const v = this.stringValue(m);
        if (v && readsAsInstructions(v.text)) this.emit(m, v, { ...sink, name: undefined });
      }
    }
    // Prompt builders: `def build_prompt(…): return f"…"`, `const systemPrompt = (x) => \`…\``.
    for (const fn of this.index.functions) {
      if (!isPromptName(fn.name) || isNonPromptName(fn.name)) continue;
      this.ctx.trace?.start(fn.node);
      for (const ret of fn.returns) {
        const node = this.adapter.unwrap(ret);
        if (this.isEmitted(node)) continue;
        const value = this.stringValue(node);
        if (value && readsAsInstructions(value.text)) {
          this.emit(node, value, { evidence: 'name', model: null, maxTokens: null, syntaxes: [], name: fn.name, nameFor: node.id, depth: 0 });
        }
      }
    }
    for (const e of this.index.keyed) {
      if (e.key === null) continue;
      const key = normalizeName(e.key);
      if (!(PROMPT_ARGUMENT_NAMES.has(key) || isPromptName(e.key)) || isNonPromptName(e.key)) continue;
      this.ctx.trace?.start(e.value);
      const node = this.adapter.unwrap(e.value);
      const value = this.stringValue(node);
      if (value && readsAsInstructions(value.text)) {
        this.emit(node, value, { evidence: 'name', model: null, maxTokens: null, syntaxes: [], role: key.startsWith('system') || key === 'instructions' || key === 'preamble' ? 'system' : undefined, depth: 0 });
      }
    }
  }

  /** `{"role": "system", "content": "…"}` anywhere: the keys say it is a chat message even if no known call is seen. */
  private addMessageShapedLiterals(): void {
    for (const object of this.index.objects) {
      const entries = this.adapter.entries(object);
      if (!entries) continue;
      const roleEntry = entries.find((e) => e.key === 'role');
      if (roleEntry) this.ctx.trace?.start(object);
      const roleText = roleEntry ? this.literalText(roleEntry.value) : null;
      if (!roleText || !normalizeRole(roleText)) continue;
      const content = entries.find((e) => e.key === 'content' || e.key === 'parts');
      if (!content) continue;
      // Outside a known call, only system messages or instruction-like text: test data and stored
      // chat history ({"role": "user", "content": "hello"}) are not prompts of this code.
      const role = normalizeRole(roleText);
      const text = this.stringValue(this.adapter.unwrap(content.value));
      if (role !== 'system' && role !== 'developer' && !(text && readsAsInstructions(text.text))) continue;
      this.collectMessageEntries(entries, { evidence: 'name', model: null, maxTokens: null, syntaxes: [], depth: 0 });
    }
  }

  private isEmitted(node: Node): boolean {
    return this.results.has(`${node.startIndex}:${node.endIndex}`);
  }

  /** `NAME.format(…)` / `NAME % (…)` somewhere in the file makes NAME a template of that syntax. */
  private usageSyntaxes(binding: Binding): PlaceholderSyntax[] {
    const syntaxes: PlaceholderSyntax[] = [];
    for (const use of this.index.usagesOf(binding.name)) {
      for (let p = use.parent, i = 0; p && i < 3; p = p.parent, i++) {
        const t = this.adapter.templateUse(p);
        if (t && contains(t.template, use) && this.adapter.unwrap(t.template).id === use.id) {
          if (!syntaxes.includes(t.syntax)) syntaxes.push(t.syntax);
          break;
        }
      }
    }
    return syntaxes;
  }

  // ──── Names → values ──────────────────────────────────────────────────────────────────────────

  /** The binding a name refers to at `use`: innermost enclosing scope, last assignment before the use. */
  private resolve(use: Node, name: string): Binding | null {
    const candidates = this.named(this.bindingsByName, name).filter(
      (b) => (b.scope.id === this.root.id || contains(b.scope, use)) && !contains(b.value, use),
    );
    if (candidates.length === 0) return null;
    let innermost = candidates[0].scope;
    for (const c of candidates) if (c.scope.endIndex - c.scope.startIndex < innermost.endIndex - innermost.startIndex) innermost = c.scope;
    const inScope = candidates.filter((c) => c.scope.id === innermost.id);
    const before = inScope.filter((c) => c.at < use.startIndex);
    return before.length > 0 ? before[before.length - 1] : inScope[0];
  }

  /** `self.x`, `this.x`, `Prompts.SYSTEM`, `PROMPTS["key"]`, `config.prompt` → the bound value. */
  private resolveMember(object: Node, name: string): Node | null {
    const inner = this.adapter.unwrap(object);
    if (!this.adapter.isSelf(inner)) {
      const objectName = this.adapter.identifier(inner);
      const outer = this.adapter.member(inner); // config.reviewer.systemPrompt
      const target = objectName !== null ? this.resolve(inner, objectName)?.value : outer ? this.resolveMember(outer.object, outer.name) : null;
      if (target) {
        const entries = this.adapter.entries(this.adapter.unwrap(target));
        return entries?.find((e) => e.key === name)?.value ?? null;
      }
      if (objectName === null) return null;
    }
    const members = this.named(this.memberBindings, name);
    return members.length > 0 ? members[0].value : null;
  }

  /** Arguments passed for parameter `name` of the function enclosing `use`, at its calls in this file. */
  private argumentsForParameter(use: Node, name: string): Node[] {
    const fn = this.index.functions.filter((f) => contains(f.node, use) && f.params.includes(name)).pop();
    if (!fn) return [];
    const target = normalizeName(fn.name);
    this.ctx.trace?.name(target); // every call site of the file is matched against it
    const params = fn.params[0] === 'self' || fn.params[0] === 'cls' ? fn.params.slice(1) : fn.params;
    const position = params.indexOf(name);
    const found: Node[] = [];
    for (const site of this.callSites()) {
      if (site.path[site.path.length - 1] !== target || contains(fn.node, site.node) || !this.calls(site, fn)) continue;
      const arg = site.named.get(normalizeName(name)) ?? site.positional[position];
      if (arg) found.push(arg);
    }
    return found;
  }

  /** The call at `node` with `**params` / `...options` spreads folded into its named arguments. */
  private siteOf(node: Node): CallSite | null {
    const site = this.adapter.call(node);
    if (!site) return null;
    const original = site.path.length > 0 ? this.index.aliases.get(site.path[0]) : undefined;
    if (original) site.path[0] = original;
    for (const spread of site.spreads) {
      const entries = this.entriesOfName(this.adapter.unwrap(spread)) ?? this.adapter.entries(this.adapter.unwrap(spread));
      for (const e of entries ?? []) {
        if (e.key === null) continue;
        const key = normalizeName(e.key);
        if (!site.named.has(key)) site.named.set(key, e.value);
      }
    }
    return site;
  }

  /**
   * Whether `site` plausibly calls `fn`: a bare `f(…)` for a function; `self.m(…)`, `this.m(…)` or
   * `obj.m(…)` with `obj` built by the class for a method. Names alone would tie `Runner.run(…)` to any
   * `def run`.
   */
  private calls(site: CallSite, fn: FunctionDef): boolean {
    if (site.path[site.path.length - 1] !== normalizeName(fn.name)) return false;
    if (!fn.className) return site.path.length === 1;
    if (!site.receiver) return false;
    const receiver = this.adapter.unwrap(site.receiver);
    if (this.adapter.isSelf(receiver)) return true;
    const built = this.siteOf(receiver) ?? this.siteOfValue(receiver);
    return !!built && built.path[built.path.length - 1] === normalizeName(fn.className);
  }

  private siteOfValue(node: Node): CallSite | null {
    const value = this.valuesOfConstant(node);
    return value ? this.siteOf(this.adapter.unwrap(value)) : null;
  }

  private callSites(): CallSite[] {
    this.callSitesCache ??= this.index.calls.map((c) => this.siteOf(c)).filter((s): s is CallSite => s !== null);
    return this.callSitesCache;
  }

  /**
   * Nodes added to a list variable or member with `.append(x)`, `.push(x)`, `.extend([...])`,
   * `.insert(i, x)` (`messages.append(…)`, `self.messages.append(…)`).
   */
  private appendedTo(list: Node): Node[] {
    const name = this.adapter.identifier(list);
    const member = name === null ? this.adapter.member(list) : null;
    if (name === null && !member) return [];
    const key = name ?? member!.name;
    const binding = name !== null ? this.resolve(list, name) : null;
    const out: Node[] = [];
    for (const use of this.index.usagesOf(key)) {
      if (binding && !(binding.scope.id === this.root.id || contains(binding.scope, use))) continue;
      // The list expression at this use: the name itself, or the `self.messages` member it names.
      const parent = use.parent;
      const asMember = parent ? this.adapter.member(parent) : null;
      const isProperty = !!asMember && asMember.object.id !== use.id && asMember.name === key;
      if (member ? !isProperty || !this.sameObject(asMember!.object, member.object) : isProperty) continue;
      const target = member ? parent! : use;
      const call = target.parent?.parent;
      if (!call) continue;
      const site = this.siteOf(call);
      if (!site || !site.receiver || this.adapter.unwrap(site.receiver).id !== target.id) continue;
      const method = site.path[site.path.length - 1];
      if (method === 'append' || method === 'push' || method === 'unshift') out.push(...site.positional);
      else if (method === 'insert') out.push(...site.positional.slice(1));
      else if (method === 'extend') for (const arg of site.positional) out.push(...(this.adapter.elements(this.adapter.unwrap(arg)) ?? []));
    }
    return out;
  }

  /** `self` and `self`, `this` and `this`, or the same name. */
  private sameObject(a: Node, b: Node): boolean {
    const x = this.adapter.unwrap(a);
    const y = this.adapter.unwrap(b);
    if (this.adapter.isSelf(x) && this.adapter.isSelf(y)) return true;
    const nx = this.adapter.identifier(x);
    return nx !== null && nx === this.adapter.identifier(y);
  }

  // ──── Strings and literals ────────────────────────────────────────────────────────────────────

  private stringValue(node: Node, depth = 0): StringValue | null {
    return this.adapter.stringValue(node, (ref) => {
      if (depth > 4) return null;
      const values = this.valuesOfConstant(ref);
      return values ? this.stringValue(this.adapter.unwrap(values), depth + 1) : null;
    });
  }

  /** The constant string a name is bound to, if any. */
  private stringValueOfName(ref: Node): StringValue | null {
    const value = this.valuesOfConstant(ref);
    return value ? this.stringValue(this.adapter.unwrap(value)) : null;
  }

  /** A name bound to a value in this file (no parameters, no calls). */
  private valuesOfConstant(ref: Node): Node | null {
    const name = this.adapter.identifier(ref);
    if (name !== null) return this.resolve(ref, name)?.value ?? null;
    const member = this.adapter.member(ref);
    return member ? this.resolveMember(member.object, member.name) : null;
  }

  /** The text of a plain string literal (no placeholders), else null. */
  private literalText(node: Node): string | null {
    const value = this.stringValue(this.adapter.unwrap(node));
    return value && value.holes.length === 0 ? value.text : null;
  }

  /** `Role.SYSTEM`, `MessageRole.USER` → the member name, for role enums. */
  private memberName(node: Node): string | null {
    return this.adapter.member(this.adapter.unwrap(node))?.name ?? null;
  }

  private namedArgsAsEntries(node: Node): Entry[] | null {
    const site = this.siteOf(node);
    if (!site || site.named.size === 0) return null;
    return [...site.named].map(([key, value]) => ({ key, keyNode: null, value }));
  }

  // ──── Model and output budget ─────────────────────────────────────────────────────────────────

  private settingsOfCall(site: CallSite, rule: CallRule | null, depth: number): CallSettings {
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
    }
    return settings;
  }

  private readSettings(entries: Entry[], settings: CallSettings, nested: boolean): void {
    const carriers: Node[] = [];
    for (const e of entries) {
      if (e.key === null) continue;
      const key = normalizeName(e.key);
      if (MODEL_NAMES.has(key) && !settings.model) settings.model = this.modelValue(e.value, 0, false);
      else if (MAX_OUTPUT_NAMES.has(key) && settings.maxTokens === null) settings.maxTokens = this.numberOf(e.value);
      else if (nested && MODEL_CARRIER_ARGUMENT_NAMES.has(key)) carriers.push(e.value);
      else if (nested && OPTION_ARGUMENT_NAMES.has(key)) {
        const inner = this.adapter.unwrap(e.value);
        const nestedEntries = this.adapter.entries(inner) ?? this.namedArgsAsEntries(inner) ?? this.entriesOfName(inner);
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


  private entriesOfName(node: Node): Entry[] | null {
    const value = this.valuesOfConstant(node);
    if (!value) return null;
    const inner = this.adapter.unwrap(value);
    return this.adapter.entries(inner) ?? this.namedArgsAsEntries(inner);
  }

  /** The model a model/client object was built with: `llm = ChatOpenAI(model=…)`, `self.llm`, `llm.bind_tools(…)`. */
  private settingsOfObject(raw: Node, depth: number): CallSettings {
    const none: CallSettings = { model: null, maxTokens: null };
    if (depth > 6) return none;
    const node = this.adapter.unwrap(raw);
    const site = this.siteOf(node);
    if (site) return this.settingsOfCall(site, this.matchRuleForModel(site), depth + 1);
    const value = this.valuesOfConstant(node);
    if (value) return this.settingsOfObject(value, depth + 1);
    const member = this.adapter.member(node);
    if (member) return this.settingsOfObject(member.object, depth + 1);
    return none;
  }

  /** `llm` in `llm.invoke(…)`: built by a chat-model class or factory, or it has a model id. */
  private isModelObject(raw: Node, depth: number): boolean {
    if (depth > 6) return false;
    const node = this.adapter.unwrap(raw);
    const site = this.siteOf(node);
    if (site) {
      const last = site.path[site.path.length - 1] ?? '';
      if (MODEL_OBJECT_FACTORIES.has(last) || /^(azure)?chat[a-z]+$/.test(last)) return true;
      if (MODEL_OBJECT_METHODS.has(last) && site.receiver) return this.isModelObject(site.receiver, depth + 1);
      return this.settingsOfCall(site, this.matchRuleForModel(site), depth + 1).model !== null;
    }
    const value = this.valuesOfConstant(node);
    return value ? this.isModelObject(value, depth + 1) : false;
  }

  private matchRuleForModel(site: CallSite): CallRule | null {
    for (const { rule, segments } of COMPILED_RULES) {
      if (rule.modelAt === undefined || site.path.length < segments.length) continue;
      const offset = site.path.length - segments.length;
      if (segments.every((alts, i) => alts.includes(site.path[offset + i]))) return rule;
    }
    return null;
  }

  /**
   * A model id from an argument: a literal, a constant, `openai("gpt-4o")`-style helpers,
   * `os.getenv("MODEL", "gpt-4o")`, `process.env.MODEL ?? "gpt-4o"`. `strict`: only strings that look
   * like model ids (for positional arguments, which may be anything).
   */
  private modelValue(raw: Node, depth: number, strict: boolean): string | null {
    if (depth > 6) return null;
    const node = this.adapter.unwrap(raw);
    const text = this.literalText(node);
    if (text !== null) {
      const t = text.trim();
      if (!t || /\s/.test(t)) return null;
      return !strict || looksLikeModelId(t.replace(/^[\w-]+:/, '')) ? t : null;
    }
    const alternatives = this.adapter.alternatives(node);
    if (alternatives) {
      for (const alt of alternatives) {
        const m = this.modelValue(alt, depth + 1, strict);
        if (m) return m;
      }
      return null;
    }
    const site = this.siteOf(node);
    if (site) {
      for (const arg of site.positional) {
        const m = this.modelValue(arg, depth + 1, true);
        if (m) return m;
      }
      return null;
    }
    const value = this.valuesOfConstant(node);
    return value ? this.modelValue(value, depth + 1, strict) : null;
  }

  private numberOf(raw: Node, depth = 0): number | null {
    const node = this.adapter.unwrap(raw);
    const n = this.adapter.numberValue(node);
    if (n !== null || depth > 4) return n;
    const value = this.valuesOfConstant(node);
    return value ? this.numberOf(value, depth + 1) : null;
  }

  /**
   * LangChain: the model a template is piped into (`prompt | llm`, `prompt.pipe(llm)`,
   * `LLMChain(llm=llm, prompt=prompt)`), inline or through the variable the template is bound to.
   */
  private pipedSettings(templateCall: Node): CallSettings | null {
    const uses: Node[] = [templateCall];
    const binding = this.index.bindings.find((b) => this.adapter.unwrap(b.value).id === templateCall.id);
    if (binding && !binding.member) {
      for (const use of this.index.usagesOf(binding.name)) {
        if (binding.scope.id === this.root.id || contains(binding.scope, use)) uses.push(use);
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
      const ops = this.adapter.pipeOperands(p);
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
      const site = this.siteOf(p);
      if (!site) continue;
      const args = [...site.positional, ...site.named.values()];
      const isReceiver = site.receiver && this.adapter.unwrap(site.receiver).id === use.id && site.path[site.path.length - 1] === 'pipe';
      if (!isReceiver && !args.some((a) => contains(a, use))) continue;
      for (const arg of args) {
        const siblings = contains(arg, use) ? this.adapter.elements(this.adapter.unwrap(arg)) ?? [] : [arg];
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

function weaker(a: PromptEvidence, b: PromptEvidence): PromptEvidence {
  return evidenceRank(a) <= evidenceRank(b) ? a : b;
}

function isNonPromptName(name: string): boolean {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .some((w) => NON_PROMPT_NAME_WORDS.has(w.toLowerCase()));
}
