/**
 * What one LLM call costs, per model: its parts' tokens (alternatives not added up), the request framing,
 * tool declarations and response schema, counted on the whole call; output as a typical figure and a cap;
 * reasoning where the model reasons. The long-context tier is chosen on the whole input.
 *
 * Cost per call = input × input rate + (visible + reasoning) × output rate, typical and max. Visible +
 * reasoning never exceed the call's cap (OpenAI's `max_completion_tokens`/`max_output_tokens` and Claude's
 * `max_tokens` include reasoning), so reasoning is taken first and the visible output gets what is left.
 */
import type { AssembledCall } from '../prompts/assembleCalls';
import { combineParts } from '../prompts/assembleCalls';
import { billingNotes, type BillingNote } from '../pricing/billingRules';
import { callCost } from '../pricing/callCost';
import type { CountingMethod } from '../tokens/countingMethod';
import { encodingForModel, type EncodingName } from '../tokens/encodings';
import { countingMethodFor } from '../tokens/estimateTokens';
import { messageFramingTokens, responseFormatTokens, toolTokens } from './callFraming';
import type { EstimateContext } from './estimatePrompt';
import { reasoningTokens } from './reasoningTokens';

/** Size of a tool the code passes by name (`tools=[get_weather]`): a function with two described parameters. */
export const DEFAULT_TOOL_TOKENS = 100;
/** Size of a response schema the code passes by name (a Pydantic or Zod model): a handful of fields. */
export const DEFAULT_SCHEMA_TOKENS = 100;

/** A part's tokens for one model, and whether its count is exact; `placeholder` → the tokens that placeholder was sized at. */
export interface PartTokens {
  tokens: number;
  exact: boolean;
  placeholderTokens(name: string): number;
  /** Placeholders sized at the default, nothing known about their value. */
  assumed: string[];
}

export interface TokenRange {
  typical: number;
  /** Null when neither the call nor the catalogue gives a cap. */
  max: number | null;
}

export interface CallEstimate {
  model: string;
  priceId: string | null;
  encoding: EncodingName | null;
  exact: boolean;
  /** How this model's tokens were counted (an OpenAI encoding, a local tokenizer or o200k × a factor). */
  counting: CountingMethod;
  /** Typical input tokens of the whole call: parts + framing + tools + schema. */
  inputTokens: number;
  /** Message content: the parts, and variable messages at the placeholder size. */
  partTokens: number;
  overheadTokens: number;
  toolTokens: number;
  schemaTokens: number;
  messages: number;
  outputTokens: TokenRange;
  reasoningTokens: (TokenRange & { effort: string | null; source: 'effort' | 'budget' | 'default' }) | null;
  /** Typical cost (visible + reasoning typical); null without a price. */
  costPerCall: number | null;
  /** Input plus the whole cap at the output rate; null without a price or a cap. */
  maxCostPerCall: number | null;
  inputCost: number | null;
  /** Typical cost with the whole input read from the prompt cache (null below the model's cache minimum). */
  cachedCostPerCall: number | null;
  /** Typical cost through the batch API, by the provider's rule or LiteLLM's rates (`pricing/billingRules.ts`). */
  batchCostPerCall: number | null;
  /** Typical cost on the flex service tier (OpenAI), where the model has one. */
  flexCostPerCall: number | null;
  /** The provider's billing rules for this call's input ("batch −50 %", "below the 1,024-token cache minimum …"). */
  billing: BillingNote[];
  /** How the model name reached its price when it is not its own entry (an alias, a reseller's rate). */
  priceVia: string | null;
  contextWindow: number | null;
  contextShare: number | null;
  tier: number | null;
  /** What was sized without seeing it: placeholders, variable messages, tools and schemas passed by name. */
  assumed: string[];
}

/** `{name}` or `${name}`: the placeholder `raw` is written for the value `name` (exactly, not `{name_doc}`). */
export function writesPlaceholder(raw: string, name: string): boolean {
  return raw === `{${name}}` || raw === `\${${name}}`;
}

/** The part a filler fills: its template, reached at the place the filler hangs under (not another path to it). */
export function fillTarget(parts: AssembledCall['parts'], filler: AssembledCall['parts'][number]): number {
  if (!filler.fills) return -1;
  const index = filler.fills.index;
  const under = parts.findIndex((p) => p.index === index && filler.slot.startsWith(`${p.slot}/`));
  return under >= 0 ? under : parts.findIndex((p) => p.index === index);
}

export function modelsForCall(call: AssembledCall['call'], ctx: EstimateContext): string[] {
  const primary = call.model ? [call.model] : ctx.settings.models;
  const all = [...primary, ...ctx.settings.compareModels, ...(ctx.compareModels ?? [])];
  return [...new Set(all.map((m) => m.trim()).filter(Boolean))];
}

/**
 * `expectedOutput`: the typical visible output of this call site when `.promptcost.yml` gives one (a usage
 * entry's `outputTokens`), else `expectedOutputTokens`.
 */
