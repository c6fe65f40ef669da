/**
 * The document pipeline: text → parse → found prompts → estimates → $/month, the one path both faces use.
 * For the editor it keeps one tree per document (re-parsed incrementally after edits, results reused
 * outside the edited declarations) and estimates under the settings sent along (token counting, tokenizer
 * loading, price table), then prices the usage file's volume; for the CLI it analyses files from disk once
 * each, the same way, and serialises the analyses as findings. It also compresses a prompt, or checks a
 * model's compression of it (both count tokens for every candidate). Runs in the pipeline worker
 * (pipelineWorker.ts) and, for small scans or when the worker cannot start, in-process.
 *
 * Requests run one at a time, in arrival order, so the edits and finds of one document never interleave.
 * A `find` overtaken by a newer `find` of the same document is answered `superseded` (its edits still
 * apply); a long estimate yields every `sliceMs` so that a newer request can be noticed.
 */
import { compressPrompt } from '../compress/compressPrompt';
import { acceptModelAnswer } from '../compress/modelAssisted';
import type { EngineSettings } from '../config/engineSettings';
import { useCatalogue } from '../pricing/catalogueInUse';
import { findPrompts, hasLlmSignal, warmGrammar } from '../prompts/findPrompts';
import type { FoundPrompt } from '../prompts/prompt';
import { resolveEarlierCells } from '../project/earlierCells';
import { resolveProjectReferences } from '../project/projectReferences';
import { ProjectFiles } from '../project/projectFiles';
import { toFileFindings } from '../scan/finding';
import { encodingForModel, type EncodingName } from '../tokens/encodings';
import { isLocalTokenizerLoaded, preloadLocalTokenizer } from '../tokens/localTokenCounter';
import { isEncodingLoaded, preloadEncoding } from '../tokens/tokenCounter';
import { localTokenizerFor, type TokenizerName } from '../tokens/tokenizerFamilies';
import { useUserVocabularies } from '../tokens/userVocabulary';
import { monthlyCosts, type DocumentUsage } from './documentUsage';
import { scanFile, type AnalyzedText, type FileResult, type FileScan } from './fileScan';
import type { ExactCountsInput } from '../exactCounts/countProviders';
import { IncrementalPromptParser } from './incrementalPromptParser';
import type { AnalyzedReply, CompressedReply, ParseKind, ScannedReply, WorkerReply, WorkerRequest } from './pipelineProtocol';
import type { CallAnalysis } from './callAnalysis';
import type { PromptAnalysis } from './promptAnalysis';
import { encodingsFor, localTokenizersFor, PromptEstimator } from './promptEstimator';

export interface DocumentPipelineOptions {
  /** Yield to the event loop when a synchronous stretch has run this long. */
  sliceMs: number;
  /** Told about every synchronous stretch (the in-process fallback records them as host blocks). */
  onSlice?: (label: string, ms: number) => void;
}

export class DocumentPipeline {
  private readonly parser = new IncrementalPromptParser();
  private readonly estimator = new PromptEstimator();
  /** Other files of the project, for prompts imported across files: the editor's texts first, else the disk. */
  private readonly projectFiles = new ProjectFiles();
  /** The file path of each document key, so `forget` drops its editor text. */
  private readonly pathOfKey = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  /** The id of the newest `find` received per document. */
  private readonly newestFind = new Map<string, number>();

  constructor(private readonly options: DocumentPipelineOptions) {}

