/**
 * "Prompt Cost: Update Prices": reads `promptCost.prices.source` (the user's own value in an untrusted
 * workspace) into the catalogue in use, with a progress notification, then says what is in use now — the
 * data's date and model count — or why nothing changed. Resolves to the outcome (the integration suite
 * reads it); the messages are not awaited, so the command never waits for a click.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { EXTENSION_NAME } from '../../core/manifest/extensionNames';
import { PriceRefreshError } from '../../core/pricing/priceRefresh';
import { describePriceSource, parsePriceSource } from '../../core/pricing/priceSource';
import type { CommandDefinition } from '../commands/registerCommand';
import type { Log } from '../log';
import type { CatalogueStatus, PriceCatalogueService } from './priceCatalogueService';
import type { PricesSettings } from './pricesSettings';

export interface UpdatePricesServices {
  catalogue: Pick<PriceCatalogueService, 'update' | 'status'>;
  settings(): PricesSettings;
  log: Pick<Log, 'show' | 'warn'>;
}

export type UpdateOutcome = { updated: true; status: CatalogueStatus } | { updated: false; stage: string; error: string; status: CatalogueStatus };

export const updatePricesCommand: CommandDefinition<UpdatePricesServices> = {
  id: CommandId.UpdatePrices,
  run: (services) => updatePrices(services),
};

export async function updatePrices({ catalogue, settings, log }: UpdatePricesServices): Promise<UpdateOutcome> {
  const { source, ignoredWorkspaceValue } = settings();
  if (ignoredWorkspaceValue) log.warn('prices: this workspace is not trusted: its promptCost.prices.* settings are ignored, your user settings apply');
  let where = source;
  try {
    where = describePriceSource(parsePriceSource(source));
  } catch {
    // The refresh reports the bad source below, as its first step.
  }
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `${EXTENSION_NAME}: updating prices from ${where}…` },
      () => catalogue.update(source),
    );
    const status = catalogue.status();
    void vscode.window.showInformationMessage(`${EXTENSION_NAME}: prices updated: ${status.line}.`);
    return { updated: true, status };
  } catch (error) {
    if (!(error instanceof PriceRefreshError)) throw error;
    const status = catalogue.status();
    void vscode.window.showErrorMessage(`${EXTENSION_NAME}: prices not updated (${error.stage} failed: ${error.message}). Still in use: ${status.line}.`, 'Show Log').then((choice) => {
      if (choice) log.show();
    });
    return { updated: false, stage: error.stage, error: error.message, status };
  }
}
