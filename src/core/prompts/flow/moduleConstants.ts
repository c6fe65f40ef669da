/**
 * The top-level string constants of a Python or JS/TS file, for prompts imported by other files
 * (`prompts/modules/moduleReader.ts`). Read with the same names and string rules as the prompt flow, so an
 * imported constant has the text the flow would give it in its own file: concatenations, f-strings and
 * `dedent`, names of the same file folded in, the rest left as placeholders. The models its names stand
 * for are read with the flow's model rules too.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FinderContext } from '../languageFinder';
import { looksLikeModelId } from '../evidence';
import type { ModuleConstant, ModuleModel } from '../modules/moduleReader';
import { CallSettingsReader } from './callSettings';
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

/** The model ids a file's top-level names stand for (`ModuleReader.modelsOf`). */
export function moduleModelsWith(root: Node, ctx: FinderContext, adapter: SyntaxAdapter): Map<string, ModuleModel> {
  const names = new FileNames(root, ctx, adapter);
  const settings = new CallSettingsReader(names);
  const out = new Map<string, ModuleModel>();
  const modelOf = (raw: Node): string | null => {
    const node = adapter.unwrap(raw);
    const literal = names.literalText(node)?.trim();
    if (literal) return looksLikeModelId(literal.replace(/^[\w-]+:/, '')) ? literal : null;
    const model = settings.settingsOfObject(node, 0).model;
    return model && looksLikeModelId(model.replace(/^[\w-]+:/, '')) ? model : null;
  };
  for (const binding of names.index.bindings) {
    if (binding.member || binding.parameter || binding.scope.startIndex !== root.startIndex || binding.scope.endIndex !== root.endIndex) continue;
    const model = modelOf(binding.value);
    if (model) out.set(binding.name, { model, line: binding.value.startPosition.row + 1 });
  }
  for (const fn of names.index.functions) {
    if (fn.className) continue;
    // Guard clauses return early (a test provider, a cache): the last return is the production path.
    for (const ret of [...fn.returns].reverse()) {
      const model = modelOf(ret);
      if (!model) continue;
      out.set(fn.name, { model, line: ret.startPosition.row + 1 });
      break;
    }
  }
  return out;
}
