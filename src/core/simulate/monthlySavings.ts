/**
 * "$ saved per month" for a compressed prompt: the same traffic simulated with the prompt's token count
 * before and after. The traffic comes from the usage file's entry for the prompt when it has one, else
 * from an assumed requests-per-day figure that the caller labels as an assumption.
 */
import type { PriceTable } from '../pricing/priceTable';
import { modelMonthlyCost } from './modelMonthlyCost';
import { flexShareOf, SIMULATION_DEFAULTS, type SimulationInputs, type UsageProfileName } from './simulationInputs';
import { usageValue, type UsageFile } from './usageFile';
import { describeEntry, matchUsageEntry, type FindingLocation, type UsageMatchOptions } from './usageMatch';

export interface SavingsTraffic {
  /** Inputs except `inputTokens` (filled in per side). */
  inputs: Omit<SimulationInputs, 'inputTokens'>;
  /** `usage`: from the usage file's entry (`entry` says which); `assumption`: the assumed volume. */
  source: 'usage' | 'assumption';
  entry?: string;
  /** The model the usage entry prices the prompt on, when it names one. */
  model?: string;
}

export interface TrafficOptions extends UsageMatchOptions {
  /** The other prompts of the file, so "nearest prompt to a line" is decided among them. */
  fileFindings?: readonly FindingLocation[];
  profile?: UsageProfileName;
  /** Requests per day assumed when the usage file has no entry for the prompt. */
  assumedRequestsPerDay: number;
  /** Output tokens per request (the call's `max_tokens` or the settings' assumption). */
  outputTokens: number;
}

export function trafficForPrompt(location: FindingLocation, usage: UsageFile | null, options: TrafficOptions): SavingsTraffic {
  const entry = usage ? matchUsageEntry(location, usage.prompts, options) : null;
  if (usage && entry) {
    const profile = options.profile ?? usage.defaultProfile;
    const value = (key: keyof SimulationInputs, fallback: number): number => usageValue(entry, usage.defaults, key, profile) ?? fallback;
    return {
      source: 'usage',
      entry: describeEntry(entry),
      ...(entry.model ?? usage.defaults.model ? { model: entry.model ?? usage.defaults.model } : {}),
      inputs: {
        requestsPerDay: value('requestsPerDay', options.assumedRequestsPerDay),
        outputTokens: value('outputTokens', options.outputTokens),
        growth: 0,
        cacheHitRate: value('cacheHitRate', SIMULATION_DEFAULTS.cacheHitRate),
        cachedPrefixShare: value('cachedPrefixShare', SIMULATION_DEFAULTS.cachedPrefixShare),
        batchShare: value('batchShare', SIMULATION_DEFAULTS.batchShare),
        ...flexShareOf(usageValue(entry, usage.defaults, 'flexShare', profile)),
        daysPerMonth: value('daysPerMonth', SIMULATION_DEFAULTS.daysPerMonth),
      },
    };
  }
  return {
    source: 'assumption',
    inputs: {
      requestsPerDay: options.assumedRequestsPerDay,
      outputTokens: options.outputTokens,
      growth: 0,
      cacheHitRate: SIMULATION_DEFAULTS.cacheHitRate,
      cachedPrefixShare: SIMULATION_DEFAULTS.cachedPrefixShare,
      batchShare: SIMULATION_DEFAULTS.batchShare,
      daysPerMonth: SIMULATION_DEFAULTS.daysPerMonth,
    },
  };
}

export interface MonthlySavings {
  model: string;
  /** USD in the first month before and after, and their difference; null when the model has no price. */
  before: number | null;
  after: number | null;
  saved: number | null;
  requestsPerMonth: number;
}

export function monthlySavings(model: string, prices: PriceTable, traffic: SavingsTraffic, tokensBefore: number, tokensAfter: number): MonthlySavings {
  const before = modelMonthlyCost(model, prices, { ...traffic.inputs, inputTokens: tokensBefore }, 1);
  const after = modelMonthlyCost(model, prices, { ...traffic.inputs, inputTokens: tokensAfter }, 1);
  const saved = before.monthlyCost !== null && after.monthlyCost !== null ? before.monthlyCost - after.monthlyCost : null;
  return { model, before: before.monthlyCost, after: after.monthlyCost, saved, requestsPerMonth: before.modelRequestsPerMonth };
}
