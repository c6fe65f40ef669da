/**
 * Estimate contexts by settings: building one loads and indexes the price table (~10 ms), so each
 * distinct settings value (documents under different `.promptcost.yml` files differ) builds it once.
 */
import type { EngineSettings } from '../config/engineSettings';
import { createEstimateContext } from './estimateContext';
import type { EstimateContext } from './estimatePrompt';

export class EstimateContextCache {
  private readonly contexts = new Map<string, EstimateContext>();

  /** `capacity`: distinct settings kept at once; the oldest goes first. */
  constructor(private readonly capacity = 16) {}

  get(settings: EngineSettings): EstimateContext {
    const key = JSON.stringify(settings);
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = createEstimateContext(settings);
      if (this.contexts.size >= this.capacity) this.contexts.delete(this.contexts.keys().next().value as string);
      this.contexts.set(key, ctx);
    }
    return ctx;
  }

  clear(): void {
    this.contexts.clear();
  }
}
