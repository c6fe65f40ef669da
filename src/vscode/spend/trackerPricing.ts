/**
 * `promptCost.spend.useTrackerPricing`: once the tracker answers, its `/pricing` becomes price overrides for
 * the estimating engine (through the narrow `setPriceOverrides` it is given); off, or on new settings, the
 * catalogue's prices come back.
 */
import type { PriceOverride } from '../../core/config/engineSettings';
import type { SourceDeps } from '../../core/spend/sourceSupport';
import { effectiveBaseUrl } from '../../core/spend/spendConfig';
import type { SpendSnapshot } from '../../core/spend/spendPoller';
import { fetchTrackerPricing } from '../../core/spend/trackerSource';
import type { Log } from '../log';
import type { SpendSettings } from './spendSettings';

/** Where tracker prices go: the engine's extra price overrides (an empty map removes them). */
export type SetPriceOverrides = (overrides: Record<string, PriceOverride>) => void;

export class TrackerPricing {
  private loaded = false;
  private applied = false;
  private models: string[] = [];

  constructor(
    private readonly setPriceOverrides: SetPriceOverrides,
    private readonly log: Log,
  ) {}

  /** Models whose prices currently come from the tracker (empty when off or failed). */
  get pricedModels(): readonly string[] {
    return this.models;
  }

  /** New settings: load again on the tracker's next answer; turned off: back to the catalogue's prices. */
  reset(settings: SpendSettings): void {
    this.loaded = false;
    if (!settings.useTrackerPricing) this.apply({});
  }

  /** A manual refresh also refreshes the prices. */
  reloadOnNextAnswer(): void {
    this.loaded = false;
  }

  onSnapshot(snapshot: SpendSnapshot, settings: SpendSettings, deps: SourceDeps): void {
    if (settings.useTrackerPricing && !this.loaded && snapshot.sources.some((s) => s.kind === 'tracker' && s.status === 'ok')) {
      void this.load(settings, deps);
    }
  }

  private async load(settings: SpendSettings, deps: SourceDeps): Promise<void> {
    const tracker = settings.config.sources.find((s) => s.kind === 'tracker');
    if (!tracker || tracker.kind !== 'tracker') return;
    this.loaded = true;
    try {
      const pricing = await fetchTrackerPricing({ id: tracker.id, url: effectiveBaseUrl(tracker), options: tracker.options }, deps);
      const overrides: Record<string, PriceOverride> = {};
      for (const [model, price] of Object.entries(pricing)) overrides[model] = { input: price.input, output: price.output };
      this.apply(overrides);
      this.log.info(`spend: using the tracker's prices for ${Object.keys(overrides).length} models`);
    } catch (error) {
      // Messages from the core are redacted (no key); the catalogue prices stay in use.
      this.log.warn(`spend: tracker /pricing not used: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private apply(overrides: Record<string, PriceOverride>): void {
    const any = Object.keys(overrides).length > 0;
    if (!any && !this.applied) return;
    this.applied = any;
    this.models = Object.keys(overrides).sort();
    this.setPriceOverrides(overrides);
  }
}
