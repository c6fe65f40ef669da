/** Builds everything an estimate needs from plain settings, so a worker thread can rebuild it from JSON. */
import type { EngineSettings } from '../config/engineSettings';
import { loadDefaultPriceTable } from '../pricing/priceTable';
import type { EstimateContext } from './estimatePrompt';

export function createEstimateContext(settings: EngineSettings, compareModels: readonly string[] = []): EstimateContext {
  const prices = loadDefaultPriceTable({ overrides: settings.priceOverrides, aliases: settings.modelAliases });
  return { settings, prices, compareModels };
}
