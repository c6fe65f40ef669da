import type { LlmCall } from './llmCall';

/**
 * What the engine reports for one prompt found in a file. Everything downstream (estimates, CodeLens,
 * CLI JSON) is built from this, so it carries source positions as well as the prompt's static text.
 */

/** `literal`: fixed text; `template`: text with placeholders; `file`: a whole prompt file (or one section of it). */
export type PromptKind = 'literal' | 'template' | 'file';

/** Languages the engine understands, as VS Code language ids where one exists. */
export type SourceLanguage =
  | 'python'
  | 'typescript'
  | 'typescriptreact'
  | 'javascript'
  | 'javascriptreact'
  | 'go'
  | 'java'
  | 'csharp'
  | 'prompt' // .prompt.md
  | 'prompty'
  | 'jinja'
  | 'mustache'
  | 'handlebars'
  | 'plaintext' // .txt / .md under a `prompts` folder
  | 'markdown'
  | 'skprompt' // Semantic Kernel skprompt.txt (+ its config.json)
  | 'skyaml' // Semantic Kernel prompt YAML (template + template_format…)
  | 'ipynb' // Jupyter notebook: its Python code cells
  | 'appsettings'; // .NET appsettings.json: strings of its prompt sections

/** Which template syntax a placeholder was written in. */
export type PlaceholderSyntax =
  | 'fstring' // Python f"…{expr}…", C# $"…{expr}…"
  | 'format' // str.format / LangChain / Semantic Kernel `{name}`
  | 'percent' // %s, %d, %(name)s
  | 'printf' // Go / Java %s %v %d, String.format
  | 'dollar' // JS/TS template literal ${expr}
  | 'mustache' // {{ name }}, Handlebars, Jinja expressions, Semantic Kernel {{$name}}
  | 'jinjaBlock' // {% … %} control blocks
  | 'promptInput'; // ${input:name} in .prompt.md

export interface Placeholder {
  /** Best name for the value: identifier, expression text, or `arg1`… for positional ones. */
  name: string;
  syntax: PlaceholderSyntax;
  /** The placeholder exactly as written in `text`. */
  raw: string;
  /** Offset of `raw` inside the prompt's `text`. */
  offset: number;
}

/** How sure the engine is that this string reaches a model (strongest first). */
export type PromptEvidence = 'call' | 'flow' | 'name' | 'file';

export interface FoundPrompt {
  /** 1-based, inclusive; cover the whole string expression (all parts of a concatenation). */
  startLine: number;
  endLine: number;
  /** 0-based character offsets into the source text, [start, end). */
  startOffset: number;
  endOffset: number;
  language: SourceLanguage;
  kind: PromptKind;
  /** The static text with escapes decoded and placeholders kept verbatim (`{name}`, `${x}` …). */
  text: string;
  placeholders: Placeholder[];
  /** The model the code actually calls, when it can be known from the file; else null. */
  model: string | null;
  /** `max_tokens` / `max_output_tokens` / `maxTokens` of the call when it is a literal number. */
  maxOutputTokens: number | null;
  evidence: PromptEvidence;
  /** Chat role when known (`system`, `user`, `assistant`, `developer`). */
  role?: string;
  /** Variable or constant the prompt is bound to, when there is one. */
  name?: string;
  /** Sample values for placeholders declared next to the prompt (Prompty `sample:`). */
  samples?: Record<string, string>;
  /** Where `model` was read when no code names it and no call carries it (the project's configuration). */
  modelSource?: { file: string; line: number };
  /** Placeholders whose value is a constant of another file of the project (`from .prompts import SYSTEM`): counted as its text. */
  imports?: Record<string, ImportedText>;
  /** The calls this text reaches (several when it is shared); none when the finder saw no call (an implied call is assembled). */
  calls?: CallMembership[];
}

/** The text of a constant another file defines, as the importing prompt uses it. */
export interface ImportedText {
  text: string;
  placeholders: Placeholder[];
  /** Absolute path of the file that defines it, and the 1-based line of its value. */
  file: string;
  line: number;
  /** Where it is defined when a file and line would mislead (`an earlier cell` of a notebook). */
  where?: string;
}

/** One call a prompt reaches, and where in the call it sits. */
export interface CallMembership {
  call: LlmCall;
  /**
   * Where in the call the text sits, as `/`-separated segments (`messages/0`). A segment starting with `?`
   * is one of several alternatives for the same place (`a if c else b`, the arguments of a helper's
   * callers): alternatives are not added up, the largest counts.
   */
  slot: string;
  /** This text is a constant inserted into another part's placeholder (`f"{SYSTEM}\n{q}"`): that placeholder is not sized again. */
  fills?: { part: string; placeholder: string };
}
