/**
 * $/month for one LLM call whose volume the usage file knows: what Estimate Workspace and the CodeLens
 * show. Tokens come from the call's own estimate (per model, as each tokenizer counts them) unless the
 * usage entry sets `inputTokens`; the model is the one the code calls unless the entry sets `model`.
 */
import type { PriceTable } from '../pricing/priceTable';
import { modelMonthlyCost, type ModelMonthlyCost } from './modelMonthlyCost';
import { flexShareOf, SIMULATION_DEFAULTS, type SimulationInputs, type UsageProfileName } from './simulationInputs';
import { usageValue, type UsageFile, type UsagePromptEntry } from './usageFile';
import { matchUsageEntry, type FindingLocation, type UsageMatchOptions } from './usageMatch';

/** A call's tokens on one model: output is everything billed at the output rate (visible + reasoning, typical). */
export interface PricedEstimate {
  model: string;
  inputTokens: number;
  /** Billed at the output rate per call: visible + reasoning, typical. */
  outputTokens: number;
  /** The typical reasoning within `outputTokens`: a usage entry's `outputTokens` (visible output) gets it added. */
  reasoningTokens?: number;
}

/** A call estimate as the simulation prices it. */
export function pricedEstimate(e: { model: string; inputTokens: number; outputTokens: { typical: number }; reasoningTokens: { typical: number } | null }): PricedEstimate {
  const reasoning = e.reasoningTokens?.typical ?? 0;
  return { model: e.model, inputTokens: e.inputTokens, outputTokens: billedOutputTokens(e), ...(reasoning ? { reasoningTokens: reasoning } : {}) };
}

/** Tokens billed at the output rate per call: the typical visible output plus the typical reasoning. */
export function billedOutputTokens(e: { outputTokens: { typical: number }; reasoningTokens: { typical: number } | null }): number {
  return e.outputTokens.typical + (e.reasoningTokens?.typical ?? 0);
}

/** A call as the simulation prices it. */
export type PricedFinding = FindingLocation & { model: string | null; estimates: readonly PricedEstimate[] };

export interface FindingMonthlyCost {
  file: string;
  startLine: number;
  endLine: number;
  name?: string;
  /** The usage entry that gave the volume. */
  entry: UsagePromptEntry;
  profile: UsageProfileName;
  /** The model the call is priced on. */
  model: string;
  inputs: SimulationInputs;
  cost: ModelMonthlyCost;
  /** The same traffic on the call's other estimated models and the acceptable models. */
  compare: ModelMonthlyCost[];
}

export interface FindingCostOptions extends UsageMatchOptions {
  /** The other calls of the finding's file, so "nearest call to a line" is decided among them. */
  fileFindings?: readonly FindingLocation[];
  projectionMonths?: number;
}

/** Null when no usage entry describes the call (its volume is unknown). */
export function monthlyCostForFinding(
  finding: PricedFinding,
  usage: UsageFile,
  profile: UsageProfileName | undefined,
  prices: PriceTable,
  options: FindingCostOptions = {},
): FindingMonthlyCost | null {
  const entry = matchUsageEntry(finding, usage.prompts, options);
  return entry ? costWithEntry(finding, entry, usage, profile ?? usage.defaultProfile, prices, options.projectionMonths) : null;
}

/** The cost of a call under an entry already matched to it (or carried over from another revision). */
export function costWithEntry(
  finding: PricedFinding,
  entry: UsagePromptEntry,
  usage: UsageFile,
  profile: UsageProfileName,
  prices: PriceTable,
  projectionMonths: number = SIMULATION_DEFAULTS.projectionMonths,
): FindingMonthlyCost {
  const model = pricingModel(finding, entry, usage);
  const inputs = inputsFor(finding, entry, usage, profile, model);
  const others = [...finding.estimates.map((e) => e.model), ...usage.acceptableModels].filter((m, i, all) => m !== model && all.indexOf(m) === i);
  return {
    file: finding.file,
    startLine: finding.startLine,
    endLine: finding.endLine,
    ...(finding.name ? { name: finding.name } : {}),
    entry,
    profile,
    model,
    inputs,
    cost: modelMonthlyCost(model, prices, inputs, projectionMonths),
    compare: others.map((m) => modelMonthlyCost(m, prices, inputsFor(finding, entry, usage, profile, m), projectionMonths)),
  };
}

/** The entry's model, else the usage defaults', else the model the call was estimated for first. */
export function pricingModel(finding: PricedFinding, entry: UsagePromptEntry | null, usage: UsageFile): string {
  return entry?.model ?? usage.defaults.model ?? finding.estimates[0]?.model ?? finding.model ?? 'unknown';
}

/**
 * The simulation inputs of a call on `model`. Token counts differ per tokenizer, so the estimate for that
 * model is used when the scan made one; otherwise the first estimate's count stands in.
 */
export function inputsFor(finding: PricedFinding, entry: UsagePromptEntry | null, usage: UsageFile, profile: UsageProfileName, model: string): SimulationInputs {
  const estimate = finding.estimates.find((e) => e.model === model) ?? finding.estimates[0];
  const value = (key: keyof SimulationInputs, fallback: number): number => usageValue(entry, usage.defaults, key, profile) ?? fallback;
  return {
    requestsPerDay: value('requestsPerDay', SIMULATION_DEFAULTS.requestsPerDay),
    inputTokens: value('inputTokens', estimate?.inputTokens ?? 0),
    // An entry's (or the defaults') outputTokens is the visible output, as in the lens: the call's reasoning is billed on top.
    outputTokens: usageValue(entry, usage.defaults, 'outputTokens', profile) !== undefined
      ? value('outputTokens', 0) + (estimate?.reasoningTokens ?? 0)
      : estimate?.outputTokens ?? 0,
    growth: value('growth', SIMULATION_DEFAULTS.growth),
    cacheHitRate: value('cacheHitRate', SIMULATION_DEFAULTS.cacheHitRate),
    cachedPrefixShare: value('cachedPrefixShare', SIMULATION_DEFAULTS.cachedPrefixShare),
    batchShare: value('batchShare', SIMULATION_DEFAULTS.batchShare),
    ...flexShareOf(usageValue(entry, usage.defaults, 'flexShare', profile)),
    daysPerMonth: value('daysPerMonth', SIMULATION_DEFAULTS.daysPerMonth),
  };
}
