/**
 * The hover over a call (or any of its prompt strings), as Markdown: the call's anatomy — each part, the
 * request framing, tools, response schema, the whole input, output and reasoning — then the compared
 * models side by side, the provider's billing rules for the call (batch, flex, caching: `billingSection.ts`),
 * the assumptions behind the figures and the price catalogue with its date. A prompt shared by
 * several calls lists them and shows the first's anatomy. Every piece of text that comes from the user's
 * files is escaped; the editor renders the result untrusted (no command links, no HTML).
 */
import * as path from 'path';
import type { CallEstimate } from '../../estimate/estimateCall';
import { DEFAULT_SCHEMA_TOKENS, DEFAULT_TOOL_TOKENS } from '../../estimate/estimateCall';
import type { PlaceholderSize } from '../../estimate/templateTokens';
import { formatTokenCount } from '../../estimate/tokenLabel';
import type { CallAnalysis } from '../../pipeline/callAnalysis';
import type { CallHit } from '../../pipeline/callLookup';
import type { PromptAnalysis } from '../../pipeline/promptAnalysis';
import type { CallApi, LlmCall } from '../../prompts/llmCall';
import { formatUsd } from '../../pricing/formatUsd';
import { callCostLabel, formatCompactTokens, formatCostRange } from '../call/callFigures';
import { billingSection } from './billingSection';
import { callModelLabel } from '../lens/callLensTitle';
import { formatChange } from '../lens/lensTitle';
import { countingLabel } from '../../tokens/countingMethod';
import { PROVIDER_TITLES } from '../../exactCounts/countProviders';
import { escapeMarkdown } from '../markdownEscape';
import { contextShareLabel } from '../quickPick/modelRows';

export interface HoverFacts {
  /** The price catalogue in use, dated: `LiteLLM, 2026-07-24 (bundled)` (`catalogueLabel`). */
  priceList: string;
  /** The typical visible output of a call (promptCost.expectedOutputTokens). */
  expectedOutputTokens: number;
  /** The size of a value nothing is known about (promptCost.placeholderTokens): a variable message. */
  placeholderTokens: number;
}

const SEPARATOR = ' · ';

/** How each API's request framing is counted on top of the messages. */
const FRAMING: Record<CallApi, string> = {
  chat: 'chat framing, OpenAI convention',
  responses: 'Responses framing, OpenAI convention',
  messages: 'none counted: Anthropic publishes no message framing',
  gemini: 'none counted: Gemini publishes no message framing',
  other: 'none counted: no published framing for this API',
};

const PLACEHOLDER_SOURCE: Record<PlaceholderSize['source'], string> = {
  sample: 'from a sample value',
  import: 'imported',
  setting: 'from settings',
  default: 'default size',
  control: 'control block, no content',
};

/** Placeholders listed before the hover says "and N more". */
const MAX_LISTED_PLACEHOLDERS = 12;

export function hoverMarkdown(hit: Pick<CallHit, 'call' | 'part' | 'callsOfPart'>, prompts: readonly PromptAnalysis[], facts: HoverFacts): string {
  const analysis = hit.call;
  const { primary } = analysis;
  const lines: string[] = [`**Prompt Cost Lens** · ${callPlace(analysis, prompts)} · **${escapeMarkdown(callModelLabel(analysis))}** · ${callCostLabel(primary)}`, ''];
  if (hit.callsOfPart.length > 1) {
    lines.push(`This text is a part of ${hit.callsOfPart.length} calls:`, '');
    for (const c of hit.callsOfPart) {
      const shown = c === analysis ? ' (below)' : '';
      lines.push(`- ${callPlace(c, prompts)}${SEPARATOR}${escapeMarkdown(callModelLabel(c))}${SEPARATOR}${callCostLabel(c.primary)}${shown}`);
    }
    lines.push('');
  }
  lines.push(`**Anatomy** (${escapeMarkdown(primary.model)})`, '', ...anatomy(analysis, prompts, hit.part, facts), '');
  lines.push('**Compared** (cost per call: typical–max)', '', ...comparedTable(analysis), '');
  if (analysis.cheapest) {
    const { estimate, change } = analysis.cheapest;
    lines.push(`Cheapest compared: **${escapeMarkdown(estimate.model)}** at ${formatUsd(estimate.costPerCall)}${change === null ? '' : ` (${formatChange(change)} per call)`}.`, '');
  }
  const billing = billingSection(primary);
  if (billing.length) lines.push(...billing, '');
  lines.push(...assumptions(analysis, prompts), '', ...countingLines(analysis));
  const approx = analysis.estimates.some((e) => !e.exact) ? '≈ marks an estimate: a token factor, or framing, tools or a schema without a published formula. ' : '';
  lines.push('', `${approx}Prices in USD: ${escapeMarkdown(facts.priceList)}.`);
  return lines.join('\n');
}

