/**
 * The CLI's price catalogue: a refreshed copy in the user's cache when one is there and valid, else the
 * bundled one. The cache folder is `PROMPT_COST_CACHE_DIR`, else `$XDG_CACHE_HOME/prompt-cost-lens`, else
 * `~/.cache/prompt-cost-lens` (`%LOCALAPPDATA%\prompt-cost-lens` on Windows).
 */
import * as os from 'os';
import * as path from 'path';
import { readCachedCatalogue, type CachedCatalogue } from '../core/pricing/catalogueFile';
import { bundledCatalogue, supersededByBundled, useCatalogue } from '../core/pricing/catalogueInUse';

export const CACHE_DIR_ENV = 'PROMPT_COST_CACHE_DIR';
/** Where `prices update` reads from when `--from` is not given (else LiteLLM's file on GitHub). */
export const PRICES_SOURCE_ENV = 'PROMPT_COST_PRICES_SOURCE';
const APP_DIR = 'prompt-cost-lens';

export function cliCacheDir(env: NodeJS.ProcessEnv, cwd: string): string {
  const explicit = env[CACHE_DIR_ENV]?.trim();
  if (explicit) return path.resolve(cwd, explicit);
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, APP_DIR);
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, APP_DIR);
  return path.join(env.HOME?.trim() || os.homedir(), '.cache', APP_DIR);
}

/** What the cache holds, and `superseded` for a valid copy older than this version's bundled data. */
export type CliCachedCatalogue = CachedCatalogue | { state: 'superseded'; problem: string; file: string };

/**
 * Puts the cached copy in use when it is valid and not superseded by the bundled data (for this process and
 * the scan workers it starts); says what it found.
 */
export function applyCachedCatalogue(env: NodeJS.ProcessEnv, cwd: string): CliCachedCatalogue {
  const cached = readCachedCatalogue(cliCacheDir(env, cwd));
  if (cached.state === 'valid' && supersededByBundled(cached.catalogue)) {
    useCatalogue(null);
    const problem = `fetched ${(cached.catalogue.source.retrieved ?? cached.catalogue.source.date).slice(0, 10)}, before the bundled data of ${bundledCatalogue().source.date}`;
    return { state: 'superseded', problem, file: cached.file };
  }
  useCatalogue(cached.state === 'valid' ? cached.catalogue : null);
  return cached;
}
