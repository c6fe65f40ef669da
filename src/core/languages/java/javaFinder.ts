/**
 * Finds prompts in Java: Spring AI (ChatClient, Prompt, messages, templates), LangChain4j (AI service
 * annotations, message factories, PromptTemplate, `model.chat`), the OpenAI and Anthropic Java SDK
 * builders and Azure OpenAI messages; the constants that flow into them; and prompt-named strings.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isConnectionSettingName, looksLikeModelId } from '../../prompts/evidence';
import type { FindTrace } from '../../prompts/findTrace';
import type { FinderContext, LanguageFinder } from '../../prompts/languageFinder';
import type { FoundPrompt } from '../../prompts/prompt';
import { RESOURCE_PLACEHOLDER, type ModuleConstant } from '../../prompts/modules/moduleReader';
import { fieldOf, maybeText, maybeType, memoPerNode, namedChildrenShared, nearestAncestorOfTypes, parentOf, textOf, TypeIndex, typeOf } from '../../prompts/nodeFacts';
import { Bindings } from '../../prompts/collector/bindings';
import { fileConstants } from '../../prompts/collector/fileConstants';
import { classScopeRules } from '../../prompts/collector/classScopeRules';
import { decodeEscapes, type EscapeDialect } from '../../prompts/strings/escapes';
import { ModelScope, PromptCollector, roleFromName, type ModelSite, type NamedPromptRules } from '../../prompts/collector/promptCollector';
import { SettingValues } from '../../prompts/collector/settingValues';
import { StringEvaluator, type FormatCall } from '../../prompts/collector/stringEvaluator';
import { insertedPiece, textPiece, type EvaluatedString, type TextPiece } from '../../prompts/collector/evaluatedString';
import { promptArguments, shapesByCallee, type SdkCallShape } from '../sdkCallShape';
import { JAVA_SDK_CALLS, LC4J_TEMPLATE, SPRING_TEMPLATE } from './javaSdkCalls';

/** How this language's string literals escape characters: read by the finder and by Compress's literal reader. */
export const JAVA_ESCAPES: EscapeDialect = 'java';

const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration', 'static_initializer']);
const LOCAL_SCOPE_TYPES = new Set([...FUNCTION_TYPES, 'lambda_expression']);
const MEMBER_TYPES = new Set(['local_variable_declaration', 'field_declaration', 'constant_declaration', 'method_declaration']);
/** Names that refer to a binding: `prompt`, `Prompts.SYSTEM`. */
const REFERENCE_TYPES = new Set(['identifier', 'field_access']);

/** Every node type the finder lists from the whole tree: read in one walk (`TypeIndex`). */
const INDEXED_TYPES = ['variable_declarator', 'method_invocation', 'object_creation_expression', 'annotation', 'marker_annotation'];

const SCOPE_RULES = classScopeRules({
  functionTypes: FUNCTION_TYPES,
  memberTypes: MEMBER_TYPES,
  clientConfigurationTypes: new Set(['field_declaration', 'constant_declaration', 'constructor_declaration']),
  localDeclarationType: 'local_variable_declaration',
  declaredName(declaration) {
    const declarator = fieldOf(declaration, 'declarator');
    return maybeText(declarator ? fieldOf(declarator, 'name') : null) ?? null;
  },
});

const NAMED_PROMPTS: NamedPromptRules = { defaultSyntaxes: LC4J_TEMPLATE, preferResolvedName: true };

/** What a call says about its prompt argument: its role and template syntax, and which argument. */
type Sink = Pick<SdkCallShape, 'role' | 'syntaxes' | 'arg' | 'roleArg'>;

