/**
 * Finds prompts in Go: arguments and fields of go-openai, openai-go, anthropic-sdk-go, langchaingo and
 * Google genai calls, the constants and variables that flow into them, and prompt-named strings.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isConnectionSettingName, looksLikeModelId } from '../../prompts/evidence';
import type { FindTrace } from '../../prompts/findTrace';
import type { FinderContext, LanguageFinder } from '../../prompts/languageFinder';
import type { FoundPrompt, PlaceholderSyntax } from '../../prompts/prompt';
import type { ModuleConstant } from '../../prompts/modules/moduleReader';
import { fieldOf, maybeText, memoPerNode, namedChildrenShared, parentOf, textOf, TypeIndex, typeOf } from '../../prompts/nodeFacts';
import { Bindings } from '../../prompts/collector/bindings';
import { fileConstants } from '../../prompts/collector/fileConstants';
import { decodeEscapes, type EscapeDialect } from '../../prompts/strings/escapes';
import { ModelScope, PromptCollector, roleFromName, type ModelSite, type NamedPromptRules, type ScopeRules } from '../../prompts/collector/promptCollector';
import { SettingValues } from '../../prompts/collector/settingValues';
import { StringEvaluator, type FormatCall } from '../../prompts/collector/stringEvaluator';
import { insertedPiece, textPiece, type EvaluatedString, type TextPiece } from '../../prompts/collector/evaluatedString';
import { promptArguments, shapesByCallee } from '../sdkCallShape';
import { GO_SDK_CALLS } from './goSdkCalls';
import { FUNCTION_TYPES, FunctionRanges } from './goFunctionRanges';

/** How this language's string literals escape characters: read by the finder and by Compress's literal reader. */
export const GO_ESCAPES: EscapeDialect = 'go';

/** Every node type the finder lists from the whole tree: read in one walk (`TypeIndex`). */
const INDEXED_TYPES = ['const_spec', 'var_spec', 'short_var_declaration', 'assignment_statement', 'call_expression', 'keyed_element', ...FUNCTION_TYPES];
/** `"…"` and raw `` `…` `` strings. */
const STRING_LITERAL_TYPES = new Set(['interpreted_string_literal', 'raw_string_literal']);
/** Names that refer to a binding (package-qualified names are SDK constants, read by `settings`). */
const REFERENCE_TYPES = new Set(['identifier']);

const SCOPE_RULES: ScopeRules = {
  isStatement: (n) => {
    const type = typeOf(n);
    return type.endsWith('_statement') || type === 'short_var_declaration' || type === 'const_declaration' || type === 'var_declaration';
  },
  isFunction: (n) => FUNCTION_TYPES.has(typeOf(n)),
  definedName(statement) {
    const type = typeOf(statement);
    if (type === 'short_var_declaration' || type === 'assignment_statement') {
      const left = fieldOf(statement, 'left');
      const first = left ? namedChildrenShared(left)[0] : undefined;
      return first && typeOf(first) === 'identifier' ? textOf(first) : null;
    }
    if (type === 'var_declaration') {
      const spec = namedChildrenShared(statement).find((c) => typeOf(c) === 'var_spec');
      return maybeText(spec ? fieldOf(spec, 'name') : null) ?? null;
    }
    return null;
  },
};

const CALL_SINKS = shapesByCallee(GO_SDK_CALLS, 'call');
const FIELD_SINKS = shapesByCallee(GO_SDK_CALLS, 'field');
/** Packages whose functions compare or search text: their string arguments are never model ids. */
const TEXT_PACKAGES = new Set(['strings', 'bytes', 'regexp', 'slices', 'utf8']);

/** langchaingo templates are Go templates (`{{.name}}`); a prompt keeps the name it was found under. */
const NAMED_PROMPTS: NamedPromptRules = { defaultSyntaxes: ['mustache'], preferResolvedName: false };

/** Calls whose string arguments are log lines, errors or terminal output, never prompts. */
function isNonPromptCall(fn: Node): boolean {
  const name = lastName(fn);
  const receiver = receiverOf(fn);
  if (['errors', 'log', 'slog', 'zap', 'logrus'].includes(receiver)) return true;
  if (/log/i.test(receiver)) return true;
  if (receiver === 'fmt' && name !== 'Sprintf' && name !== 'Sprint' && name !== 'Sprintln') return true;
  if (name === 'panic' || name === 'Errorf' || name === 'Fatalf' || name === 'Fatal' || name === 'Error' || name === 'Skipf' || name === 'Logf') return true;
  return false;
}

