/**
 * The prompt collector: prompt discovery for Go, Java and C#. Unlike the prompt flow of Python and
 * JavaScript (`../flow/promptFlow.ts`), which follows values from a call through names, functions and
 * parameters, a collector finder looks up its SDK calls and fields directly (its language's SDK table),
 * evaluates each prompt argument statically (`stringEvaluator.ts`, `evaluatedString.ts`), and reports it
 * here. Both frameworks share the string value and its placeholders (`../strings/stringValue.ts`) and the
 * escape decoding (`../strings/escapes.ts`).
 *
 * This file gathers the prompts a finder reports (one per string expression, keeping the strongest
 * evidence) and works out the model and output budget of each.
 *
 * The model of a prompt is looked for, nearest first:
 *  1. in the call around it, up to its statement (`Model:` next to `Messages:`, `.model(…)` in the same
 *     builder chain, `Model = …` in the same initializer);
 *  2. in the statements of the same function that use the variable that statement defines
 *     (`msgs := …` then `client.Create(ctx, Request{Model: …, Messages: msgs})`);
 *  3. in the enclosing function, when it names exactly one model;
 *  4. in the file, when it names exactly one model (`GetChatClient("gpt-4o")` once at the top).
 * The output budget follows the same steps; at file level only when the file's one budget configures a
 * client (a field initializer or constructor) and the file names at most one model.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isPromptName, readsAsInstructions } from '../evidence';
import { endOf, memoPerNode, parentOf, textOf, typeOf } from '../nodeFacts';
import type { FinderContext } from '../languageFinder';
import type { CallMembership, FoundPrompt, PlaceholderSyntax, PromptEvidence } from '../prompt';
import { emptyCall, type LlmCall } from '../llmCall';
import { contains } from '../syntaxTree';
import type { SdkCallShape } from '../../languages/sdkCallShape';
import type { ResolvedPrompt, StringEvaluator } from './stringEvaluator';
import { renderValue, staticValueText, withSyntaxes, type EvaluatedString } from './evaluatedString';

export interface ModelSite {
  node: Node;
  model?: string;
  maxOutputTokens?: number;
}

export interface ScopeRules {
  /** A statement or member declaration: where step 1 stops. */
  isStatement(node: Node): boolean;
  /** A function, method, lambda or class body: the scope of step 2 and 3. */
  isFunction(node: Node): boolean;
  /** The variable a statement assigns, if any. */
  definedName(statement: Node): string | null;
  /** A site configuring a client for the whole file (field initializer, constructor), not one request. */
  isClientConfiguration?(site: Node): boolean;
}

const EVIDENCE_RANK: Record<PromptEvidence, number> = { call: 0, flow: 1, name: 2, file: 3 };

function ancestor(node: Node, test: (n: Node) => boolean): Node | null {
  for (let n = parentOf(node); n; n = parentOf(n)) if (test(n)) return n;
  return null;
}

export class ModelScope {
  private readonly fileModels: string[];
  private readonly fileMaxes: number[];

  constructor(private readonly root: Node, private readonly sites: ModelSite[], private readonly rules: ScopeRules) {
    this.fileModels = distinct(sites.map((s) => s.model));
    const maxSites = sites.filter((s) => s.maxOutputTokens !== undefined);
    const allConfigureClients = maxSites.every((s) => rules.isClientConfiguration?.(s.node) ?? false);
    this.fileMaxes = allConfigureClients ? distinct(maxSites.map((s) => s.maxOutputTokens)) : [];
  }

