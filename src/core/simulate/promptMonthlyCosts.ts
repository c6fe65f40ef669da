/**
 * $/month for the prompts of one file, from the usage file: what the CodeLens and Estimate Workspace show.
 * Prompts no usage entry describes get null: their volume is unknown and is never guessed.
 */
import type { PromptAnalysis } from '../editor/promptAnalysis';
import type { PriceTable } from '../pricing/priceTable';
import { monthlyCostForFinding, type FindingMonthlyCost, type PricedFinding } from './findingMonthlyCost';
import type { UsageProfileName } from './simulationInputs';
import type { UsageFile } from './usageFile';

/**
 * `fileKey`: the file's path relative to the usage file's folder, `/` separators (how usage entries name
 * files). Same order as `prompts`.
 */
export function monthlyCostsForPrompts(
  prompts: readonly PromptAnalysis[],
  fileKey: string,
  usage: UsageFile,
  profile: UsageProfileName | null,
  prices: PriceTable,
): (FindingMonthlyCost | null)[] {
  if (usage.prompts.length === 0) return prompts.map(() => null);
  const findings = prompts.map((p) => pricedFinding(p, fileKey));
  return findings.map((finding) => monthlyCostForFinding(finding, usage, profile ?? undefined, prices, { fileFindings: findings }));
}

/** A prompt the editor analysed, in the shape the simulation core prices. */
export function pricedFinding(analysis: PromptAnalysis, fileKey: string): PricedFinding {
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