function lastName(fn: Node): string {
  if (typeOf(fn) === 'selector_expression') return maybeText(fieldOf(fn, 'field')) ?? '';
  return textOf(fn);
}

/** The operand text of `pkg.Name` / `x.Method`; '' for a bare name. */
function receiverOf(fn: Node): string {
  return typeOf(fn) === 'selector_expression' ? maybeText(fieldOf(fn, 'operand')) ?? '' : '';
}

/** The arguments of a call, comments left out; memoised per node id (shared: do not change). */
const args = memoPerNode((call): readonly Node[] => {
  const argList = fieldOf(call, 'arguments');
  return argList ? namedChildrenShared(argList).filter((n) => typeOf(n) !== 'comment') : [];
});

/** The argument of a call that has exactly one (`openai.F(x)`, `openai.Int(512)`), else null. */
/** The environment lookups of Go's standard library (`os.LookupEnv` returns two values: never a model). */
const ENV_LOOKUPS = ['os.Getenv', 'os.ExpandEnv'];

/** `node` is a call of one of `names` (as written: `os.Getenv`). */
function isCallTo(node: Node, names: readonly string[]): boolean {
  return typeOf(node) === 'call_expression' && names.includes(maybeText(fieldOf(node, 'function')) ?? '');
}

function onlyArgument(node: Node): Node | null {
  if (typeOf(node) !== 'call_expression') return null;
  const list = args(node);
  return list.length === 1 ? list[0] : null;
}

/** `x` of `literal_element` wrappers around keyed values. */
function unwrapElement(node: Node | null | undefined): Node | null {
  if (!node) return null;
  if (typeOf(node) === 'literal_element') return namedChildrenShared(node).find((c) => typeOf(c) !== 'comment') ?? null;
  return node;
}

function keyOf(keyed: Node): string {
  const key = unwrapElement(fieldOf(keyed, 'key') ?? namedChildrenShared(keyed)[0]);
  return key ? textOf(key) : '';
}

function valueOf(keyed: Node): Node | null {
  return unwrapElement(fieldOf(keyed, 'value') ?? namedChildrenShared(keyed)[1]);
}

/** The element type name of a composite literal (`openai.ChatCompletionMessage`, elided `{…}` in a slice). */
function compositeTypeName(literalValue: Node): string {
  const composite = parentOf(literalValue);
  if (composite && typeOf(composite) === 'composite_literal') {
    const type = fieldOf(composite, 'type');
    return type ? typeLastName(type) : '';
  }
  // An elided element `{Role: …}` inside `[]T{…}`: literal_value → literal_element → literal_value → composite_literal
  if (composite && typeOf(composite) === 'literal_element') {
    const middle = parentOf(composite);
    const outer = middle ? parentOf(middle) : null;
    const type = outer && typeOf(outer) === 'composite_literal' ? fieldOf(outer, 'type') : null;
    if (type) return typeLastName(type);
  }
  return '';
}

function typeLastName(type: Node): string {
  const kind = typeOf(type);
  if (kind === 'slice_type' || kind === 'array_type' || kind === 'implicit_length_array_type') {
    const element = fieldOf(type, 'element');
    return element ? typeLastName(element) : '';
  }
  if (kind === 'pointer_type') {
    const inner = namedChildrenShared(type)[0];
    return inner ? typeLastName(inner) : '';
  }
  if (kind === 'qualified_type') return maybeText(fieldOf(type, 'name')) ?? '';
  if (kind === 'generic_type') {
    const inner = fieldOf(type, 'type');
    return inner ? typeLastName(inner) : '';
  }
  return textOf(type);
}

class GoFile {
  readonly bindings: Bindings;
  /** Bindings used as arguments of log/error calls: never reported by name alone. */
  private readonly nonPromptUses = new Set<string>();
  /** String values, and prompt arguments followed through variables and `fmt.Sprintf(format, …)` to the format. */
  readonly strings = new StringEvaluator({
    referenceTypes: REFERENCE_TYPES,
    lookup: (ref) => this.bindings.lookup(textOf(ref), ref),
    formatCall: (node) => formatCall(node, ['fmt.Sprintf', 'fmt.Sprint']),
    promptFormatCall: (node) => formatCall(node, ['fmt.Sprintf']),
    evaluateOther: (node, depth) => this.evaluateOther(node, depth),
  });

