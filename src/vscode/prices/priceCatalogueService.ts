/**
 * The editor's price catalogue: at activation the refreshed copy in the extension's global storage if it is
 * there and valid (else the bundled one), and Update Prices replacing it. Every change fires `onDidChange`,
 * which the container hands on to the pipeline worker (it prices the lenses) and to the engine settings
 * (they drop their price tables and re-analyse the open documents). The status goes to the log at start
 * and after every update.
 */
import * as vscode from 'vscode';
import type { CatalogueSource } from '../../core/pricing/catalogueData';
import { readCachedCatalogue, removeCatalogueFile } from '../../core/pricing/catalogueFile';
import { bundledCatalogue, catalogueInUse, supersededByBundled, useCatalogue } from '../../core/pricing/catalogueInUse';
import { refreshPrices, type RefreshResult } from '../../core/pricing/priceRefresh';
import { catalogueStatusLine } from '../../core/presentation/prices/catalogueLabel';
import type { Log } from '../log';

export interface CatalogueStatus {
  source: CatalogueSource;
  modelCount: number;
  /** `LiteLLM, 2026-07-24 (bundled), 1,170 models`. */
  line: string;
}

export class PriceCatalogueService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<CatalogueStatus>();
  private readonly storageDir: string;
  private running: Promise<RefreshResult> | undefined;
  private disposed = false;

  /** Fires after the catalogue in use on this thread changed (an update, back to bundled). */
  readonly onDidChange = this.emitter.event;

  constructor(
    /** The extension's global storage: `prices.json` lives there. */
    storage: vscode.Uri,
    private readonly log: Pick<Log, 'info' | 'warn'>,
  ) {
    const storageDir = (this.storageDir = storage.fsPath);
    // Synchronous (≈ 5 ms for ≈ 0.3 MB): the first analyses after activation must already use it.
    const cached = readCachedCatalogue(storageDir);
    if (cached.state === 'invalid') log.warn(`prices: ${cached.file} ignored (${cached.problem}); using the bundled catalogue`);
    else if (cached.state === 'valid' && supersededByBundled(cached.catalogue)) {
      log.info(`prices: the updated copy of ${cached.catalogue.source.date} predates this version's bundled data of ${bundledCatalogue().source.date}: using the bundled one (Update Prices fetches newer data)`);
    } else if (cached.state === 'valid') {
      useCatalogue(cached.catalogue);
    }
    log.info(`prices: ${this.status().line}`);
  }

  status(): CatalogueStatus {
    const { source, modelCount } = catalogueInUse();
    return { source, modelCount, line: catalogueStatusLine(source, modelCount) };
  }

  /**
   * Reads `source`, stores and uses it; rejects with a `PriceRefreshError` (the catalogue in use stays) on
   * any failure. A second call while one runs gets the running one.
   */
  update(source: string): Promise<RefreshResult> {
    this.running ??= this.refresh(source).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Deletes the refreshed copy and goes back to the bundled catalogue. */
  useBundled(): void {
    removeCatalogueFile(this.storageDir);
    useCatalogue(null);
    this.emitter.fire(this.status());
    this.log.info(`prices: back to the bundled catalogue: ${this.status().line}`);
  }

  private async refresh(source: string): Promise<RefreshResult> {
    this.log.info(`prices: updating from ${source}`);
    try {
      const result = await refreshPrices({ source, cacheDir: this.storageDir });
      if (this.disposed) return result;
      useCatalogue(result.catalogue);
      this.emitter.fire(this.status());
      this.log.info(`prices: updated: ${this.status().line} (${result.file})`);
      return result;
    } catch (error) {
      this.log.warn(`prices: not updated: ${(error as Error).message}; still in use: ${this.status().line}`);
      throw error;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.emitter.dispose();
  }
}
