/**
 * The volume side of a document's analysis: the `usage` section of the `.promptcost.yml` that applies to it,
 * and the $/month of its calls under that section (the call lens's second line, Estimate Workspace's rows).
 * Calls no usage entry describes get null: their volume is unknown and is never guessed.
 */
import type { PriceTable } from '../pricing/priceTable';
import { monthlyCostForFinding, type FindingMonthlyCost, type PricedFinding } from '../simulate/findingMonthlyCost';
import type { UsageProfileName } from '../simulate/simulationInputs';
import type { UsageFile } from '../simulate/usageFile';
import type { CallAnalysis } from './callAnalysis';
import type { PromptAnalysis } from './promptAnalysis';

/** Plain data: sent to the pipeline worker with the document. */
export interface DocumentUsage {
  usage: UsageFile;
  /** The document's path relative to the usage file's folder, `/` separators (how usage entries name files). */
  fileKey: string;
  /** The profile the user chose in settings, or null for the usage file's own default. */
  profile: UsageProfileName | null;
}

/** $/month per call, in the order of `calls`; all calls of the file together, so "nearest to a line" is decided among them. */
export function monthlyCosts(calls: readonly CallAnalysis[], prompts: readonly PromptAnalysis[], documentUsage: DocumentUsage, prices: PriceTable): (FindingMonthlyCost | null)[] {
  const { usage, fileKey, profile } = documentUsage;
  if (usage.prompts.length === 0) return calls.map(() => null);
  const findings = calls.map((c) => pricedCall(c, prompts, fileKey));
  return findings.map((finding) => monthlyCostForFinding(finding, usage, profile ?? undefined, prices, { fileFindings: findings }));
}

/** A call the pipeline analysed, in the shape the simulation core prices: output is visible + reasoning. */
export function pricedCall(analysis: CallAnalysis, prompts: readonly Pick<PromptAnalysis, 'prompt'>[], fileKey: string): PricedFinding {
  const { call } = analysis;
  const parts = analysis.parts.map((p) => prompts[p.index].prompt);
  const name = parts.find((p) => p.name)?.name;
  return {
    file: fileKey,
    startLine: call.startLine,
    endLine: call.endLine,
    kind: parts[0]?.kind ?? 'literal',
    ...(name ? { name } : {}),
    parts: parts.map((p) => ({ startLine: p.startLine, endLine: p.endLine, ...(p.name ? { name: p.name } : {}) })),
    model: call.model,
    estimates: analysis.estimates.map((e) => ({ model: e.model, inputTokens: e.inputTokens, outputTokens: e.outputTokens.typical + (e.reasoningTokens?.typical ?? 0) })),
  };
}
