/**
 * The volume side of a document's analysis: the `usage` section of the `.promptcost.yml` that applies to it,
 * and the $/month of its calls under that section (the call lens's second line, Estimate Workspace's rows).
 * Calls no usage entry describes get null: their volume is unknown and is never guessed.
 */
import type { PriceTable } from '../pricing/priceTable';
import { monthlyCostForFinding, pricedEstimate, type FindingMonthlyCost, type PricedFinding } from '../simulate/findingMonthlyCost';
import type { UsageProfileName } from '../simulate/simulationInputs';
import type { UsageFile } from '../simulate/usageFile';
import type { AssembledCall } from '../prompts/assembleCalls';
import type { LlmCall } from '../prompts/llmCall';
import type { FoundPrompt } from '../prompts/prompt';
import { matchUsage, type FindingLocation } from '../simulate/usageMatch';
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

/**
 * Each call's typical visible output from its usage entry's own `outputTokens` (the per-call-site override
 * of `expectedOutputTokens`), or null; the usage defaults are for the simulation, not the call site.
 */
export function expectedOutputs(calls: readonly AssembledCall[], prompts: readonly FoundPrompt[], documentUsage: DocumentUsage): (number | null)[] {
  const { usage, fileKey, profile } = documentUsage;
  try {
    if (!usage.prompts.some((e) => e.outputTokens !== undefined)) return calls.map(() => null);
    const locations = calls.map((c) => callLocation(c.call, c.parts.map((p) => prompts[p.index]), fileKey));
    const entries = matchUsage(locations, usage.prompts).entryFor;
    return entries.map((entry) => entry?.outputTokens?.[profile ?? usage.defaultProfile] ?? null);
  } catch {
    // A usage section that cannot be read changes no estimate; pricing it reports why (`monthlyCosts`).
    return calls.map(() => null);
  }
}

function callLocation(call: LlmCall, parts: readonly FoundPrompt[], fileKey: string): FindingLocation {
  const name = parts.find((p) => p.name)?.name;
  return {
    file: fileKey,
    startLine: call.startLine,
    endLine: call.endLine,
    kind: parts[0]?.kind ?? 'literal',
    ...(name ? { name } : {}),
    parts: parts.map((p) => ({ startLine: p.startLine, endLine: p.endLine, ...(p.name ? { name: p.name } : {}) })),
  };
}

/** A call the pipeline analysed, in the shape the simulation core prices: output is visible + reasoning. */
export function pricedCall(analysis: CallAnalysis, prompts: readonly Pick<PromptAnalysis, 'prompt'>[], fileKey: string): PricedFinding {
  const { call } = analysis;
  return {
    ...callLocation(call, analysis.parts.map((p) => prompts[p.index].prompt), fileKey),
    model: call.model,
    estimates: analysis.estimates.map(pricedEstimate),
  };
}
