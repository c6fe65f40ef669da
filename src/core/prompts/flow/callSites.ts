/**
 * Reads a call into a `CallSite` for the Python and JavaScript/TypeScript adapters: the callee as a path of
 * names (`client.chat.completions.create`) and the arguments as positional, named and spread ones. The two
 * grammars differ in node type and field names, and in where named arguments are written (keyword arguments
 * in Python, the properties of an options object in JS); each describes that as a `CallGrammar`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { maybeText } from '../nodeFacts';
import type { CallSite } from './syntaxAdapter';
import { namedChildrenOf, nodeText } from '../syntaxTree';
import { normalizeName } from '../sdkNames';

/** What one argument, or one property of an options argument, gives a call. */
export type ArgumentPart =
  /** Passed by position (an options object is also read through `optionsObject`). */
  | 'positional'
  /** Nothing the analysis can place (`*args`, `...rest`). */
  | 'skip'
  /** `model="…"`, `{ model: "…" }`, `{ model }`. */
  | { name: string; value: Node }
  /** `**kwargs`, `{ ...options }`: its entries count as named arguments when they can be resolved. */
  | { spread: Node };

export interface CallGrammar {
  /** Call node types, each with the field of the expression it calls (`call_expression` → `function`). */
  calls: Readonly<Record<string, string>>;
  /** Node types of a name a callee path starts at (`client`, `this`). */
  pathStarts: ReadonlySet<string>;
  /** The plain name node type (`identifier`): what a call in the middle of a path is called by. */
  identifier: string;
  /** Member access `a.b`: its node type and the fields of `a` and `b`. */
  member: { type: string; object: string; property: string };
  /**
   * The expression a callee path looks through at `node` (`(client)`, `await x`, `Agent[Context]`), null
   * when there is none inside; undefined when `node` is not such a wrapper. `isCallee`: `node` is the
   * called expression itself, not a part of it.
   */
  lookThrough(node: Node, isCallee: boolean): Node | null | undefined;
  /** A tagged template (`sql\`…\``): a string, not a call the analysis reads. */
  isTaggedTemplate?(call: Node): boolean;
  /** The arguments of a call as written (comments left out). */
  argumentsOf(call: Node): readonly Node[];
  argument(arg: Node): ArgumentPart;
  /** The options object a positional argument is (`{ model, messages }`), whose properties count as named arguments. */
  optionsObject?(arg: Node): Node | null;
  /** One property of an options object. */
  option?(property: Node): ArgumentPart;
}

/**
 * Reads fields and types straight from the nodes, not through nodeFacts' memo: a call is read once per pass,
 * and for the JS adapter, which reads nodes directly elsewhere too, the memo cost more than it saved.
 */
export class CallSiteReader {
  /** `grammar.calls` as a map: a node type must not find `Object.prototype` members. */
  private readonly calleeFields: ReadonlyMap<string, string>;

  constructor(private readonly grammar: CallGrammar) {
    this.calleeFields = new Map(Object.entries(grammar.calls));
  }

  /** The callee of a call as normalised names, and the object a method is called on; null for other nodes. */
  callee(node: Node): { path: string[]; receiver: Node | null } | null {
    const g = this.grammar;
    const field = this.calleeFields.get(node.type);
    const fn = field ? node.childForFieldName(field) : null;
    if (!fn || g.isTaggedTemplate?.(node)) return null;
    const path: string[] = [];
    let receiver: Node | null = null;
    let cursor: Node | null = fn;
    while (cursor) {
      const type = cursor.type;
      if (g.pathStarts.has(type)) {
        path.unshift(normalizeName(nodeText(cursor)));
        break;
      }
      if (type === g.member.type) {
        const property = cursor.childForFieldName(g.member.property);
        const object: Node | null = cursor.childForFieldName(g.member.object);
        if (property) path.unshift(normalizeName(nodeText(property)));
        if (cursor === fn) receiver = object;
        cursor = object;
        continue;
      }
      const inner = g.lookThrough(cursor, cursor === fn);
      if (inner !== undefined) {
        cursor = inner;
        continue;
      }
      // genai.Client().models.generate_content, new OpenAI().chat…: the called name is a segment.
      const callField = this.calleeFields.get(type);
      const name = callField ? this.lastName(cursor.childForFieldName(callField)) : null;
      if (name) path.unshift(normalizeName(name));
      break;
    }
    return { path, receiver };
  }

  /** The callee and the arguments of a call; null for other nodes. */
  call(node: Node): CallSite | null {
    const callee = this.callee(node);
    if (!callee) return null;
    const g = this.grammar;
    const positional: Node[] = [];
    const named = new Map<string, Node>();
    const spreads: Node[] = [];
    for (const arg of g.argumentsOf(node)) {
      const part = g.argument(arg);
      if (part === 'skip') continue;
      if (part === 'positional') {
        positional.push(arg);
        const options = g.optionsObject?.(arg);
        for (const property of options ? namedChildrenOf(options) : []) {
          const option = g.option?.(property) ?? 'skip';
          if (typeof option !== 'object') continue;
          // The first options object that names a setting is the one that counts.
          if ('name' in option) {
            const key = normalizeName(option.name);
            if (!named.has(key)) named.set(key, option.value);
          } else spreads.push(option.spread);
        }
      } else if ('name' in part) named.set(normalizeName(part.name), part.value);
      else spreads.push(part.spread);
    }
    return { node, path: callee.path, receiver: callee.receiver, positional, named, spreads };
  }

  /** The name an expression that is called ends in: `f` → f, `a.b.f` → f; null for anything else. */
  lastName(node: Node | null): string | null {
    if (!node) return null;
    const type = node.type;
    if (type === this.grammar.identifier) return nodeText(node);
    if (type === this.grammar.member.type) return maybeText(node.childForFieldName(this.grammar.member.property)) ?? null;
    return null;
  }
}
