/**
 * The hover's billing lines for the call's model: the provider's rules that apply to this call
 * (`pricing/billingRules.ts`), each with what the call costs under it — `batch −50 %: $0.0066/call`,
 * `cache write 1.25× input (5 min), 2× (1 h)`, `below the 1,024-token cache minimum: no cache discount` — and
 * how the model name reached its price when that is not its own entry.
 */
import type { CallEstimate } from '../../estimate/estimateCall';
import { formatUsd } from '../../pricing/formatUsd';
import { escapeMarkdown } from '../markdownEscape';

/** Markdown lines (heading, blank, bullets), or none when the model has no price or no rule applies. */
export function billingSection(estimate: CallEstimate): string[] {
  if (estimate.costPerCall === null || estimate.priceId === null) return [];
  // Rule texts are ours; the price id and how it was reached come from the user's model name, so they are escaped.
  const items: string[] = [];
  if (estimate.priceVia) items.push(`priced as ${escapeMarkdown(estimate.priceId)}: ${escapeMarkdown(estimate.priceVia)}`);
  for (const note of estimate.billing) {
    if (note.rule === 'batch' && estimate.batchCostPerCall !== null) items.push(`${note.text}: ${formatUsd(estimate.batchCostPerCall)}/call`);
    else if (note.rule === 'flex' && estimate.flexCostPerCall !== null) items.push(`${note.text} (\`service_tier: "flex"\`): ${formatUsd(estimate.flexCostPerCall)}/call`);
    else if (note.rule === 'cacheRead' && estimate.cachedCostPerCall !== null) items.push(`${note.text}: ${formatUsd(estimate.cachedCostPerCall)}/call with the whole prompt cached`);
    else items.push(note.text);
  }
  if (items.length === 0) return [];
  return [`**Billing** (${escapeMarkdown(estimate.priceId)}, the provider's rules)`, '', ...items.map((item) => `- ${item}`)];
}
