/**
 * Finds prompts in Go: arguments and fields of go-openai, openai-go, anthropic-sdk-go, langchaingo and
 * Google genai calls, the constants and variables that flow into them, and prompt-named strings.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { looksLikeModelId, MAX_OUTPUT_ARGUMENT_NAMES, MODEL_ARGUMENT_NAMES } from '../evidence';
import type { FinderContext, LanguageFinder } from '../languageFinder';
import type { FoundPrompt, PlaceholderSyntax } from '../prompt';
import { Bindings } from './bindings';
import { decodeEscapes } from './escapes';
import { modelFromConstant } from './modelConstants';
import { ModelScope, PromptCollector, roleFromName, settingSite, type ModelSite, type NamedPromptRules, type ScopeRules, type SettingNames } from './promptCollector';
import { StringEvaluator, type FormatCall } from './stringEvaluator';
import { insertedPiece, textPiece, type StringValue, type TextPiece } from './stringValue';

const FUNCTION_TYPES = new Set(['function_declaration', 'method_declaration', 'func_literal']);
/** Names that refer to a binding (package-qualified names are SDK constants, read by `modelValue`). */
const REFERENCE_TYPES = new Set(['identifier']);

const SCOPE_RULES: ScopeRules = {
  isStatement: (n) => n.type.endsWith('_statement') || n.type === 'short_var_declaration' || n.type === 'const_declaration' || n.type === 'var_declaration',
  isFunction: (n) => FUNCTION_TYPES.has(n.type),
  definedName(statement) {
    if (statement.type === 'short_var_declaration' || statement.type === 'assignment_statement') {
      const first = statement.childForFieldName('left')?.namedChildren[0];
      return first?.type === 'identifier' ? first.text : null;
    }
    if (statement.type === 'var_declaration') {
      const spec = statement.namedChildren.find((c) => c?.type === 'var_spec');
      return spec?.childForFieldName('name')?.text ?? null;
    }
    return null;
  },
};

/** A call that sends its string argument(s) to a model. `arg` is the index, or 'rest' for all from `from`. */
interface CallSink {
  arg: number | 'rest';
  from?: number;
  role?: string;
  /** Role given by another argument (langchaingo `TextParts(role, …)`, genai `NewContentFromText(text, role)`). */
  roleArg?: number;
  syntaxes?: PlaceholderSyntax[];
  /** Only when called on this package (`genai.Text`): the bare name is too common. */
  pkg?: string[];
}

const CALL_SINKS: Record<string, CallSink> = {
  // openai-go
  SystemMessage: { arg: 0, role: 'system' },
  DeveloperMessage: { arg: 0, role: 'developer' },
  UserMessage: { arg: 0, role: 'user' },
  AssistantMessage: { arg: 0, role: 'assistant' },
  // anthropic-sdk-go: role comes from the surrounding NewUserMessage / System field
  NewTextBlock: { arg: 0 },
  // langchaingo (Go templates: {{.name}})
  NewPromptTemplate: { arg: 0, syntaxes: ['mustache'] },
  NewSystemMessagePromptTemplate: { arg: 0, role: 'system', syntaxes: ['mustache'] },
  NewHumanMessagePromptTemplate: { arg: 0, role: 'user', syntaxes: ['mustache'] },
  NewAIMessagePromptTemplate: { arg: 0, role: 'assistant', syntaxes: ['mustache'] },
  GenerateFromSinglePrompt: { arg: 2, role: 'user' },
  TextParts: { arg: 'rest', from: 1, roleArg: 0 },
  // Google genai
  Text: { arg: 0, role: 'user', pkg: ['genai'] },
  NewPartFromText: { arg: 0 },
  NewContentFromText: { arg: 0, roleArg: 1 },
  NewUserContentFromText: { arg: 0, role: 'user' },
};

/**
 * Struct fields that carry a prompt, with the SDK structs they belong to (field names like `Prompt` or
 * `Input` are too common to trust elsewhere). `Content`/`Text` also count next to a `Role:` field.
 */