/** `call at line 43`, `call at lines 43–51`, or, for a prompt no call is seen to send, `SYSTEM at line 12, no call seen`. */
export function callPlace(analysis: Pick<CallAnalysis, 'call' | 'parts'>, prompts: readonly PromptAnalysis[]): string {
  const { call } = analysis;
  const lines = call.startLine === call.endLine ? `line ${call.startLine}` : `lines ${call.startLine}–${call.endLine}`;
  if (!call.implied) return `call at ${lines}`;
  const name = analysis.parts.length === 1 ? prompts[analysis.parts[0].index]?.prompt.name : undefined;
  return `${name ? escapeMarkdown(name) : 'prompt'} at ${lines}, no call seen`;
}

function anatomy(analysis: CallAnalysis, prompts: readonly PromptAnalysis[], hovered: number | null, facts: HoverFacts): string[] {
  const { call, primary } = analysis;
  const lines = analysis.parts.map((part) => {
    const prompt = prompts[part.index]?.prompt;
    const own = prompts[part.index]?.estimates.find((e) => e.model === primary.model);
    const cells = [prompt?.role ? escapeMarkdown(prompt.role) : prompt?.kind === 'file' ? 'file' : 'text'];
    if (prompt?.name) cells.push(escapeMarkdown(prompt.name));
    if (prompt) cells.push(`line ${prompt.startLine}`);
    cells.push(`${own && !own.exact ? '≈ ' : ''}${formatTokenCount(part.tokens)} tokens`, percent(part.share));
    if (part.slot.includes('/?')) cells.push('one of several alternatives');
    if (part.index === hovered) cells.push('← here');
    return `- ${cells.join(SEPARATOR)}`;
  });
  for (const m of call.variableMessages) {
    const share = primary.inputTokens > 0 ? facts.placeholderTokens / primary.inputTokens : 0;
    lines.push(`- ${escapeMarkdown(m.role)}${SEPARATOR}${escapeMarkdown(m.name)} (a variable)${SEPARATOR}~${formatTokenCount(facts.placeholderTokens)} tokens (placeholder size)${SEPARATOR}${percent(share)}`);
  }
  lines.push(`- framing${SEPARATOR}${formatTokenCount(primary.overheadTokens)} tokens${SEPARATOR}${FRAMING[call.api]}${primary.overheadTokens > 0 ? ` (${primary.messages} message${primary.messages === 1 ? '' : 's'})` : ''}`);
  if (call.tools.length > 0 || primary.toolTokens > 0) lines.push(`- tools${SEPARATOR}${formatTokenCount(primary.toolTokens)} tokens${SEPARATOR}${toolsNote(call, primary)}`);
  if (call.responseFormat !== null || primary.schemaTokens > 0) {
    const how = call.responseFormat === 'unknown' ? `sized at ${formatTokenCount(DEFAULT_SCHEMA_TOKENS)}: passed by name` : 'its compact JSON, ≈';
    lines.push(`- response schema${SEPARATOR}${formatTokenCount(primary.schemaTokens)} tokens${SEPARATOR}${how}`);
  }
  const context = contextShareLabel(primary);
  // A provider's count is of the whole request: the parts above stay local estimates.
  const counted = primary.counting.kind === 'provider' ? `${SEPARATOR}${escapeMarkdown(countingLabel(primary.counting))}: the whole request as the API counts it` : '';
  lines.push(`- **input${SEPARATOR}${primary.exact ? '' : '≈ '}${formatTokenCount(primary.inputTokens)} tokens**${counted}${context ? `${SEPARATOR}${context}` : ''}`);
  lines.push(`- output${SEPARATOR}${outputNote(call, primary, facts)}`);
  const reasoning = primary.reasoningTokens;
  if (reasoning) {
    const max = reasoning.max === null ? '' : `${SEPARATOR}${formatTokenCount(reasoning.max)} max`;
    lines.push(`- reasoning${SEPARATOR}~${formatTokenCount(reasoning.typical)} typical${max}${SEPARATOR}${reasoningSource(call, reasoning)}`);
  }
  return lines;
}

