/**
 * What a file's names stand for, for the prompt flow (`promptFlow.ts`): the bindings, functions and calls
 * the language's `SyntaxAdapter` indexed, resolved at a use — a name to its value, a parameter to the
 * arguments passed for it, a call to its site with spreads folded in, a string expression to its value.
 * Every lookup by name is told to the find trace (incremental reuse depends on it).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FinderContext } from '../languageFinder';
import { contains } from '../syntaxTree';
import { normalizeName } from '../sdkNames';
import type { StringValue } from '../strings/stringValue';
import type { Binding, CallSite, Entry, FileIndex, FunctionDef, SyntaxAdapter } from './syntaxAdapter';

/** Methods that add one message to a builder or history object (normalised names). */
const MESSAGE_BUILDER_METHODS = new Set(['appendmessage', 'addmessage', 'addusermessage', 'addsystemmessage', 'addassistantmessage', 'addaimessage']);

export class FileNames {
  readonly index: FileIndex;
  private lowerSourceCache: string | undefined;
  private readonly bindingsByName = new Map<string, Binding[]>();
  private readonly memberBindings = new Map<string, Binding[]>();
  private readonly functionsByName = new Map<string, FunctionDef[]>();
  private callSitesCache: CallSite[] | undefined;

  constructor(
    readonly root: Node,
    readonly ctx: FinderContext,
    readonly adapter: SyntaxAdapter,
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

  textContains(needle: string): boolean {
    const found = this.lowerSource.includes(needle);
    this.ctx.trace?.textContains(needle, found);
    return found;
  }

  /**
   * The expressions `node` may stand for when it is a name, a member, or a call to a function of this
   * file: the bound value, the arguments passed for a parameter, or the returned expressions.
   */
  valuesOf(node: Node): { value: Node; name?: string }[] {
    const name = this.adapter.identifier(node);
    if (name !== null) {
      const binding = this.resolve(node, name);
      if (!binding) {
        const iterated = this.loopItems(node, name);
        if (iterated.length) return iterated.map((value) => ({ value }));
      }
      const passed = !binding || binding.parameter ? this.argumentsForParameter(node, name).map((value) => ({ value })) : [];
      const branches = binding ? this.otherBranches(binding, node).map((b) => ({ value: b.value, name })) : [];
      return binding ? [{ value: binding.value, name }, ...branches, ...passed] : passed;
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

  /**
   * `for q in QUESTIONS:` / `for (const q of questions)` around `use`: the items of the list it iterates
   * (a literal, or a name bound to one), each a value `q` may have.
   */
  private loopItems(use: Node, name: string): Node[] {
    for (let p = use.parent; p; p = p.parent) {
      if (p.type !== 'for_statement' && p.type !== 'for_in_statement') continue;
      const left = p.childForFieldName('left');
      const loopName = left ? this.adapter.identifier(left) ?? left.namedChildren.map((c) => (c ? this.adapter.identifier(c) : null)).find((n) => n) : null;
      if (loopName !== name) continue;
      const right = p.childForFieldName('right');
      if (!right) return [];
      const list = this.adapter.unwrap(right);
      return this.adapter.elements(list) ?? this.adapter.elements(this.adapter.unwrap(this.valuesOfConstant(list) ?? list)) ?? [];
    }
    return [];
  }

  /**
   * `if c: p = "A" else: p = "B"`: the bindings of the same name in the other branches of the `if` that
   * holds the one `resolve` chose, before `use` — each may be the value at `use` (alternatives, not a sum).
   */
  private otherBranches(chosen: Binding, use: Node): Binding[] {
    const out: Binding[] = [];
    for (const b of this.named(this.bindingsByName, chosen.name)) {
      if (b === chosen || b.member !== chosen.member || b.scope.id !== chosen.scope.id || b.at >= use.startIndex) continue;
      let common: Node | null = b.value.parent;
      while (common && !contains(common, chosen.value)) common = common.parent;
      if (common && /^if_statement$/.test(common.type) && !contains(b.value, chosen.value)) out.push(b);
    }
    return out;
  }

  /** The binding a name refers to at `use`: innermost enclosing scope, last assignment before the use. */
  resolve(use: Node, name: string): Binding | null {
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
  resolveMember(object: Node, name: string): Node | null {
    const inner = this.adapter.unwrap(object);
    if (!this.adapter.isSelf(inner)) {
      const objectName = this.adapter.identifier(inner);
      const outer = this.adapter.member(inner); // config.reviewer.systemPrompt
      const target = objectName !== null ? this.resolve(inner, objectName)?.value : outer ? this.resolveMember(outer.object, outer.name) : null;
      if (target) {
        const entries = this.adapter.entries(this.adapter.unwrap(target));
        return entries?.find((e) => e.key === name)?.value ?? this.commandLineDefault(target, name);
      }
      if (objectName === null) return null;
    }
    const members = this.named(this.memberBindings, name);
    return members.length > 0 ? members[0].value : null;
  }

  /**
   * `args.prompt` where `args = parser.parse_args()`: the `default=` of `add_argument("--prompt", …)` (or
   * `dest="prompt"`), the text a script sends when run without that option.
   */
  private commandLineDefault(target: Node, name: string): Node | null {
    const parsed = this.siteOf(this.adapter.unwrap(target));
    if (!parsed || !['parseargs', 'parseknownargs'].includes(parsed.path[parsed.path.length - 1] ?? '')) return null;
    const flags = new Set([`--${name}`, `--${name.replace(/_/g, '-')}`, name]);
    for (const site of this.callSites()) {
      if (site.path[site.path.length - 1] !== 'addargument') continue;
      const dest = site.named.get('dest');
      const named = dest ? this.literalText(dest) === name : site.positional.some((arg) => flags.has(this.literalText(arg) ?? ''));
      if (named) return site.named.get('default') ?? null;
    }
    return null;
  }

  /** Arguments passed for parameter `name` of the function enclosing `use`, at its calls in this file. */
  argumentsForParameter(use: Node, name: string): Node[] {
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
  siteOf(node: Node): CallSite | null {
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
  calls(site: CallSite, fn: FunctionDef): boolean {
    if (site.path[site.path.length - 1] !== normalizeName(fn.name)) return false;
    if (!fn.className) return site.path.length === 1;
    if (!site.receiver) return false;
    const receiver = this.adapter.unwrap(site.receiver);
    if (this.adapter.isSelf(receiver)) return true;
    const built = this.siteOf(receiver) ?? this.siteOfValue(receiver);
    return !!built && built.path[built.path.length - 1] === normalizeName(fn.className);
  }

  siteOfValue(node: Node): CallSite | null {
    const value = this.valuesOfConstant(node);
    return value ? this.siteOf(this.adapter.unwrap(value)) : null;
  }

  callSites(): CallSite[] {
    this.callSitesCache ??= this.index.calls.map((c) => this.siteOf(c)).filter((s): s is CallSite => s !== null);
    return this.callSitesCache;
  }

  /**
   * Nodes added to a list variable or member with `.append(x)`, `.push(x)`, `.extend([...])`,
   * `.insert(i, x)` (`messages.append(…)`, `self.messages.append(…)`).
   */
  appendedTo(list: Node): Node[] {
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
      // `messages += [{…}]` (Python `augmented_assignment`, JS `augmented_assignment_expression`).
      const augmented = target.parent;
      if (augmented && augmented.type.startsWith('augmented_assignment') && augmented.childForFieldName('left')?.id === target.id) {
        const right = augmented.childForFieldName('right');
        if (right) out.push(...(this.adapter.elements(this.adapter.unwrap(right)) ?? []));
        continue;
      }
      const call = target.parent?.parent;
      if (!call) continue;
      const site = this.siteOf(call);
      if (!site || !site.receiver || this.adapter.unwrap(site.receiver).id !== target.id) continue;
      const method = site.path[site.path.length - 1];
      if (method === 'append' || method === 'push' || method === 'unshift') out.push(...site.positional);
      else if (method === 'insert') out.push(...site.positional.slice(1));
      else if (method === 'extend') for (const arg of site.positional) out.push(...(this.adapter.elements(this.adapter.unwrap(arg)) ?? []));
    }
    if (member) out.push(...this.builtBy(member.object));
    return out;
  }

  /**
   * `builder.messages` sent, after `builder.appendMessage('user', text)` / `history.add_user_message(text)`:
   * the builder's message calls, in order (each is read as a message of its role).
   */
  private builtBy(object: Node): Node[] {
    const name = this.adapter.identifier(object) ?? this.adapter.member(object)?.name ?? null;
    if (name === null) return [];
    const out: Node[] = [];
    // `new MessageBuilder(systemPrompt, model)`: the builder starts with the system message.
    const bound = this.adapter.identifier(object) !== null ? this.resolve(object, name)?.value : undefined;
    const built = bound ? this.siteOf(this.adapter.unwrap(bound)) : null;
    if (built && built.path[built.path.length - 1] === 'messagebuilder') out.push(built.node);
    for (const site of this.callSites()) {
      const method = site.path[site.path.length - 1] ?? '';
      if (site.receiver && MESSAGE_BUILDER_METHODS.has(method) && this.sameObject(this.adapter.unwrap(site.receiver), object)) out.push(site.node);
    }
    return out;
  }

  /** `self` and `self`, `this` and `this`, or the same name. */
  sameObject(a: Node, b: Node): boolean {
    const x = this.adapter.unwrap(a);
    const y = this.adapter.unwrap(b);
    if (this.adapter.isSelf(x) && this.adapter.isSelf(y)) return true;
    const nx = this.adapter.identifier(x);
    return nx !== null && nx === this.adapter.identifier(y);
  }

  stringValue(node: Node, depth = 0): StringValue | null {
    return this.adapter.stringValue(node, (ref) => {
      if (depth > 4) return null;
      const values = this.valuesOfConstant(ref);
      return values ? this.stringValue(this.adapter.unwrap(values), depth + 1) : null;
    });
  }

  /** The constant string a name is bound to, if any. */
  stringValueOfName(ref: Node): StringValue | null {
    const value = this.valuesOfConstant(ref);
    return value ? this.stringValue(this.adapter.unwrap(value)) : null;
  }

  /** A name bound to a value in this file (no parameters, no calls). */
  valuesOfConstant(ref: Node): Node | null {
    const name = this.adapter.identifier(ref);
    if (name !== null) return this.resolve(ref, name)?.value ?? null;
    const member = this.adapter.member(ref);
    return member ? this.resolveMember(member.object, member.name) : null;
  }

  /** The text of a plain string literal (no placeholders), else null. */
  literalText(node: Node): string | null {
    const value = this.stringValue(this.adapter.unwrap(node));
    return value && value.holes.length === 0 ? value.text : null;
  }

  /** `Role.SYSTEM`, `MessageRole.USER` → the member name, for role enums. */
  memberName(node: Node): string | null {
    return this.adapter.member(this.adapter.unwrap(node))?.name ?? null;
  }

  namedArgsAsEntries(node: Node): Entry[] | null {
    const site = this.siteOf(node);
    if (!site || site.named.size === 0) return null;
    return [...site.named].map(([key, value]) => ({ key, keyNode: null, value }));
  }

  entriesOfName(node: Node): Entry[] | null {
    const value = this.valuesOfConstant(node);
    if (!value) return null;
    const inner = this.adapter.unwrap(value);
    return this.adapter.entries(inner) ?? this.namedArgsAsEntries(inner);
  }
}
