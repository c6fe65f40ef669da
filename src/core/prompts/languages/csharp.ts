/**
 * Finds prompts in C#: OpenAI .NET and Azure.AI.OpenAI messages, Semantic Kernel prompts and chat
 * history, Microsoft.Extensions.AI chat messages and clients, the Anthropic C# SDKs; the constants and
 * variables that flow into them; and prompt-named strings.
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
import { insertedPiece, stripLineIndent, textPiece, type StringValue, type TextPiece } from './stringValue';

const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'accessor_declaration', 'operator_declaration']);
const LOCAL_SCOPE_TYPES = new Set([...FUNCTION_TYPES, 'lambda_expression', 'anonymous_method_expression']);
const MEMBER_TYPES = new Set(['field_declaration', 'property_declaration', 'global_statement', 'method_declaration']);
/** Names that refer to a binding: `prompt`, `Prompts.System`. */
const REFERENCE_TYPES = new Set(['identifier', 'member_access_expression']);

const CLIENT_CONFIGURATION_TYPES = new Set(['field_declaration', 'property_declaration', 'constructor_declaration']);

const SCOPE_RULES: ScopeRules = {
  isClientConfiguration(site) {
    for (let n = site.parent; n; n = n.parent) if (CLIENT_CONFIGURATION_TYPES.has(n.type)) return true;
    return false;
  },
  isStatement: (n) => n.type.endsWith('_statement') || MEMBER_TYPES.has(n.type),
  isFunction: (n) => FUNCTION_TYPES.has(n.type),
  definedName(statement) {
    if (statement.type === 'local_declaration_statement') {
      const declarator = statement.descendantsOfType('variable_declarator')[0];
      return declarator?.childForFieldName('name')?.text ?? null;
    }
    const expr = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
    if (expr?.type === 'assignment_expression') {
      const left = expr.childForFieldName('left');
      return left?.type === 'identifier' ? left.text : null;
    }
    return null;
  },
};

/** Semantic Kernel templates: `{{$input}}`, Handlebars `{{name}}`. */
const SK_TEMPLATE: PlaceholderSyntax[] = ['mustache'];
const NAMED_PROMPTS: NamedPromptRules = { defaultSyntaxes: SK_TEMPLATE, preferResolvedName: true };

interface Sink {
  role?: string;
  syntaxes?: PlaceholderSyntax[];
  /** Index of the prompt argument (default 0); 'all' for every string argument. */
  arg?: number | 'all';
  roleArg?: number;
}

const CONSTRUCTOR_SINKS: Record<string, Sink> = {
  SystemChatMessage: { role: 'system' }, // OpenAI .NET
  UserChatMessage: { role: 'user' },
  AssistantChatMessage: { role: 'assistant' },
  DeveloperChatMessage: { role: 'developer' },
  ChatRequestSystemMessage: { role: 'system' }, // Azure.AI.OpenAI 1.x
  ChatRequestUserMessage: { role: 'user' },
  ChatRequestAssistantMessage: { role: 'assistant' },
  ChatHistory: { role: 'system' }, // Semantic Kernel: new ChatHistory(systemMessage)
  ChatMessage: { arg: 1, roleArg: 0 }, // Microsoft.Extensions.AI: new ChatMessage(ChatRole.System, "…")
  ChatMessageContent: { arg: 1, roleArg: 0 }, // Semantic Kernel
  PromptTemplateConfig: { syntaxes: SK_TEMPLATE },
  SystemMessage: { role: 'system' }, // Anthropic.SDK
  Message: { arg: 1, roleArg: 0 }, // Anthropic.SDK: new Message(RoleType.User, "…")
};

const METHOD_SINKS: Record<string, Sink> = {
  // Semantic Kernel
  InvokePromptAsync: { role: 'user', syntaxes: SK_TEMPLATE },
  InvokePromptStreamingAsync: { role: 'user', syntaxes: SK_TEMPLATE },
  CreateFunctionFromPrompt: { syntaxes: SK_TEMPLATE },
  CreateFromPrompt: { syntaxes: SK_TEMPLATE },
  AddSystemMessage: { role: 'system' },
  AddUserMessage: { role: 'user' },
  AddAssistantMessage: { role: 'assistant' },
  AddDeveloperMessage: { role: 'developer' },
  AddMessage: { arg: 1, roleArg: 0 },
  // OpenAI .NET
  CreateSystemMessage: { role: 'system' },
  CreateUserMessage: { role: 'user' },
  CreateAssistantMessage: { role: 'assistant' },
  CreateDeveloperMessage: { role: 'developer' },
  CompleteChat: { role: 'user', arg: 'all' },
  CompleteChatAsync: { role: 'user', arg: 'all' },
  CompleteChatStreaming: { role: 'user', arg: 'all' },
  CompleteChatStreamingAsync: { role: 'user', arg: 'all' },
  CreateResponse: { role: 'user' },
  CreateResponseAsync: { role: 'user' },
  CreateResponseStreamingAsync: { role: 'user' },
  // Microsoft.Extensions.AI IChatClient
  GetResponseAsync: { role: 'user' },
  GetStreamingResponseAsync: { role: 'user' },
  CompleteAsync: { role: 'user' },
  CompleteStreamingAsync: { role: 'user' },
};

