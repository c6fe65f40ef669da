/** Settings for a CLI run: the defaults, then the nearest `.promptcost.yml` (or `--config FILE`). */
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings } from '../core/config/engineSettings';
import { findProjectConfigFile, loadProjectConfig, projectConfigToSettings, type ProjectConfig } from '../core/config/projectConfig';
import { UsageError } from './args';

export interface CliSettings {
  settings: EngineSettings;
  configFile: string | null;
  config: ProjectConfig | null;
  problems: string[];
}

export function loadCliSettings(cwd: string, firstRoot: string, explicitConfig?: string): CliSettings {
  let configFile: string | null;
  if (explicitConfig) {
    configFile = path.resolve(cwd, explicitConfig);
    if (!fs.existsSync(configFile)) throw new UsageError(`config file not found: ${explicitConfig}`);
  } else {
    const start = path.resolve(cwd, firstRoot);
    const startDir = fs.existsSync(start) && fs.statSync(start).isDirectory() ? start : path.dirname(start);
    configFile = findProjectConfigFile(startDir);
  }
  if (!configFile) {
    const merged = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS);
    return { settings: merged.settings, configFile: null, config: null, problems: merged.problems };
  }
  let config: ProjectConfig;
  try {
    config = loadProjectConfig(fs.readFileSync(configFile, 'utf8'), configFile);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const merged = mergeEngineSettings(DEFAULT_ENGINE_SETTINGS, projectConfigToSettings(config));
  return { settings: merged.settings, configFile, config, problems: merged.problems };
}
