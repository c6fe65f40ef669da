/** The `promptCost.compress.*` and `promptCost.simulation.*` settings this feature reads, through the typed configuration. */
import type * as vscode from 'vscode';
import type { CompressMode } from '../../core/compress/types';
import { settingDefault } from '../../core/manifest/settingKeys';
import type { Configuration } from '../configuration';

export interface CompressSettings {
  mode: CompressMode;
  modelAssisted: { enabled: boolean; endpoint: string; model: string };
  /** Requests per day assumed for "$ saved per month" when the usage file has no entry for the prompt. */
  requestsPerDay: number;
}

export function readCompressSettings(config: Pick<Configuration, 'get'>, scope?: vscode.ConfigurationScope): CompressSettings {
  const mode = config.get('compress.mode', scope);
  const perDay = config.get('simulation.requestsPerDay', scope);
  return {
    mode: mode === 'aggressive' ? 'aggressive' : 'safe',
    modelAssisted: {
      enabled: config.get('compress.modelAssisted.enabled', scope) === true,
      endpoint: (config.get('compress.modelAssisted.endpoint', scope) ?? '').trim(),
      model: (config.get('compress.modelAssisted.model', scope) ?? '').trim() || settingDefault('compress.modelAssisted.model'),
    },
    requestsPerDay: typeof perDay === 'number' && Number.isFinite(perDay) && perDay >= 0 ? perDay : settingDefault('simulation.requestsPerDay'),
  };
}
