/**
 * The prompt flow: prompt discovery for Python and JavaScript/TypeScript, which follows values. Given a
 * `SyntaxAdapter` for a grammar it:
 *  1. finds known LLM calls (the SDK table, `callRules.ts`) and follows their prompt arguments — through
 *     message lists, variables, `.format(…)`/`%`, helper functions and their parameters (`fileNames.ts`) —
 *     to the string expressions that hold the text (evidence `call`, or `flow` when a variable was crossed);
 *  2. infers the call's model and output budget (`callSettings.ts`);
 *  3. adds strings whose name says "prompt" and whose text reads as instructions (evidence `name`), and
 *     chat-message shaped literals that reach no known call (`namedPrompts.ts`).
 * Go, Java and C# use the prompt collector instead (`../collector/`), which evaluates strings statically
 * without following calls; both share the string value and escape decoding of `../strings/`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isPromptName, nonPromptReason, readsAsInstructions } from '../evidence';
import type { FinderContext } from '../languageFinder';
import type { FoundPrompt, PlaceholderSyntax } from '../prompt';
import { evidenceRank } from '../evidence';
import { normalizeName, normalizeRole } from '../sdkNames';
import { promptFromNode } from './promptFromNode';
import type { StringValue } from '../strings/stringValue';
import type { ArgSpec } from '../../languages/sdkCallShape';
import { COMPILED_RULES, MESSAGE_CLASS_ROLES, RULE_LAST_SEGMENTS, TEMPLATE_MESSAGE_CLASSES, type CallRule } from './callRules';
import { CallSettingsReader } from './callSettings';
import { FileNames } from './fileNames';
import { MAX_DEPTH, weaker, within, type Sink } from './flowSink';
import { FlowCalls } from './flowCalls';
import { builderOf, isTestDouble, namedLikeModel } from './receiverBuilders';
import { nodeText } from '../syntaxTree';
import { addMessageShapedLiterals, addNamedPrompts, type PromptFlowResults } from './namedPrompts';
import type { CallSite, Entry, SyntaxAdapter } from './syntaxAdapter';

export function findPromptsWithAdapter(root: Node, ctx: FinderContext, adapter: SyntaxAdapter): FoundPrompt[] {
  return new PromptFlow(root, ctx, adapter).run();
}

/** Message classes and builder methods whose first argument is the role (`ChatMessage("user", text)`, `appendMessage('user', text)`). */
const ROLE_FIRST_MESSAGES = new Set(['chatmessage', 'appendmessage', 'addmessage']);

class PromptFlow implements PromptFlowResults {
  readonly names: FileNames;
  private readonly settings: CallSettingsReader;
  private readonly calls: FlowCalls;
  /** Incremented by every `emit`: whether following a value found any text. */
  private emitted = 0;
  private readonly results = new Map<string, FoundPrompt>();
  /** Nodes being followed, so a cycle of names (`a = b; b = a`) ends. */
  private readonly active = new Set<number>();

  constructor(root: Node, ctx: FinderContext, adapter: SyntaxAdapter) {
    this.names = new FileNames(root, ctx, adapter);
    this.settings = new CallSettingsReader(this.names);
    this.calls = new FlowCalls(this.names, (site) => this.matchRule(site));
  }