export function estimateCall(assembled: AssembledCall, model: string, partTokens: (index: number) => PartTokens, ctx: EstimateContext, expectedOutput?: number): CallEstimate {
  const { call } = assembled;
  const settings = ctx.settings;
  const factors = settings.estimateFactors;
  let exact = true;
  const assumed: string[] = [];
  const fills = assembled.parts.flatMap((p) => (p.fills ? [p.fills] : []));
  const counted = assembled.parts.map((part) => {
    const own = partTokens(part.index);
    exact &&= own.exact;
    for (const name of own.assumed) {
      // A placeholder filled by a constant of the call is its text, not an assumption.
      const isFilled = fills.some((f) => f.index === part.index && writesPlaceholder(name, f.placeholder));
      if (!isFilled && !assumed.includes(name)) assumed.push(name);
    }
    // Text parts of one message's content (`part1`, `part2` …) are framed as one message.
    return { slot: part.slot, tokens: own.tokens, message: !part.fills && !/\/part[1-9]\d*$/.test(part.slot) };
  });
  // A constant inserted into a template's placeholder is counted as itself, not as the placeholder too.
  for (const part of assembled.parts) {
    if (!part.fills) continue;
    const target = fillTarget(assembled.parts, part);
    if (target >= 0) counted[target].tokens = Math.max(0, counted[target].tokens - partTokens(part.fills.index).placeholderTokens(part.fills.placeholder));
  }
  call.variableMessages.forEach((m, i) => {
    counted.push({ slot: `/variable${i}`, tokens: settings.placeholderTokens, message: true });
    assumed.push(`${m.name} (${m.role} message)`);
  });
  const content = combineParts(counted);
  const overheadTokens = messageFramingTokens(call.api, content.messages);
  const tools = toolTokens(call.tools, model, { defaultToolTokens: DEFAULT_TOOL_TOKENS, factors });
  if (tools.assumed > 0) assumed.push(`${tools.assumed} tool${tools.assumed === 1 ? '' : 's'} passed by name`);
  const schema = responseFormatTokens(call.responseFormat, model, { defaultSchemaTokens: DEFAULT_SCHEMA_TOKENS, factors });
  if (schema.assumed) assumed.push('response schema passed by name');
  // Framing is published for OpenAI's APIs only; elsewhere none is counted and the figure is ≈.
  exact &&= tools.exact && (schema.exact || schema.tokens === 0) && (call.api === 'chat' || call.api === 'responses');
  const inputTokens = content.tokens + overheadTokens + tools.tokens + schema.tokens;
  return {
    model,
    encoding: encodingForModel(model),
    exact,
    counting: countingMethodFor(model, factors),
    inputTokens,
    partTokens: content.tokens,
    overheadTokens,
    toolTokens: tools.tokens,
    schemaTokens: schema.tokens,
    messages: content.messages,
    ...priceCallInput(call, model, inputTokens, ctx, expectedOutput),
    assumed,
  };
}

/** What a call's cost depends on besides its input: output, reasoning, the price and the context window. */
export type CallPricing = Pick<
  CallEstimate,
  | 'priceId' | 'outputTokens' | 'reasoningTokens' | 'costPerCall' | 'maxCostPerCall' | 'inputCost' | 'cachedCostPerCall' | 'batchCostPerCall'
  | 'flexCostPerCall' | 'billing' | 'priceVia' | 'contextWindow' | 'contextShare' | 'tier'
>;

/**
 * Prices `inputTokens` of `call` on `model`: the output range, reasoning, and the costs. Also used when a
 * provider's exact count replaces the estimated input (core/exactCounts).
 */
export function priceCallInput(call: AssembledCall['call'], model: string, inputTokens: number, ctx: EstimateContext, expectedOutput?: number): CallPricing {
  const settings = ctx.settings;
  const price = ctx.prices.resolve(model);
  const cap = call.maxOutputTokens ?? price?.maxOutput ?? null;
  // The catalogue id the name resolved to (an alias such as an Azure deployment names the real model).
  const reasoning = reasoningTokens({ model: price?.id ?? model, effort: call.reasoningEffort, thinkingBudget: call.thinkingBudget, cap }, settings);
  const reasoningTypical = reasoning?.typical ?? 0;
  const expected = expectedOutput ?? settings.expectedOutputTokens;
  const visibleTypical = cap === null ? expected : Math.max(0, Math.min(expected, cap - reasoningTypical));
  const typical = price ? callCost(price, inputTokens, visibleTypical + reasoningTypical) : null;
  const max = price && cap !== null ? callCost(price, inputTokens, cap) : null;
  const contextWindow = price?.contextWindow ?? null;
  return {
    priceId: price?.id ?? null,
    outputTokens: { typical: visibleTypical, max: cap },
    reasoningTokens: reasoning ? { typical: reasoning.typical, max: reasoning.max, effort: reasoning.effort, source: reasoning.source } : null,
    costPerCall: typical?.total ?? null,
    maxCostPerCall: max?.total ?? null,
    inputCost: typical?.inputCost ?? null,
    cachedCostPerCall: typical && typical.cachedInputCost !== null ? typical.cachedInputCost + typical.outputCost : null,
    batchCostPerCall: typical?.batchTotal ?? null,
    flexCostPerCall: typical?.flexTotal ?? null,
    billing: price ? billingNotes(price, inputTokens) : [],
    priceVia: price?.resolvedVia ?? null,
    contextWindow,
    contextShare: contextWindow ? inputTokens / contextWindow : null,
    tier: typical?.tier ?? null,
  };
}