/** Object-initializer members that carry a prompt ('' = role from a sibling `Role = …`). */
const MEMBER_SINKS: Record<string, Sink> = {
  Content: {},
  Text: {},
  System: { role: 'system' }, // Anthropic SDKs
  Instructions: { role: 'system' }, // SK agents, OpenAI Responses options, M.E.AI ChatOptions
  Template: { syntaxes: SK_TEMPLATE }, // PromptTemplateConfig
};

const SETTING_NAMES: SettingNames = {
  model: new Set(MODEL_ARGUMENT_NAMES),
  maxOutput: new Set([...MAX_OUTPUT_ARGUMENT_NAMES, 'maxoutputtokencount']),
};

function argumentExpressions(node: Node): { name: string | null; value: Node }[] {
  const list = node.childForFieldName('arguments') ?? node.namedChildren.find((c) => c?.type === 'argument_list') ?? null;
  const out: { name: string | null; value: Node }[] = [];
  for (const arg of list?.namedChildren ?? []) {
    if (arg?.type !== 'argument') continue;
    const name = arg.childForFieldName('name')?.text ?? null;
    const value = arg.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').pop();
    if (value && !(name && value.text === name)) out.push({ name, value });
  }
  return out;
}

function args(node: Node): Node[] {
  return argumentExpressions(node).map((a) => a.value);
}

function typeLastName(type: Node | null | undefined): string {
  if (!type) return '';
  if (type.type === 'generic_name') return type.namedChildren[0]?.text ?? '';
  if (type.type === 'qualified_name') return typeLastName(type.childForFieldName('name') ?? type.namedChildren[type.namedChildCount - 1]);
  return type.text;
}

/** `Foo`, `x.Foo`, `x.Foo<T>` → `Foo`. */
function invokedName(call: Node): { name: string; receiver: string } {
  const fn = call.childForFieldName('function');
  if (!fn) return { name: '', receiver: '' };
  if (fn.type === 'member_access_expression') return { name: typeLastName(fn.childForFieldName('name')), receiver: fn.childForFieldName('expression')?.text ?? '' };
  return { name: typeLastName(fn), receiver: '' };
}

function memberName(node: Node): string {
  if (node.type === 'member_access_expression') return node.childForFieldName('name')?.text ?? '';
  return node.text;
}

function isNonPromptCall(call: Node): boolean {
  if (call.type === 'object_creation_expression') return /(Exception|Error)$/.test(typeLastName(call.childForFieldName('type')));
  const { name, receiver } = invokedName(call);
  if (['Console', 'Debug', 'Trace'].includes(receiver)) return true;
  if (/log/i.test(receiver) && /^Log|^(Information|Debug|Warning|Error|Critical|Trace|Verbose|Fatal)$/.test(name)) return true;
  return /^Log(Information|Debug|Warning|Error|Critical|Trace)$/.test(name);
}