const CONSTRUCTOR_SINKS = shapesByCallee(JAVA_SDK_CALLS, 'new');
const FACTORY_SINKS = shapesByCallee(JAVA_SDK_CALLS, 'static');
const METHOD_SINKS = shapesByCallee(JAVA_SDK_CALLS, 'method');
const CHAIN_SINKS = shapesByCallee(JAVA_SDK_CALLS, 'chain');
const MODEL_CALL_SINKS = shapesByCallee(JAVA_SDK_CALLS, 'modelMethod');
const MODEL_RECEIVER = /model|llm|assistant|chat|agent|\bai\b|client/i;

/** The arguments of a call, comments left out; memoised per node id (shared: do not change). */
const args = memoPerNode((node): readonly Node[] => {
  const argList = fieldOf(node, 'arguments');
  return argList ? namedChildrenShared(argList).filter((n) => typeOf(n) !== 'line_comment' && typeOf(n) !== 'block_comment') : [];
});

function typeLastName(type: Node | null): string {
  if (!type) return '';
  const kind = typeOf(type);
  if (kind === 'generic_type') return typeLastName(namedChildrenShared(type)[0] ?? null);
  if (kind === 'scoped_type_identifier') {
    const named = namedChildrenShared(type);
    return typeLastName(named[named.length - 1] ?? null);
  }
  return textOf(type);
}

/** Names along a call chain `a.b().c().d()` from the root: the root expression text, then method names. */
function chain(call: Node): { root: string; methods: string[] } {
  const methods: string[] = [];
  let n: Node | null = call;
  while (n && typeOf(n) === 'method_invocation') {
    methods.unshift(maybeText(fieldOf(n, 'name')) ?? '');
    n = fieldOf(n, 'object');
  }
  return { root: maybeText(n) ?? '', methods };
}

function isLogReceiver(text: string): boolean {
  return /(^|\.)(log|logger|LOG|LOGGER|Log|Logger|log\w*|LOG\w*)$/.test(text) || text === 'System.out' || text === 'System.err';
}

/** Java text block: drop the opening line, strip the common indentation and trailing spaces (JLS 3.10.6). */
function textBlockContent(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').split('\n').slice(1);
  const closingOwnLine = lines.length > 0 && lines[lines.length - 1].trim() === '';
  const significant = lines.filter((line, i) => line.trim() !== '' || (closingOwnLine && i === lines.length - 1));
  const indent = Math.min(...significant.map((line) => line.length - line.trimStart().length));
  const stripped = lines.map((line) => (line.trim() === '' ? '' : line.slice(Number.isFinite(indent) ? indent : 0).replace(/[ \t\f]+$/, '')));
  return stripped.join('\n');
}

function enclosingScope(node: Node): Node | null {
  return nearestAncestorOfTypes(node, LOCAL_SCOPE_TYPES);
}

class JavaFile {
  readonly bindings: Bindings;
  private readonly nonPromptUses = new Set<string>();
  /** String values, and prompt arguments followed through variables and `String.format` / `.formatted`. */
  readonly strings = new StringEvaluator({
    referenceTypes: REFERENCE_TYPES,
    lookup: (ref) => this.lookup(ref),
    formatCall,
    evaluateOther: (node, depth) => this.evaluateOther(node, depth),
  });
  /** Model ids and token counts of settings, followed through the same bindings. */
  readonly settings: SettingValues;

  constructor(readonly nodes: TypeIndex, private readonly trace?: FindTrace) {
    this.bindings = new Bindings(trace);
    // Built here, not as a field initialiser, to hand it the trace (a constructor parameter).
    this.settings = new SettingValues(
      {
        referenceTypes: REFERENCE_TYPES,
        lookup: (ref) => this.lookup(ref),
        stringContent: (node) => (typeOf(node) === 'string_literal' ? textOf(node).replace(/^"+|"+$/g, '') : null),
        integerLiteral: { type: 'decimal_integer_literal', noise: /[_lL]/g },
        constantName: (node) => (typeOf(node) === 'field_access' ? lastSegment(node) : null),
        modelInner: modelArgument,
        envDefault,
      },
      trace,
    );
    for (const declarator of nodes.of('variable_declarator')) {
      const name = fieldOf(declarator, 'name');
      const value = fieldOf(declarator, 'value');
      if (name && value) this.bindings.add({ name: textOf(name), value, scope: enclosingScope(declarator) });
    }
    for (const call of nodes.of(['method_invocation', 'object_creation_expression'])) {
      if (!this.isNonPromptCall(call)) continue;
      for (const arg of args(call)) if (typeOf(arg) === 'identifier' || typeOf(arg) === 'field_access') this.nonPromptUses.add(lastSegment(arg));
    }
  }

