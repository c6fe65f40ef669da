/**
 * One prompt with its estimates, as the CLI prints it and `--json` emits it: a serialisation of the same
 * `PromptAnalysis` the editor shows.
 */
import type { ModelEstimate } from '../estimate/estimatePrompt';
import { isControlPlaceholder } from '../estimate/templateTokens';
import type { PromptAnalysis } from '../pipeline/promptAnalysis';
import type { FoundPrompt, Placeholder, PromptKind, SourceLanguage } from '../prompts/prompt';

/** The part of a model estimate the CLI emits (`--json`), in that order. */
export type FindingEstimate = Pick<ModelEstimate, 'model' | 'encoding' | 'exact' | 'inputTokens' | 'staticTokens' | 'inputCost'
  | 'outputTokens' | 'outputCost' | 'costPerCall' | 'cachedCostPerCall' | 'batchCostPerCall' | 'contextWindow' | 'priceId'>;

export interface Finding {
  /** Relative to the current directory, forward slashes. */
  file: string;
  startLine: number;
  endLine: number;
  language: SourceLanguage;
  kind: PromptKind;
  text: string;
  placeholders: string[];
  model: string | null;
  role?: string;
  name?: string;
  evidence: FoundPrompt['evidence'];
  estimates: FindingEstimate[];
}

export function toFinding(file: string, analysis: Pick<PromptAnalysis, 'prompt' | 'estimates'>): Finding {
  const { prompt, estimates } = analysis;
  return {
    file,
    startLine: prompt.startLine,
    endLine: prompt.endLine,
    language: prompt.language,
    kind: prompt.kind,
    text: prompt.text,
    placeholders: uniqueNames(prompt.placeholders),
    model: prompt.model,
    ...(prompt.role ? { role: prompt.role } : {}),
    ...(prompt.name ? { name: prompt.name } : {}),
    evidence: prompt.evidence,
    estimates: estimates.map((e) => ({
      model: e.model,
      encoding: e.encoding,
      exact: e.exact,
      inputTokens: e.inputTokens,
      staticTokens: e.staticTokens,
      inputCost: e.inputCost,
      outputTokens: e.outputTokens,
      outputCost: e.outputCost,
      costPerCall: e.costPerCall,
      cachedCostPerCall: e.cachedCostPerCall,
      batchCostPerCall: e.batchCostPerCall,
      contextWindow: e.contextWindow,
      priceId: e.priceId,
    })),
  };
}

/** Control blocks (`{% if %}`) are not values anyone fills in, so they are not listed as placeholders. */
function uniqueNames(placeholders: readonly Placeholder[]): string[] {
  const names = placeholders.filter((p) => !isControlPlaceholder(p)).map((p) => p.name);
  return [...new Set(names)];
}
