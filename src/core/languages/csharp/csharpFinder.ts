/**
 * Finds prompts in C#: OpenAI .NET and Azure.AI.OpenAI messages, Semantic Kernel prompts and chat
 * history, Microsoft.Extensions.AI chat messages and clients, the Anthropic C# SDKs; the constants and
 * variables that flow into them; and prompt-named strings.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isConnectionSettingName, looksLikeModelId, MAX_OUTPUT_ARGUMENT_NAMES, MODEL_ARGUMENT_NAMES } from '../../prompts/evidence';
import type { FindTrace } from '../../prompts/findTrace';
import type { FinderContext, LanguageFinder } from '../../prompts/languageFinder';
import type { FoundPrompt } from '../../prompts/prompt';
import type { ModuleConstant } from '../../prompts/modules/moduleReader';
import { childrenShared, endOf, fieldOf, maybeText, maybeType, memoPerNode, namedChildrenShared, nearestAncestorOfTypes, parentOf, textOf, TypeIndex, typeOf } from '../../prompts/nodeFacts';
import { Bindings } from '../../prompts/collector/bindings';
import { fileConstants } from '../../prompts/collector/fileConstants';
import { classScopeRules } from '../../prompts/collector/classScopeRules';
import { decodeEscapes, type EscapeDialect } from '../../prompts/strings/escapes';
import { ModelScope, PromptCollector, roleFromName, type ModelSite, type NamedPromptRules } from '../../prompts/collector/promptCollector';
import { SettingValues, type SettingNames } from '../../prompts/collector/settingValues';
import { StringEvaluator, type FormatCall } from '../../prompts/collector/stringEvaluator';
import { insertedPiece, stripLineIndent, textPiece, type EvaluatedString, type TextPiece } from '../../prompts/collector/evaluatedString';
import { promptArguments, shapesByCallee, type SdkCallShape } from '../sdkCallShape';
import { CSHARP_SDK_CALLS, SK_TEMPLATE } from './csharpSdkCalls';

/** How this language's string literals escape characters: read by the finder and by Compress's literal reader. */
export const CSHARP_ESCAPES: EscapeDialect = 'csharp';

const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'accessor_declaration', 'operator_declaration']);
const LOCAL_SCOPE_TYPES = new Set([...FUNCTION_TYPES, 'lambda_expression', 'anonymous_method_expression']);
const MEMBER_TYPES = new Set(['field_declaration', 'property_declaration', 'global_statement', 'method_declaration']);
/** Plain and `@"…"` strings: the literals a model id is written as. */
const STRING_LITERAL_TYPES = new Set(['string_literal', 'verbatim_string_literal']);
/** Names that refer to a binding: `prompt`, `Prompts.System`. */
const REFERENCE_TYPES = new Set(['identifier', 'member_access_expression']);

/** Every node type the finder lists from the whole tree: read in one walk (`TypeIndex`). */
const INDEXED_TYPES = ['variable_declarator', 'property_declaration', 'invocation_expression', 'object_creation_expression', 'implicit_object_creation_expression', 'assignment_expression'];

/** The name `definedName` reads from a local declaration, per statement id (asked once per prompt). */
const declaredName = memoPerNode((statement): string | null => {
  const declarator = statement.descendantsOfType('variable_declarator')[0];
  return maybeText(declarator ? fieldOf(declarator, 'name') : null) ?? null;
});

const SCOPE_RULES = classScopeRules({
  functionTypes: FUNCTION_TYPES,
  memberTypes: MEMBER_TYPES,
  clientConfigurationTypes: new Set(['field_declaration', 'property_declaration', 'constructor_declaration']),
  localDeclarationType: 'local_declaration_statement',
  declaredName,
});

const NAMED_PROMPTS: NamedPromptRules = { defaultSyntaxes: SK_TEMPLATE, preferResolvedName: true };

const CONSTRUCTOR_SINKS = shapesByCallee(CSHARP_SDK_CALLS, 'new');
const METHOD_SINKS = shapesByCallee(CSHARP_SDK_CALLS, 'method');
const MEMBER_SINKS = shapesByCallee(CSHARP_SDK_CALLS, 'field');

