/**
 * The price catalogue in the editor, wired from its parts: the catalogue in use (priceCatalogueService.ts,
 * loaded at activation, replaced by an update), the Update Prices command, the optional weekly check, and
 * what the integration suite reads through the extension API.
 */
import * as vscode from 'vscode';
import { registerCommands } from '../commands/registerCommand';
import type { Configuration } from '../configuration';
import type { Log } from '../log';
import { PriceCatalogueService, type CatalogueStatus } from './priceCatalogueService';
import { PRICES_KEYS, readPricesSettings } from './pricesSettings';
import { updatePrices, updatePricesCommand, type UpdatePricesServices, type UpdateOutcome } from './updatePricesCommand';
import { WeeklyPriceCheck } from './weeklyPriceCheck';

export interface PricesApi {
  /** The catalogue in use: its source, date and model count. */
  status(): CatalogueStatus;
  /** Update Prices without the command palette; the same outcome. */
  update(): Promise<UpdateOutcome>;
  /** Back to the bundled catalogue (deletes the refreshed copy). */
  useBundled(): void;
}

export interface PricesServices {
  extension: Pick<vscode.ExtensionContext, 'globalStorageUri' | 'globalState'>;
  config: Configuration;
  log: Log;
}

export class PricesFeature implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly catalogue: PriceCatalogueService;
  readonly api: PricesApi;

  constructor({ extension, config, log }: PricesServices) {
    const catalogue = (this.catalogue = new PriceCatalogueService(extension.globalStorageUri, log));
    const services: UpdatePricesServices = { catalogue, settings: () => readPricesSettings(config), log };
    const weekly = new WeeklyPriceCheck(extension.globalState, async () => {
      await catalogue.update(readPricesSettings(config).source);
      return catalogue.status().line;
    }, log);
    this.api = {
      status: () => catalogue.status(),
      update: () => updatePrices(services),
      useBundled: () => catalogue.useBundled(),
    };
    this.disposables.push(
      catalogue,
      weekly,
      registerCommands([updatePricesCommand], services, log),
      config.onDidChange((e) => {
        if (config.changed(e, PRICES_KEYS)) weekly.consider(readPricesSettings(config).weeklyCheck);
      }),
      // Trusting the workspace lets its own prices settings apply.
      vscode.workspace.onDidGrantWorkspaceTrust(() => weekly.consider(readPricesSettings(config).weeklyCheck)),
    );
    weekly.consider(readPricesSettings(config).weeklyCheck);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.splice(0).reverse()).dispose();
  }
}
