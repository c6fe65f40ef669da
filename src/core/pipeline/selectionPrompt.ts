/** Arbitrary text (an editor selection, the clipboard) as a prompt the estimator can price. */
import type { FoundPrompt } from '../prompts/prompt';

/** Plain text: no placeholders are guessed (braces in pasted code or JSON are text, not variables). */
export function selectionPrompt(text: string): FoundPrompt {
  const lines = text.split(/\r?\n/).length;
  return {
    startLine: 1,
    endLine: lines,
    startOffset: 0,
    endOffset: text.length,
    language: 'plaintext',
    kind: 'literal',
    text,
    placeholders: [],
    model: null,
    maxOutputTokens: null,
    evidence: 'file',
  };
}