/** Microsoft.Extensions.AI and OpenAI .NET call the output budget `MaxOutputTokenCount`. */
const SETTING_NAMES: SettingNames = {
  model: new Set(MODEL_ARGUMENT_NAMES),
  maxOutput: new Set([...MAX_OUTPUT_ARGUMENT_NAMES, 'maxoutputtokencount']),
};

interface ArgumentExpression {
  name: string | null;
  value: Node;
}

/** `argumentExpressions` and `args` of a node, per node id (each call is read by several passes). */
const argumentsOf = memoPerNode((node): { named: ArgumentExpression[]; values: Node[] } => {
  const list = fieldOf(node, 'arguments') ?? namedChildrenShared(node).find((c) => typeOf(c) === 'argument_list') ?? null;
  const named: ArgumentExpression[] = [];
  for (const arg of list ? namedChildrenShared(list) : []) {
    if (typeOf(arg) !== 'argument') continue;
    const name = maybeText(fieldOf(arg, 'name')) ?? null;
    const value = namedChildrenShared(arg).filter((c) => typeOf(c) !== 'comment').pop();
    if (value && !(name && textOf(value) === name)) named.push({ name, value });
  }
  return { named, values: named.map((a) => a.value) };
});

/** The arguments of a call or creation, with their names (`name: value`); shared: do not change. */
function argumentExpressions(node: Node): readonly ArgumentExpression[] {
  return argumentsOf(node).named;
}

/** The argument values of a call or creation; shared: do not change. */
function args(node: Node): readonly Node[] {
  return argumentsOf(node).values;
}

function typeLastName(type: Node | null | undefined): string {
  if (!type) return '';
  const kind = typeOf(type);
  if (kind === 'generic_name') return maybeText(namedChildrenShared(type)[0]) ?? '';
  if (kind === 'qualified_name') {
    const named = namedChildrenShared(type);
    return typeLastName(fieldOf(type, 'name') ?? named[named.length - 1]);
  }
  return textOf(type);
}

/** `Foo`, `x.Foo`, `x.Foo<T>` → `Foo`; per call id: every pass over the calls asks it. */
const invokedName = memoPerNode((call): { name: string; receiver: string } => {
  const fn = fieldOf(call, 'function');
  if (!fn) return { name: '', receiver: '' };
  if (typeOf(fn) === 'member_access_expression') return { name: typeLastName(fieldOf(fn, 'name')), receiver: maybeText(fieldOf(fn, 'expression')) ?? '' };
  return { name: typeLastName(fn), receiver: '' };
});

function memberName(node: Node): string {
  if (typeOf(node) === 'member_access_expression') return maybeText(fieldOf(node, 'name')) ?? '';
  return textOf(node);
}

function isNonPromptCall(call: Node): boolean {
  if (typeOf(call) === 'object_creation_expression') return /(Exception|Error)$/.test(typeLastName(fieldOf(call, 'type')));
  const { name, receiver } = invokedName(call);
  if (['Console', 'Debug', 'Trace'].includes(receiver)) return true;
  if (/log/i.test(receiver) && /^Log|^(Information|Debug|Warning|Error|Critical|Trace|Verbose|Fatal)$/.test(name)) return true;
  return /^Log(Information|Debug|Warning|Error|Critical|Trace)$/.test(name);
}

function enclosingScope(node: Node): Node | null {
  return nearestAncestorOfTypes(node, LOCAL_SCOPE_TYPES);
}

/** The text of a C# raw string (`"""…"""`): multi-line ones lose their first and last line and the closing line's indentation. */
function rawContent(pieces: TextPiece[]): TextPiece[] {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || first.inserted || !first.text.includes('\n') || !last || last.inserted) return pieces;
  const lastBreak = last.text.lastIndexOf('\n');
  if (lastBreak < 0 || last.text.slice(lastBreak + 1).trim() !== '') return pieces;
  const indent = last.text.slice(lastBreak + 1);
  const out = pieces.map((p) => ({ ...p }));
  const firstBreak = out[0].text.indexOf('\n');
  if (out[0].text.slice(0, firstBreak).trim() !== '') return pieces;
  if (out.length === 1) {
    const body = out[0].text.slice(firstBreak + 1, out[0].text.lastIndexOf('\n'));
    return stripLineIndent([textPiece(body)], indent);
  }
  out[0] = textPiece(out[0].text.slice(firstBreak + 1));
  out[out.length - 1] = textPiece(last.text.slice(0, lastBreak));
  return stripLineIndent(out, indent);
}

