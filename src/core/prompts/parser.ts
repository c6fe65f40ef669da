/**
 * Loads tree-sitter (WASM) and its grammars once, on first need. Parsing is the only way the engine
 * reads source code: no regular expressions over code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser, type Tree } from '@vscode/tree-sitter-wasm';
import { wasmFileOf } from '../languages/languageRegistry';

/** A tree-sitter grammar, named as a key of a language module's `grammars.json` (`python`, `tsx`, `c-sharp`). */
export type GrammarName = string;

let runtime: Promise<void> | undefined;
const grammars = new Map<GrammarName, Promise<Language>>();
const parsers = new Map<GrammarName, Parser>();

/** The folder holding tree-sitter.wasm: next to the bundle (dist/tree-sitter) or the npm package. */
function wasmDir(): string {
  const bundled = path.join(__dirname, 'tree-sitter');
  if (fs.existsSync(path.join(bundled, 'tree-sitter.wasm'))) return bundled;
  return path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
}

function initRuntime(): Promise<void> {
  runtime ??= Parser.init({ locateFile: (file: string) => path.join(wasmDir(), file) });
  return runtime;
}

/** Loads (once) the grammar and returns a parser bound to it. */
export async function loadParser(grammar: GrammarName): Promise<Parser> {
  const existing = parsers.get(grammar);
  if (existing) return existing;
  await initRuntime();
  let language = grammars.get(grammar);
  if (!language) {
    language = Language.load(path.join(wasmDir(), wasmFileOf(grammar)));
    grammars.set(grammar, language);
  }
  const parser = new Parser();
  parser.setLanguage(await language);
  parsers.set(grammar, parser);
  return parser;
}

/** Returns the parser if its grammar is already loaded, so callers can parse synchronously. */
export function loadedParser(grammar: GrammarName): Parser | undefined {
  return parsers.get(grammar);
}

/** Parses `source`; the caller must `tree.delete()` when done (WASM memory is not garbage collected). */
export async function parseSource(grammar: GrammarName, source: string): Promise<Tree> {
  return parseWithinBudget(await loadParser(grammar), source);
}

/** Thrown when a parse runs past its budget; the file is reported as not parsed instead of hanging its thread. */
export class ParseTimeoutError extends Error {}

/**
 * How long one parse may take: far above a real file's parse (a 3,000-line file parses in ~20 ms), so it only
 * stops a grammar that loops — tree-sitter's TypeScript grammar never finishes some 24-byte broken inputs.
 */
export function parseBudgetMs(sourceLength: number): number {
  return 2_000 + sourceLength / 1_000;
}

/**
 * `parser.parse` that gives up after `budgetMs` instead of spinning forever. A cancelled parse would be resumed
 * by the parser's next call, so the parser is reset first. The caller must `tree.delete()` the result.
 */
export function parseWithinBudget(parser: Parser, source: string, oldTree?: Tree | null, budgetMs = parseBudgetMs(source.length)): Tree {
  const started = performance.now();
  const tree = parser.parse(source, oldTree ?? null, { progressCallback: () => performance.now() - started > budgetMs });
  if (tree) return tree;
  parser.reset();
  throw new ParseTimeoutError(`tree-sitter gave up after ${Math.round(budgetMs)} ms (a grammar loop on this text)`);
}