const FIELD_SINKS: Record<string, { role?: string; types: string[] }> = {
  Content: { types: ['ChatCompletionMessage', 'ChatMessage', 'Message'] }, // go-openai, with Role
  Text: { types: ['TextBlockParam', 'TextContent', 'TextPart'] }, // anthropic, langchaingo
  Instructions: { role: 'system', types: ['ResponseNewParams'] }, // openai-go responses
  Input: { role: 'user', types: ['ResponseNewParams'] },
  OfString: { role: 'user', types: ['ResponseNewParamsInputUnion'] },
  Prompt: { role: 'user', types: ['CompletionRequest'] }, // go-openai legacy completions
  System: { role: 'system', types: ['MessageNewParams', 'BetaMessageNewParams'] },
  SystemInstruction: { role: 'system', types: ['GenerateContentConfig', 'GenerativeModel'] },
};

/** langchaingo templates are Go templates (`{{.name}}`); a prompt keeps the name it was found under. */
const NAMED_PROMPTS: NamedPromptRules = { defaultSyntaxes: ['mustache'], preferResolvedName: false };

const SETTING_NAMES: SettingNames = {
  model: new Set(MODEL_ARGUMENT_NAMES),
  maxOutput: new Set(MAX_OUTPUT_ARGUMENT_NAMES),
};

/** Calls whose string arguments are log lines, errors or terminal output, never prompts. */
function isNonPromptCall(fn: Node): boolean {
  const name = lastName(fn);
  const receiver = fn.type === 'selector_expression' ? fn.childForFieldName('operand')?.text ?? '' : '';
  if (['errors', 'log', 'slog', 'zap', 'logrus'].includes(receiver)) return true;
  if (/log/i.test(receiver)) return true;
  if (receiver === 'fmt' && name !== 'Sprintf' && name !== 'Sprint' && name !== 'Sprintln') return true;
  if (name === 'panic' || name === 'Errorf' || name === 'Fatalf' || name === 'Fatal' || name === 'Error' || name === 'Skipf' || name === 'Logf') return true;
  return false;
}

function lastName(fn: Node): string {
  if (fn.type === 'selector_expression') return fn.childForFieldName('field')?.text ?? '';
  return fn.text;
}

function args(call: Node): Node[] {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).filter((n): n is Node => !!n && n.type !== 'comment');
}

/** `x` of `literal_element` wrappers around keyed values. */
function unwrapElement(node: Node | null | undefined): Node | null {
  if (!node) return null;
  if (node.type === 'literal_element') return node.namedChildren.find((c) => c?.type !== 'comment') ?? null;
  return node;
}

function keyOf(keyed: Node): string {
  const key = unwrapElement(keyed.childForFieldName('key') ?? keyed.namedChildren[0]);
  return key?.text ?? '';
}

function valueOf(keyed: Node): Node | null {
  return unwrapElement(keyed.childForFieldName('value') ?? keyed.namedChildren[1]);
}

/** The element type name of a composite literal (`openai.ChatCompletionMessage`, elided `{…}` in a slice). */
function compositeTypeName(literalValue: Node): string {
  const composite = literalValue.parent;
  if (composite?.type === 'composite_literal') {
    const type = composite.childForFieldName('type');
    return type ? typeLastName(type) : '';
  }
  // An elided element `{Role: …}` inside `[]T{…}`: literal_value → literal_element → literal_value → composite_literal
  if (composite?.type === 'literal_element') {
    const outer = composite.parent?.parent;
    const type = outer?.type === 'composite_literal' ? outer.childForFieldName('type') : null;
    if (type) return typeLastName(type);
  }
  return '';
}

function typeLastName(type: Node): string {
  if (type.type === 'slice_type' || type.type === 'array_type' || type.type === 'implicit_length_array_type') {
    const element = type.childForFieldName('element');
    return element ? typeLastName(element) : '';
  }
  if (type.type === 'pointer_type') return type.namedChildren[0] ? typeLastName(type.namedChildren[0]) : '';
  if (type.type === 'qualified_type') return type.childForFieldName('name')?.text ?? '';
  if (type.type === 'generic_type') return type.childForFieldName('type') ? typeLastName(type.childForFieldName('type')!) : '';
  return type.text;
}