  run(): FoundPrompt[] {
    for (const call of this.names.index.calls) this.analyzeCall(call);
    addNamedPrompts(this);
    addMessageShapedLiterals(this);
    for (const prompt of this.results.values()) {
      // Text a request is seen to send belongs to the request, not to the template that built it.
      if (prompt.calls?.some((m) => !m.call.implied)) prompt.calls = prompt.calls.filter((m) => !m.call.implied);
    }
    for (const part of this.calls.variableParts(this.names.ctx.language)) {
      const key = `${part.startOffset}:${part.endOffset}`;
      if (!this.results.has(key)) this.results.set(key, part);
    }
    return [...this.results.values()].sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset);
  }

  private matchRule(site: CallSite): CallRule | null {
    for (const { rule, segments } of COMPILED_RULES) {
      if (site.path.length < segments.length || site.path.length < (rule.minPath ?? 0)) continue;
      const offset = site.path.length - segments.length;
      if (!segments.every((alts, i) => alts.includes(site.path[offset + i]))) continue;
      if (rule.requires && !rule.requires.some((r) => this.names.textContains(r))) continue;
      if (rule.needsModelReceiver && !(site.receiver && (this.settings.isModelObject(site.receiver, 0) || isTestDouble(this.names, site.receiver) || namedLikeModel(this.names, site)))) continue;
      if (rule.receiverBuiltBy && !(site.receiver && rule.receiverBuiltBy.includes(builderOf(this.names, site.receiver) ?? ''))) continue;
      return rule;
    }
    return null;
  }

  /** `inherited` is the sink of a call that leads to this one; without it, `node` is one of the file's calls. */
  private analyzeCall(node: Node, inherited?: Sink): void {
    if (!this.mayBeAnalyzed(node)) return;
    if (!inherited) this.names.ctx.trace?.start(node);
    const site = this.names.siteOf(node);
    if (!site) return;
    const last = site.path[site.path.length - 1] ?? '';
    const rule = this.matchRule(site);
    if (!rule && !(last in MESSAGE_CLASS_ROLES && last !== 'content')) return;
    const settings = this.settings.settingsOfCall(site, rule, 0);
    if (!settings.model && rule?.syntaxes) {
      const piped = this.settings.pipedSettings(node);
      if (piped) Object.assign(settings, piped);
    }
    const sink: Sink = {
      evidence: inherited?.evidence ?? 'call',
      model: settings.model ?? inherited?.model ?? null,
      maxTokens: settings.maxTokens ?? inherited?.maxTokens ?? null,
      syntaxes: this.templateSyntaxes(site, rule),
      depth: (inherited?.depth ?? 0) + 1,
      call: inherited ? inherited.call : this.calls.callAt(site, rule, settings),
      slot: inherited?.slot ?? '',
    };
    if (!rule) {
      this.collectMessage(node, sink);
      return;
    }
    this.applyRule(site, rule, sink);
    if (rule.request && !inherited) this.joinDefinition(site, rule, sink);
  }

  /**
   * The agent or model object a request is made with, when the file builds it with prompt text
   * (`Agent(instructions=…)` for `Runner.run(agent, …)`, `GenerativeModel(…, system_instruction=…)` for
   * `model.generate_content(…)`): that text is sent by this request, so it is a part of it.
   */
  private joinDefinition(site: CallSite, rule: CallRule, sink: Sink): void {
    const object = rule.modelObjectAt !== undefined ? site.positional[rule.modelObjectAt] : site.receiver;
    const definition = object ? this.calls.definitionOf(object, 0) : null;
    if (definition) this.analyzeCall(definition, { ...sink, evidence: weaker(sink.evidence, 'flow'), slot: within(sink, 'definition') });
  }

  /**
   * False when `analyzeCall` would return without effect for `node` as its callee alone shows: no call,
   * or a callee that ends with no rule's name and no message class. Most calls of a file are such, and
   * this skips reading their arguments.
   */
  private mayBeAnalyzed(node: Node): boolean {
    const callee = this.names.adapter.callee(node);
    if (!callee) return false;
    const path = callee.path;
    const original = path.length > 0 ? this.names.index.aliases.get(path[0]) : undefined;
    const last = (path.length === 1 && original ? original : path[path.length - 1]) ?? '';
    return RULE_LAST_SEGMENTS.has(last) || (last in MESSAGE_CLASS_ROLES && last !== 'content');
  }

  private applyRule(site: CallSite, rule: CallRule, sink: Sink): void {
    for (const [name, spec] of Object.entries(rule.named ?? {})) {
      const value = site.named.get(name);
      if (value) this.collectArg(value, spec, { ...sink, role: spec.role ?? rule.role ?? sink.role, slot: within(sink, name) });
    }
    (rule.positional ?? []).forEach((spec, i) => {
      const value = site.positional[i];
      if (value && spec) this.collectArg(value, spec, { ...sink, role: spec.role ?? rule.role ?? sink.role, slot: within(sink, `#${i}`) });
    });
  }

  /** LangChain `template_format="mustache"|"jinja2"` switches the placeholder syntax of a template call. */
  private templateSyntaxes(site: CallSite, rule: CallRule | null): PlaceholderSyntax[] {
    const format = site.named.get('templateformat');
    const value = format ? this.names.literalText(format) : null;
    if (value === 'mustache') return ['mustache'];
    if (value === 'jinja2' || value === 'jinja') return ['mustache', 'jinjaBlock'];
    if (value === 'f-string') return ['format'];
    if (rule?.syntaxes) return rule.syntaxes;
    const last = site.path[site.path.length - 1] ?? '';
    return TEMPLATE_MESSAGE_CLASSES.has(last) ? ['format'] : [];
  }

  private collectArg(node: Node, spec: ArgSpec, sink: Sink): void {
    const before = this.emitted;
    const notedBefore = this.calls.noted;
    this.collectArgOfKind(node, spec, sink);
    // Nothing readable reached the argument: the argument itself is the variable (a conversation passed in whole: `messages=history`).
    if (this.emitted === before && this.calls.noted === notedBefore && spec.kind !== 'config') this.calls.noteVariable(node, sink, spec.role ?? 'user');
  }

  private collectArgOfKind(node: Node, spec: ArgSpec, sink: Sink): void {
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

  /** Runs `collect` on every value `node` stands for, marking the text as reached through a variable. */
  private follow(node: Node, sink: Sink, collect: (value: Node, sink: Sink) => void): boolean {
    if (sink.depth > MAX_DEPTH || this.active.has(node.id)) return false;
    const values = this.names.valuesOf(node);
    if (values.length === 0) return false;
    this.active.add(node.id);
    try {
      values.forEach(({ value, name }, i) => {
        const named = name ? { name, nameFor: this.names.adapter.unwrap(value).id } : {};
        const slot = values.length > 1 ? within(sink, i, true) : sink.slot;
        collect(value, { ...sink, evidence: weaker(sink.evidence, 'flow'), ...named, depth: sink.depth + 1, slot });
      });
    } finally {
      this.active.delete(node.id);
    }
    return true;
  }

  /** A prompt string: literal, template, concatenation, or anything that leads to one. */
  private collectText(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.names.adapter.unwrap(raw);
    const value = this.names.stringValue(node);
    if (value) {
      this.emit(node, value, sink);
      // A constant inserted into this template (`f"{SYSTEM}\n{q}"`) reaches the model too.
      // Only prompt-like constants: a path or a language name inserted into a prompt is a value, not a prompt.
      (value.refs ?? []).forEach((ref, i) => {
        const inserted = this.names.stringValueOfName(ref);
        const refName = this.names.adapter.identifier(ref) ?? this.names.adapter.member(ref)?.name ?? '';
        if (inserted && (readsAsInstructions(inserted.text) || (isPromptName(refName) && !nonPromptReason(inserted.text)))) {
          const fills = { part: `${node.startIndex}:${node.endIndex}`, placeholder: nodeText(ref) };
          this.collectText(ref, { ...sink, syntaxes: [], depth: sink.depth + 1, slot: within(sink, `ref${i}`), fills });
        } else if (inserted && inserted.holes.length === 0) {
          // A constant the engine can read (a document, a list of rules): its placeholder is sized as its text.
          this.knownValue(node, nodeText(ref), inserted.text);
        }
      });
      return;
    }
    const alternatives = this.names.adapter.alternatives(node);
    if (alternatives) {
      alternatives.forEach((alt, i) => this.collectText(alt, { ...sink, depth: sink.depth + 1, slot: within(sink, i, true) }));
      return;
    }
    const use = this.names.adapter.templateUse(node);
    if (use) {
      const syntaxes = sink.syntaxes.includes(use.syntax) ? sink.syntaxes : [...sink.syntaxes, use.syntax];
      this.collectText(use.template, { ...sink, syntaxes, depth: sink.depth + 1 });
      return;
    }
    const site = this.names.siteOf(node);
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
    const node = this.names.adapter.unwrap(raw);
    const elements = this.names.adapter.elements(node);
    if (elements) {
      elements.forEach((element, i) => {
        const spread = this.names.adapter.spread(element);
        if (spread) this.collectMessages(spread, { ...sink, depth: sink.depth + 1, slot: within(sink, i) });
        else this.collectOneMessage(element, { ...sink, slot: within(sink, i) });
      });
      return;
    }
    const parts = this.names.adapter.concatParts(node); // `[system] + history`
    const alternatives = parts ? null : this.names.adapter.alternatives(node); // `a or b`
    if (parts || alternatives) {
      (parts ?? alternatives ?? []).forEach((part, i) => this.collectMessages(part, { ...sink, depth: sink.depth + 1, slot: within(sink, `+${i}`, !!alternatives) }));
      return;
    }
    this.calls.appendedBefore(node).forEach((added, i) => this.collectOneMessage(added, { ...sink, evidence: weaker(sink.evidence, 'flow'), depth: sink.depth + 1, slot: within(sink, `append${i}`) }));
    if (!this.follow(node, sink, (v, s) => this.collectMessages(v, s))) {
      const site = this.names.siteOf(node);
      if (site && this.matchRule(site)) this.analyzeCall(node, sink); // ChatPromptTemplate(...).format_messages()
    }
  }

  /** One message of a list: a variable content with nothing to read is one placeholder of the call. */
  private collectOneMessage(node: Node, sink: Sink): void {
    const before = this.emitted;
    this.collectMessage(node, sink);
    if (this.emitted !== before) return;
    const inner = this.names.adapter.unwrap(node);
    const entries = this.names.adapter.entries(inner);
    if (entries) {
      // {"role": "user", "content": ticket_body}
      const get = (key: string) => entries.find((e) => e.key !== null && normalizeName(e.key) === key)?.value;
      const content = get('content');
      const roleText = get('role') ? this.names.literalText(get('role') as Node) : null;
      // A tool result is the model's own tool call answered, not a prompt: sized, never a part of its own.
      const toolResult = roleText !== null && /^(tool|function)$/i.test(roleText.trim());
      if (content) this.calls.noteVariable(content, sink, (roleText ? normalizeRole(roleText) : undefined) ?? sink.role ?? 'user', !toolResult);
      return;
    }
    const elements = this.names.adapter.elements(inner);
    if (elements) {
      // ("human", question)
      const roleText = elements.length === 2 ? this.names.literalText(elements[0]) : null;
      const role = roleText ? normalizeRole(roleText) : undefined;
      if (role) this.calls.noteVariable(elements[1], sink, role);
      return;
    }
    // A bare variable as a message or a content part (`contents=["…", question]`): one placeholder.
    if (this.names.adapter.identifier(inner) !== null || this.names.adapter.member(inner)) this.calls.noteVariable(inner, sink, sink.role ?? 'user', false);
  }

  /** One chat message: `{"role", "content"}`, `("system", "…")`, `SystemMessage("…")`, or a name for one. */
  private collectMessage(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.names.adapter.unwrap(raw);
    const entries = this.names.adapter.entries(node);
    if (entries) return this.collectMessageEntries(entries, sink);
    const elements = this.names.adapter.elements(node);
    if (elements) {
      if (elements.length !== 2) return;
      const role = this.names.literalText(elements[0]);
      const normalized = role === null ? undefined : normalizeRole(role);
      if (normalized) this.collectText(elements[1], { ...sink, role: normalized });
      return;
    }
    const site = this.names.siteOf(node);
    if (site) {
      const last = site.path[site.path.length - 1] ?? '';
      if (last in MESSAGE_CLASS_ROLES) {
        const roleFirst = ROLE_FIRST_MESSAGES.has(last) && site.positional.length >= 2;
        const roleNode = site.named.get('role') ?? (roleFirst ? site.positional[0] : undefined);
        const roleText = roleNode ? this.names.literalText(roleNode) ?? this.names.memberName(roleNode) : null;
        const role = MESSAGE_CLASS_ROLES[last] ?? (roleText ? normalizeRole(roleText) : undefined) ?? sink.role;
        const syntaxes = TEMPLATE_MESSAGE_CLASSES.has(last) ? ['format' as const] : sink.syntaxes;
        const content = site.named.get('content') ?? site.named.get('text') ?? (roleFirst ? site.positional[1] : ROLE_FIRST_MESSAGES.has(last) && !site.named.get('role') ? undefined : site.positional[0]);
        const parts = site.named.get('parts');
        const messageSink = { ...sink, role, syntaxes, depth: sink.depth + 1 };
        const before = this.emitted;
        if (content) this.collectContent(content, messageSink);
        // `SystemMessage(content=IMPORTED_PROMPT)`: a message of a known role whose text the file cannot show.
        if (content && this.emitted === before && role) this.calls.noteVariable(content, messageSink, role);
        if (parts) this.collectContent(parts, messageSink);
        return;
      }
      if (this.matchRule(site)) return this.analyzeCall(node, sink);
    }
    if (this.names.stringValue(node)) return this.collectText(node, { ...sink, role: sink.role ?? 'user' });
    this.follow(node, sink, (v, s) => this.collectMessage(v, s));
  }

  collectMessageEntries(entries: Entry[], sink: Sink): void {
    const get = (key: string) => entries.find((e) => e.key !== null && normalizeName(e.key) === key)?.value;
    const roleNode = get('role');
    const roleText = roleNode ? this.names.literalText(roleNode) : null;
    const role = (roleText ? normalizeRole(roleText) : undefined) ?? sink.role;
    const messageSink = { ...sink, role, depth: sink.depth + 1 };
    const content = get('content') ?? get('parts');
    if (content) return this.collectContent(content, messageSink);
    const text = get('text');
    if (text) this.collectText(text, messageSink);
  }

  /** Message content: a string, or a list of parts (`{"type": "text", "text": …}`, Gemini `{text}`, strings). */
  private collectContent(raw: Node, sink: Sink): void {
    const node = this.names.adapter.unwrap(raw);
    const elements = this.names.adapter.elements(node);
    if (!elements) return this.collectText(node, sink);
    // `partN`: the text parts of one message (framed once, see estimateCall).
    elements.forEach((element, i) => this.collectPart(element, { ...sink, slot: within(sink, `part${i}`) }));
  }

  private collectPart(raw: Node, sink: Sink): void {
    const node = this.names.adapter.unwrap(raw);
    const entries = this.names.adapter.entries(node) ?? this.names.namedArgsAsEntries(node);
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
    const node = this.names.adapter.unwrap(raw);
    if (this.names.adapter.elements(node) || this.names.adapter.concatParts(node)) {
      if (!this.names.stringValue(node)) return this.collectMessages(node, sink);
    }
    const entries = this.names.adapter.entries(node);
    if (entries) return this.collectMessageEntries(entries, sink);
    if (this.names.adapter.identifier(node) !== null || this.names.adapter.member(node)) {
      this.calls.appendedBefore(node).forEach((added, i) => this.collectOneMessage(added, { ...sink, evidence: weaker(sink.evidence, 'flow'), depth: sink.depth + 1, slot: within(sink, `append${i}`) }));
      if (this.follow(node, sink, (v, s) => this.collectContents(v, s))) return;
      if (this.names.adapter.identifier(node) !== null) return;
    }
    const site = this.names.siteOf(node);
    if (site && (site.path[site.path.length - 1] ?? '') in MESSAGE_CLASS_ROLES) return this.collectMessage(node, sink);
    this.collectText(node, sink);
  }

  /** Anthropic / Bedrock `system`: a string or a list of `{"type": "text", "text": …}` blocks. */
  private collectBlocks(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.names.adapter.unwrap(raw);
    const elements = this.names.adapter.elements(node);
    if (elements) {
      elements.forEach((element, i) => this.collectPart(element, { ...sink, slot: within(sink, `part${i}`) }));
      return;
    }
    if (this.names.adapter.identifier(node) !== null && !this.names.stringValue(node)) {
      this.follow(node, sink, (v, s) => this.collectBlocks(v, s));
      return;
    }
    this.collectText(node, sink);
  }

  /** Gemini `config=GenerateContentConfig(system_instruction=…)` / `config: { systemInstruction }`. */
  private collectConfig(raw: Node, sink: Sink): void {
    if (sink.depth > MAX_DEPTH) return;
    const node = this.names.adapter.unwrap(raw);
    const entries = this.names.adapter.entries(node) ?? this.names.namedArgsAsEntries(node);
    if (!entries) {
      this.follow(node, sink, (v, s) => this.collectConfig(v, s));
      return;
    }
    for (const e of entries) {
      const key = e.key === null ? null : normalizeName(e.key);
      if (key === 'systeminstruction') this.collectBlocks(e.value, { ...sink, role: 'system' });
      else if (key === 'messages') this.collectArg(e.value, { kind: 'messages' }, sink); // a graph's input state: `{ messages }`
    }
  }

  emit(node: Node, value: StringValue, sink: Sink): void {
    if (!value.text.trim() && value.holes.length === 0) return;
    this.emitted++;
    const prompt = promptFromNode(node, value, {
      language: this.names.ctx.language,
      evidence: sink.evidence,
      model: sink.model,
      maxOutputTokens: sink.maxTokens,
      role: sink.role,
      name: sink.nameFor === node.id ? sink.name : undefined,
      syntaxes: sink.syntaxes,
    });
    const key = `${node.startIndex}:${node.endIndex}`;
    const membership = sink.call ? { call: sink.call, slot: sink.slot, ...(sink.fills ? { fills: sink.fills } : {}) } : null;
    const existing = this.results.get(key);
    if (!existing) {
      if (membership) prompt.calls = [membership];
      this.results.set(key, prompt);
      return;
    }
    if (membership && !existing.calls?.some((m) => m.call.key === membership.call.key && m.slot === membership.slot)) {
      (existing.calls ??= []).push(membership);
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

  /** The value of placeholder `name` of the prompt at `node` is known: it is counted as that text, not at the default size. */
  private knownValue(node: Node, name: string, text: string): void {
    const prompt = this.results.get(`${node.startIndex}:${node.endIndex}`);
    if (!prompt || !prompt.placeholders.some((p) => p.name === name) || prompt.samples?.[name] !== undefined) return;
    prompt.samples = { ...prompt.samples, [name]: text };
  }

  isEmitted(node: Node): boolean {
    return this.results.has(`${node.startIndex}:${node.endIndex}`);
  }
}