  /** Log lines, console output and exception messages. */
  private isNonPromptCall(call: Node): boolean {
    if (typeOf(call) === 'object_creation_expression') {
      const type = typeLastName(fieldOf(call, 'type'));
      return /(Exception|Error)$/.test(type);
    }
    const receiver = maybeText(fieldOf(call, 'object')) ?? '';
    return isLogReceiver(receiver);
  }

  isNonPromptUse(name: string): boolean {
    this.trace?.name(name);
    return this.nonPromptUses.has(name);
  }

  private lookup(ref: Node): { name: string; value: Node } | undefined {
    if (typeOf(ref) === 'identifier') return this.bindings.lookup(textOf(ref), ref);
    if (typeOf(ref) === 'field_access') return this.bindings.lookupGlobal(maybeText(fieldOf(ref, 'field')) ?? '');
    return undefined;
  }

  /** Java string literals and text blocks, and `String.join` of them; null for anything else. */
  private evaluateOther(node: Node, depth: number): EvaluatedString | null {
    if (typeOf(node) === 'method_invocation') return this.joinCall(node, depth);
    if (typeOf(node) !== 'string_literal') return null;
    const raw = textOf(node);
    const text = raw.startsWith('"""') ? decodeEscapes(textBlockContent(raw.slice(3, -3)), JAVA_ESCAPES) : decodeEscapes(raw.slice(1, -1), JAVA_ESCAPES);
    return { node, pieces: [textPiece(text)], syntaxes: [], inlined: [] };
  }

  /** `String.join("\n", "a", "b")` / `String.join("\n", List.of(…))` of literals. */
  private joinCall(node: Node, depth: number): EvaluatedString | null {
    if (maybeText(fieldOf(node, 'object')) !== 'String' || maybeText(fieldOf(node, 'name')) !== 'join') return null;
    const [sepNode, ...rest] = args(node);
    const sep = sepNode ? this.strings.evaluate(sepNode, depth + 1) : null;
    if (!sep) return null;
    let parts: readonly Node[] = rest;
    if (rest.length === 1 && typeOf(rest[0]) === 'method_invocation' && /^(List|Arrays|Stream)$/.test(maybeText(fieldOf(rest[0], 'object')) ?? '')) parts = args(rest[0]);
    const pieces: TextPiece[] = [];
    const inlined: Node[] = [];
    for (const [i, part] of parts.entries()) {
      if (i > 0) pieces.push(...sep.pieces);
      const value = this.strings.evaluate(part, depth + 1);
      if (value) {
        pieces.push(...value.pieces);
        inlined.push(...value.inlined);
      } else pieces.push(insertedPiece(textOf(part)));
    }
    return parts.length ? { node, pieces, syntaxes: [], inlined } : null;
  }

