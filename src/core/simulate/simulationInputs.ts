/**
 * What a monthly cost simulation needs to know about one prompt's traffic. Rates and shares are
 * fractions (0.25 = 25 %), token counts are per request, money is computed elsewhere.
 */
import type { EngineSettings } from '../config/engineSettings';

/** The three volume scenarios a usage file may give (like a low / expected / high forecast). */
export type UsageProfileName = 'low' | 'expected' | 'high';
export const USAGE_PROFILES: readonly UsageProfileName[] = ['low', 'expected', 'high'];

export interface SimulationInputs {
  /** Requests the application makes per day (before the response cache). */
  requestsPerDay: number;
  /** Prompt tokens per request. */
  inputTokens: number;
  /** Expected completion tokens per request. */
  outputTokens: number;
  /** Monthly growth of the request volume, compounded (0.05 = +5 % a month). */
  growth: number;
  /** Share of requests answered from the application's own response cache: they never reach the model. */
  cacheHitRate: number;
  /** Share of the input tokens that is a static prefix read from the provider's prompt cache. */
  cachedPrefixShare: number;
  /** Share of the requests sent through the provider's batch API. */
  batchShare: number;
  /**
   * Share of the requests sent on the flex service tier (OpenAI's `service_tier: "flex"`), at most
   * 1 − batchShare; absent = 0. A model without a flex tier bills them at standard rates, with a note.
   */
  flexShare?: number;
  /** Days billed per month. */
  daysPerMonth: number;
}

/** The defaults this feature adds on top of `EngineSettings` (which gives `expectedOutputTokens`). */
export const SIMULATION_DEFAULTS = Object.freeze({
  requestsPerDay: 1000,
  growth: 0,
  cacheHitRate: 0,
  cachedPrefixShare: 0,
  batchShare: 0,
  flexShare: 0,
  daysPerMonth: 30,
  /** Length of the projection in months. */
  projectionMonths: 12,
});

/** Inputs for a prompt of `inputTokens` with nothing else known: the settings' output size and our defaults. */
export function defaultSimulationInputs(settings: Pick<EngineSettings, 'expectedOutputTokens'>, inputTokens: number): SimulationInputs {
  return {
    requestsPerDay: SIMULATION_DEFAULTS.requestsPerDay,
    inputTokens,
    outputTokens: settings.expectedOutputTokens,
    growth: SIMULATION_DEFAULTS.growth,
    cacheHitRate: SIMULATION_DEFAULTS.cacheHitRate,
    cachedPrefixShare: SIMULATION_DEFAULTS.cachedPrefixShare,
    batchShare: SIMULATION_DEFAULTS.batchShare,
    daysPerMonth: SIMULATION_DEFAULTS.daysPerMonth,
  };
}

/** `{ flexShare }` when a share is given, else nothing (the input is optional, absent = 0). */
export function flexShareOf(share: number | undefined): Pick<SimulationInputs, 'flexShare'> {
  return share === undefined ? {} : { flexShare: share };
}

/** The allowed range of each input, shared by the usage-file parser and the CLI flags. */
export const INPUT_RULES: Readonly<Record<keyof SimulationInputs, { check: (v: number) => boolean; expected: string }>> = {
  requestsPerDay: { check: (v) => v >= 0, expected: 'a number ≥ 0' },
  inputTokens: { check: (v) => Number.isInteger(v) && v >= 0, expected: 'a whole number ≥ 0' },
  outputTokens: { check: (v) => Number.isInteger(v) && v >= 0, expected: 'a whole number ≥ 0' },
  growth: { check: (v) => v > -1, expected: 'a number > -1 (0.05 = +5 % a month)' },
  cacheHitRate: { check: (v) => v >= 0 && v <= 1, expected: 'a share between 0 and 1' },
  cachedPrefixShare: { check: (v) => v >= 0 && v <= 1, expected: 'a share between 0 and 1' },
  batchShare: { check: (v) => v >= 0 && v <= 1, expected: 'a share between 0 and 1' },
  flexShare: { check: (v) => v >= 0 && v <= 1, expected: 'a share between 0 and 1' },
  daysPerMonth: { check: (v) => v > 0 && v <= 31, expected: 'a number of days between 0 and 31' },
};

/** One message per input out of range; empty when all are usable. */
export function checkSimulationInputs(inputs: SimulationInputs): string[] {
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(INPUT_RULES) as [keyof SimulationInputs, (typeof INPUT_RULES)[keyof SimulationInputs]][]) {
    const value = inputs[key];
    if (value === undefined && key === 'flexShare') continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || !rule.check(value)) problems.push(`${key} must be ${rule.expected}, got ${String(value)}`);
  }
  if ((inputs.flexShare ?? 0) + inputs.batchShare > 1) problems.push(`batchShare + flexShare must be at most 1, got ${inputs.batchShare} + ${inputs.flexShare}`);
  return problems;
}
