/**
 * Reads `promptCost.simulation.*` into the core's `SimulationSettings`. The profile counts only where a user
 * set it (inspect), so an untouched default never hides the usage file's own `profile:`.
 */
import type * as vscode from 'vscode';
import { normalizeSimulationSettings, type SimulationSettings } from '../../core/simulate/simulationSettings';
import type { Configuration } from '../configuration';
import type { Log } from '../log';

export function readSimulationSettings(config: Pick<Configuration, 'get' | 'inspect'>, scope: vscode.ConfigurationScope | undefined, log?: Pick<Log, 'warn'>): SimulationSettings {
  const seen = config.inspect('simulation.profile', scope);
  const explicitProfile = seen?.workspaceFolderValue ?? seen?.workspaceValue ?? seen?.globalValue;
  const { settings, problems } = normalizeSimulationSettings({
    requestsPerDay: config.get('simulation.requestsPerDay', scope),
    growth: config.get('simulation.growth', scope),
    cacheHitRate: config.get('simulation.cacheHitRate', scope),
    cachedPrefixShare: config.get('simulation.cachedPrefixShare', scope),
    batchShare: config.get('simulation.batchShare', scope),
    monthlyBudget: config.get('simulation.monthlyBudget', scope),
    acceptableModels: config.get('simulation.acceptableModels', scope),
    profile: explicitProfile,
  });
  for (const problem of problems) log?.warn(`settings: ${problem} (default used)`);
  return settings;
}