class CSharpFile {
  readonly bindings: Bindings;
  private readonly nonPromptUses = new Set<string>();
  readonly strings = new StringEvaluator({
    referenceTypes: REFERENCE_TYPES,
    lookup: (ref) => this.lookup(ref),
    formatCall,
    evaluateOther: literalValue,
  });
  /** Model ids and token counts of settings, followed through the same bindings. */
  readonly settings: SettingValues;

  constructor(readonly nodes: TypeIndex, private readonly trace?: FindTrace) {
    this.bindings = new Bindings(trace);
    // Built here, not as a field initialiser, to hand it the trace (a constructor parameter).
    this.settings = new SettingValues(
      {
        names: SETTING_NAMES,
        referenceTypes: REFERENCE_TYPES,
        lookup: (ref) => this.lookup(ref),
        stringContent: (node) => (STRING_LITERAL_TYPES.has(typeOf(node)) ? this.strings.evaluate(node)?.pieces[0]?.text ?? '' : null),
        integerLiteral: { type: 'integer_literal', noise: /[_uUlL]/g },
        constantName: (node) => (typeOf(node) === 'member_access_expression' ? memberName(node) : null),
        envDefault: (node) => (isEnvLookup(node) ? null : undefined),
        alternatives: (node) => (typeOf(node) === 'binary_expression' && maybeText(fieldOf(node, 'operator')) === '??' ? [fieldOf(node, 'left'), fieldOf(node, 'right')].filter((n): n is Node => !!n) : null),
      },
      trace,
    );
    for (const declarator of nodes.of('variable_declarator')) {
      const name = fieldOf(declarator, 'name');
      const value = namedChildrenShared(declarator).filter((c) => c.id !== name?.id && typeOf(c) !== 'bracketed_argument_list').pop();
      if (name && value) this.bindings.add({ name: textOf(name), value, scope: enclosingScope(declarator) });
    }
    for (const property of nodes.of('property_declaration')) {
      const name = fieldOf(property, 'name');
      let value = fieldOf(property, 'value');
      if (value && typeOf(value) === 'arrow_expression_clause') value = namedChildrenShared(value)[0] ?? null;
      if (name && value) this.bindings.add({ name: textOf(name), value, scope: null });
    }
    for (const call of nodes.of(['invocation_expression', 'object_creation_expression'])) {
      if (!isNonPromptCall(call)) continue;
      for (const arg of args(call)) if (typeOf(arg) === 'identifier' || typeOf(arg) === 'member_access_expression') this.nonPromptUses.add(memberName(arg));
    }
  }

  isNonPromptUse(name: string): boolean {
    this.trace?.name(name);
    return this.nonPromptUses.has(name);
  }

  private lookup(ref: Node): { name: string; value: Node } | undefined {
    if (typeOf(ref) === 'identifier') return this.bindings.lookup(textOf(ref), ref);
    if (typeOf(ref) === 'member_access_expression') return this.bindings.lookupGlobal(memberName(ref));
    return undefined;
  }

  modelSites(): ModelSite[] {
    const sites: ModelSite[] = [];
    const addNamed = (name: string, site: Node, value: Node | null | undefined): void => {
      const found = this.settings.site(name, site, value); // a setting's site is a start of the trace
      if (found) sites.push(found);
    };
    for (const assign of this.nodes.of('assignment_expression')) {
      const left = fieldOf(assign, 'left');
      if (left) addNamed(memberName(left), assign, fieldOf(assign, 'right'));
    }
    for (const call of this.nodes.of(['invocation_expression', 'object_creation_expression', 'implicit_object_creation_expression'])) {
      // Never the argument of an environment lookup or of a key/URL type (`new AzureKeyCredential("…")`, `new Uri("…")`).
      const unnamedAreModels = !isEnvLookup(call) && !isConnectionSettingName(calledName(call));
      const named = argumentExpressions(call);
      for (const { name, value } of named) {
        if (name) addNamed(name, value, value);
        // `GetChatClient(deployment ?? "gpt-4o")`: an expression is read as a model setting (a literal, below,
        // only when it looks like a model id: Azure deployment names may be anything).
        else if (value === named[0].value && !STRING_LITERAL_TYPES.has(typeOf(value)) && CLIENT_GETTERS.has(calledName(call))) addNamed('model', value, value);
        else if (unnamedAreModels && STRING_LITERAL_TYPES.has(typeOf(value)) && looksLikeModelId(this.settings.modelValue(value) ?? '')) {
          this.trace?.start(value);
          sites.push({ node: value, model: this.settings.modelValue(value) });
        }
      }
    }
    return sites;
  }
}