  /**
   * The model and output budget of the call that `anchor` (a prompt or its use) is part of, and the call:
   * the statement that names a model for it (the anchor's own, or one using the variable it defines),
   * else the anchor's statement as an implied call.
   */
  resolve(anchor: Node, sentHere = false): { model: string | null; maxOutputTokens: number | null; call: Node | null; named: boolean } {
    let model: string | undefined;
    let max: number | undefined;
    let call: Node | null = null;
    const take = (found: { model?: string; maxOutputTokens?: number }, at: Node | null): void => {
      if (!call && at && (found.model !== undefined || found.maxOutputTokens !== undefined)) call = at;
      model ??= found.model;
      max ??= found.maxOutputTokens;
    };
    const statement = this.rules.isStatement(anchor) ? anchor : ancestor(anchor, (n) => this.rules.isStatement(n));
    take(this.nearest(anchor, statement), statement);
    const fn = ancestor(anchor, (n) => this.rules.isFunction(n));
    // `messages = [...]` (or `history.AddUserMessage(…)`, `msgs = append(msgs, …)`) then
    // `client.CompleteChat(messages, …)`: the statement that sends the list is the call, not where it grows.
    let sentBy: Node | null = null;
    // A request's own argument (`out, _ := chains.Run(ctx, chain, "…")`): the statement sends it; a later use of `out` is its result.
    if (statement && fn && !sentHere) {
      const name = this.rules.definedName(statement) ?? receiverName(statement);
      for (const use of name ? identifiersNamed(fn, name) : []) {
        if (contains(statement, use)) continue;
        const useStatement = ancestor(use, (n) => this.rules.isStatement(n));
        if (!sentBy && useStatement && use.startIndex > statement.startIndex && !this.grows(useStatement, use, name as string)) sentBy = useStatement;
        if (model === undefined || max === undefined) take(this.nearest(use, useStatement), useStatement);
      }
    }
    const named = call !== null;
    call ??= sentBy ?? statement;
    if (fn && (model === undefined || max === undefined)) {
      const inFn = this.sites.filter((s) => contains(fn, s.node));
      const models = distinct(inFn.map((s) => s.model));
      const maxes = distinct(inFn.map((s) => s.maxOutputTokens));
      if (model === undefined && models.length === 1) model = models[0];
      if (max === undefined && maxes.length === 1) max = maxes[0];
    }
    if (model === undefined && this.fileModels.length === 1) model = this.fileModels[0];
    // One configured client per file (Spring `defaultOptions`, a LangChain4j model field): its budget.
    if (max === undefined && this.fileMaxes.length === 1 && this.fileModels.length <= 1) max = this.fileMaxes[0];
    return { model: model ?? null, maxOutputTokens: max ?? null, call, named };
  }

  /** The model named anywhere in the file when there is exactly one. */
  /** `list.Add(…)`, `history.AddUserMessage(…)`, `msgs = append(msgs, …)`: a statement that adds to the list `name`, not one that sends it. */
  private grows(statement: Node, use: Node, name: string): boolean {
    if (this.rules.definedName(statement) === name) return true;
    const parent = parentOf(use);
    return !!parent && textOf(parent).startsWith(`${name}.`) && receiverName(statement) === name;
  }

  /** The statement `node` is part of (or is). */
  statementOf(node: Node): Node | null {
    return this.rules.isStatement(node) ? node : ancestor(node, (n) => this.rules.isStatement(n));
  }

  definedName(statement: Node): string | null {
    return this.rules.definedName(statement);
  }

  /** A statement in a field initialiser or a constructor: it configures a client for every call of the class. */
  configuresClient(statement: Node): boolean {
    return this.rules.isClientConfiguration?.(statement) ?? false;
  }

  fileModel(): string | null {
    return this.fileModels.length === 1 ? this.fileModels[0] : null;
  }

  /** Sites inside the smallest ancestor of `from` (up to `limit`) that has any. */
  private nearest(from: Node, limit: Node | null): { model?: string; maxOutputTokens?: number } {
    const result: { model?: string; maxOutputTokens?: number } = {};
    for (let n: Node | null = from; n; n = parentOf(n)) {
      const start = n.startIndex;
      const end = endOf(n);
      for (const site of this.sites) {
        if (!(start <= site.node.startIndex && endOf(site.node) <= end)) continue;
        result.model ??= site.model;
        result.maxOutputTokens ??= site.maxOutputTokens;
      }
      if (result.model !== undefined && result.maxOutputTokens !== undefined) break;
      if (!limit || n.id === limit.id || n.id === this.root.id) break;
    }
    return result;
  }
}

/** `this.summarizer = …` / `summarizer = …` → `summarizer`: the field or variable a statement assigns. */
function assignedName(statement: Node): string | null {
  return /^\s*(?:this\.)?([A-Za-z_]\w*)\s*=(?!=)/.exec(textOf(statement))?.[1] ?? null;
}

