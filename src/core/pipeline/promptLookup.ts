/** Finding the prompt under a cursor or a lens, in an analysis. */
import type { PromptAnalysis } from './promptAnalysis';

/** Anything that holds a document's analysed prompts. */
type DocumentAnalysis = { prompts: readonly PromptAnalysis[] };

/** The innermost prompt whose [start, end] covers `offset`. */
export function promptAt(analysis: DocumentAnalysis, offset: number): PromptAnalysis | undefined {
  let best: PromptAnalysis | undefined;
  for (const item of analysis.prompts) {
    const { startOffset, endOffset } = item.prompt;
    if (offset < startOffset || offset > endOffset) continue;
    if (!best || endOffset - startOffset < best.prompt.endOffset - best.prompt.startOffset) best = item;
  }
  return best;
}

/** The prompt starting at `startOffset` (a lens argument), else the one covering it, else the first on its line. */
export function promptForLens(analysis: DocumentAnalysis, startOffset: number, line?: number): PromptAnalysis | undefined {
  return analysis.prompts.find((p) => p.prompt.startOffset === startOffset)
    ?? promptAt(analysis, startOffset)
    ?? (line === undefined ? undefined : analysis.prompts.find((p) => p.prompt.startLine - 1 <= line && line <= p.prompt.endLine - 1));
}
