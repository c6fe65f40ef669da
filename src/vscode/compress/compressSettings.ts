/** The `promptCost.compress.*` and `promptCost.simulation.*` settings this feature reads (declared in package.json). */
import * as vscode from 'vscode';
import type { CompressMode } from '../../core/compress/types';
import { SETTINGS_PREFIX } from '../constants';

export interface CompressSettings {
  mode: CompressMode;
  modelAssisted: { enabled: boolean; endpoint: string; model: string };
  /** Requests per day assumed for "$ saved per month" when the usage file has no entry for the prompt. */
  requestsPerDay: number;
}

export const COMPRESS_SECTION = `${SETTINGS_PREFIX}.compress`;

export function readCompressSettings(scope?: vscode.ConfigurationScope): CompressSettings {
  const section = vscode.workspace.getConfiguration(SETTINGS_PREFIX, scope);
  const mode = section.get<string>('compress.mode');
  const perDay = section.get<number>('simulation.requestsPerDay');
  return {
    mode: mode === 'aggressive' ? 'aggressive' : 'safe',
    modelAssisted: {
      enabled: section.get<boolean>('compress.modelAssisted.enabled') === true,
      endpoint: (section.get<string>('compress.modelAssisted.endpoint') ?? '').trim(),
      model: (section.get<string>('compress.modelAssisted.model') ?? '').trim() || 'gpt-4o-mini',
    },
    requestsPerDay: typeof perDay === 'number' && Number.isFinite(perDay) && perDay >= 0 ? perDay : 1000,
  };
}
