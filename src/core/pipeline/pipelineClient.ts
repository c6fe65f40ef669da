/**
 * The sender's side of the pipeline worker (dist/pipelineWorker.js), for both faces. The editor sends a
 * document's text, its edits since last time, its engine settings and usage, and receives its prompts
 * with their estimates and $/month; the CLI sends batches of files to scan (one client per worker); either
 * sends a prompt to compress (or a model's compression to check) and receives the counted result. The
 * worker keeps each document's tree (incremental re-parse after edits) and the estimate cache, so this
 * thread never parses, loads a tokenizer or counts tokens. The worker starts on first need. When it cannot
 * start (or dies), the same pipeline runs in-process, in short slices, and the log says so.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CompressMode } from '../compress/types';
import type { EngineSettings } from '../config/engineSettings';
import { refreshedCatalogueInUse } from '../pricing/catalogueInUse';
import type { FoundPrompt, PlaceholderSyntax } from '../prompts/prompt';
import { DocumentPipeline } from './documentPipeline';
import type { DocumentUsage } from './documentUsage';
import type { FileResult, FileScan, ScanOptions } from './fileScan';
import type { ExactCountsInput } from '../exactCounts/countProviders';
import type { TextEdit } from './incrementalPromptParser';
import { PIPELINE_WORKER_KIND, type AnalyzedReply, type CompressedReply, type EstimateCounts, type ScannedReply, type WorkerReply, type WorkerRequest } from './pipelineProtocol';

/** Where the client reports the worker's life (the editor's log channel, the CLI's stderr). */
export interface PipelineLog {
  debug(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface PipelineClientOptions {
  /** Told about synchronous work the in-process fallback does on this thread. */
  onSlice?: (label: string, ms: number) => void;
  /**
   * Keep the process alive while the worker runs (the CLI). The editor's worker is unref'd: it must never
   * hold the extension host open.
   */
  keepProcessAlive?: boolean;
  /** Never start a worker: run the pipeline on this thread (small scans, where a worker costs more than it saves). */
  inProcess?: boolean;
  /** The thread the in-process fallback would block, for the log ("the extension host's thread"). */
  hostThread?: string;
}

/** Where the work ran. */
export type WorkPlace = 'worker' | 'in-process';

export interface AnalyzeResult extends Omit<AnalyzedReply, 'id'> {
  where: WorkPlace;
}

export interface CompressResult extends Omit<CompressedReply, 'id'> {
  where: WorkPlace;
}

/** A reply that carries a result (not `superseded`, not an error). */
type ResultReply = AnalyzedReply | ScannedReply | CompressedReply;

/** Slices of the in-process fallback (it runs on the host's thread, so they stay short). */
const IN_PROCESS_SLICE_MS = 12;

type Request = Extract<WorkerRequest, { id: number }>;
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export class PipelineClient {
  private worker: Worker | undefined;
  private workerFailed = false;
  private disposed = false;
  private nextId = 1;
  private readonly waiters = new Map<number, (reply: WorkerReply) => void>();
  /** Edits since the worker last saw each document. */
  private readonly pendingEdits = new Map<string, TextEdit[]>();
  private local: DocumentPipeline | undefined;
  private workerCache: EstimateCounts = { hits: 0, misses: 0 };
  private localCache: EstimateCounts = { hits: 0, misses: 0 };

  constructor(
    private readonly log: PipelineLog,
    private readonly options: PipelineClientOptions = {},
    /** The worker script: beside this module, bundled (dist/) or compiled (out/). */
    private readonly script: string = path.join(__dirname, 'pipelineWorker.js'),
  ) {}

  /** Estimate-cache counters of the worker (and of the fallback, if it ran). */
  get cacheStats(): EstimateCounts {
    return { hits: this.workerCache.hits + this.localCache.hits, misses: this.workerCache.misses + this.localCache.misses };
  }

  /**
   * The prompts of document `key` (whose current text is `text`) with their estimates under `settings`.
   * Undefined when a newer request for the same document overtook this one (its result would be stale).
   */
  /** `extras`: a notebook cell's earlier cells (their code), and the provider counts known for this document. */
  analyzeDocument(key: string, text: string, filePath: string, settings: EngineSettings, usage: DocumentUsage | null, extras: { earlierCells?: string; exactCounts?: ExactCountsInput } = {}): Promise<AnalyzeResult | undefined> {
    const edits = this.pendingEdits.get(key) ?? [];
    this.pendingEdits.delete(key);
    const { earlierCells, exactCounts } = extras;
    return this.analyzed(this.request({ type: 'find', key, text, filePath, edits, settings, usage, ...(earlierCells ? { earlierCells } : {}), ...(exactCounts ? { exactCounts } : {}) }));
  }

  /** Files from disk, each analysed once (the CLI's scan); results in the order of `files`. */
  async scanFiles(files: FileScan[], options: ScanOptions): Promise<FileResult[]> {
    const answer = await this.request({ type: 'scanFiles', files, options });
    if (!answer || !('files' in answer.reply)) throw new Error('the pipeline worker did not answer a scan');
    return answer.reply.files;
  }

  /** Estimates of prompts that need no finding (a selection, the clipboard). */
  async estimate(prompts: FoundPrompt[], settings: EngineSettings): Promise<AnalyzeResult> {
    const result = await this.analyzed(this.request({ type: 'estimate', prompts, settings }));
    if (!result) throw new Error('estimate request was superseded');
    return result;
  }

  /** Deterministic compression of `text`, counted for `model`. */
  compress(text: string, mode: CompressMode, model: string, placeholderSyntaxes: readonly PlaceholderSyntax[]): Promise<CompressResult> {
    return this.compressed(this.request({ type: 'compress', text, mode, model, placeholderSyntaxes: [...placeholderSyntaxes] }));
  }

  /** A model's `answer` for `text` as a compression: counted for `model`, refused unless it keeps the invariants. */
  acceptModelAnswer(text: string, answer: string, model: string, placeholderSyntaxes: readonly PlaceholderSyntax[]): Promise<CompressResult> {
    return this.compressed(this.request({ type: 'acceptModelAnswer', text, answer, model, placeholderSyntaxes: [...placeholderSyntaxes] }));
  }

  /** Records a document's edits, for the next incremental parse. */
  applyEdits(key: string, changes: readonly TextEdit[]): void {
    const list = this.pendingEdits.get(key) ?? [];
    for (const c of changes) list.push({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text });
    // A huge backlog is cheaper to replace by a full parse than to replay.
    if (list.length > 500) list.length = 0;
    this.pendingEdits.set(key, list);
  }

  forget(key: string): void {
    this.pendingEdits.delete(key);
    this.post({ type: 'forget', key });
  }

  /** Engine settings or a `.promptcost.yml` changed: the worker drops its estimate contexts and cached estimates. */
  invalidate(): void {
    this.post({ type: 'invalidate' });
  }

  /**
   * The catalogue in use on this thread changed (`useCatalogue`): the worker prices with it from the next
   * request on, and drops what it priced with the old one. A worker started later gets it when it starts.
   */
  catalogueChanged(): void {
    this.post({ type: 'useCatalogue', catalogue: refreshedCatalogueInUse() });
  }

  private post(request: Extract<WorkerRequest, { type: 'forget' | 'invalidate' | 'useCatalogue' }>): void {
    // Only to whichever engine exists: neither is started just to forget something.
    this.worker?.postMessage(request);
    void this.local?.submit(request);
  }

  private async analyzed(pending: Promise<{ reply: ResultReply; where: WorkPlace } | undefined>): Promise<AnalyzeResult | undefined> {
    const answer = await pending;
    if (!answer) return undefined;
    const { reply, where } = answer;
    if (!('analyses' in reply)) throw new Error('the pipeline worker answered an analysis with something else');
    if (where === 'worker') this.workerCache = reply.cache;
    else this.localCache = reply.cache;
    return { ...reply, where };
  }

  private async compressed(pending: Promise<{ reply: ResultReply; where: WorkPlace } | undefined>): Promise<CompressResult> {
    const answer = await pending;
    if (!answer || !('compression' in answer.reply)) throw new Error('the pipeline worker did not answer a compression');
    return { compression: answer.reply.compression, ms: answer.reply.ms, where: answer.where };
  }

  /** Sends `body` to the worker (or, when it cannot run, to the in-process engine); undefined when superseded. */
  private async request(body: RequestBody): Promise<{ reply: ResultReply; where: WorkPlace } | undefined> {
    // A disposed client starts nothing again, neither a worker nor the in-process pipeline.
    if (this.disposed) throw new Error('the pipeline client is disposed');
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const request = { ...body, id } as Request;
    if (worker) {
      const reply = await new Promise<WorkerReply>((resolve) => {
        this.waiters.set(id, resolve);
        worker.postMessage(request);
      });
      if ('superseded' in reply) return undefined;
      if (!('error' in reply)) return { reply, where: 'worker' };
      if (reply.error !== 'worker exited') throw new Error(reply.error);
      // The worker died under this request: answer it in-process below.
    }
    if (this.disposed) throw new Error('the pipeline client is disposed');
    const reply = await this.localEngine().submit(request);
    if (!reply || 'superseded' in reply) return undefined;
    if ('error' in reply) throw new Error(reply.error);
    return { reply, where: 'in-process' };
  }

  private localEngine(): DocumentPipeline {
    const onSlice = this.options.onSlice;
    this.local ??= new DocumentPipeline({ sliceMs: IN_PROCESS_SLICE_MS, onSlice: onSlice && ((label, ms) => onSlice(`${label} (in-process)`, ms)) });
    return this.local;
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed || this.options.inProcess) return this.worker;
    const script = this.script;
    if (!fs.existsSync(script)) {
      this.workerFailed = true;
      this.log.warn(`prompt finding and token counting run in-process, on ${this.hostThread} (${script} not found)`);
      return undefined;
    }
    try {
      const worker = new Worker(script, { workerData: { kind: PIPELINE_WORKER_KIND } });
      if (!this.options.keepProcessAlive) worker.unref();
      worker.on('message', (reply: WorkerReply) => {
        const waiter = this.waiters.get(reply.id);
        this.waiters.delete(reply.id);
        waiter?.(reply);
      });
      worker.on('error', (error) => this.log.error('pipeline worker failed', error));
      // Before any request: the worker loads the bundled catalogue, this thread may price with another.
      const catalogue = refreshedCatalogueInUse();
      if (catalogue) worker.postMessage({ type: 'useCatalogue', catalogue } satisfies WorkerRequest);
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.workerFailed = true;
        this.log.warn(`pipeline worker exited with code ${code}; finding prompts and counting tokens in-process, on ${this.hostThread}, from now on`);
        this.rejectWaiters();
      });
      this.worker = worker;
      this.log.debug('pipeline worker started');
    } catch (error) {
      this.workerFailed = true;
      this.log.error(`could not start the pipeline worker; finding prompts and counting tokens in-process, on ${this.hostThread}`, error);
    }
    return this.worker;
  }

  private rejectWaiters(): void {
    for (const [id, resolve] of this.waiters) resolve({ id, error: 'worker exited' });
    this.waiters.clear();
  }

  private get hostThread(): string {
    return this.options.hostThread ?? "the extension host's thread";
  }

  dispose(): void {
    this.disposed = true;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.rejectWaiters();
    this.local?.dispose();
  }
}
