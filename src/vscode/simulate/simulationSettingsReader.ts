/**
 * Reads `promptCost.simulation.*` into the core's `SimulationSettings`. The profile counts only where a user
 * set it (inspect), so an untouched default never hides the usage file's own `profile:`.
 */
import * as vscode from 'vscode';
import { normalizeSimulationSettings, type SimulationSettings } from '../../core/simulate/simulationSettings';
import { SETTINGS_PREFIX } from '../constants';
import type { Log } from '../log';

export function readSimulationSettings(scope: vscode.ConfigurationScope | undefined, log?: Log): SimulationSettings {
  const section = vscode.workspace.getConfiguration(`${SETTINGS_PREFIX}.simulation`, scope);
  const seen = section.inspect<string>('profile');
  const explicitProfile = seen?.workspaceFolderValue ?? seen?.workspaceValue ?? seen?.globalValue;
  const { settings, problems } = normalizeSimulationSettings({
    requestsPerDay: section.get('requestsPerDay'),
    growth: section.get('growth'),
    cacheHitRate: section.get('cacheHitRate'),
    cachedPrefixShare: section.get('cachedPrefixShare'),
    batchShare: section.get('batchShare'),
    monthlyBudget: section.get('monthlyBudget'),
    acceptableModels: section.get('acceptableModels'),
    profile: explicitProfile,
  });
  for (const problem of problems) log?.warn(`settings: ${problem} (default used)`);
  return settings;
}
