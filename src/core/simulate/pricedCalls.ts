/**
 * A scan's calls in the shape the simulation and the cost diff price: each call's place and its parts'
 * places (usage entries may name either), its tokens per model, and its parts' text (how `diff` pairs the
 * calls of two revisions). Output is everything billed at the output rate: visible + reasoning, typical.
 */
import { callText, type FileFindings } from '../scan/finding';
import { pricedEstimate, type PricedFinding } from './findingMonthlyCost';

export type PricedCall = PricedFinding & { text: string };

export function pricedCalls(findings: FileFindings): PricedCall[] {
  const prompts = new Map(findings.prompts.map((p) => [p.id, p]));
  return findings.calls.map((call) => ({
    file: call.file,
    startLine: call.startLine,
    endLine: call.endLine,
    kind: call.kind,
    ...(call.name ? { name: call.name } : {}),
    parts: call.prompts.flatMap((id) => {
      const p = prompts.get(id);
      return p ? [{ startLine: p.startLine, endLine: p.endLine, ...(p.name ? { name: p.name } : {}) }] : [];
    }),
    model: call.model,
    estimates: call.estimates.map(pricedEstimate),
    text: callText(call, prompts),
  }));
}