/** `2 tools, 1 sized at 100 (passed by name: get_weather)`. */
function toolsNote(call: LlmCall, primary: CallEstimate): string {
  const count = `${call.tools.length} tool${call.tools.length === 1 ? '' : 's'}`;
  const byName = call.tools.filter((t) => t.schema === null);
  const assumedEntry = primary.assumed.map((a) => /^(\d+) tools? passed by name$/.exec(a)).find(Boolean);
  const assumed = assumedEntry ? Number(assumedEntry[1]) : byName.length;
  if (assumed === 0) return `${count}, counted from ${call.tools.length === 1 ? 'its schema' : 'their schemas'}`;
  const names = byName.map((t) => t.name).filter((n): n is string => !!n).map(escapeMarkdown);
  return `${count}, ${assumed} sized at ${formatTokenCount(DEFAULT_TOOL_TOKENS)} each (not written out${names.length ? `: ${names.join(', ')}` : ''})`;
}

/** `256 typical (promptCost.expectedOutputTokens) · 4,000 max (the call's cap, in the code)`. */
function outputNote(call: LlmCall, primary: CallEstimate, facts: HoverFacts): string {
  const { typical, max } = primary.outputTokens;
  const typicalSource = typical < facts.expectedOutputTokens && primary.reasoningTokens ? 'what the cap leaves after reasoning' : 'promptCost.expectedOutputTokens';
  let cap: string;
  if (max === null) cap = 'no max: the call sets no cap and the price list gives none';
  else if (call.maxOutputTokens !== null) cap = `${formatTokenCount(max)} max (the call's cap, in the code)`;
  else cap = `${formatTokenCount(max)} max (the model's maximum output; the call sets no cap)`;
  return `${formatTokenCount(typical)} typical (${typicalSource})${SEPARATOR}${cap}`;
}

function reasoningSource(call: LlmCall, reasoning: NonNullable<CallEstimate['reasoningTokens']>): string {
  if (reasoning.source === 'budget') return `thinking budget ${call.thinkingBudget === null ? '' : `${formatTokenCount(call.thinkingBudget)} `}from the code`;
  const effort = reasoning.effort ? `effort ${escapeMarkdown(reasoning.effort)}` : 'effort';
  return reasoning.source === 'effort' ? `${effort}, from the code` : `${effort}, the model's default`;
}

