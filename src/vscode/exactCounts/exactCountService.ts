/**
 * Exact counts in the editor, off the typing path. The pipeline worker never fetches: an analysis comes
 * back with the provider count requests its calls need (only for providers the user turned on and gave a
 * key), this service asks for them on the extension host — the disk cache in global storage first, then
 * the provider, paced by the client's token bucket — once the document has been still for a moment, and
 * only while they are still wanted (a newer analysis of the document drops the requests of older text).
 * Each answer is kept for its document, and the document is analysed again with it: the call's figure
 * turns from ≈ into `exact (Anthropic API)`. A failure leaves the ≈ figure, is logged without the key, is
 * not retried for a while (a 429's `Retry-After`, else 10 minutes), and a refused or missing key is said
 * once per provider.
 */
import { createHash } from 'crypto';
import * as vscode from 'vscode';
import { PROVIDER_TITLES, type CountProvider, type ExactCountsInput, type ProviderCountRequest } from '../../core/exactCounts/countProviders';
import { ExactCountCache } from '../../core/exactCounts/exactCountCache';
import { ExactCountClient, type ProviderEndpoint } from '../../core/exactCounts/exactCountClient';
import { CommandId } from '../../core/manifest/commandIds';
import type { CallAnalysis } from '../../core/pipeline/callAnalysis';
import { nodeFetch } from '../../core/spend/nodeFetch';
import { SpendError, type FetchLike } from '../../core/spend/spendTypes';
import type { Configuration } from '../configuration';
import type { Log } from '../log';
import type { ExactCountSecrets } from './exactCountSecrets';
import { readExactCountSettings, type ExactCountSettings } from './exactCountSettings';

/** The document must be still this long before its counts are asked (the analysis is already debounced). */
const SETTLE_MS = 1000;
/** A failed count is not asked again before this (unless the provider said when). */
const FAILURE_BACKOFF_MS = 10 * 60 * 1000;
/** Counts kept per document (its calls' current texts need a handful). */
const MAX_KNOWN_PER_DOCUMENT = 500;
const REANALYZE_DEBOUNCE_MS = 200;

export interface ExactCountServiceDeps {
  storageDir: string;
  config: Pick<Configuration, 'inspect'>;
  secrets: Pick<ExactCountSecrets, 'current'>;
  log: Log;
  /** Analyses the document again (its analysis dropped), if it is visible. */
  reanalyze(uriKey: string): void;
  fetch?: FetchLike;
}

/** What the integration suite reads. */
export interface ExactCountStatus {
  providers: CountProvider[];
  asked: number;
  counted: number;
  fromCache: number;
  failures: string[];
}

export class ExactCountService implements vscode.Disposable {
  private settings: ExactCountSettings;
  private client: ExactCountClient | null = null;
  private readonly cache: ExactCountCache;
  private readonly known = new Map<string, Map<string, number>>();
  private readonly wanted = new Map<string, Set<string>>();
  private readonly retryAt = new Map<string, number>();
  private readonly queued = new Map<string, { uriKey: string; request: ProviderCountRequest }>();
  private readonly notified = new Set<string>();
  private readonly reanalyzeTimers = new Map<string, NodeJS.Timeout>();
  private drainTimer: NodeJS.Timeout | undefined;
  private readonly status: ExactCountStatus = { providers: [], asked: 0, counted: 0, fromCache: 0, failures: [] };

  constructor(private readonly deps: ExactCountServiceDeps) {
    this.cache = new ExactCountCache(deps.storageDir);
    this.settings = readExactCountSettings(deps.config);
  }

  /** The providers the worker may build requests for (on, trusted, with a key), and this document's known counts. */
  inputFor(uriKey: string): ExactCountsInput | undefined {
    const providers = this.activeProviders();
    if (providers.length === 0) return undefined;
    return { providers, known: Object.fromEntries(this.known.get(uriKey) ?? []) };
  }

  /** A fresh analysis of a document: queue the counts it needs. */
  onAnalysis(uriKey: string, calls: readonly CallAnalysis[]): void {
    const requests = calls.flatMap((c) => c.countRequests ?? []);
    this.wanted.set(uriKey, new Set(requests.map((r) => r.key)));
    const known = this.known.get(uriKey);
    // Counted while this analysis ran: analyse again with it.
    if (requests.some((r) => known?.has(r.key))) this.scheduleReanalyze(uriKey);
    const now = Date.now();
    for (const request of requests) {
      if (known?.has(request.key) || (this.retryAt.get(request.key) ?? 0) > now) continue;
      this.queued.set(request.key, { uriKey, request });
    }
    if (this.queued.size > 0) {
      clearTimeout(this.drainTimer);
      this.drainTimer = setTimeout(() => void this.drain(), SETTLE_MS);
    }
  }

