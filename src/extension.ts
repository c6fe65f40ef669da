// Entry point: build the container and hand it to VS Code for disposal. Everything else lives in src/vscode/.
import type * as vscode from 'vscode';
import { Container } from './vscode/container';
import { PerfStats, type PerfSnapshot } from './core/pipeline/perfStats';
import type { ExactCountsApi } from './vscode/exactCounts/exactCountsFeature';
import type { PricesApi } from './vscode/prices/pricesFeature';
import type { SimulateApi } from './vscode/simulate/simulateFeature';
import type { SpendApi } from './vscode/spend/spendController';

/** What `extension.exports` offers (the integration suite reads the timings). */
export interface PromptCostLensApi {
  perf(): PerfSnapshot;
  /** Forgets the longest slice seen so far, to measure one scenario. */
  resetLongestSlice(): void;
  /** Spend tracking: status bar text/state, notifications shown, dashboard (the integration suite reads them). */
  spend: SpendApi;
  /** Simulate Monthly Cost: the last result and its panel (the integration suite reads them). */
  simulate: SimulateApi;
  /** The price catalogue in use and Update Prices (the integration suite reads and drives them). */
  prices: PricesApi;
  /** Exact counts from the providers: what was asked, counted and failed; the stored keys' origins. */
  exactCounts: ExactCountsApi;
}

export function activate(context: vscode.ExtensionContext): PromptCostLensApi {
  const started = performance.now();
  const stats = new PerfStats();
  const container = Container.create(context, stats);
  stats.activationMs = performance.now() - started;
  container.log.info(`activated in ${stats.activationMs.toFixed(1)} ms`);
  return { perf: () => stats.snapshot(), resetLongestSlice: () => stats.resetLongest(), spend: container.spend.api, simulate: container.simulate.api, prices: container.prices.api, exactCounts: container.exactCounts.api };
}

export function deactivate(): void {
  // Everything is in context.subscriptions (the container), which VS Code disposes.
}