function enclosingScope(node: Node): Node | null {
  for (let n = node.parent; n; n = n.parent) if (LOCAL_SCOPE_TYPES.has(n.type)) return n;
  return null;
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
  readonly bindings = new Bindings();
  private readonly nonPromptUses = new Set<string>();
  readonly strings = new StringEvaluator({
    referenceTypes: REFERENCE_TYPES,
    lookup: (ref) => this.lookup(ref),
    formatCall,
    evaluateOther: literalValue,
  });

  constructor(private readonly root: Node) {
    for (const declarator of root.descendantsOfType('variable_declarator')) {
      if (!declarator) continue;
      const name = declarator.childForFieldName('name');
      const value = declarator.namedChildren.filter((c): c is Node => !!c && c.id !== name?.id && c.type !== 'bracketed_argument_list').pop();
      if (name && value) this.bindings.add({ name: name.text, value, scope: enclosingScope(declarator) });
    }
    for (const property of root.descendantsOfType('property_declaration')) {
      const name = property?.childForFieldName('name');
      let value = property?.childForFieldName('value') ?? null;
      if (value?.type === 'arrow_expression_clause') value = value.namedChildren[0] ?? null;
      if (property && name && value) this.bindings.add({ name: name.text, value, scope: null });
    }
    for (const call of root.descendantsOfType(['invocation_expression', 'object_creation_expression'])) {
      if (!call || !isNonPromptCall(call)) continue;
      for (const arg of args(call)) if (arg.type === 'identifier' || arg.type === 'member_access_expression') this.nonPromptUses.add(memberName(arg));
    }
  }

  isNonPromptUse(name: string): boolean {
    return this.nonPromptUses.has(name);
  }

  private lookup(ref: Node): { name: string; value: Node } | undefined {
    if (ref.type === 'identifier') return this.bindings.lookup(ref.text, ref);
    if (ref.type === 'member_access_expression') return this.bindings.lookupGlobal(memberName(ref));
    return undefined;
  }

  modelValue(node: Node | null | undefined, depth = 0): string | undefined {
    if (!node || depth > 4) return undefined;
    if (node.type === 'string_literal' || node.type === 'verbatim_string_literal') return this.strings.evaluate(node)?.pieces[0]?.text.trim() || undefined;
    if (node.type === 'identifier' || node.type === 'member_access_expression') {
      const binding = this.lookup(node);
      if (binding) return this.modelValue(binding.value, depth + 1);
      return node.type === 'member_access_expression' ? modelFromConstant(memberName(node)) ?? undefined : undefined;
    }
    return undefined;
  }

  intValue(node: Node | null | undefined, depth = 0): number | undefined {
    if (!node || depth > 4) return undefined;
    if (node.type === 'integer_literal') {
      const n = Number(node.text.replace(/[_uUlL]/g, ''));
      return Number.isFinite(n) ? n : undefined;
    }
    if (node.type === 'identifier' || node.type === 'member_access_expression') {
      const binding = this.lookup(node);
      return binding ? this.intValue(binding.value, depth + 1) : undefined;
    }
    return undefined;
  }

  modelSites(): ModelSite[] {
    const sites: ModelSite[] = [];
    const addNamed = (name: string, site: Node, value: Node | null | undefined): void => {
      const found = settingSite(SETTING_NAMES, name, site, value, this);
      if (found) sites.push(found);
    };
    for (const assign of this.root.descendantsOfType('assignment_expression')) {
      const left = assign?.childForFieldName('left');
      if (assign && left) addNamed(memberName(left), assign, assign.childForFieldName('right'));
    }
    for (const call of this.root.descendantsOfType(['invocation_expression', 'object_creation_expression', 'implicit_object_creation_expression'])) {
      if (!call) continue;
      for (const { name, value } of argumentExpressions(call)) {
        if (name) addNamed(name, value, value);
        else if ((value.type === 'string_literal' || value.type === 'verbatim_string_literal') && looksLikeModelId(this.modelValue(value) ?? '')) {
          sites.push({ node: value, model: this.modelValue(value) });
        }
      }
    }
    return sites;
  }
}

/** `string.Format("…{0}…", x)` → its template argument. */
function formatCall(call: Node): FormatCall | null {
  if (call.type !== 'invocation_expression') return null;
  const { name, receiver } = invokedName(call);
  if (name !== 'Format' || (receiver !== 'string' && receiver !== 'String')) return null;
  const list = args(call);
  // string.Format(CultureInfo.InvariantCulture, "…", …)
  const template = (list[0] && /Culture|Provider/.test(list[0].text) ? list[1] : list[0]) ?? null;
  return template ? { template, syntaxes: ['format'] } : null;
}