  modelSites(): ModelSite[] {
    const sites: ModelSite[] = [];
    for (const call of this.nodes.of(['method_invocation', 'object_creation_expression'])) {
      const list = args(call);
      if (typeOf(call) === 'method_invocation' && list.length === 1) {
        // setMaxTokens(…) / withModel(…) as well as model(…)
        const name = (maybeText(fieldOf(call, 'name')) ?? '').replace(/^(set|with)(?=[A-Z])/, '').toLowerCase();
        const found = this.settings.site(name, call, list[0]); // a setting's site is a start of the trace
        if (found) sites.push(found);
      }
      // Never the argument of an environment lookup or of a key/URL setting (`.apiKey(…)`, `.baseUrl("…")`).
      if (envDefault(call) !== undefined || isConnectionSettingName(maybeText(fieldOf(call, typeOf(call) === 'method_invocation' ? 'name' : 'type')) ?? '')) continue;
      for (const arg of list) {
        if (typeOf(arg) !== 'string_literal') continue;
        const text = textOf(arg).slice(1, -1);
        if (!looksLikeModelId(text)) continue;
        this.trace?.start(arg);
        sites.push({ node: arg, model: text });
      }
    }
    return sites;
  }
}

/**
 * `System.getenv("X")` and `System.getProperty("x")` → null (no default); `System.getenv().getOrDefault("X", d)`
 * and `System.getProperty("x", d)` → d; undefined for anything else.
 */
function envDefault(node: Node): Node | null | undefined {
  if (typeOf(node) !== 'method_invocation') return undefined;
  const name = maybeText(fieldOf(node, 'name'));
  const object = maybeText(fieldOf(node, 'object'));
  const list = args(node);
  if (object === 'System' && name === 'getenv') return null;
  if (object === 'System' && name === 'getProperty') return list[1] ?? null;
  if (/^System\.getenv\(\s*\)$/.test(object ?? '') && name === 'getOrDefault') return list[1] ?? null;
  return undefined;
}

/** `ChatModel.of("…")` → its argument; `GPT_4_O.getValue()` → the constant it is called on. */
function modelArgument(node: Node): Node | null {
  if (typeOf(node) !== 'method_invocation') return null;
  const list = args(node);
  if (list.length === 1) return list[0];
  return list.length === 0 ? fieldOf(node, 'object') : null;
}

function lastSegment(node: Node): string {
  return typeOf(node) === 'field_access' ? maybeText(fieldOf(node, 'field')) ?? '' : textOf(node);
}

/** `String.format(template, …)`, `"…".formatted(…)`, `MessageFormat.format(template, …)`. */
function formatCall(call: Node): FormatCall | null {
  if (typeOf(call) !== 'method_invocation') return null;
  const name = maybeText(fieldOf(call, 'name'));
  const object = fieldOf(call, 'object');
  const list = args(call);
  if (name === 'format' && maybeText(object) === 'String' && list[0]) {
    // String.format(Locale.ROOT, "…", …)
    const template = typeOf(list[0]) === 'field_access' && /Locale/.test(textOf(list[0])) ? list[1] : list[0];
    return template ? { template, syntaxes: ['printf'] } : null;
  }
  if (name === 'formatted' && object) return { template: object, syntaxes: ['printf'] };
  if (name === 'format' && maybeText(object) === 'MessageFormat' && list[0]) return { template: list[0], syntaxes: ['format'] };
  return null;
}

