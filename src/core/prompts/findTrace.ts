/**
 * What a finder tells about its own run, so that an edited document can be re-found without walking its
 * whole tree again (`editor/incrementalPromptParser.ts`). A finder reads a node of the file only
 *  - when the node passes one of the finder's first tests on an indexed node (a call to a known SDK, a
 *    prompt-named binding, a model setting…): a *start*, reported with `start`; or
 *  - by walking from a node it already reads (children, fields, parents); or
 *  - by a lookup by name anywhere in the file (bindings, functions, usages, log arguments): `name`;
 * and it reads the whole text only through substring tests: `textContains`. So a declaration that holds
 * no start and no token spelled like a looked-up name was never read, and editing it cannot change what
 * the finder reports elsewhere. Every finder reports all three, or the incremental re-find is wrong.
 */
import type { Node } from '@vscode/tree-sitter-wasm';

export interface FindTrace {
  /** `node` passed a first test: the finder goes on to read it and whatever it leads to. */
  start(node: Node): void;
  /** A lookup of `name` (as spelled in the source, or normalised) among the bindings, functions or uses of the file. */
  name(name: string): void;
  /** The finder tested whether the lower-cased text of the file contains `needle`. */
  textContains(needle: string, found: boolean): void;
}

/**
 * The keys under which a looked-up name or a source token is compared: `normalizeName`-style (no `_`
 * or `-`, lower case, so `SYSTEM_PROMPT`, `systemPrompt` and `system-prompt` collide) and, for a dotted or
 * otherwise compound name, each of its word parts too. Colliding more often only costs a full re-find.
 */
export function nameKeys(name: string): string[] {
  // Most names and tokens are one ASCII word: one key, lower case without `_` and `-`.
  if (ASCII_WORD.test(name)) return [name.replace(/[_-]/g, '').toLowerCase()];
  const whole = normalizeKey(name);
  const parts = name.split(/[^\p{L}\p{N}_$@#-]+/u).filter(Boolean).map(normalizeKey);
  return parts.length === 1 && parts[0] === whole ? [whole] : [whole, ...parts];
}

const ASCII_WORD = /^[A-Za-z0-9_$@#-]*$/;

/** Lower case character by character (no context-dependent mappings), without `_` and `-`. */
function normalizeKey(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '_' || ch === '-') continue;
    out += ch.toLowerCase();
  }
  return out;
}
