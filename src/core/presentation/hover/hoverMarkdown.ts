/**
 * The hover over a prompt, as Markdown: a table of every compared model, the assumptions behind the
 * figures and the price list's date. Every piece of text that comes from the user's files is escaped; the
 * editor renders the result untrusted (no command links, no HTML).
 */
import type { ModelEstimate } from '../../estimate/estimatePrompt';
import { formatTokenCount } from '../../estimate/tokenLabel';
import { formatUsd } from '../../pricing/formatUsd';
import type { PlaceholderSize } from '../../estimate/templateTokens';
import { formatChange } from '../lens/lensTitle';
import { escapeMarkdown } from '../markdownEscape';
import { contextShareLabel } from '../quickPick/modelRows';
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';

export interface HoverFacts {
  /** `YYYY-MM-DD` of the bundled price list. */
  priceListDate: string;
  /** The output-token assumption when a call sets no `max_tokens`. */
  expectedOutputTokens: number;
}

const PLACEHOLDER_SOURCE: Record<PlaceholderSize['source'], string> = {
  sample: 'from a sample value',
  setting: 'from settings',
  default: 'default size',
  control: 'control block, no content',
};

/** Placeholders listed in the hover before it says "and N more". */
const MAX_LISTED_PLACEHOLDERS = 12;

export function hoverMarkdown(analysis: PromptAnalysis, facts: HoverFacts): string {
  const { prompt, estimates, primary, cheapest } = analysis;
  const lines: string[] = [];
  const what = [prompt.name ? escapeMarkdown(prompt.name) : null, prompt.role ? `${escapeMarkdown(prompt.role)} prompt` : `${prompt.kind} prompt`]
    .filter(Boolean)
    .join(', ');
  const where = prompt.startLine === prompt.endLine ? `line ${prompt.startLine}` : `lines ${prompt.startLine}–${prompt.endLine}`;
  lines.push(`**Prompt Cost Lens** · ${what} · ${where}`, '');
  lines.push('| Model | Tokens | Input $ | Output $ | $/call | Cached prefix $ | Batch $ | Context |');
  lines.push('|:--|--:|--:|--:|--:|--:|--:|--:|');
  for (const e of estimates) lines.push(tableRow(e, e === primary));
  lines.push('');
  if (cheapest) {
    const change = cheapest.change === null ? '' : ` (${formatChange(cheapest.change)} per call)`;
    lines.push(`Cheapest compared model: **${escapeMarkdown(cheapest.estimate.model)}** at ${formatUsd(cheapest.estimate.costPerCall)}${change}.`, '');
  }
  lines.push(`**Assumptions:** ${outputAssumption(primary, prompt.maxOutputTokens, facts)}.`);
  const placeholders = primary.placeholders.filter((p) => p.source !== 'control');
  if (placeholders.length > 0) {
    const listed = placeholders.slice(0, MAX_LISTED_PLACEHOLDERS).map((p) => `${escapeMarkdown(p.raw)} ≈ ${formatTokenCount(p.tokens)} tokens (${PLACEHOLDER_SOURCE[p.source]})`);
    const more = placeholders.length > MAX_LISTED_PLACEHOLDERS ? `, and ${placeholders.length - MAX_LISTED_PLACEHOLDERS} more` : '';
    lines.push('', `**Placeholders** (sized for ${escapeMarkdown(primary.model)}): ${listed.join('; ')}${more}.`);
  }
  const approx = estimates.some((e) => !e.exact) ? ' ≈ marks an estimate (no local tokenizer for that model, or a cut-off count).' : '';
  lines.push('', `Prices in USD from the bundled price list of ${escapeMarkdown(facts.priceListDate)}; cached prefix = the whole input read from the prompt cache.${approx}`);
  return lines.join('\n');
}

function tableRow(e: ModelEstimate, primary: boolean): string {
  const model = primary ? `**${escapeMarkdown(e.model)}**` : escapeMarkdown(e.model);
  const tokens = `${e.exact ? '' : '≈ '}${formatTokenCount(e.inputTokens)}`;
  const cells = [model, tokens, formatUsd(e.inputCost), formatUsd(e.outputCost), formatUsd(e.costPerCall), known(e.cachedCostPerCall), known(e.batchCostPerCall), contextShareLabel(e) ?? '—'];
  return `| ${cells.join(' | ')} |`;
}

/** A price the catalogue may not have for this model: "—" instead of "no price" (the model itself may be priced). */
function known(amount: number | null): string {
  return amount === null ? '—' : formatUsd(amount);
}

function outputAssumption(primary: ModelEstimate, maxOutputTokens: number | null, facts: HoverFacts): string {
  if (maxOutputTokens !== null) return `${formatTokenCount(primary.outputTokens)} output tokens (the call's max tokens)`;
  return `${formatTokenCount(facts.expectedOutputTokens)} output tokens per call (promptCost.expectedOutputTokens; the call sets no max tokens)`;
}
