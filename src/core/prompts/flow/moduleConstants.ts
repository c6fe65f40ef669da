/**
 * The top-level string constants of a Python or JS/TS file, for prompts imported by other files
 * (`prompts/modules/moduleReader.ts`). Read with the same names and string rules as the prompt flow, so an
 * imported constant has the text the flow would give it in its own file: concatenations, f-strings and
 * `dedent`, names of the same file folded in, the rest left as placeholders.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FinderContext } from '../languageFinder';
import type { ModuleConstant } from '../modules/moduleReader';
import type { PlaceholderSyntax } from '../prompt';
import { placeholdersOf, type StringValue } from '../strings/stringValue';
import { FileNames } from './fileNames';
import type { SyntaxAdapter } from './syntaxAdapter';

export function moduleConstantsWith(root: Node, ctx: FinderContext, adapter: SyntaxAdapter, syntaxes: readonly PlaceholderSyntax[]): Map<string, ModuleConstant> {
  const names = new FileNames(root, ctx, adapter);
  const out = new Map<string, ModuleConstant>();
  const add = (name: string, node: Node, value: StringValue | null) => {
    if (!value || !value.text.trim()) return;
    out.set(name, { text: value.text, placeholders: placeholdersOf(value, syntaxes), line: node.startPosition.row + 1 });
  };
  for (const binding of names.index.bindings) {
    // Top level only: a function's locals are not what another file imports. The last assignment wins, as at run time.
    if (binding.member || binding.parameter || binding.scope.startIndex !== root.startIndex || binding.scope.endIndex !== root.endIndex) continue;
    const value = adapter.unwrap(binding.value);
    const entries = adapter.entries(value);
    if (entries) {
      for (const e of entries) if (e.key !== null) add(`${binding.name}.${e.key}`, e.value, names.stringValue(adapter.unwrap(e.value)));
      continue;
    }
    add(binding.name, value, names.stringValue(value));
  }
  return out;
}