/** OpenAI .NET getters whose first argument is the model (Azure: the deployment). */
const CLIENT_GETTERS = new Set(['GetChatClient', 'GetOpenAIResponseClient', 'GetResponsesClient']);

/** `Environment.GetEnvironmentVariable("X")` (a default is written with `??`: see `alternatives`). */
function isEnvLookup(node: Node): boolean {
  return typeOf(node) === 'invocation_expression' && invokedName(node).name === 'GetEnvironmentVariable';
}

/** The method a call invokes or the type a creation builds (`new AzureKeyCredential(…)` → AzureKeyCredential). */
function calledName(call: Node): string {
  return typeOf(call) === 'invocation_expression' ? invokedName(call).name : typeLastName(fieldOf(call, 'type'));
}

/** `string.Format("…{0}…", x)` → its template argument. */
function formatCall(call: Node): FormatCall | null {
  if (typeOf(call) !== 'invocation_expression') return null;
  const { name, receiver } = invokedName(call);
  if (name !== 'Format' || (receiver !== 'string' && receiver !== 'String')) return null;
  const list = args(call);
  // string.Format(CultureInfo.InvariantCulture, "…", …)
  const template = (list[0] && /Culture|Provider/.test(textOf(list[0])) ? list[1] : list[0]) ?? null;
  return template ? { template, syntaxes: ['format'] } : null;
}

/** The value of a C# string literal (regular, verbatim, raw or interpolated), or null when `node` is none. */
function literalValue(node: Node): EvaluatedString | null {
  const simple = (text: string): EvaluatedString => ({ node, pieces: [textPiece(text)], syntaxes: [], inlined: [] });
  switch (typeOf(node)) {
    case 'string_literal':
      return simple(decodeEscapes(textOf(node).replace(/u8$/, '').slice(1, -1), CSHARP_ESCAPES));
    case 'verbatim_string_literal':
      return simple(textOf(node).slice(2, -1).replace(/""/g, '"'));
    case 'raw_string_literal': {
      const content = maybeText(namedChildrenShared(node).find((c) => typeOf(c) === 'raw_string_content')) ?? '';
      return { node, pieces: rawContent([textPiece(content)]), syntaxes: [], inlined: [] };
    }
    case 'interpolated_string_expression':
      return { node, pieces: interpolatedPieces(node), syntaxes: [], inlined: [] };
    default:
      return null;
  }
}

/** Pieces of `$"…{x}…"`, `$@"…"`, `$"""…"""`: each interpolation becomes a `{expr}` placeholder. */
function interpolatedPieces(node: Node): TextPiece[] {
  const children = childrenShared(node);
  const start = maybeText(children.find((c) => typeOf(c) === 'interpolation_start')) ?? '$';
  const raw = children.some((c) => typeOf(c) === 'interpolation_quote' && textOf(c).startsWith('"""'));
  const verbatim = start.includes('@');
  const pieces: TextPiece[] = [];
  for (const child of children) {
    if (typeOf(child) === 'string_content') {
      let text = textOf(child);
      if (verbatim) text = text.replace(/""/g, '"');
      if (!raw) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      pieces.push(textPiece(text));
    } else if (typeOf(child) === 'escape_sequence') {
      pieces.push(textPiece(decodeEscapes(textOf(child), CSHARP_ESCAPES)));
    } else if (typeOf(child) === 'interpolation') {
      const braces = childrenShared(child).filter((c) => typeOf(c) === 'interpolation_brace');
      const open = braces[0];
      const close = braces[braces.length - 1];
      const inner = open && close && open.id !== close.id ? textOf(child).slice(endOf(open) - child.startIndex, close.startIndex - child.startIndex) : textOf(child);
      const expression = namedChildrenShared(child).find((c) => typeOf(c) !== 'interpolation_brace' && !typeOf(c).startsWith('interpolation_'));
      const piece = insertedPiece(inner, 'fstring');
      if (expression) piece.inserted!.name = textOf(expression).replace(/\s+/g, ' ');
      pieces.push(piece);
    }
  }
  return raw ? rawContent(pieces) : pieces;
}

