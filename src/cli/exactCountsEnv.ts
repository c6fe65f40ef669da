/**
 * The CLI's exact counts (`scan --exact-counts`, `count --provider-api`): keys only from environment
 * variables, never from arguments (they would show in shell history and process lists), each sent only to
 * its provider's base URL — the official HTTPS endpoint, or the one `PROMPT_COST_*_COUNT_URL` names
 * (http only to this machine: a test server). Counts are cached in the user cache folder the price refresh
 * uses (`cliCacheDir`), shared with later runs.
 */
import { COUNT_PROVIDERS, DEFAULT_COUNT_BASE_URLS, type CountProvider } from '../core/exactCounts/countProviders';
import { ExactCountCache } from '../core/exactCounts/exactCountCache';
import { ExactCountClient, type ProviderEndpoint } from '../core/exactCounts/exactCountClient';
import { nodeFetch } from '../core/spend/nodeFetch';
import type { FetchLike } from '../core/spend/spendTypes';
import { cliCacheDir } from './cliCatalogue';

export const KEY_ENV: Readonly<Record<CountProvider, string>> = { anthropic: 'ANTHROPIC_API_KEY', gemini: 'GEMINI_API_KEY' };
export const URL_ENV: Readonly<Record<CountProvider, string>> = { anthropic: 'PROMPT_COST_ANTHROPIC_COUNT_URL', gemini: 'PROMPT_COST_GEMINI_COUNT_URL' };

export interface CliExactCounts {
  client: ExactCountClient;
  /** The providers with a key: the only ones asked. */
  providers: CountProvider[];
}

/** The providers whose key is set, and a client for them; null when no key is set. */
export function exactCountsFromEnv(env: NodeJS.ProcessEnv, cwd: string, fetch: FetchLike = nodeFetch): CliExactCounts | null {
  const endpoints: Partial<Record<CountProvider, ProviderEndpoint>> = {};
  for (const provider of COUNT_PROVIDERS) {
    const secret = env[KEY_ENV[provider]]?.trim();
    if (!secret) continue;
    const baseUrl = env[URL_ENV[provider]]?.trim() || DEFAULT_COUNT_BASE_URLS[provider];
    // The URL is the user's own choice (their environment), so the key is bound to it.
    endpoints[provider] = { baseUrl, key: { secret, origin: originOf(baseUrl) } };
  }
  const providers = COUNT_PROVIDERS.filter((p) => endpoints[p]);
  if (providers.length === 0) return null;
  return { client: new ExactCountClient({ endpoints, cache: new ExactCountCache(cliCacheDir(env, cwd)), fetch }), providers };
}

/** `scheme://host:port`, or the text itself when it is no URL (the client then refuses it, saying why). */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