  /** Model ids and token counts of settings: a literal, a constant in the file, an SDK constant, or `openai.F(x)`. */
  readonly settings: SettingValues;

  private readonly functions: FunctionRanges;

  constructor(readonly nodes: TypeIndex, private readonly trace?: FindTrace) {
    this.bindings = new Bindings(trace);
    // Built here, not as a field initialiser, to hand it the trace (a constructor parameter).
    this.settings = new SettingValues(
      {
        referenceTypes: REFERENCE_TYPES,
        lookup: (ref) => this.bindings.lookup(textOf(ref), ref),
        stringContent: (node) => (STRING_LITERAL_TYPES.has(typeOf(node)) ? textOf(node).slice(1, -1) : null),
        integerLiteral: { type: 'int_literal', noise: /_/g },
        constantName: (node) => (typeOf(node) === 'selector_expression' ? maybeText(fieldOf(node, 'field')) ?? '' : null),
        modelInner: (node) => (typeOf(node) === 'type_conversion_expression' ? fieldOf(node, 'operand') : onlyArgument(node)),
        intInner: onlyArgument,
        envDefault: (node) => (isCallTo(node, ENV_LOOKUPS) ? null : undefined),
        alternatives: (node) => (isCallTo(node, ['cmp.Or']) ? args(node) : null),
      },
      trace,
    );
    this.functions = new FunctionRanges(nodes.of([...FUNCTION_TYPES]));
    this.collectBindings();
  }

  private collectBindings(): void {
    for (const spec of this.nodes.of(['const_spec', 'var_spec'])) {
      const names = spec.childrenForFieldName('name').filter((n): n is Node => !!n);
      const valueList = fieldOf(spec, 'value');
      const values = valueList ? namedChildrenShared(valueList) : [];
      names.forEach((name, i) => {
        const value = values[i];
        if (value) this.bindings.add({ name: textOf(name), value, scope: this.functions.enclosing(spec) });
      });
    }
    for (const decl of this.nodes.of(['short_var_declaration', 'assignment_statement'])) {
      if (typeOf(decl) === 'assignment_statement' && maybeText(fieldOf(decl, 'operator')) !== '=') continue;
      const leftList = fieldOf(decl, 'left');
      const rightList = fieldOf(decl, 'right');
      const left = leftList ? namedChildrenShared(leftList) : [];
      const right = rightList ? namedChildrenShared(rightList) : [];
      if (left.length !== right.length) continue;
      left.forEach((name, i) => {
        const value = right[i];
        if (typeOf(name) === 'identifier' && value) this.bindings.add({ name: textOf(name), value, scope: this.functions.enclosing(decl) });
      });
    }
    for (const call of this.nodes.of('call_expression')) {
      const fn = fieldOf(call, 'function');
      if (!fn || !isNonPromptCall(fn)) continue;
      for (const arg of args(call)) if (typeOf(arg) === 'identifier') this.nonPromptUses.add(textOf(arg));
    }
  }

  isNonPromptUse(name: string): boolean {
    this.trace?.name(name);
    return this.nonPromptUses.has(name);
  }

  /** Go string literals and `strings.Join` of them; null for anything else. */
  private evaluateOther(node: Node, depth: number): EvaluatedString | null {
    switch (typeOf(node)) {
      case 'interpreted_string_literal':
        return single(node, decodeEscapes(textOf(node).slice(1, -1), GO_ESCAPES));
      case 'raw_string_literal':
        return single(node, textOf(node).slice(1, -1).replace(/\r/g, ''));
      case 'call_expression':
        return this.joinCall(node, depth);
      default:
        return null;
    }
  }

