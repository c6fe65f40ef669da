/** Scanning for `simulate` and `diff`: the same file listing and scan pool as `scan`, returning the calls priced. */
import * as path from 'path';
import type { EngineSettings } from '../core/config/engineSettings';
import type { ProjectConfig } from '../core/config/projectConfig';
import { numberFindings } from '../core/scan/finding';
import { pricedCalls, type PricedCall } from '../core/simulate/pricedCalls';
import { listSourceFiles } from '../core/scan/sourceFiles';
import { numberFlag, UsageError, type ParsedArgs } from './args';
import { scanAll } from './scanPool';

export interface TreeScanOptions {
  settings: EngineSettings;
  /** Findings' paths are relative to this folder. */
  cwd: string;
  /** Absolute paths to scan. */
  roots: readonly string[];
  configFile: string | null;
  config: ProjectConfig | null;
  workers?: number;
  /** A missing root is a usage error (the working tree) rather than an empty result (a base revision). */
  requireRoots?: boolean;
}

export async function scanTree(options: TreeScanOptions): Promise<PricedCall[]> {
  const listing = listSourceFiles(options.roots, options.settings.maxFileBytes);
  const missing = listing.skipped.filter((s) => s.reason === 'not found');
  if (options.requireRoots && missing.length === options.roots.length) {
    throw new UsageError(`no such file or directory: ${options.roots.map((r) => path.relative(options.cwd, r) || '.').join(', ')}`);
  }
  const { configFile, config } = options;
  const results = await scanAll(listing.files, {
    settings: options.settings,
    compareModels: [],
    cwd: options.cwd,
    fileSamples: configFile && config?.fileSamples?.length ? { configDir: path.dirname(configFile), rules: config.fileSamples } : undefined,
    workers: options.workers,
  });
  return pricedCalls(numberFindings(results.map((r) => r.findings)));
}

export function workersFlag(args: ParsedArgs): number | undefined {
  const workers = numberFlag(args, 'workers');
  if (workers !== undefined && !Number.isInteger(workers)) throw new UsageError('--workers must be a whole number');
  return workers;
}