  /** Settings, keys or trust changed: a new client, and failures forgotten. */
  reconfigure(): void {
    this.settings = readExactCountSettings(this.deps.config);
    this.client = null;
    this.retryAt.clear();
    this.notified.clear();
    this.queued.clear();
    if (this.settings.blockedByRestrictedMode) this.deps.log.info('exact counts: off in Restricted Mode (the workspace is not trusted); nothing is sent');
    for (const provider of this.settings.providers) {
      if (!this.deps.secrets.current(provider)) this.notifyOnce(`${provider}:no-key`, `exact counts from the ${PROVIDER_TITLES[provider]} are on, but no key is set: the figures stay ≈.`);
    }
  }

  /** A document closed: forget its counts (the disk cache keeps them). */
  forget(uriKey: string): void {
    this.known.delete(uriKey);
    this.wanted.delete(uriKey);
    clearTimeout(this.reanalyzeTimers.get(uriKey));
    this.reanalyzeTimers.delete(uriKey);
  }

  /**
   * What decides the figures: the active providers, their URLs and keys (hashed). Empty when none is
   * active, so a change of it means the documents must be analysed again.
   */
  configuration(): string {
    return this.activeProviders().map((p) => {
      const key = this.deps.secrets.current(p);
      return `${p} ${this.settings.baseUrls[p]} ${key?.origin} ${createHash('sha256').update(key?.secret ?? '').digest('hex').slice(0, 16)}`;
    }).join('\n');
  }

  snapshot(): ExactCountStatus {
    return { ...this.status, providers: this.activeProviders(), failures: [...this.status.failures] };
  }

  private activeProviders(): CountProvider[] {
    return this.settings.providers.filter((p) => this.deps.secrets.current(p) !== undefined);
  }

  private clientFor(): ExactCountClient {
    if (this.client) return this.client;
    const endpoints: Partial<Record<CountProvider, ProviderEndpoint>> = {};
    for (const provider of this.activeProviders()) endpoints[provider] = { baseUrl: this.settings.baseUrls[provider], key: this.deps.secrets.current(provider) };
    this.client = new ExactCountClient({ endpoints, cache: this.cache, fetch: this.deps.fetch ?? nodeFetch });
    return this.client;
  }

  private async drain(): Promise<void> {
    const batch = [...this.queued.values()];
    this.queued.clear();
    const active = this.activeProviders();
    const client = this.clientFor();
    await Promise.all(batch.map(async ({ uriKey, request }) => {
      // Superseded by newer text, or turned off meanwhile: not sent.
      if (!this.wanted.get(uriKey)?.has(request.key) || !active.includes(request.provider)) return;
      this.status.asked++;
      try {
        const outcome = await client.count(request);
        this.status.counted++;
        if (outcome.source === 'cache') this.status.fromCache++;
        this.remember(uriKey, request.key, outcome.tokens);
        this.scheduleReanalyze(uriKey);
      } catch (error) {
        this.failed(request, error);
      }
    }));
    await client.flush();
  }

  private remember(uriKey: string, key: string, tokens: number): void {
    let known = this.known.get(uriKey);
    if (!known) this.known.set(uriKey, (known = new Map()));
    known.set(key, tokens);
    if (known.size > MAX_KNOWN_PER_DOCUMENT) known.delete(known.keys().next().value as string);
  }

  private failed(request: ProviderCountRequest, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const retryAfter = error instanceof SpendError ? error.retryAfterMs : undefined;
    this.retryAt.set(request.key, Date.now() + (retryAfter ?? FAILURE_BACKOFF_MS));
    this.status.failures = [...this.status.failures, message].slice(-20);
    this.deps.log.warn(`exact counts: ${message} (the figure stays ≈)`);
    if (error instanceof SpendError && (error.category === 'unauthorized' || error.category === 'no-key')) {
      this.notifyOnce(`${request.provider}:key`, `the ${PROVIDER_TITLES[request.provider]} did not accept the key for exact counts (${message}); the figures stay ≈.`);
    }
  }

  private notifyOnce(id: string, text: string): void {
    if (this.notified.has(id)) return;
    this.notified.add(id);
    const setKey = 'Set Key';
    void vscode.window.showWarningMessage(`Prompt Cost: ${text}`, setKey).then((choice) => {
      if (choice === setKey) void vscode.commands.executeCommand(CommandId.SetExactCountsKey);
    });
  }

  private scheduleReanalyze(uriKey: string): void {
    clearTimeout(this.reanalyzeTimers.get(uriKey));
    this.reanalyzeTimers.set(uriKey, setTimeout(() => {
      this.reanalyzeTimers.delete(uriKey);
      this.deps.reanalyze(uriKey);
    }, REANALYZE_DEBOUNCE_MS));
  }

  dispose(): void {
    clearTimeout(this.drainTimer);
    for (const timer of this.reanalyzeTimers.values()) clearTimeout(timer);
    void this.cache.flush();
  }
}
