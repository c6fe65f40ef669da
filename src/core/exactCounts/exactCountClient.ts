/**
 * Sends provider count requests for a face (the extension host, the CLI's main thread): the on-disk cache
 * first, then one request per key (concurrent asks for the same key share it), paced by a token bucket per
 * provider. A key is sent only to the origin it was bound to (core/spend/keyOrigin.ts) over HTTPS, or
 * plain HTTP to this machine (core/spend/urlPolicy.ts), and never appears in an error (the URL carries no
 * key: it goes in a header). A 429 pauses that provider for its `Retry-After` and is retried when the wait
 * is short; every other failure is thrown as a categorised `SpendError`, and the ≈ figure stays.
 */
import { postJson, DEFAULT_TIMEOUT_MS } from '../spend/httpJson';
import { checkKeyOrigin } from '../spend/keyOrigin';
import { SpendError, type FetchLike, type SpendKey } from '../spend/spendTypes';
import { describeUrl, endpointUrl, parseBaseUrl } from '../spend/urlPolicy';
import { COUNT_PROVIDER_APIS } from './countRequest';
import { PROVIDER_TITLES, type CountProvider, type ProviderCountRequest } from './countProviders';
import type { ExactCountCache } from './exactCountCache';
import { DEFAULT_BUCKET, TokenBucket, type TokenBucketOptions } from './tokenBucket';

export interface ProviderEndpoint {
  baseUrl: string;
  /** The key and the origin it was entered for; undefined when there is none (nothing is sent). */
  key: SpendKey | undefined;
}

export interface ExactCountClientOptions {
  /** The providers the user turned on; a request for another one fails without a request. */
  endpoints: Partial<Record<CountProvider, ProviderEndpoint>>;
  cache: ExactCountCache;
  fetch: FetchLike;
  timeoutMs?: number;
  bucket?: TokenBucketOptions;
  /** Retries of a request answered 429 whose `Retry-After` is at most `maxRetryWaitMs`. */
  maxRetries?: number;
  maxRetryWaitMs?: number;
  now?: () => number;
}

export interface CountOutcome {
  tokens: number;
  source: 'cache' | 'api';
}

/** A 429 without `Retry-After` waits this long before the provider is asked again. */
const DEFAULT_RETRY_AFTER_MS = 2000;

export class ExactCountClient {
  private readonly buckets = new Map<CountProvider, TokenBucket>();
  private readonly inFlight = new Map<string, Promise<CountOutcome>>();
  /** Requests sent to each provider (tests and the CLI's summary). */
  readonly sent: Record<CountProvider, number> = { anthropic: 0, gemini: 0 };

  constructor(private readonly options: ExactCountClientOptions) {}

  /** The total input tokens of `request` as its provider counts them. Throws a `SpendError` (no key in its message). */
  count(request: ProviderCountRequest): Promise<CountOutcome> {
    const running = this.inFlight.get(request.key);
    if (running) return running;
    const started = this.countOnce(request).finally(() => this.inFlight.delete(request.key));
    this.inFlight.set(request.key, started);
    return started;
  }

  /** Writes new counts to disk. */
  flush(): Promise<void> {
    return this.options.cache.flush();
  }

  private async countOnce(request: ProviderCountRequest): Promise<CountOutcome> {
    const cached = await this.options.cache.get(request.key);
    if (cached) return { tokens: cached.tokens, source: 'cache' };
    const title = PROVIDER_TITLES[request.provider];
    const endpoint = this.options.endpoints[request.provider];
    if (!endpoint) throw new SpendError('not-configured', `exact counts from the ${title} are not turned on`);
    const base = parseBaseUrl(endpoint.baseUrl, `exact counts (${title})`);
    if (!endpoint.key) throw new SpendError('no-key', `exact counts (${title}): no API key`);
    checkKeyOrigin(`exact counts (${title})`, endpoint.key, base);
    const api = COUNT_PROVIDER_APIS[request.provider];
    const url = endpointUrl(base, api.path(request.model));
    const body = JSON.stringify(request.body);
    const secret = endpoint.key.secret;
    const bucket = this.bucket(request.provider);
    for (let attempt = 0; ; attempt++) {
      await bucket.take();
      try {
        this.sent[request.provider]++;
        const answer = await postJson({ url, headers: api.headers(secret), secrets: [secret], body }, { fetch: this.options.fetch, timeoutMs: this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, now: this.options.now });
        const tokens = api.tokens(answer, describeUrl(url));
        await this.options.cache.set(request.key, { tokens, provider: request.provider, model: request.model, at: (this.options.now ?? Date.now)() });
        return { tokens, source: 'api' };
      } catch (error) {
        if (!(error instanceof SpendError) || error.category !== 'rate-limited') throw error;
        const wait = error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
        bucket.pause(wait);
        if (attempt >= (this.options.maxRetries ?? 2) || wait > (this.options.maxRetryWaitMs ?? 30_000)) throw error;
      }
    }
  }

  private bucket(provider: CountProvider): TokenBucket {
    let bucket = this.buckets.get(provider);
    if (!bucket) this.buckets.set(provider, (bucket = new TokenBucket(this.options.bucket ?? DEFAULT_BUCKET)));
    return bucket;
  }
}
