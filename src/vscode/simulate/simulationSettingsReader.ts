/**
 * Reads `promptCost.simulation.*` into the core's `SimulationSettings`. The profile counts only where a user
 * set it (inspect), so an untouched default never hides the usage file's own `profile:`.
 */
import type * as vscode from 'vscode';
import { normalizeSimulationSettings, type SimulationSettings } from '../../core/simulate/simulationSettings';
import type { UsageProfileName } from '../../core/simulate/simulationInputs';
import type { Configuration } from '../configuration';
import type { Log } from '../log';

export function readSimulationSettings(config: Pick<Configuration, 'get' | 'inspect'>, scope: vscode.ConfigurationScope | undefined, log?: Pick<Log, 'warn'>): SimulationSettings {
  const { settings, problems } = normalizeSimulationSettings({
    requestsPerDay: config.get('simulation.requestsPerDay', scope),
    growth: config.get('simulation.growth', scope),
    cacheHitRate: config.get('simulation.cacheHitRate', scope),
    cachedPrefixShare: config.get('simulation.cachedPrefixShare', scope),
    batchShare: config.get('simulation.batchShare', scope),
    monthlyBudget: config.get('simulation.monthlyBudget', scope),
    acceptableModels: config.get('simulation.acceptableModels', scope),
    profile: explicitProfile(config, scope),
  });
  for (const problem of problems) log?.warn(`settings: ${problem} (default used)`);
  return settings;
}

/**
 * Only the profile (what a document's $/month needs, read for every analysis): the user's choice, or null
 * for the usage file's own.
 */
export function readSimulationProfile(config: Pick<Configuration, 'inspect'>, scope: vscode.ConfigurationScope | undefined): UsageProfileName | null {
  return normalizeSimulationSettings({ profile: explicitProfile(config, scope) }).settings.profile;
}

function explicitProfile(config: Pick<Configuration, 'inspect'>, scope: vscode.ConfigurationScope | undefined): unknown {
  const seen = config.inspect('simulation.profile', scope);
  return seen?.workspaceFolderValue ?? seen?.workspaceValue ?? seen?.globalValue;
}