class GoFile {
  readonly bindings = new Bindings();
  /** Bindings used as arguments of log/error calls: never reported by name alone. */
  private readonly nonPromptUses = new Set<string>();
  /** String values, and prompt arguments followed through variables and `fmt.Sprintf(format, …)` to the format. */
  readonly strings = new StringEvaluator({
    referenceTypes: REFERENCE_TYPES,
    lookup: (ref) => this.bindings.lookup(ref.text, ref),
    formatCall: (node) => formatCall(node, ['fmt.Sprintf', 'fmt.Sprint']),
    promptFormatCall: (node) => formatCall(node, ['fmt.Sprintf']),
    evaluateOther: (node, depth) => this.evaluateOther(node, depth),
  });

  constructor(private readonly root: Node) {
    this.collectBindings();
  }

  private collectBindings(): void {
    for (const spec of this.root.descendantsOfType(['const_spec', 'var_spec'])) {
      if (!spec) continue;
      const names = spec.childrenForFieldName('name').filter((n): n is Node => !!n);
      const values = spec.childForFieldName('value')?.namedChildren ?? [];
      names.forEach((name, i) => {
        const value = values[i];
        if (value) this.bindings.add({ name: name.text, value, scope: enclosingFunction(spec) });
      });
    }
    for (const decl of this.root.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
      if (!decl) continue;
      if (decl.type === 'assignment_statement' && decl.childForFieldName('operator')?.text !== '=') continue;
      const left = decl.childForFieldName('left')?.namedChildren ?? [];
      const right = decl.childForFieldName('right')?.namedChildren ?? [];
      if (left.length !== right.length) continue;
      left.forEach((name, i) => {
        const value = right[i];
        if (name?.type === 'identifier' && value) this.bindings.add({ name: name.text, value, scope: enclosingFunction(decl) });
      });
    }
    for (const call of this.root.descendantsOfType('call_expression')) {
      const fn = call?.childForFieldName('function');
      if (!call || !fn || !isNonPromptCall(fn)) continue;
      for (const arg of args(call)) if (arg.type === 'identifier') this.nonPromptUses.add(arg.text);
    }
  }

  isNonPromptUse(name: string): boolean {
    return this.nonPromptUses.has(name);
  }

  /** Go string literals and `strings.Join` of them; null for anything else. */
  private evaluateOther(node: Node, depth: number): StringValue | null {
    switch (node.type) {
      case 'interpreted_string_literal':
        return single(node, decodeEscapes(node.text.slice(1, -1), 'go'));
      case 'raw_string_literal':
        return single(node, node.text.slice(1, -1).replace(/\r/g, ''));
      case 'call_expression':
        return this.joinCall(node, depth);
      default:
        return null;
    }
  }

  /** `strings.Join([]string{…}, "\n")` inside a larger string expression. */
  private joinCall(node: Node, depth: number): StringValue | null {
    const list = args(node);
    if (node.childForFieldName('function')?.text !== 'strings.Join' || list[0]?.type !== 'composite_literal' || !list[1]) return null;
    const sep = this.strings.evaluate(list[1], depth + 1);
    const body = list[0].childForFieldName('body');
    if (!sep || !body) return null;
    const pieces: TextPiece[] = [];
    const inlined: Node[] = [];
    let syntaxes: PlaceholderSyntax[] = [];
    const elements = body.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    for (const [i, element] of elements.entries()) {
      const inner = unwrapElement(element);
      const value = inner ? this.strings.evaluate(inner, depth + 1) : null;
      if (i > 0) pieces.push(...sep.pieces);
      if (value) {
        pieces.push(...value.pieces);
        inlined.push(...value.inlined);
        syntaxes = merge(syntaxes, value.syntaxes);
      } else pieces.push(insertedPiece(element.text));
    }
    return { node, pieces, syntaxes, inlined };
  }

