/**
 * Names bound to values in one file (constants, variables, fields, properties), so a finder can follow
 * `Content: systemPrompt` back to `const systemPrompt = "…"`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FindTrace } from '../findTrace';
import { endOf } from '../nodeFacts';

export interface Binding {
  name: string;
  value: Node;
  /** The function or method the binding is local to; null for package, class or file level. */
  scope: Node | null;
}

export class Bindings {
  private readonly byName = new Map<string, Binding[]>();

  /** `trace` is told every name looked up. */
  constructor(private readonly trace?: FindTrace) {}

  add(binding: Binding): void {
    const list = this.byName.get(binding.name) ?? [];
    list.push(binding);
    this.byName.set(binding.name, list);
  }

  all(): Binding[] {
    return [...this.byName.values()].flat();
  }

  /** The binding `name` refers to at `at`: the latest local one before it, else a file-level one. */
  lookup(name: string, at: Node): Binding | undefined {
    this.trace?.name(name);
    const list = this.byName.get(name);
    if (!list) return undefined;
    const local = list.filter((b) => b.scope && b.scope.startIndex <= at.startIndex && endOf(at) <= endOf(b.scope) && b.value.startIndex < at.startIndex);
    if (local.length) return local[local.length - 1];
    const global = list.filter((b) => !b.scope);
    return global[global.length - 1];
  }

  /** File-level bindings only (used for `Class.FIELD` / `this.field` references). */
  lookupGlobal(name: string): Binding | undefined {
    this.trace?.name(name);
    const global = this.byName.get(name)?.filter((b) => !b.scope);
    return global?.[global.length - 1];
  }
}
