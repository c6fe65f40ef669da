/**
 * Reads the value of a model or output-budget setting in the Go, Java and C# finders (`Model: openai.GPT4o`,
 * `.maxTokens(MAX_TOKENS)`, `MaxOutputTokenCount = 512`): a literal, a name bound in the file (followed a
 * few steps), an SDK model constant, or the one value a wrapper call passes on (`openai.F(x)`); an environment
 * lookup gives its written default or nothing, never the variable's name (`System.getenv("MODEL")`). The three
 * grammars differ only in how they spell these nodes, which each supplies as a `SettingGrammar`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isVariableOrSecretName, MAX_OUTPUT_ARGUMENT_NAMES, MODEL_ARGUMENT_NAMES } from '../evidence';
import type { FindTrace } from '../findTrace';
import { textOf, typeOf } from '../nodeFacts';
import { modelFromConstant } from './modelConstants';
import type { ModelSite } from './promptCollector';

/** How many bindings and wrappers a value is followed through (a guard against reference cycles). */
const MAX_DEPTH = 4;

/** The names, lower case, that a model setting and an output-budget setting go by. */
export interface SettingNames {
  model: ReadonlySet<string>;
  maxOutput: ReadonlySet<string>;
}

const DEFAULT_NAMES: SettingNames = { model: new Set(MODEL_ARGUMENT_NAMES), maxOutput: new Set(MAX_OUTPUT_ARGUMENT_NAMES) };

export interface SettingGrammar {
  /** The setting names the grammar's SDKs use (default: the argument names of `evidence.ts`). */
  names?: SettingNames;
  /** Node types that name a binding (`maxTokens`, `Config.MODEL`), resolved through `lookup`. */
  referenceTypes: ReadonlySet<string>;
  lookup(ref: Node): { value: Node } | undefined;
  /** The text of a string literal without its quotes, or null when `node` is none. */
  stringContent(node: Node): string | null;
  /** The integer literal's node type, and what its text may hold besides digits (separators, suffixes). */
  integerLiteral: { type: string; noise: RegExp };
  /** The last name of a qualified constant no binding explains (`openai.GPT4o` → `GPT4o`), or null when `node` is none. */
  constantName(node: Node): string | null;
  /** The value a call wraps a model id in (`ChatModel.of("…")`, `openai.F(x)`), or null. */
  modelInner?(node: Node): Node | null | undefined;
  /**
   * An environment lookup (`os.Getenv("X")`, `System.getenv("X")`, `Environment.GetEnvironmentVariable("X")`):
   * the default written with it (`getOrDefault("X", "gpt-4o")`), or null when none is; undefined when `node`
   * is no lookup. The variable's name is never the model.
   */
  envDefault?(node: Node): Node | null | undefined;
  /** Values tried in order, the first readable one counting (`a ?? "gpt-4o"`, `cmp.Or(a, "gpt-4o")`), or null. */
  alternatives?(node: Node): readonly Node[] | null | undefined;
  /** The value a call wraps a token count in (`openai.Int(512)`), or null. */
  intInner?(node: Node): Node | null | undefined;
}

export class SettingValues {
  private readonly names: SettingNames;

  /** `trace` is told every setting site (see `site`); the bindings `grammar.lookup` reads report their own lookups. */
  constructor(
    private readonly grammar: SettingGrammar,
    private readonly trace?: FindTrace,
  ) {
    this.names = grammar.names ?? DEFAULT_NAMES;
  }

  /**
   * The site a setting called `name` (`Model:`, `MaxTokens =`, `withModel(…)`) makes at `site`: `value`
   * is read only when `name` is a model or output-budget name; null for other names and for values that
   * cannot be read. Every site with a setting's name is a start of the trace, read or not: a model site
   * counts for the whole file.
   */
  site(name: string, site: Node, value: Node | null | undefined): ModelSite | null {
    const lower = name.toLowerCase();
    if (this.names.model.has(lower)) {
      this.trace?.start(site);
      const model = this.modelValue(value);
      return model ? { node: site, model } : null;
    }
    if (this.names.maxOutput.has(lower)) {
      this.trace?.start(site);
      const max = this.intValue(value);
      return max !== undefined ? { node: site, maxOutputTokens: max } : null;
    }
    return null;
  }

  /** The model id a setting's value names, or undefined when it cannot be read. */
  modelValue(node: Node | null | undefined, depth = 0): string | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    const content = this.grammar.stringContent(node);
    if (content !== null) return content.trim() && !isVariableOrSecretName(content) ? content.trim() : undefined;
    const fallback = this.grammar.envDefault?.(node);
    if (fallback !== undefined) return fallback ? this.modelValue(fallback, depth + 1) : undefined;
    const alternatives = this.grammar.alternatives?.(node);
    if (alternatives) {
      for (const alternative of alternatives) {
        const model = this.modelValue(alternative, depth + 1);
        if (model) return model;
      }
      return undefined;
    }
    const bound = this.boundValue(node);
    if (bound) return this.modelValue(bound, depth + 1);
    const constant = this.grammar.constantName(node);
    if (constant !== null) return modelFromConstant(constant) ?? undefined;
    return this.modelValue(this.grammar.modelInner?.(node), depth + 1);
  }

  /** The whole number a setting's value is, or undefined when it cannot be read. */
  intValue(node: Node | null | undefined, depth = 0): number | undefined {
    if (!node || depth > MAX_DEPTH) return undefined;
    const { type, noise } = this.grammar.integerLiteral;
    if (typeOf(node) === type) {
      const n = Number(textOf(node).replace(noise, ''));
      return Number.isFinite(n) ? n : undefined;
    }
    const bound = this.boundValue(node);
    if (bound) return this.intValue(bound, depth + 1);
    return this.intValue(this.grammar.intInner?.(node), depth + 1);
  }

  private boundValue(node: Node): Node | undefined {
    return this.grammar.referenceTypes.has(typeOf(node)) ? this.grammar.lookup(node)?.value : undefined;
  }
}