  /** Queues `request`; resolves to its reply (none for `forget`, `invalidate` and `useCatalogue`). */
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
    // The user's vocabulary files come with the settings; none is read until a prompt of its family is counted.
    if (request.type === 'find' || request.type === 'estimate') useUserVocabularies(request.settings.vocabularies);
    else if (request.type === 'scanFiles') useUserVocabularies(request.options.settings.vocabularies);
    switch (request.type) {
      case 'forget': {
        const filePath = this.pathOfKey.get(request.key);
        if (filePath) this.projectFiles.closeFile(filePath);
        this.pathOfKey.delete(request.key);
        this.parser.forget(request.key);
        this.newestFind.delete(request.key);
        return undefined;
      }
      case 'invalidate':
        this.estimator.invalidate();
        return undefined;
      case 'useCatalogue':
        useCatalogue(request.catalogue);
        this.estimator.invalidate();
        return undefined;
      case 'estimate': {
        await this.loadEncodings(request.settings, request.prompts);
        const estimated = await this.estimate(request.prompts, request.settings, () => false);
        return estimated ? { id: request.id, parse: 'none', findMs: 0, ...estimated } : undefined;
      }
      case 'find':
        return this.find(request);
      case 'scanFiles':
        return this.scanFiles(request);
      case 'compress':
      case 'acceptModelAnswer':
        return this.compress(request);
    }
  }

  /** Compression counts every pass's result: the tokenizer is loaded first, in a slice of its own. */
  private async compress(request: Extract<WorkerRequest, { type: 'compress' | 'acceptModelAnswer' }>): Promise<CompressedReply> {
    // Non-OpenAI models are counted with o200k_base (see estimateTokens.ts).
    const local = localTokenizerFor(request.model);
    const loadMs = await this.loadEncoding(encodingForModel(request.model) ?? 'o200k_base') + (local ? await this.loadLocalTokenizer(local) : 0);
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
    this.pathOfKey.set(key, request.filePath);
    this.projectFiles.setOpenText(request.filePath, request.text);
    const dependencies = await resolveProjectReferences(prompts, request.filePath, request.text, this.projectFiles, this.parser.keptRoot(key, request.text));
    if (request.earlierCells) await resolveEarlierCells(prompts, request.earlierCells, request.filePath.replace(/\.py$/, ''));
    this.options.onSlice?.('find prompts', performance.now() - findStart);
    const findMs = performance.now() - started - loadMs;
    // A model the code names may need a tokenizer the settings did not (a Llama or Gemini call).
    const namedLoadMs = await this.loadEncodings(request.settings, prompts);
    if (superseded()) return { id, superseded: true };
    const estimated = await this.estimate(prompts, request.settings, superseded, request.usage, request.exactCounts);
    if (!estimated) return { id, superseded: true };
    const usageError = request.usage ? this.priceUsage(estimated.calls, estimated.analyses, request.usage, request.settings) : null;
    // The calls each prompt reaches are in `calls` (parts by index): the faces do not need them twice.
    const analyses = estimated.analyses.map((a) => (a.prompt.calls ? { ...a, prompt: withoutCalls(a.prompt) } : a));
    return { id, parse, findMs, ...estimated, analyses, estimateMs: estimated.estimateMs + loadMs + namedLoadMs, ...(usageError ? { usageError } : {}), ...(dependencies.length ? { dependencies } : {}) };
  }

  /**
   * Adds each call's $/month under the document's usage entry (the prices of the estimates' context). A
   * failure leaves every figure null, and its reason goes back with the estimates (they stand on their own).
   */
  private priceUsage(calls: CallAnalysis[], analyses: PromptAnalysis[], usage: DocumentUsage, settings: EngineSettings): string | null {
    const started = performance.now();
    try {
      const costs = monthlyCosts(calls, analyses, usage, this.estimator.prices(settings));
      calls.forEach((analysis, i) => {
        analysis.monthly = costs[i];
      });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      this.options.onSlice?.('price usage', performance.now() - started);
    }
  }

  /** The CLI's scan: each file read from disk, skipped without a sign of LLM use, else found and estimated once. */
  private async scanFiles(request: Extract<WorkerRequest, { type: 'scanFiles' }>): Promise<ScannedReply> {
    const files: FileResult[] = [];
    const exactCounts = request.options.exactCounts;
    for (const file of request.files) files.push(await scanFile(file, request.options, (text, scanned, settings, name, usage) => this.findingsOf(text, scanned, settings, name, usage, exactCounts)));
    return { id: request.id, files };
  }

  private async findingsOf(text: string, file: FileScan, settings: EngineSettings, displayName: string, usage: DocumentUsage | null, exactCounts?: ExactCountsInput): Promise<AnalyzedText | null> {
    if (!hasLlmSignal(text, file.language)) return null;
    const prompts = await findPrompts(text, file.path);
    await resolveProjectReferences(prompts, file.path, text, this.projectFiles);
    const analyses = prompts.map((prompt) => this.estimator.analyze(prompt, settings));
    const calls = this.estimator.analyzeCalls(analyses, settings, usage, exactCounts);
    const countRequests = calls.flatMap((c) => c.countRequests ?? []);
    return { findings: toFileFindings(displayName, analyses, calls, file.path), ...(countRequests.length ? { countRequests } : {}) };
  }

  /** Loads the tokenizers `settings` need, each in a slice of its own; returns the time it took. */
  private async loadEncodings(settings: EngineSettings, prompts: readonly FoundPrompt[] = []): Promise<number> {
    let total = 0;
    for (const encoding of encodingsFor(settings, prompts)) total += await this.loadEncoding(encoding);
    for (const tokenizer of localTokenizersFor(settings, prompts)) total += await this.loadLocalTokenizer(tokenizer);
    return total;
  }

  /** Loads one local tokenizer (Qwen 3, Mistral, a user's Llama 3 …) the first time a model of its family is in use. */
  private async loadLocalTokenizer(name: TokenizerName): Promise<number> {
    if (isLocalTokenizerLoaded(name)) return 0;
    await yieldToEventLoop();
    const started = performance.now();
    preloadLocalTokenizer(name);
    const ms = performance.now() - started;
    this.options.onSlice?.(`load tokenizer ${name}`, ms);
    return ms;
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
  private async estimate(prompts: readonly FoundPrompt[], settings: EngineSettings, superseded: () => boolean, usage: DocumentUsage | null = null, exactCounts?: ExactCountsInput): Promise<Omit<AnalyzedReply, 'id' | 'parse' | 'findMs'> | null> {
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
    const calls = this.estimator.analyzeCalls(analyses, settings, usage, exactCounts);
    const ms = performance.now() - sliceStart;
    busyMs += ms;
    this.options.onSlice?.('estimate prompts', ms);
    const after = this.estimator.stats;
    return { analyses, calls, estimateMs: busyMs, reused: after.hits - before.hits, counted: after.misses - before.misses, cache: after };
  }
}

/** A prompt as the faces receive it: its calls are the reply's `calls`. */
function withoutCalls(prompt: FoundPrompt): FoundPrompt {
  const { calls: _calls, ...rest } = prompt;
  return rest;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
