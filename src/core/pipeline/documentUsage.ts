/**
 * The volume side of a document's analysis: the `usage` section of the `.promptcost.yml` that applies to it,
 * and the $/month of its prompts under that section (the CodeLens's second lens, Estimate Workspace's rows).
 * Prompts no usage entry describes get null: their volume is unknown and is never guessed.
 */
import type { PriceTable } from '../pricing/priceTable';
import { monthlyCostForFinding, type FindingMonthlyCost, type PricedFinding } from '../simulate/findingMonthlyCost';
import type { UsageProfileName } from '../simulate/simulationInputs';
import type { UsageFile } from '../simulate/usageFile';
import type { PromptAnalysis } from './promptAnalysis';

/** Plain data: sent to the pipeline worker with the document. */
export interface DocumentUsage {
  usage: UsageFile;
  /** The document's path relative to the usage file's folder, `/` separators (how usage entries name files). */
  fileKey: string;
  /** The profile the user chose in settings, or null for the usage file's own default. */
  profile: UsageProfileName | null;
}

/** $/month per prompt, in the order of `prompts`; all prompts of the file together, so "nearest to a line" is decided among them. */
export function monthlyCosts(prompts: readonly PromptAnalysis[], documentUsage: DocumentUsage, prices: PriceTable): (FindingMonthlyCost | null)[] {
  const { usage, fileKey, profile } = documentUsage;
  if (usage.prompts.length === 0) return prompts.map(() => null);
  const findings = prompts.map((p) => pricedFinding(p, fileKey));
  return findings.map((finding) => monthlyCostForFinding(finding, usage, profile ?? undefined, prices, { fileFindings: findings }));
}

/** A prompt the pipeline analysed, in the shape the simulation core prices. */
export function pricedFinding(analysis: Pick<PromptAnalysis, 'prompt' | 'estimates'>, fileKey: string): PricedFinding {
  const { prompt } = analysis;
  return {
    file: fileKey,
    startLine: prompt.startLine,
    endLine: prompt.endLine,
    kind: prompt.kind,
    ...(prompt.name ? { name: prompt.name } : {}),
    model: prompt.model,
    estimates: analysis.estimates,
  };
}
