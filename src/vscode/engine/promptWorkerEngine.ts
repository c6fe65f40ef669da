/**
 * What the prompt worker does with each request: find a document's prompts (one tree per document,
 * re-parsed incrementally after edits) and estimate them under the settings sent along (token counting,
 * tokenizer loading, price table); compress a prompt, or check a model's compression of it (both count
 * tokens for every candidate). Runs in the worker thread (promptWorker.ts) and, only when the worker
 * cannot start, on the host's thread as the in-process fallback. Imports nothing from `vscode`.
 *
 * Requests run one at a time, in arrival order, so the edits and finds of one document never interleave.
 * A `find` overtaken by a newer `find` of the same document is answered `superseded` (its edits still
 * apply); a long estimate yields every `sliceMs` so that a newer request can be noticed.
 */
import { compressPrompt } from '../../core/compress/compressPrompt';
import { acceptModelAnswer } from '../../core/compress/modelAssisted';
import { IncrementalPromptParser } from '../../core/editor/incrementalPromptParser';
import type { PromptAnalysis } from '../../core/editor/promptAnalysis';
import { encodingsFor, PromptEstimator } from '../../core/editor/promptEstimator';
import type { EngineSettings } from '../../core/config/engineSettings';
import { warmGrammar } from '../../core/prompts/findPrompts';
import type { FoundPrompt } from '../../core/prompts/prompt';
import { encodingForModel, type EncodingName } from '../../core/tokens/encodings';
import { isEncodingLoaded, preloadEncoding } from '../../core/tokens/tokenCounter';
import type { AnalyzedReply, CompressedReply, ParseKind, WorkerReply, WorkerRequest } from './promptWorkerProtocol';

export interface PromptWorkerEngineOptions {
  /** Yield to the event loop when a synchronous stretch has run this long. */
  sliceMs: number;
  /** Told about every synchronous stretch (the in-process fallback records them as host blocks). */
  onSlice?: (label: string, ms: number) => void;
}

export class PromptWorkerEngine {
  private readonly parser = new IncrementalPromptParser();
  private readonly estimator = new PromptEstimator();
  private queue: Promise<unknown> = Promise.resolve();
  /** The id of the newest `find` received per document. */
  private readonly newestFind = new Map<string, number>();

  constructor(private readonly options: PromptWorkerEngineOptions) {}

  /** Queues `request`; resolves to its reply (none for `forget` and `invalidate`). */
  submit(request: WorkerRequest): Promise<WorkerReply | undefined> {
    if (request.type === 'find') this.newestFind.set(request.key, request.id);
    const reply = this.queue.then(() => this.handle(request)).catch((error: unknown): WorkerReply | undefined =>
      'id' in request ? { id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) } : undefined,
    );
    this.queue = reply;
    return reply;
  }

  dispose(): void {
    this.parser.dispose();
  }

  private async handle(request: WorkerRequest): Promise<WorkerReply | undefined> {
    switch (request.type) {
      case 'forget':
        this.parser.forget(request.key);
        this.newestFind.delete(request.key);
        return undefined;
      case 'invalidate':
        this.estimator.invalidate();
        return undefined;
      case 'estimate': {
        await this.loadEncodings(request.settings, request.prompts);
        const estimated = await this.estimate(request.prompts, request.settings, () => false);
        return estimated ? { id: request.id, parse: 'none', findMs: 0, ...estimated } : undefined;
      }
      case 'find':
        return this.find(request);
      case 'compress':
      case 'acceptModelAnswer':
        return this.compress(request);
    }
  }

  /** Compression counts every pass's result: the tokenizer is loaded first, in a slice of its own. */
  private async compress(request: Extract<WorkerRequest, { type: 'compress' | 'acceptModelAnswer' }>): Promise<CompressedReply> {
    // Non-OpenAI models are counted with o200k_base (see estimateTokens.ts).
    const loadMs = await this.loadEncoding(encodingForModel(request.model) ?? 'o200k_base');
    const started = performance.now();
    const compression = request.type === 'compress'
      ? compressPrompt(request.text, { mode: request.mode, model: request.model, placeholderSyntaxes: request.placeholderSyntaxes })
      : acceptModelAnswer(request.text, request.answer, request.model, request.placeholderSyntaxes);
    const ms = performance.now() - started;
    this.options.onSlice?.(request.type === 'compress' ? 'compress prompt' : 'check model compression', ms);
    return { id: request.id, compression, ms: ms + loadMs };
  }

  private async find(request: Extract<WorkerRequest, { type: 'find' }>): Promise<WorkerReply> {
    const { id, key } = request;
    const superseded = () => this.newestFind.get(key) !== id;
    const started = performance.now();
    // The grammar's WASM compiles off this thread: load the tokenizer (synchronous) meanwhile.
    const grammar = warmGrammar(request.filePath);
    const loadMs = await this.loadEncodings(request.settings);
    await grammar;
    const findStart = performance.now();
    this.parser.edit(key, request.edits);
    if (superseded()) return { id, superseded: true };
    const before = { ...this.parser.counts };
    const prompts = this.parser.find(key, request.text, request.filePath) ?? [];
    const parse: ParseKind = this.parser.counts.incremental > before.incremental ? 'incremental' : this.parser.counts.full > before.full ? 'full' : 'none';
    this.options.onSlice?.('find prompts', performance.now() - findStart);
    const findMs = performance.now() - started - loadMs;
    const estimated = await this.estimate(prompts, request.settings, superseded);
    if (!estimated) return { id, superseded: true };
    return { id, parse, findMs, ...estimated, estimateMs: estimated.estimateMs + loadMs };
  }

  /** Loads the tokenizers `settings` need, each in a slice of its own; returns the time it took. */
  private async loadEncodings(settings: EngineSettings, prompts: readonly FoundPrompt[] = []): Promise<number> {
    let total = 0;
    for (const encoding of encodingsFor(settings, prompts)) total += await this.loadEncoding(encoding);
    return total;
  }

  /** Loads one tokenizer (if needed) after a yield, in a slice of its own; returns the time it took. */
  private async loadEncoding(encoding: EncodingName): Promise<number> {
    if (isEncodingLoaded(encoding)) return 0;
    await yieldToEventLoop();
    const started = performance.now();
    preloadEncoding(encoding);
    const ms = performance.now() - started;
    this.options.onSlice?.(`load tokenizer ${encoding}`, ms);
    return ms;
  }

  /** Estimates every prompt, yielding between slices; null when a newer request made this one useless. */
  private async estimate(prompts: readonly FoundPrompt[], settings: EngineSettings, superseded: () => boolean): Promise<Omit<AnalyzedReply, 'id' | 'parse' | 'findMs'> | null> {
    const before = this.estimator.stats;
    const analyses: PromptAnalysis[] = [];
    let busyMs = 0;
    let sliceStart = performance.now();
    for (const prompt of prompts) {
      if (performance.now() - sliceStart > this.options.sliceMs) {
        const ms = performance.now() - sliceStart;
        busyMs += ms;
        this.options.onSlice?.('estimate prompts', ms);
        await yieldToEventLoop();
        if (superseded()) return null;
        sliceStart = performance.now();
      }
      analyses.push(this.estimator.analyze(prompt, settings));
    }
    const ms = performance.now() - sliceStart;
    busyMs += ms;
    this.options.onSlice?.('estimate prompts', ms);
    const after = this.estimator.stats;
    return { analyses, estimateMs: busyMs, reused: after.hits - before.hits, counted: after.misses - before.misses, cache: after };
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