  /** `strings.Join([]string{…}, "\n")` inside a larger string expression. */
  private joinCall(node: Node, depth: number): EvaluatedString | null {
    const list = args(node);
    if (maybeText(fieldOf(node, 'function')) !== 'strings.Join' || !list[0] || typeOf(list[0]) !== 'composite_literal' || !list[1]) return null;
    const sep = this.strings.evaluate(list[1], depth + 1);
    const body = fieldOf(list[0], 'body');
    if (!sep || !body) return null;
    const pieces: TextPiece[] = [];
    const inlined: Node[] = [];
    let syntaxes: PlaceholderSyntax[] = [];
    const elements = namedChildrenShared(body).filter((c) => typeOf(c) !== 'comment');
    for (const [i, element] of elements.entries()) {
      const inner = unwrapElement(element);
      const value = inner ? this.strings.evaluate(inner, depth + 1) : null;
      if (i > 0) pieces.push(...sep.pieces);
      if (value) {
        pieces.push(...value.pieces);
        inlined.push(...value.inlined);
        syntaxes = merge(syntaxes, value.syntaxes);
      } else pieces.push(insertedPiece(textOf(element)));
    }
    return { node, pieces, syntaxes, inlined };
  }

  modelSites(): ModelSite[] {
    const sites: ModelSite[] = [];
    const addNamed = (name: string, site: Node, value: Node | null): void => {
      const found = this.settings.site(name, site, value); // a setting's site is a start of the trace
      if (found) sites.push(found);
    };
    for (const keyed of this.nodes.of('keyed_element')) addNamed(keyOf(keyed), keyed, valueOf(keyed));
    for (const assign of this.nodes.of('assignment_statement')) {
      const leftList = fieldOf(assign, 'left');
      const rightList = fieldOf(assign, 'right');
      const left = leftList ? namedChildrenShared(leftList)[0] : undefined;
      const right = (rightList ? namedChildrenShared(rightList)[0] : undefined) ?? null;
      if (left && typeOf(left) === 'selector_expression') addNamed(maybeText(fieldOf(left, 'field')) ?? '', assign, right);
    }
    for (const call of this.nodes.of('call_expression')) {
      const fn = fieldOf(call, 'function');
      if (!fn) continue;
      const name = lastName(fn);
      const list = args(call);
      // langchaingo / options pattern: openai.WithModel("…"), llms.WithMaxTokens(512)
      if (name.startsWith('With') && list.length === 1) addNamed(name.slice(4), call, list[0]);
      // A literal model id passed positionally: genai GenerateContent(ctx, "gemini-2.5-flash", …); never
      // the argument of an environment lookup or of a key/URL option (`openai.WithBaseURL("…")`).
      if (isCallTo(call, ENV_LOOKUPS) || isConnectionSettingName(name)) continue;
      // `strings.Contains(model, "deepseek")` tests a model name; it names none.
      if (TEXT_PACKAGES.has(receiverOf(fn))) continue;
      for (const arg of list) {
        const type = typeOf(arg);
        if (!STRING_LITERAL_TYPES.has(type)) continue;
        const text = textOf(arg).slice(1, -1);
        if (!looksLikeModelId(text)) continue;
        this.trace?.start(arg);
        sites.push({ node: arg, model: text });
      }
    }
    return sites;
  }
}

/** `fmt.Sprintf(format, …)` (printf placeholders) or `fmt.Sprint(format, …)` among `names`: the format argument. */
function formatCall(call: Node, names: readonly string[]): FormatCall | null {
  if (typeOf(call) !== 'call_expression') return null;
  const name = maybeText(fieldOf(call, 'function')) ?? '';
  const format = args(call)[0];
  if (!names.includes(name) || !format) return null;
  return { template: format, syntaxes: name === 'fmt.Sprintf' ? ['printf'] : [] };
}

function single(node: Node, text: string): EvaluatedString {
  return { node, pieces: [textPiece(text)], syntaxes: [], inlined: [] };
}

function merge(a: PlaceholderSyntax[], b: PlaceholderSyntax[]): PlaceholderSyntax[] {
  return [...new Set([...a, ...b])];
}

/** The role a prompt gets from where it sits: `System:` field, `NewUserMessage(…)`, a sibling `Role:`. */
function roleFromContext(node: Node): string | undefined {
  for (let n = parentOf(node); n && !SCOPE_RULES.isStatement(n); n = parentOf(n)) {
    const type = typeOf(n);
    if (type === 'keyed_element') {
      const key = keyOf(n);
      if (key === 'System' || key === 'SystemInstruction' || key === 'Instructions') return 'system';
    }
    if (type === 'call_expression') {
      const fn = fieldOf(n, 'function');
      const name = fn ? lastName(fn) : '';
      if (name === 'NewUserMessage') return 'user';
      if (name === 'NewAssistantMessage') return 'assistant';
    }
    if (type === 'literal_value') {
      for (const sibling of namedChildrenShared(n)) {
        if (typeOf(sibling) === 'keyed_element' && keyOf(sibling) === 'Role') return roleFromName(maybeText(valueOf(sibling)) ?? '');
      }
    }
  }
  return undefined;
}

