/**
 * The file-level string constants a Go, Java or C# finder's bindings hold (`const SystemPrompt = "…"`,
 * `static final String SYSTEM = "…"`), by name, for other files that use them (`prompts/modules/`): every
 * one, not only those that read as prompts.
 */
import type { ModuleConstant } from '../modules/moduleReader';
import type { PlaceholderSyntax } from '../prompt';
import type { Bindings } from './bindings';
import { renderValue, withSyntaxes } from './evaluatedString';
import type { StringEvaluator } from './stringEvaluator';

export function fileConstants(bindings: Bindings, strings: StringEvaluator, syntaxes: readonly PlaceholderSyntax[]): Map<string, ModuleConstant> {
  const out = new Map<string, ModuleConstant>();
  for (const binding of bindings.all()) {
    if (binding.scope) continue; // a function's local is not what another file uses
    const value = strings.evaluate(binding.value);
    if (!value) continue;
    const { text, placeholders } = renderValue(withSyntaxes(value, syntaxes));
    if (text.trim()) out.set(binding.name, { text, placeholders, line: binding.value.startPosition.row + 1 });
  }
  return out;
}
