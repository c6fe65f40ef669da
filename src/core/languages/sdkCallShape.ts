/**
 * The one format every language's SDK table is written in: a list of call shapes, each saying how one SDK
 * call (or field) takes prompt text. A language's finder reads the forms its syntax has and the fields it
 * understands; it builds its lookups from the list once, when it loads. Adding an SDK call shape to a
 * language is one entry in its table.
 */
import type { CallApi } from '../prompts/llmCall';
import type { PlaceholderSyntax } from '../prompts/prompt';
import { nameTable } from '../prompts/nameTable';

/**
 * How the call is written, which also says how `callee` is matched.
 * - `call`: Python/JavaScript `a.b.c(…)`; `callee` is a normalised dotted suffix (lower case, no `_`), `|`
 *   separating alternatives inside a segment. Go `pkg.Name(…)`; `callee` is the function's last name.
 * - `message`: Python/JavaScript message classes (`SystemMessage(…)`): the callee says the role, the content
 *   is the first argument or `content=`; a shape without a role reads it from `role=`.
 * - `new`: Java/C# `new Name(…)`, by the type's last name.
 * - `static`: Java `Type.name(…)` factories, as `Type.name` (`.name` for a static import).
 * - `method`: Java/C# `x.Name(…)` wherever it is called.
 * - `chain`: Java methods with common names, prompts only in an LLM builder chain.
 * - `modelMethod`: Java `model.chat(…)`, only on a receiver named like a model or client.
 * - `field`: Go struct fields (`types`: in literals of these types), C# object-initialiser members.
 */
export type CallForm = 'call' | 'message' | 'new' | 'static' | 'method' | 'chain' | 'modelMethod' | 'field';

/** How a Python/JavaScript argument carries prompt text. */
export type ArgKind =
  | 'text' // a string prompt
  | 'messages' // a list of chat messages: dicts/objects, (role, text) tuples, message objects
  | 'contents' // a string, or a list of strings / messages / parts (Gemini contents, Responses input, invoke input)
  | 'blocks' // a string or a list of text blocks (Anthropic / Bedrock `system`)
  | 'config'; // an options object holding more prompt arguments (Gemini `config`)

export interface ArgSpec {
  kind: ArgKind;
  role?: string;
}

export interface SdkCallShape {
  sdk: string;
  form: CallForm;
  callee: string;
  /** The role of the prompt text (the callee says it: `SystemMessage` → system). */
  role?: string;
  /** Placeholder syntaxes of the text passed (templates). */
  syntaxes?: PlaceholderSyntax[];
  /**
   * The call sends a request to a model, in this API's framing: the prompts reaching it are priced as one
   * call. Without it the shape builds something sent later (a template, an agent, a message): its prompts
   * form an implied call unless a request is seen to send them.
   */
  request?: CallApi;

  // ──── Go, Java, C#: which arguments ─────────────────────────────────────────────────────────────
  /** Index of the prompt argument (default 0); `all` every argument; `rest` every one from `from`. */
  arg?: number | 'all' | 'rest';
  from?: number;
  /** Index of an argument naming the role (`new ChatMessage(ChatRole.System, "…")`). */
  roleArg?: number;
  /** Go: only when called on one of these packages (`genai.Text`): the bare name is too common. */
  pkg?: string[];
  /** Go fields: only in composite literals of these types. */
  types?: string[];

  // ──── Python, JavaScript: which arguments ──────────────────────────────────────────────────────
  /** By normalised keyword / property name. */
  named?: Record<string, ArgSpec>;
  /** By position; null skips a position (`Runner.run(agent, input)`). */
  positional?: (ArgSpec | null)[];
  /** Positional index holding the model id (`init_chat_model("gpt-4o")`, `GenerativeModel("gemini…")`). */
  modelAt?: number;
  /** Positional index holding the object that carries the model (`Runner.run(agent, …)`). */
  modelObjectAt?: number;
  /** The method name is common: only count it when the receiver is a model object (it has a model). */
  needsModelReceiver?: boolean;
  /** Only count it when the file mentions one of these (lower case) — for bare, common function names. */
  requires?: string[];
  /** At least this many path segments (so `x.chat` but not a bare `chat()`). */
  minPath?: number;
  /** The method name is common: only count it on an object built by one of these (normalised callee last names: `agent`). */
  receiverBuiltBy?: string[];
}

/** The shapes of one form, by callee, for lookup by the name read from the tree (no prototype: see `nameTable`). */
export function shapesByCallee(shapes: readonly SdkCallShape[], form: CallForm): Readonly<Record<string, SdkCallShape | undefined>> {
  const entries = Object.create(null) as Record<string, SdkCallShape>;
  for (const shape of shapes) {
    if (shape.form !== form) continue;
    if (shape.callee in entries) throw new Error(`two ${form} shapes for ${shape.callee}`);
    entries[shape.callee] = shape;
  }
  return nameTable(entries);
}

/** The arguments of a call that hold its prompt text, by the shape's `arg` (Go, Java, C#). */
export function promptArguments<T>(shape: Pick<SdkCallShape, 'arg' | 'from'>, list: readonly T[]): T[] {
  if (shape.arg === 'all') return [...list];
  if (shape.arg === 'rest') return list.slice(shape.from ?? 0);
  const at = list[shape.arg ?? 0];
  return at ? [at] : [];
}