/** The value of a C# string literal (regular, verbatim, raw or interpolated), or null when `node` is none. */
function literalValue(node: Node): StringValue | null {
  const simple = (text: string): StringValue => ({ node, pieces: [textPiece(text)], syntaxes: [], inlined: [] });
  switch (node.type) {
    case 'string_literal':
      return simple(decodeEscapes(node.text.replace(/u8$/, '').slice(1, -1), 'csharp'));
    case 'verbatim_string_literal':
      return simple(node.text.slice(2, -1).replace(/""/g, '"'));
    case 'raw_string_literal': {
      const content = node.namedChildren.find((c) => c?.type === 'raw_string_content')?.text ?? '';
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
  const start = node.children.find((c) => c?.type === 'interpolation_start')?.text ?? '$';
  const raw = node.children.some((c) => c?.type === 'interpolation_quote' && c.text.startsWith('"""'));
  const verbatim = start.includes('@');
  const pieces: TextPiece[] = [];
  for (const child of node.children) {
    if (!child) continue;
    if (child.type === 'string_content') {
      let text = child.text;
      if (verbatim) text = text.replace(/""/g, '"');
      if (!raw) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      pieces.push(textPiece(text));
    } else if (child.type === 'escape_sequence') {
      pieces.push(textPiece(decodeEscapes(child.text, 'csharp')));
    } else if (child.type === 'interpolation') {
      const braces = child.children.filter((c): c is Node => !!c && c.type === 'interpolation_brace');
      const open = braces[0];
      const close = braces[braces.length - 1];
      const inner = open && close && open.id !== close.id ? child.text.slice(open.endIndex - child.startIndex, close.startIndex - child.startIndex) : child.text;
      const expression = child.namedChildren.find((c) => c && c.type !== 'interpolation_brace' && !c.type.startsWith('interpolation_'));
      const piece = insertedPiece(inner, 'fstring');
      if (expression) piece.inserted!.name = expression.text.replace(/\s+/g, ' ');
      pieces.push(piece);
    }
  }
  return raw ? rawContent(pieces) : pieces;
}

/** Role from a sibling `Role = ChatRole.User` in the same initializer. */
function siblingRole(assignment: Node): string | undefined {
  for (const sibling of assignment.parent?.namedChildren ?? []) {
    if (sibling?.type !== 'assignment_expression') continue;
    if (memberName(sibling.childForFieldName('left')!) === 'Role') return roleFromName(sibling.childForFieldName('right')?.text ?? '');
  }
  return undefined;
}

function findCSharpPrompts(root: Node, ctx: FinderContext): FoundPrompt[] {
  const file = new CSharpFile(root);
  const scope = new ModelScope(root, file.modelSites(), SCOPE_RULES);
  const prompts = new PromptCollector(ctx, scope);

  const report = (expr: Node, sink: Sink, role?: string): void => {
    const found = file.strings.resolvePrompt(expr);
    if (found) prompts.addArgument(found, expr, sink.syntaxes ?? [], role ?? sink.role);
  };

  for (const call of root.descendantsOfType(['invocation_expression', 'object_creation_expression'])) {
    if (!call) continue;
    const sink = call.type === 'object_creation_expression'
      ? CONSTRUCTOR_SINKS[typeLastName(call.childForFieldName('type'))]
      : METHOD_SINKS[invokedName(call).name];
    if (!sink) continue;
    const list = args(call);
    const roleArg = sink.roleArg !== undefined ? list[sink.roleArg] : undefined;
    const role = roleArg ? roleFromName(roleArg.text) : sink.role;
    const targets = sink.arg === 'all' ? list : list[sink.arg ?? 0] ? [list[sink.arg ?? 0]] : [];
    for (const target of targets) report(target, sink, role);
  }

  for (const assign of root.descendantsOfType('assignment_expression')) {
    const left = assign?.childForFieldName('left');
    const right = assign?.childForFieldName('right');
    if (!assign || !left || !right) continue;
    const name = memberName(left);
    const sink = MEMBER_SINKS[name];
    if (!sink) continue;
    const inInitializer = assign.parent?.type === 'initializer_expression';
    if ((name === 'Content' || name === 'Text')) {
      const role = inInitializer ? siblingRole(assign) : undefined;
      if (role) report(right, sink, role);
    } else if (name === 'Template') {
      const creation = assign.parent?.parent;
      if (creation && typeLastName(creation.childForFieldName('type')) === 'PromptTemplateConfig') report(right, sink);
    } else if (inInitializer || left.type === 'member_access_expression') report(right, sink);
  }

  // Evidence 3: prompt-named constants, fields, properties, members and named arguments.
  const byName = (name: string, valueNode: Node): void => prompts.addByName(name, valueNode, file, NAMED_PROMPTS);
  for (const binding of file.bindings.all()) byName(binding.name, binding.value);
  for (const assign of root.descendantsOfType('assignment_expression')) {
    const left = assign?.childForFieldName('left');
    const right = assign?.childForFieldName('right');
    if (left && right) byName(memberName(left), right);
  }
  for (const call of root.descendantsOfType(['invocation_expression', 'object_creation_expression'])) {
    for (const { name, value } of call ? argumentExpressions(call) : []) if (name) byName(name, value);
  }
  return prompts.results();
}

export const csharpFinder: LanguageFinder = {
  grammar: 'c-sharp',
  find: findCSharpPrompts,
};