/** The sink a call or constructor is, if any, with its prompt arguments. */
function sinkOf(call: Node): { sink: Sink; targets: Node[] } | null {
  const list = args(call);
  if (typeOf(call) === 'object_creation_expression') {
    const sink = CONSTRUCTOR_SINKS[typeLastName(fieldOf(call, 'type'))];
    if (!sink) return null;
    if (sink.arg === undefined && list.length !== 1) return null; // new Prompt(messages, options) etc. hold no string
    const targets = promptArguments(sink, list);
    return targets.length > 0 ? { sink, targets } : null;
  }
  const name = maybeText(fieldOf(call, 'name')) ?? '';
  const object = fieldOf(call, 'object');
  const first = list[0] ? [list[0]] : [];
  const factory = FACTORY_SINKS[`${object ? typeLastName(object) : ''}.${name}`];
  if (factory) return { sink: factory, targets: first };
  if (METHOD_SINKS[name]) return { sink: METHOD_SINKS[name], targets: first };
  if (CHAIN_SINKS[name] && object) {
    const { root, methods } = chain(object);
    const springChain = methods.includes('prompt') || /chatClient|ChatClient/.test(root) || methods.includes('defaultSystem');
    const sdkBuilder = /Params$/.test(root) && methods.includes('builder');
    const isPromptCall = name === 'prompt' && /chat|client/i.test(root) && methods.length === 0;
    if (springChain || sdkBuilder || isPromptCall) return { sink: CHAIN_SINKS[name], targets: first };
  }
  // Spring AI `.user(u -> u.text("…").param(…))`: `text` on the lambda parameter of user/system.
  if ((name === 'text' || name === 'template') && object) {
    const parent = parentOf(call);
    const lambda = maybeType(parent) === 'lambda_expression' ? parent : ancestorOfType(call, 'lambda_expression');
    const lambdaParent = lambda ? parentOf(lambda) : null;
    const outer = lambdaParent ? parentOf(lambdaParent) : null;
    const outerName = outer && typeOf(outer) === 'method_invocation' ? maybeText(fieldOf(outer, 'name')) ?? '' : '';
    if (CHAIN_SINKS[outerName] || METHOD_SINKS[outerName]) return { sink: { ...(CHAIN_SINKS[outerName] ?? METHOD_SINKS[outerName]) }, targets: first };
    // Spring AI PromptTemplate.builder().template("…")
    if (name === 'template' && chain(object).root === 'PromptTemplate') return { sink: { syntaxes: SPRING_TEMPLATE }, targets: first };
  }
  const modelCall = MODEL_CALL_SINKS[name];
  if (modelCall && object && MODEL_RECEIVER.test(textOf(object))) {
    return { sink: modelCall, targets: list.filter((a) => !(typeOf(a) === 'string_literal' && looksLikeModelId(textOf(a).slice(1, -1)))) };
  }
  return null;
}

function ancestorOfType(node: Node, type: string): Node | null {
  for (let n = parentOf(node); n; n = parentOf(n)) {
    if (typeOf(n) === type) return n;
    if (SCOPE_RULES.isStatement(n)) return null;
  }
  return null;
}

/** The value of the named argument `key` of an annotation (`fromResource = "…"`), else null. */
function annotationArgument(annotation: Node, key: string): Node | null {
  const list = fieldOf(annotation, 'arguments');
  for (const child of list ? namedChildrenShared(list) : []) {
    if (child && typeOf(child) === 'element_value_pair' && maybeText(fieldOf(child, 'key')) === key) return fieldOf(child, 'value');
  }
  return null;
}

/** The strings of a LangChain4j `@SystemMessage` / `@UserMessage` annotation (an array joins with "\n"). */
function annotationValue(annotation: Node): Node | null {
  const list = fieldOf(annotation, 'arguments');
  if (!list) return null;
  for (const child of namedChildrenShared(list)) {
    if (!child) continue;
    if (typeOf(child) === 'element_value_pair') {
      if (maybeText(fieldOf(child, 'key')) === 'value') return fieldOf(child, 'value');
      continue;
    }
    return child;
  }
  return null;
}