/** The object a statement calls a method on (`history` in `history.AddUserMessage("…");`), else null. */
function receiverName(statement: Node): string | null {
  return /^\s*(?:this\.)?([A-Za-z_]\w*)\s*\.\s*[A-Za-z_]\w*\s*\(/.exec(textOf(statement))?.[1] ?? null;
}

/** Expressions that name a value (Go, Java, C#): a variable, a field, an element — not a call or a literal. */
const VARIABLE_TYPES = new Set(['identifier', 'member_access_expression', 'element_access_expression', 'field_access', 'array_access', 'selector_expression', 'index_expression']);

function distinct<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}

/** The `identifier` nodes under a scope, listed once per scope node (a function is asked about often). */
const identifiersUnder = memoPerNode((scope): readonly Node[] => scope.descendantsOfType('identifier').filter((n): n is Node => !!n));

/** Every `identifier` node spelled `name` under `scope`. */
export function identifiersNamed(scope: Node, name: string): Node[] {
  return identifiersUnder(scope).filter((n) => textOf(n) === name);
}

export interface PromptInfo {
  evidence: PromptEvidence;
  /** Where the value is used (the call argument); the model is looked up from here. */
  anchor: Node;
  role?: string;
  name?: string;
  /** The anchor is an argument of an SDK call that sends a request (its shape's `request`): that statement is the call. */
  sentHere?: boolean;
}

/** How a finder reports prompts by name alone (evidence 3). */
export interface NamedPromptRules {
  /** Template syntaxes for a value that implies none: the usual template style of the language's frameworks. */
  defaultSyntaxes: readonly PlaceholderSyntax[];
  /** Name the prompt after the binding its value was followed to, rather than the name it was found under. */
  preferResolvedName: boolean;
}

/** What reporting by name needs of a finder's file. */
export interface NamedPromptSource {
  readonly strings: StringEvaluator;
  /** Names used as log, error or console arguments: never prompts by name alone. */
  isNonPromptUse(name: string): boolean;
}

/** One prompt per string expression; a later report with stronger evidence replaces an earlier one. */
export class PromptCollector {
  private readonly byRange = new Map<string, FoundPrompt>();
  /** One `LlmCall` per call node, shared by its prompts. */
  private readonly calls = new Map<string, LlmCall>();
  private readonly partsPerCall = new Map<string, number>();
  /** Where each reported prompt is used (its anchor), and the variable arguments reported, by range. */
  private readonly anchors: Node[] = [];
  private readonly variables = new Map<string, Node>();
  /** Calls that are a client's configuration (constructor, field initialiser), by key: the field they configure, when assigned to one. */
  private readonly configuring = new Map<string, string | null>();
  /** Binding values inlined into a reported prompt: not reported again on their own by name. */
  readonly inlined = new Set<string>();

  constructor(private readonly ctx: FinderContext, private readonly scope: ModelScope) {}

  add(value: EvaluatedString, info: PromptInfo): void {
    const { text, placeholders } = renderValue(value);
    if (!text.trim()) return;
    this.anchors.push(info.anchor);
    for (const n of value.inlined) this.inlined.add(rangeKey(n));
    const key = rangeKey(value.node);
    const existing = this.byRange.get(key);
    if (existing && EVIDENCE_RANK[existing.evidence] <= EVIDENCE_RANK[info.evidence]) {
      existing.role ??= info.role;
      existing.name ??= info.name;
      if (existing.placeholders.length < placeholders.length) {
        existing.placeholders = placeholders;
        existing.kind = 'template';
      }
      // The same text sent by another call too: it belongs to each.
      const other = info.evidence === 'name' ? null : this.scope.resolve(info.anchor, info.sentHere);
      if (other?.call && existing.calls && !existing.calls.some((m) => m.call.key === rangeKey(other.call as Node))) {
        existing.calls.push(this.membership(other.call, { ...other, named: other.named || info.evidence === 'call' }));
      }
      return;
    }
    const resolved = info.evidence === 'name' ? null : this.scope.resolve(info.anchor, info.sentHere);
    const model = resolved ? resolved.model : this.scope.fileModel();
    const maxOutputTokens = resolved?.maxOutputTokens ?? null;
    const prompt: FoundPrompt = {
      startLine: value.node.startPosition.row + 1,
      endLine: value.node.endPosition.row + 1,
      startOffset: value.node.startIndex,
      endOffset: endOf(value.node),
      language: this.ctx.language,
      kind: placeholders.length ? 'template' : 'literal',
      text,
      placeholders,
      model,
      maxOutputTokens,
      evidence: info.evidence,
    };
    const role = info.role ?? existing?.role;
    const name = info.name ?? existing?.name;
    if (role) prompt.role = role;
    if (name) prompt.name = name;
    // An SDK call's own argument is sent by it (a request); text reaching a statement only through a variable may be built for later.
    if (resolved?.call) prompt.calls = [this.membership(resolved.call, { ...resolved, named: resolved.named || info.evidence === 'call' })];
    this.byRange.set(key, prompt);
  }