function findGoPrompts(root: Node, ctx: FinderContext): FoundPrompt[] {
  const nodes = new TypeIndex(root, INDEXED_TYPES);
  const file = new GoFile(nodes, ctx.trace);
  const scope = new ModelScope(root, file.modelSites(), SCOPE_RULES);
  const prompts = new PromptCollector(ctx, scope);

  const report = (expr: Node, role: string | undefined, syntaxes: PlaceholderSyntax[] = [], sentHere = false): void => {
    const found = file.strings.resolvePrompt(expr);
    const contextRole = roleFromContext(expr);
    // A `SystemInstruction:` / `System:` field wins over the role the content itself carries.
    const ownRole = contextRole === 'system' ? contextRole : role ?? contextRole;
    // `Content: prompt` with a parameter the file cannot read: a one-placeholder part, so the call is found.
    if (found) prompts.addArgument(found, expr, syntaxes, ownRole, sentHere);
    else prompts.addShapeArgument(null, expr, {}, ownRole);
  };

  for (const call of nodes.of('call_expression')) {
    const fn = fieldOf(call, 'function');
    if (!fn) continue;
    const name = lastName(fn);
    const sink = CALL_SINKS[name];
    const receiver = receiverOf(fn);
    const list = args(call);
    if (sink && (!sink.pkg || sink.pkg.includes(receiver))) {
      ctx.trace?.start(call);
      const role = sink.role ?? (sink.roleArg !== undefined && list[sink.roleArg] ? roleFromName(textOf(list[sink.roleArg])) : undefined);
      for (const target of promptArguments(sink, list)) report(target, role, sink.syntaxes, sink.request !== undefined);
    } else if (name === 'Call' && list.length === 2 && /llm|model/i.test(receiver)) {
      ctx.trace?.start(call);
      report(list[1], 'user'); // langchaingo llm.Call(ctx, prompt)
    }
  }

  for (const keyed of nodes.of('keyed_element')) {
    const key = keyOf(keyed);
    const value = valueOf(keyed);
    const sink = FIELD_SINKS[key];
    if (!value || !sink) continue;
    ctx.trace?.start(keyed);
    const literalValue = parentOf(keyed);
    const typeName = literalValue ? compositeTypeName(literalValue) : '';
    // Siblings in the same `{…}` only: in a tree broken by syntax errors a key's parent can be an ERROR
    // node holding the rest of the file, whose `Role:` keys belong to other literals.
    const hasRole = !!literalValue && typeOf(literalValue) === 'literal_value' && namedChildrenShared(literalValue).some((s) => typeOf(s) === 'keyed_element' && keyOf(s) === 'Role');
    if (!(sink.types ?? []).includes(typeName) && !((key === 'Content' || key === 'Text') && hasRole)) continue;
    report(value, sink.role);
  }

  // Evidence 3: prompt-named constants, variables and struct fields whose text reads as instructions.
  const byName = (name: string, valueNode: Node): void => prompts.addByName(name, valueNode, file, NAMED_PROMPTS);
  for (const binding of file.bindings.all()) byName(binding.name, binding.value);
  for (const keyed of nodes.of('keyed_element')) {
    const value = valueOf(keyed);
    if (value) byName(keyOf(keyed), value);
  }
  return prompts.results();
}

/**
 * The package-level string constants and variables of a file (`const SystemPrompt = "…"`) by name, for
 * other packages that use them (`go/goModules.ts`): every one, not only those that read as prompts.
 */
export function goStringConstants(root: Node, ctx: FinderContext): Map<string, ModuleConstant> {
  const file = new GoFile(new TypeIndex(root, INDEXED_TYPES), ctx.trace);
  return fileConstants(file.bindings, file.strings, []);
}

export const goFinder: LanguageFinder = {
  grammar: 'go',
  find: findGoPrompts,
};