function findJavaPrompts(root: Node, ctx: FinderContext): FoundPrompt[] {
  const nodes = new TypeIndex(root, INDEXED_TYPES);
  const file = new JavaFile(nodes, ctx.trace);
  const scope = new ModelScope(root, file.modelSites(), SCOPE_RULES);
  const prompts = new PromptCollector(ctx, scope);

  const report = (expr: Node, sink: Sink, role?: string): void => {
    prompts.addShapeArgument(file.strings.resolvePrompt(expr), expr, sink, role);
  };

  for (const call of nodes.of(['method_invocation', 'object_creation_expression'])) {
    const match = sinkOf(call);
    if (!match) continue;
    ctx.trace?.start(call);
    const roleArg = match.sink.roleArg !== undefined ? args(call)[match.sink.roleArg] : undefined;
    for (const target of match.targets) report(target, match.sink, roleArg ? roleFromName(textOf(roleArg).replace(/\.value\(\)$/, '')) : undefined);
  }

  for (const annotation of nodes.of(['annotation', 'marker_annotation'])) {
    const name = maybeText(fieldOf(annotation, 'name')) ?? '';
    const role = name.endsWith('SystemMessage') ? 'system' : name.endsWith('UserMessage') ? 'user' : undefined;
    if (role) ctx.trace?.start(annotation);
    if (!role) continue;
    // `@SystemMessage(fromResource = "/prompts/system.st")`: the text is a resource file (read by
    // core/project/resourcePlaceholders.ts); `@UserMessage String message`: the argument is the text.
    const resource = annotationArgument(annotation, 'fromResource');
    const holder = parentOf(parentOf(annotation) ?? annotation);
    const parameter = holder && typeOf(holder) === 'formal_parameter' ? holder : null;
    if (resource && typeOf(resource) === 'string_literal') {
      const path = file.strings.evaluate(resource);
      const text = path?.pieces.map((p) => p.text).join('');
      if (text) prompts.add({ node: resource, pieces: [insertedPiece(`${RESOURCE_PLACEHOLDER}${text}`, 'format')], syntaxes: [], inlined: [] }, { evidence: 'call', anchor: resource, role });
      continue;
    }
    const value = typeOf(annotation) === 'annotation' ? annotationValue(annotation) : null;
    if (!value && parameter) {
      const name = maybeText(fieldOf(parameter, 'name'));
      if (name) prompts.add({ node: parameter, pieces: [insertedPiece(name, 'format')], syntaxes: [], inlined: [] }, { evidence: 'call', anchor: parameter, role });
      continue;
    }
    if (!value) continue;
    if (typeOf(value) === 'element_value_array_initializer') {
      const parts = namedChildrenShared(value).filter((c) => typeOf(c) !== 'line_comment' && typeOf(c) !== 'block_comment');
      const values = parts.map((p) => file.strings.evaluate(p));
      if (!values.length || values.some((v) => !v)) continue;
      const pieces: TextPiece[] = [];
      values.forEach((v, i) => {
        if (i > 0) pieces.push(textPiece('\n'));
        pieces.push(...v!.pieces);
      });
      prompts.add({ node: value, pieces, syntaxes: LC4J_TEMPLATE, inlined: values.flatMap((v) => v!.inlined) }, { evidence: 'call', anchor: value, role });
    } else report(value, { syntaxes: LC4J_TEMPLATE }, role);
  }

  // Evidence 3: prompt-named fields and variables whose text reads as instructions.
  for (const binding of file.bindings.all()) prompts.addByName(binding.name, binding.value, file, NAMED_PROMPTS);
  return prompts.results().map(withoutLineSeparators);
}

/** Java's `%n` is a line separator, not a value: it stays in the text but is no placeholder. */
function withoutLineSeparators(prompt: FoundPrompt): FoundPrompt {
  const placeholders = prompt.placeholders.filter((p) => !(p.syntax === 'printf' && p.raw === '%n'));
  if (placeholders.length === prompt.placeholders.length) return prompt;
  return { ...prompt, placeholders, kind: placeholders.length ? 'template' : 'literal' };
}

/**
 * The class-level string constants of a file (`static final String SYSTEM = "…"`) by field name, for other
 * classes that use them (`java/javaModules.ts`): every one, not only those that read as prompts.
 */
export function javaStringConstants(root: Node, ctx: FinderContext): Map<string, ModuleConstant> {
  const file = new JavaFile(new TypeIndex(root, INDEXED_TYPES), ctx.trace);
  return fileConstants(file.bindings, file.strings, LC4J_TEMPLATE);
}

export const javaFinder: LanguageFinder = {
  grammar: 'java',
  find: findJavaPrompts,
};