  /** A model id from a model-field value: literal, constant in the file, SDK constant, or `openai.F(x)`. */
  modelValue(node: Node | null, depth = 0): string | undefined {
    if (!node || depth > 4) return undefined;
    if (node.type === 'interpreted_string_literal' || node.type === 'raw_string_literal') {
      const text = node.text.slice(1, -1).trim();
      return text || undefined;
    }
    if (node.type === 'identifier') {
      const binding = this.bindings.lookup(node.text, node);
      return binding ? this.modelValue(binding.value, depth + 1) : undefined;
    }
    if (node.type === 'selector_expression') return modelFromConstant(node.childForFieldName('field')?.text ?? '') ?? undefined;
    if (node.type === 'call_expression' || node.type === 'type_conversion_expression') {
      const list = node.type === 'call_expression' ? args(node) : [node.childForFieldName('operand')];
      return list.length === 1 ? this.modelValue(list[0], depth + 1) : undefined;
    }
    return undefined;
  }

  intValue(node: Node | null, depth = 0): number | undefined {
    if (!node || depth > 4) return undefined;
    if (node.type === 'int_literal') {
      const n = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(n) ? n : undefined;
    }
    if (node.type === 'identifier') {
      const binding = this.bindings.lookup(node.text, node);
      return binding ? this.intValue(binding.value, depth + 1) : undefined;
    }
    if (node.type === 'call_expression') {
      const list = args(node);
      return list.length === 1 ? this.intValue(list[0], depth + 1) : undefined;
    }
    return undefined;
  }

  modelSites(): ModelSite[] {
    const sites: ModelSite[] = [];
    const addNamed = (name: string, site: Node, value: Node | null): void => {
      const found = settingSite(SETTING_NAMES, name, site, value, this);
      if (found) sites.push(found);
    };
    for (const keyed of this.root.descendantsOfType('keyed_element')) if (keyed) addNamed(keyOf(keyed), keyed, valueOf(keyed));
    for (const assign of this.root.descendantsOfType('assignment_statement')) {
      const left = assign?.childForFieldName('left')?.namedChildren[0];
      const right = assign?.childForFieldName('right')?.namedChildren[0] ?? null;
      if (assign && left?.type === 'selector_expression') addNamed(left.childForFieldName('field')?.text ?? '', assign, right);
    }
    for (const call of this.root.descendantsOfType('call_expression')) {
      const fn = call?.childForFieldName('function');
      if (!call || !fn) continue;
      const name = lastName(fn);
      const list = args(call);
      // langchaingo / options pattern: openai.WithModel("…"), llms.WithMaxTokens(512)
      if (name.startsWith('With') && list.length === 1) addNamed(name.slice(4), call, list[0]);
      // A literal model id passed positionally: genai GenerateContent(ctx, "gemini-2.5-flash", …)
      for (const arg of list) {
        if (arg.type !== 'interpreted_string_literal' && arg.type !== 'raw_string_literal') continue;
        const text = arg.text.slice(1, -1);
        if (looksLikeModelId(text)) sites.push({ node: arg, model: text });
      }
    }
    return sites;
  }
}

/** `fmt.Sprintf(format, …)` (printf placeholders) or `fmt.Sprint(format, …)` among `names`: the format argument. */
function formatCall(call: Node, names: readonly string[]): FormatCall | null {
  if (call.type !== 'call_expression') return null;
  const name = call.childForFieldName('function')?.text ?? '';
  const format = args(call)[0];
  if (!names.includes(name) || !format) return null;
  return { template: format, syntaxes: name === 'fmt.Sprintf' ? ['printf'] : [] };
}

function single(node: Node, text: string): StringValue {
  return { node, pieces: [textPiece(text)], syntaxes: [], inlined: [] };
}

function merge(a: PlaceholderSyntax[], b: PlaceholderSyntax[]): PlaceholderSyntax[] {
  return [...new Set([...a, ...b])];
}

