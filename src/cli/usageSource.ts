/** Finds and reads the usage data for `simulate` / `diff`: `--usage FILE`, else the `usage` section of `.promptcost.yml`. */
import * as fs from 'fs';
import * as path from 'path';
import { USAGE_PROFILES, type UsageProfileName } from '../core/simulate/simulationInputs';
import { readUsageDocument, readUsageSection, UsageFileError, type UsageFile } from '../core/simulate/usageFile';
import type { FindingLocation } from '../core/simulate/usageMatch';
import { UsageError } from './args';
import { displayPath } from '../core/scan/displayPath';

export interface LoadedUsage {
  usage: UsageFile;
  /** Absolute path of the file it came from. */
  file: string;
}

/** `explicit` (relative to `cwd`) wins; else the config file's `usage` section; null when neither exists. */
export function loadUsage(cwd: string, explicit: string | undefined, configFile: string | null): LoadedUsage | null {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    return { usage: readUsageFile(file, displayPath(file, cwd), true), file };
  }
  if (!configFile) return null;
  const usage = readUsageFile(configFile, displayPath(configFile, cwd), false);
  return usage ? { usage, file: configFile } : null;
}

export function readUsageFile(file: string, shownName: string, wholeDocument: true): UsageFile;
export function readUsageFile(file: string, shownName: string, wholeDocument: false): UsageFile | null;
export function readUsageFile(file: string, shownName: string, wholeDocument: boolean): UsageFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read usage file ${shownName}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return wholeDocument ? readUsageDocument(text, shownName) : readUsageSection(text, shownName);
  } catch (error) {
    if (error instanceof UsageFileError) throw new UsageError(error.message);
    throw error;
  }
}

export const NO_USAGE_MESSAGE = 'no usage data: add a `usage:` section to .promptcost.yml or pass --usage FILE (see `prompt-cost simulate --help`)';

export function profileFlag(value: string | undefined): UsageProfileName | undefined {
  if (value === undefined) return undefined;
  if (!USAGE_PROFILES.includes(value as UsageProfileName)) throw new UsageError(`--profile must be one of ${USAGE_PROFILES.join(', ')}, got '${value}'`);
  return value as UsageProfileName;
}

/** Finding path (relative to `scanCwd`) → path relative to the usage file's folder, as usage entries are written. */
export function usageFileKey(scanCwd: string, usageDir: string): (finding: FindingLocation) => string {
  return (finding) => path.relative(usageDir, path.resolve(scanCwd, finding.file)).split(path.sep).join('/');
}