  /**
   * A prompt argument of an SDK call shape: its text when the file shows it, else — where the shape names one
   * prompt argument (not `arg: 'all'`, which also takes message lists and options) — a variable part.
   */
  addShapeArgument(found: ResolvedPrompt | null, expr: Node, shape: Pick<SdkCallShape, 'syntaxes' | 'role' | 'arg'>, role: string | undefined): void {
    const ownRole = role ?? shape.role;
    if (found) this.addArgument(found, expr, shape.syntaxes ?? [], ownRole);
    else if (shape.arg !== 'all' && shape.arg !== 'rest') this.addVariable(expr, ownRole);
  }

  /** A call argument followed to its string: evidence 'flow' when that went through a binding, else 'call'. */
  addArgument(found: ResolvedPrompt, anchor: Node, syntaxes: readonly PlaceholderSyntax[], role: string | undefined, sentHere = false): void {
    this.add(withSyntaxes(found.value, syntaxes), { evidence: found.flow ? 'flow' : 'call', anchor, role, name: found.name, sentHere });
  }

  /**
   * An SDK call's prompt argument that is a variable the file cannot read (`AddUserMessage(message.Content)`,
   * `.user(question)`): a one-placeholder part of its call, at its place, so the call is found and priced.
   */
  private addVariable(expr: Node, role: string | undefined): void {
    if (!VARIABLE_TYPES.has(typeOf(expr)) || this.byRange.has(rangeKey(expr)) || role === 'assistant' || role === 'tool') return;
    const name = textOf(expr).replace(/\s+/g, ' ').slice(0, 60);
    const resolved = this.scope.resolve(expr);
    const raw = `{${name}}`;
    const prompt: FoundPrompt = {
      startLine: expr.startPosition.row + 1,
      endLine: expr.endPosition.row + 1,
      startOffset: expr.startIndex,
      endOffset: endOf(expr),
      language: this.ctx.language,
      kind: 'template',
      text: raw,
      placeholders: [{ name, syntax: 'format', raw, offset: 0 }],
      model: resolved.model,
      maxOutputTokens: resolved.maxOutputTokens,
      evidence: 'call',
      ...(role ? { role } : {}),
    };
    if (resolved.call) prompt.calls = [this.membership(resolved.call, { ...resolved, named: true })];
    this.byRange.set(rangeKey(expr), prompt);
    this.variables.set(rangeKey(expr), expr);
  }

  /**
   * A variable argument that is the list the file's own prompts were put in (`messages = List.of(
   * SystemMessage.from("…"), …)` then `model.chat(messages)`, `new Prompt(…)` then `.prompt(prompt)`) is not a
   * part of its own: its prompts are.
   */
  private dropContainers(): void {
    for (const [key, expr] of this.variables) {
      if (typeOf(expr) !== 'identifier') continue;
      const name = textOf(expr);
      const holds = this.anchors.some((anchor) => {
        const statement = this.scope.statementOf(anchor);
        return !!statement && (this.scope.definedName(statement) === name || receiverName(statement) === name);
      });
      if (holds) this.byRange.delete(key);
    }
  }

