/**
 * Per-prompt estimates, cached by everything `estimateForModel` reads from a prompt (text, placeholders,
 * samples, max output tokens) plus the model, per estimate context. An edit elsewhere in a file changes a
 * prompt's offsets and lines but not these, so its estimates are reused and nothing is re-counted.
 */
import { estimateForModel, modelsForPrompt, type EstimateContext, type ModelEstimate } from '../estimate/estimatePrompt';
import type { FoundPrompt } from '../prompts/prompt';
import { StringKeyedLruCache } from '../tokens/lruCache';

/** Total key characters kept per context (keys are dominated by prompt texts). */
const DEFAULT_MAX_KEY_CHARS = 8 * 1024 * 1024;

export interface EstimateCacheStats {
  hits: number;
  misses: number;
}

export class EstimateCache {
  private readonly byContext = new WeakMap<EstimateContext, StringKeyedLruCache<ModelEstimate>>();
  private readonly counters: EstimateCacheStats = { hits: 0, misses: 0 };

  constructor(private readonly maxKeyChars = DEFAULT_MAX_KEY_CHARS) {}

  /** Hits and misses since creation (a miss is one `estimateForModel` call, i.e. real counting). */
  get stats(): EstimateCacheStats {
    return { ...this.counters };
  }

  /** Same result as core `estimatePrompt(prompt, ctx)`, reusing earlier estimates of identical prompts. */
  estimatePrompt(prompt: FoundPrompt, ctx: EstimateContext): ModelEstimate[] {
    return modelsForPrompt(prompt, ctx).map((model) => this.estimateForModel(prompt, model, ctx));
  }

  estimateForModel(prompt: FoundPrompt, model: string, ctx: EstimateContext): ModelEstimate {
    let cache = this.byContext.get(ctx);
    if (!cache) {
      cache = new StringKeyedLruCache<ModelEstimate>(this.maxKeyChars);
      this.byContext.set(ctx, cache);
    }
    const key = estimateKey(prompt, model);
    const cached = cache.get(key);
    if (cached) {
      this.counters.hits++;
      return cached;
    }
    this.counters.misses++;
    const estimate = estimateForModel(prompt, model, ctx);
    cache.set(key, estimate);
    return estimate;
  }
}

/** Everything of `prompt` that can change its estimate for `model`; positions are deliberately left out. */
export function estimateKey(prompt: FoundPrompt, model: string): string {
  const placeholders = prompt.placeholders.map((p) => `${p.syntax}\u0002${p.offset}\u0002${p.name}\u0002${p.raw}`).join('\u0001');
  const samples = prompt.samples || prompt.imports ? JSON.stringify([prompt.samples, prompt.imports]) : '';
  return `${model}\u0000${prompt.maxOutputTokens ?? ''}\u0000${samples}\u0000${placeholders}\u0000${prompt.text}`;
}
