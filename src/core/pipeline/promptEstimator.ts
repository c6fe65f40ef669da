/**
 * Estimates found prompts under plain-JSON engine settings, for a thread that receives settings as data
 * (the editor's pipeline worker, or the in-process fallback). One estimate context per distinct settings
 * (the price table is rebuilt from them), and one estimate cache across them: an unchanged prompt is
 * never counted twice under the same settings.
 */
import type { EngineSettings } from '../config/engineSettings';
import { EstimateContextCache } from '../estimate/estimateContextCache';
import { encodingForModel, type EncodingName } from '../tokens/encodings';
import { localTokenizerFor, type TokenizerName } from '../tokens/tokenizerFamilies';
import type { FoundPrompt } from '../prompts/prompt';
import type { PriceTable } from '../pricing/priceTable';
import { EstimateCache, type EstimateCacheStats } from './estimateCache';
import { analyzePrompt, type PromptAnalysis } from './promptAnalysis';
import { analyzeCalls, type CallAnalysis } from './callAnalysis';
import type { DocumentUsage } from './documentUsage';
import type { ExactCountsInput } from '../exactCounts/countProviders';

export class PromptEstimator {
  private readonly contexts = new EstimateContextCache();
  private readonly cache = new EstimateCache();

  /** Cumulative hits and misses (a miss is real counting). */
  get stats(): EstimateCacheStats {
    return this.cache.stats;
  }

  analyze(prompt: FoundPrompt, settings: EngineSettings): PromptAnalysis {
    return analyzePrompt(prompt, this.contexts.get(settings), this.cache);
  }

  /** The calls `analyses` (one document's, in order) make up, each priced once (exactly, where a provider's count is known). */
  analyzeCalls(analyses: readonly PromptAnalysis[], settings: EngineSettings, usage?: DocumentUsage | null, exactCounts?: ExactCountsInput | null): CallAnalysis[] {
    return analyzeCalls(analyses, this.contexts.get(settings), this.cache, usage, exactCounts);
  }

  /** The price table estimates under `settings` are priced with. */
  prices(settings: EngineSettings): PriceTable {
    return this.contexts.get(settings).prices;
  }

  /** Drops every context, and with them their cached estimates (settings or `.promptcost.yml` changed). */
  invalidate(): void {
    this.contexts.clear();
  }
}

/** The encodings estimates under `settings` count with (o200k always: models without a tokenizer are estimated from it). */
export function encodingsFor(settings: EngineSettings, prompts: readonly FoundPrompt[] = []): EncodingName[] {
  const models = [...settings.models, ...settings.compareModels, ...prompts.map((p) => p.model ?? '')];
  return [...new Set<EncodingName>(['o200k_base', ...models.map(encodingForModel).filter((e): e is EncodingName => e !== null)])];
}

/** The local tokenizers estimates under `settings` count with (none unless a model of such a family is in use). */
export function localTokenizersFor(settings: EngineSettings, prompts: readonly FoundPrompt[] = []): TokenizerName[] {
  const models = [...settings.models, ...settings.compareModels, ...prompts.map((p) => p.model ?? '')];
  return [...new Set(models.map(localTokenizerFor).filter((t): t is TokenizerName => t !== null))];
}
