/**
 * Select Models: which models every prompt is compared with (`promptCost.compareModels`). A multi-select
 * quick pick of the price list's models; with a list as argument (tests, keybindings) it sets that list.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import type { Configuration } from '../configuration';
import type { EngineSettingsService } from '../engine/engineSettingsService';
import type { Log } from '../log';
import type { CommandDefinition } from './registerCommand';

export const selectModelsCommand: CommandDefinition<{ config: Configuration; engine: Pick<EngineSettingsService, 'whenReady' | 'forWorkspace'>; log: Log }> = {
  id: CommandId.SelectModels,
  async run({ config, engine, log }, models): Promise<string[] | undefined> {
    if (Array.isArray(models) && models.every((m) => typeof m === 'string')) {
      await config.update('compareModels', models);
      return models;
    }
    const current = config.get('compareModels');
    await engine.whenReady();
    const prices = engine.forWorkspace().ctx.prices;
    // Bare ids (`gpt-4o`, `claude-sonnet-4-5`): the provider-prefixed duplicates would only add noise.
    const known = prices.knownModels().filter((id) => !id.includes('/'));
    const ids = [...current, ...known.filter((id) => !current.includes(id))];
    const picked = await vscode.window.showQuickPick(
      ids.map((id) => ({ label: id, picked: current.includes(id), description: priceHint(prices.resolve(id)) })),
      { canPickMany: true, title: 'Prompt Cost: models to compare with', placeHolder: 'Type to filter; prices are USD per 1M input / output tokens', matchOnDescription: true },
    );
    if (!picked) return undefined;
    const chosen = picked.map((p) => p.label);
    await config.update('compareModels', chosen);
    log.info(`compare models: ${chosen.join(', ') || '(none)'}`);
    return chosen;
  },
};

function priceHint(price: { input?: number; output?: number } | undefined): string {
  if (!price || price.input === undefined || price.output === undefined) return 'no price';
  return `$${+price.input.toFixed(4)} / $${+price.output.toFixed(4)} per 1M`;
}