/** Role from a sibling `Role = ChatRole.User` in the same initializer. */
function siblingRole(assignment: Node): string | undefined {
  const parent = parentOf(assignment);
  for (const sibling of parent ? namedChildrenShared(parent) : []) {
    if (typeOf(sibling) !== 'assignment_expression') continue;
    if (memberName(fieldOf(sibling, 'left')!) === 'Role') return roleFromName(maybeText(fieldOf(sibling, 'right')) ?? '');
  }
  return undefined;
}

function findCSharpPrompts(root: Node, ctx: FinderContext): FoundPrompt[] {
  const nodes = new TypeIndex(root, INDEXED_TYPES);
  const file = new CSharpFile(nodes, ctx.trace);
  const scope = new ModelScope(root, file.modelSites(), SCOPE_RULES);
  const prompts = new PromptCollector(ctx, scope);

  const report = (expr: Node, sink: SdkCallShape, role?: string): void => {
    prompts.addShapeArgument(file.strings.resolvePrompt(expr), expr, sink, role);
  };

  for (const call of nodes.of(['invocation_expression', 'object_creation_expression'])) {
    const sink = typeOf(call) === 'object_creation_expression'
      ? CONSTRUCTOR_SINKS[typeLastName(fieldOf(call, 'type'))]
      : METHOD_SINKS[invokedName(call).name];
    if (!sink) continue;
    ctx.trace?.start(call);
    const list = args(call);
    const roleArg = sink.roleArg !== undefined ? list[sink.roleArg] : undefined;
    const role = roleArg ? roleFromName(textOf(roleArg)) : sink.role;
    for (const target of promptArguments(sink, list)) report(target, sink, role);
  }

  for (const assign of nodes.of('assignment_expression')) {
    const left = fieldOf(assign, 'left');
    const right = fieldOf(assign, 'right');
    if (!left || !right) continue;
    const name = memberName(left);
    const sink = MEMBER_SINKS[name];
    if (!sink) continue;
    ctx.trace?.start(assign);
    const inInitializer = maybeType(parentOf(assign)) === 'initializer_expression';
    if ((name === 'Content' || name === 'Text')) {
      const role = inInitializer ? siblingRole(assign) : undefined;
      if (role) report(right, sink, role);
    } else if (name === 'Template') {
      const parent = parentOf(assign);
      const creation = parent ? parentOf(parent) : null;
      if (creation && typeLastName(fieldOf(creation, 'type')) === 'PromptTemplateConfig') report(right, sink);
    } else if (inInitializer || typeOf(left) === 'member_access_expression') report(right, sink);
  }

  // Evidence 3: prompt-named constants, fields, properties, members and named arguments.
  const byName = (name: string, valueNode: Node): void => prompts.addByName(name, valueNode, file, NAMED_PROMPTS);
  for (const binding of file.bindings.all()) byName(binding.name, binding.value);
  for (const assign of nodes.of('assignment_expression')) {
    const left = fieldOf(assign, 'left');
    const right = fieldOf(assign, 'right');
    if (left && right) byName(memberName(left), right);
  }
  for (const call of nodes.of(['invocation_expression', 'object_creation_expression'])) {
    for (const { name, value } of argumentExpressions(call)) if (name) byName(name, value);
  }
  return prompts.results();
}

/**
 * The class-level string constants of a file (`const string System = "…"`, `static readonly string …`) by
 * name, for other classes that use them (`csharp/csharpModules.ts`): every one, not only those that read as prompts.
 */
export function csharpStringConstants(root: Node, ctx: FinderContext): Map<string, ModuleConstant> {
  const file = new CSharpFile(new TypeIndex(root, INDEXED_TYPES), ctx.trace);
  return fileConstants(file.bindings, file.strings, SK_TEMPLATE);
}

export const csharpFinder: LanguageFinder = {
  grammar: 'c-sharp',
  find: findCSharpPrompts,
};
