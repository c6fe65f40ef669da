/** The `FoundPrompt` of a string expression the prompt flow reached. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FoundPrompt, PlaceholderSyntax } from '../prompt';
import { placeholdersOf, type StringValue } from '../strings/stringValue';
import { lineRange } from '../syntaxTree';

export interface PromptDetails extends Pick<FoundPrompt, 'language' | 'evidence'>, Partial<Pick<FoundPrompt, 'model' | 'maxOutputTokens' | 'role' | 'name'>> {
  /** Template syntaxes that apply to the static text (e.g. `format` for a LangChain template). */
  syntaxes?: readonly PlaceholderSyntax[];
}

/** A `FoundPrompt` covering `node` (the whole string expression) with the given value. */
export function promptFromNode(node: Node, value: StringValue, details: PromptDetails): FoundPrompt {
  const placeholders = placeholdersOf(value, details.syntaxes ?? []);
  const prompt: FoundPrompt = {
    ...lineRange(node),
    startOffset: node.startIndex,
    endOffset: node.endIndex,
    language: details.language,
    kind: placeholders.length > 0 ? 'template' : 'literal',
    text: value.text,
    placeholders,
    model: details.model ?? null,
    maxOutputTokens: details.maxOutputTokens ?? null,
    evidence: details.evidence,
  };
  if (details.role) prompt.role = details.role;
  if (details.name) prompt.name = details.name;
  return prompt;
}