/** Model · In · Out · (Reasoning, when a model reasons) · $/call: narrow enough for the hover. */
function comparedTable(analysis: CallAnalysis): string[] {
  const reasons = analysis.estimates.some((e) => e.reasoningTokens !== null);
  const header = reasons ? '| Model | In | Out | Reasoning | $/call |' : '| Model | In | Out | $/call |';
  const rule = reasons ? '|:--|--:|--:|--:|--:|' : '|:--|--:|--:|--:|';
  const rows = analysis.estimates.map((e) => {
    const model = e === analysis.primary ? `**${escapeMarkdown(e.model)}**${analysis.modelAssumed ? ' (default)' : ''}` : escapeMarkdown(e.model);
    const { typical, max } = e.outputTokens;
    const out = max === null || max === typical ? formatTokenCount(typical) : `${formatTokenCount(typical)}–${formatCompactTokens(max)}`;
    const cells = [model, `${e.exact ? '' : '≈ '}${formatTokenCount(e.inputTokens)}`, out];
    if (reasons) cells.push(e.reasoningTokens ? `~${formatCompactTokens(e.reasoningTokens.typical)}` : '—');
    cells.push(formatCostRange(e.costPerCall, e.maxCostPerCall));
    return `| ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows];
}

function assumptions(analysis: CallAnalysis, prompts: readonly PromptAnalysis[]): string[] {
  const { primary } = analysis;
  const assumed: string[] = [];
  if (analysis.modelAssumed) assumed.push(`the model: ${escapeMarkdown(primary.model)} is your default (promptCost.models), the code names none`);
  const source = analysis.call.modelSource;
  if (source) assumed.push(`the model: ${escapeMarkdown(analysis.call.model ?? primary.model)}, from ${escapeMarkdown(path.basename(source.file))}:${source.line} (not written in this file)`);
  for (const a of primary.assumed) assumed.push(escapeMarkdown(a));
  const lines = [`**Assumed:** ${assumed.length > 0 ? assumed.join('; ') : 'nothing beyond the typical output'}.`];
  const placeholders = analysis.parts.flatMap((part) => {
    const own = prompts[part.index]?.estimates.find((e) => e.model === primary.model);
    return (own?.placeholders ?? []).filter((p) => p.source !== 'control');
  });
  if (placeholders.length > 0) {
    const listed = placeholders.slice(0, MAX_LISTED_PLACEHOLDERS).map((p) => `${escapeMarkdown(p.raw)} ≈ ${formatTokenCount(p.tokens)} tokens (${p.from ? `from ${escapeMarkdown(p.from)}` : PLACEHOLDER_SOURCE[p.source]})`);
    const more = placeholders.length > MAX_LISTED_PLACEHOLDERS ? `, and ${placeholders.length - MAX_LISTED_PLACEHOLDERS} more` : '';
    lines.push('', `**Placeholders:** ${listed.join('; ')}${more}.`);
  }
  return lines;
}

/**
 * How each model's tokens were counted, models that share a method on one line:
 * `**Token counts:** o4-mini, gpt-4o-mini — exact: OpenAI encoding o200k_base.`
 */
function countingLines(analysis: CallAnalysis): string[] {
  const modelsByLabel = new Map<string, string[]>();
  for (const e of analysis.estimates) {
    const label = countingLabel(e.counting);
    modelsByLabel.set(label, [...(modelsByLabel.get(label) ?? []), e.model]);
  }
  const items = [...modelsByLabel].map(([label, models]) => `${models.map(escapeMarkdown).join(', ')} — ${escapeMarkdown(label)}`);
  const lines = items.length === 1 ? [`**Token counts:** ${items[0]}.`] : ['**Token counts:**', '', ...items.map((item) => `- ${item}`)];
  // Exact counts are on and the provider has not answered yet: the ≈ figure is temporary.
  const asked = [...new Set((analysis.countRequests ?? []).map((r) => PROVIDER_TITLES[r.provider]))];
  if (asked.length > 0) lines.push('', `Exact count requested from the ${asked.join(' and the ')}: ≈ until it answers.`);
  return lines;
}

/** 0.323 → `32 %`; under half a percent, `< 1 %`. */
function percent(share: number): string {
  const value = Math.round(share * 100);
  return value === 0 && share > 0 ? '< 1 %' : `${value} %`;
}
