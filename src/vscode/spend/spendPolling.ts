/**
 * What is fetched from the spend sources: the core `SpendPoller`'s readings, rebuilt by `start` whenever the
 * configuration changes, and with `promptCost.spend.useTrackerPricing` the tracker's `/pricing`, handed to
 * the engine as price overrides (through the narrow `setPriceOverrides`) once the tracker answers. Polling
 * pauses while the window is in the background and resumes on focus. Keys come from SecretStorage and go
 * only to the origin they were stored for.
 */
import * as vscode from 'vscode';
import type { PriceOverride } from '../../core/config/engineSettings';
import { keyOrigin } from '../../core/spend/keyOrigin';
import { nodeFetch } from '../../core/spend/nodeFetch';
import type { SourceDeps } from '../../core/spend/sourceSupport';
import { effectiveBaseUrl } from '../../core/spend/spendConfig';
import { SpendPoller, type SpendSnapshot } from '../../core/spend/spendPoller';
import { createSpendSource } from '../../core/spend/spendSources';
import type { GetKey } from '../../core/spend/spendTypes';
import { fetchTrackerPricing } from '../../core/spend/trackerSource';
import type { Log } from '../log';
import type { SpendSecrets } from './spendSecrets';
import type { SpendSettings } from './spendSettings';

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** Where tracker prices go: the engine's extra price overrides (an empty map removes them). */
export type SetPriceOverrides = (overrides: Record<string, PriceOverride>) => void;

export class SpendPolling implements vscode.Disposable {
  private poller: SpendPoller | undefined;
  private settings: SpendSettings | undefined;
  private current: SpendSnapshot | null = null;
  private readonly focusSubscription: vscode.Disposable;
  private pricingLoaded = false;
  private pricingApplied = false;
  private pricedModels: string[] = [];

  constructor(
    private readonly secrets: Pick<SpendSecrets, 'get'>,
    /** Whether the workspace file chose a source's URL (then the key's origin is the one the user named). */
    private readonly urlChosenByWorkspaceFile: (sourceId: string) => boolean,
    private readonly onSnapshot: (snapshot: SpendSnapshot) => void,
    private readonly setPriceOverrides: SetPriceOverrides,
    private readonly log: Log,
  ) {
    this.focusSubscription = vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) this.poller?.resume();
      else this.poller?.pause();
    });
  }

  /** The latest reading (null: nothing polls, or a new poller has not read yet). */
  get snapshot(): SpendSnapshot | null {
    return this.current;
  }

  get isPolling(): boolean {
    return this.poller !== undefined;
  }

  /** Models whose prices currently come from the tracker (empty when off or failed). */
  get trackerPricedModels(): readonly string[] {
    return this.pricedModels;
  }

  /**
   * Stops the old poller and, when `settings` enable a source, starts polling them. `showFirst` runs once
   * the first (empty) reading is there, before any request goes out.
   */
  start(settings: SpendSettings, showFirst: () => void): void {
    this.stop();
    this.settings = settings;
    // New settings: the tracker's prices load again on its next answer; turned off, the catalogue's come back.
    this.pricingLoaded = false;
    if (!settings.useTrackerPricing) this.applyPricing({});
    const { config } = settings;
    if (config.sources.length === 0) {
      showFirst();
      return;
    }
    const deps = this.sourceDeps();
    const poller = new SpendPoller({
      sources: config.sources.map((s) => createSpendSource(s, deps)),
      intervalMs: config.intervalMinutes * 60_000,
      log: (line) => this.log.warn(line),
    });
    this.poller = poller;
    poller.subscribe((snapshot) => {
      this.current = snapshot;
      this.onSnapshot(snapshot);
      if (settings.useTrackerPricing && !this.pricingLoaded && snapshot.sources.some((s) => s.kind === 'tracker' && s.status === 'ok')) {
        void this.loadTrackerPricing();
      }
    });
    this.current = poller.snapshot();
    showFirst();
    poller.start();
    if (!vscode.window.state.focused) poller.pause();
    this.log.info(`spend: polling ${config.sources.map((s) => s.id).join(', ')} every ${config.intervalMinutes} min${poller.snapshot().paused ? ' (paused: window not focused)' : ''}`);
  }

  /** Polls now (prices too); resolves when done (at once when nothing polls). */
  async refresh(): Promise<void> {
    if (!this.poller) return;
    this.pricingLoaded = false;
    await this.poller.refresh();
  }

  /** What the core's sources need to make a request (also used to fetch the tracker's prices). */
  private sourceDeps(): SourceDeps {
    return {
      fetch: nodeFetch,
      getKey: this.getKey,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: MAX_RESPONSE_BYTES,
      timeZone: this.settings?.config.timeZone,
    };
  }

  /**
   * The core's key lookup: a stored key goes only to the origin it was stored with, which the user named by
   * typing the key at a prompt that showed it (rule 1 of core/spend/keyOrigin.ts).
   */
  private readonly getKey: GetKey = async (sourceId) => {
    const stored = await this.secrets.get(sourceId);
    const source = this.settings?.config.sources.find((s) => s.id === sourceId);
    if (!stored || !source) return undefined;
    const origin = keyOrigin(source, { namedOrigin: stored.origin, urlFromWorkspace: this.urlChosenByWorkspaceFile(sourceId) });
    return { secret: stored.secret, origin };
  };

  private async loadTrackerPricing(): Promise<void> {
    const tracker = this.settings?.config.sources.find((s) => s.kind === 'tracker');
    if (!tracker || tracker.kind !== 'tracker') return;
    this.pricingLoaded = true;
    try {
      const pricing = await fetchTrackerPricing({ id: tracker.id, url: effectiveBaseUrl(tracker), options: tracker.options }, this.sourceDeps());
      const overrides: Record<string, PriceOverride> = {};
      for (const [model, price] of Object.entries(pricing)) overrides[model] = { input: price.input, output: price.output };
      this.applyPricing(overrides);
      this.log.info(`spend: using the tracker's prices for ${Object.keys(overrides).length} models`);
    } catch (error) {
      // Messages from the core are redacted (no key); the catalogue prices stay in use.
      this.log.warn(`spend: tracker /pricing not used: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private applyPricing(overrides: Record<string, PriceOverride>): void {
    const any = Object.keys(overrides).length > 0;
    if (!any && !this.pricingApplied) return;
    this.pricingApplied = any;
    this.pricedModels = Object.keys(overrides).sort();
    this.setPriceOverrides(overrides);
  }

  /** Disposes the poller; the snapshot is gone until the next `start`. */
  stop(): void {
    this.poller?.dispose();
    this.poller = undefined;
    this.current = null;
  }

  dispose(): void {
    this.stop();
    this.focusSubscription.dispose();
  }
}