function enclosingFunction(node: Node): Node | null {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
  return null;
}

/** The role a prompt gets from where it sits: `System:` field, `NewUserMessage(…)`, a sibling `Role:`. */
function roleFromContext(node: Node): string | undefined {
  for (let n = node.parent; n && !SCOPE_RULES.isStatement(n); n = n.parent) {
    if (n.type === 'keyed_element') {
      const key = keyOf(n);
      if (key === 'System' || key === 'SystemInstruction' || key === 'Instructions') return 'system';
    }
    if (n.type === 'call_expression') {
      const fn = n.childForFieldName('function');
      const name = fn ? lastName(fn) : '';
      if (name === 'NewUserMessage') return 'user';
      if (name === 'NewAssistantMessage') return 'assistant';
    }
    if (n.type === 'literal_value') {
      for (const sibling of n.namedChildren) {
        if (sibling?.type === 'keyed_element' && keyOf(sibling) === 'Role') return roleFromName(valueOf(sibling)?.text ?? '');
      }
    }
  }
  return undefined;
}

function findGoPrompts(root: Node, ctx: FinderContext): FoundPrompt[] {
  const file = new GoFile(root);
  const scope = new ModelScope(root, file.modelSites(), SCOPE_RULES);
  const prompts = new PromptCollector(ctx, scope);

  const report = (expr: Node, role: string | undefined, syntaxes: PlaceholderSyntax[] = []): void => {
    const found = file.strings.resolvePrompt(expr);
    if (!found) return;
    const contextRole = roleFromContext(expr);
    // A `SystemInstruction:` / `System:` field wins over the role the content itself carries.
    prompts.addArgument(found, expr, syntaxes, contextRole === 'system' ? contextRole : role ?? contextRole);
  };

  for (const call of root.descendantsOfType('call_expression')) {
    const fn = call?.childForFieldName('function');
    if (!call || !fn) continue;
    const name = lastName(fn);
    const sink = CALL_SINKS[name];
    const receiver = fn.type === 'selector_expression' ? fn.childForFieldName('operand')?.text ?? '' : '';
    const list = args(call);
    if (sink && (!sink.pkg || sink.pkg.includes(receiver))) {
      const role = sink.role ?? (sink.roleArg !== undefined && list[sink.roleArg] ? roleFromName(list[sink.roleArg].text) : undefined);
      const targets = sink.arg === 'rest' ? list.slice(sink.from ?? 0) : list[sink.arg] ? [list[sink.arg]] : [];
      for (const target of targets) report(target, role, sink.syntaxes);
    } else if (name === 'Call' && list.length === 2 && /llm|model/i.test(receiver)) {
      report(list[1], 'user'); // langchaingo llm.Call(ctx, prompt)
    }
  }

  for (const keyed of root.descendantsOfType('keyed_element')) {
    if (!keyed) continue;
    const key = keyOf(keyed);
    const value = valueOf(keyed);
    const sink = FIELD_SINKS[key];
    if (!value || !sink) continue;
    const literalValue = keyed.parent;
    const typeName = literalValue ? compositeTypeName(literalValue) : '';
    const hasRole = !!literalValue?.namedChildren.some((s) => s?.type === 'keyed_element' && keyOf(s) === 'Role');
    if (!sink.types.includes(typeName) && !((key === 'Content' || key === 'Text') && hasRole)) continue;
    report(value, sink.role);
  }

  // Evidence 3: prompt-named constants, variables and struct fields whose text reads as instructions.
  const byName = (name: string, valueNode: Node): void => prompts.addByName(name, valueNode, file, NAMED_PROMPTS);
  for (const binding of file.bindings.all()) byName(binding.name, binding.value);
  for (const keyed of root.descendantsOfType('keyed_element')) {
    const value = keyed ? valueOf(keyed) : null;
    if (keyed && value) byName(keyOf(keyed), value);
  }
  return prompts.results();
}

export const goFinder: LanguageFinder = {
  grammar: 'go',
  find: findGoPrompts,
};
