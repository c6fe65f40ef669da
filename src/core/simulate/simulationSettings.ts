/**
 * The `promptCost.simulation.*` settings as plain data: the defaults a simulation starts from when the usage
 * file says nothing about a prompt. Values out of range are dropped (with a message), never clamped.
 */
import { INPUT_RULES, SIMULATION_DEFAULTS, USAGE_PROFILES, type UsageProfileName } from './simulationInputs';

export interface SimulationSettings {
  requestsPerDay: number;
  /** Monthly growth, compounded (0.05 = +5 % a month). */
  growth: number;
  cacheHitRate: number;
  cachedPrefixShare: number;
  batchShare: number;
  /** USD per month; null = no budget line (the setting's 0). */
  monthlyBudget: number | null;
  acceptableModels: string[];
  /** The usage profile to show; null = the usage file's `profile` (else expected). */
  profile: UsageProfileName | null;
}

export const DEFAULT_SIMULATION_SETTINGS: Readonly<SimulationSettings> = Object.freeze({
  requestsPerDay: SIMULATION_DEFAULTS.requestsPerDay,
  growth: SIMULATION_DEFAULTS.growth,
  cacheHitRate: SIMULATION_DEFAULTS.cacheHitRate,
  cachedPrefixShare: SIMULATION_DEFAULTS.cachedPrefixShare,
  batchShare: SIMULATION_DEFAULTS.batchShare,
  monthlyBudget: null,
  acceptableModels: [],
  profile: null,
});

/** Raw values as read from the settings (any of them may be missing or of the wrong type). */
export type RawSimulationSettings = Partial<Record<keyof SimulationSettings, unknown>>;

const NUMERIC = ['requestsPerDay', 'growth', 'cacheHitRate', 'cachedPrefixShare', 'batchShare'] as const;

export function normalizeSimulationSettings(raw: RawSimulationSettings): { settings: SimulationSettings; problems: string[] } {
  const settings: SimulationSettings = { ...DEFAULT_SIMULATION_SETTINGS, acceptableModels: [] };
  const problems: string[] = [];
  for (const key of NUMERIC) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const rule = INPUT_RULES[key];
    if (typeof value === 'number' && Number.isFinite(value) && rule.check(value)) settings[key] = value;
    else problems.push(`simulation.${key} must be ${rule.expected}, got ${JSON.stringify(value)}`);
  }
  const budget = raw.monthlyBudget;
  if (budget !== undefined && budget !== null) {
    if (typeof budget === 'number' && Number.isFinite(budget) && budget >= 0) settings.monthlyBudget = budget > 0 ? budget : null;
    else problems.push(`simulation.monthlyBudget must be an amount in USD ≥ 0, got ${JSON.stringify(budget)}`);
  }
  const acceptable = raw.acceptableModels;
  if (Array.isArray(acceptable)) {
    settings.acceptableModels = [...new Set(acceptable.filter((m): m is string => typeof m === 'string').map((m) => m.trim()).filter(Boolean))];
  } else if (acceptable !== undefined && acceptable !== null) {
    problems.push('simulation.acceptableModels must be a list of model ids');
  }
  const profile = raw.profile;
  if (typeof profile === 'string' && USAGE_PROFILES.includes(profile as UsageProfileName)) settings.profile = profile as UsageProfileName;
  else if (profile !== undefined && profile !== null) problems.push(`simulation.profile must be one of ${USAGE_PROFILES.join(', ')}, got ${JSON.stringify(profile)}`);
  return { settings, problems };
}
