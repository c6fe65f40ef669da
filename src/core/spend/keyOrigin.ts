/**
 * Where a spend API key may be sent: the one rule the CLI and the editor both follow. A key is bound to one
 * origin (scheme://host:port) and is sent to no other (`checkKeyOrigin`, asked by every source before its
 * first request). The origin a key is bound to is the first of:
 *  1. the origin the user named for it: the CLI's `PROMPT_COST_*_ORIGIN`, or the origin the editor stored the
 *     key with (the one its Set API Key prompt showed while the key was typed). A name that is no URL binds
 *     the key to nothing;
 *  2. the source's base URL, when the user chose it (a command-line flag, a setting) or it is the official API;
 *  3. else the URL comes from a workspace file (`.promptcost.yml`), which anyone who can commit to the
 *     repository could point at their own server to collect the key: the official API of the source's
 *     kind, or nothing for a self-hosted kind.
 */
import { effectiveBaseUrl, DEFAULT_BASE_URLS, type SpendSourceConfig } from './spendConfig';
import { SpendError, type SpendKey } from './spendTypes';

/** What a key is bound to when nothing binds it (rule 3 for a self-hosted kind): no base URL has it. */
export const NO_ORIGIN = 'unset';
/** What a key is bound to when the origin named for it is no URL: no base URL has it. */
export const INVALID_ORIGIN = 'invalid-origin';

export interface KeyOriginFacts {
  /** The origin the user named for the key (rule 1), if any. */
  namedOrigin?: string;
  /** The source's base URL was written in a workspace file, not chosen by the user (rule 3). */
  urlFromWorkspace: boolean;
}

/** The origin a key for `source` is bound to: the only one it is sent to. */
export function keyOrigin(source: SpendSourceConfig, facts: KeyOriginFacts): string {
  if (facts.namedOrigin !== undefined) return originOf(facts.namedOrigin) ?? INVALID_ORIGIN;
  const url = facts.urlFromWorkspace ? DEFAULT_BASE_URLS[source.kind] : effectiveBaseUrl(source);
  if (url === undefined) return NO_ORIGIN;
  return originOf(url.trim()) ?? INVALID_ORIGIN;
}

/**
 * Throws `no-key` unless `key` is bound to the origin of `base` (the URL a source is about to call): a key
 * entered for another origin would go to a host the user never chose it for.
 */
export function checkKeyOrigin(sourceId: string, key: SpendKey, base: URL): void {
  if (key.origin !== base.origin) {
    throw new SpendError('no-key', `${sourceId}: the stored key was entered for ${key.origin}, not ${base.origin}; enter it again for the new URL`);
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