  /**
   * Evidence 3: `valueNode`, bound to or keyed by the prompt-like `name`, when its text reads as
   * instructions and it is not part of a prompt already reported.
   */
  addByName(name: string, valueNode: Node, file: NamedPromptSource, rules: NamedPromptRules): void {
    if (!isPromptName(name)) return;
    this.ctx.trace?.start(valueNode);
    if (this.inlined.has(rangeKey(valueNode)) || file.isNonPromptUse(name)) return;
    const found = file.strings.resolvePrompt(valueNode);
    if (!found || this.has(found.value.node) || found.value.inlined.some((n) => this.has(n))) return;
    if (!readsAsInstructions(staticValueText(found.value))) return;
    const value = found.value.syntaxes.length ? found.value : withSyntaxes(found.value, rules.defaultSyntaxes);
    this.add(value, { evidence: 'name', anchor: valueNode, name: rules.preferResolvedName ? found.name ?? name : name });
  }

  /** A place in the call at `node`: numbered in the order the finder reports its parts (no offsets, which move with edits elsewhere). */
  private membership(node: Node, found: { model: string | null; maxOutputTokens: number | null; named: boolean }): CallMembership {
    const call = this.callOf(node, found);
    const count = (this.partsPerCall.get(call.key) ?? 0) + 1;
    this.partsPerCall.set(call.key, count);
    return { call, slot: `/${count}` };
  }

  /** The call at `node`: a request when a model or budget was found for it, else implied (a template, a message built for later). */
  private callOf(node: Node, found: { model: string | null; maxOutputTokens: number | null; named: boolean }): LlmCall {
    const key = rangeKey(node);
    let call = this.calls.get(key);
    // A later part shows the call is a request (an SDK call's own argument): the shared call says so.
    if (call && found.named) call.implied = false;
    if (!call) {
      const range = { startLine: node.startPosition.row + 1, endLine: node.endPosition.row + 1, startOffset: node.startIndex, endOffset: endOf(node) };
      call = { ...emptyCall(range, !found.named), model: found.model, maxOutputTokens: found.maxOutputTokens };
      this.calls.set(key, call);
      if (this.scope.configuresClient(node)) this.configuring.set(key, assignedName(node));
    }
    return call;
  }

  has(node: Node): boolean {
    return this.byRange.has(rangeKey(node));
  }

  results(): FoundPrompt[] {
    this.dropContainers();
    const prompts = [...this.byRange.values()].sort((a, b) => a.startOffset - b.startOffset);
    this.joinClientDefaults(prompts);
    return prompts;
  }

  /**
   * Text a client is configured with (Spring AI `builder.defaultSystem(…)` in a constructor, a system
   * prompt in a field initialiser) reaches every request of that client: it joins the file's requests
   * that are not themselves configuration, rather than being a call of its own.
   */
  private joinClientDefaults(prompts: FoundPrompt[]): void {
    const requests = [...this.calls.values()].filter((c) => !c.implied && !this.configuring.has(c.key));
    if (requests.length === 0) return;
    let n = 0;
    for (const prompt of prompts) {
      if (!prompt.calls?.length || !prompt.calls.every((m) => this.configuring.has(m.call.key))) continue;
      // `this.summarizer = builder.defaultSystem(…)`: only the requests made through `summarizer`.
      const field = this.configuring.get(prompt.calls[0].call.key);
      const own = field ? requests.filter((call) => new RegExp(`\\b${field}\\b`).test(this.ctx.source.slice(call.startOffset, call.endOffset))) : [];
      n++;
      prompt.calls = (own.length ? own : requests).map((call) => ({ call, slot: `/default${n}` }));
    }
  }
}

export function rangeKey(node: Node): string {
  return `${node.startIndex}:${endOf(node)}`;
}

/** The chat role a role constant or literal names (`ChatMessageRoleSystem`, `ChatRole.User`, "assistant"). */
export function roleFromName(text: string): string | undefined {
  const last = text.split('.').pop() ?? text;
  const lower = last.toLowerCase();
  if (lower.includes('system')) return 'system';
  if (lower.includes('developer')) return 'developer';
  if (lower.includes('user') || lower.includes('human')) return 'user';
  if (lower.includes('assistant') || lower === 'ai' || lower.endsWith('typeai') || lower.endsWith('rolemodel') || lower === 'model') return 'assistant';
  if (lower.includes('tool') || lower.includes('function')) return 'tool';
  return undefined;
}
