/**
 * Finds the prompts of open documents in a worker thread (dist/promptWorker.js), which keeps each
 * document's tree and re-parses incrementally after edits: the extension host's thread only sends text
 * and receives prompts. The worker starts on first need, not at activation. When it cannot start (or
 * dies), finding falls back to the same code in-process.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { IncrementalPromptParser, type TextEdit } from '../../core/editor/incrementalPromptParser';
import { warmGrammar } from '../../core/prompts/findPrompts';
import type { FoundPrompt } from '../../core/prompts/prompt';
import type { Log } from '../log';
import { PROMPT_WORKER_KIND, type WorkerReply, type WorkerRequest } from './promptWorkerProtocol';

export interface FindResult {
  prompts: FoundPrompt[];
  /** Where the work ran and how the tree was made. */
  where: 'worker' | 'in-process';
  parse: 'full' | 'incremental' | 'none';
  /** Time spent finding (in the worker, or on this thread when in-process). */
  ms: number;
}

type Waiter = { resolve: (reply: WorkerReply) => void };

export class IncrementalPromptFinder {
  private worker: Worker | undefined;
  private workerFailed = false;
  private nextId = 1;
  private readonly waiters = new Map<number, Waiter>();
  /** Edits since the worker last saw each document. */
  private readonly pendingEdits = new Map<string, TextEdit[]>();
  private readonly local = new IncrementalPromptParser();

  constructor(
    private readonly log: Log,
    /** Folder of the bundled worker script (the extension's dist/). */
    private readonly bundleDir: string = __dirname,
  ) {}

  async find(key: string, text: string, filePath: string): Promise<FindResult> {
    const worker = this.ensureWorker();
    const edits = this.pendingEdits.get(key) ?? [];
    this.pendingEdits.delete(key);
    if (worker) {
      const id = this.nextId++;
      const reply = await new Promise<WorkerReply>((resolve) => {
        this.waiters.set(id, { resolve });
        const request: WorkerRequest = { type: 'find', id, key, text, filePath, edits };
        worker.postMessage(request);
      });
      if ('prompts' in reply) return { prompts: reply.prompts, where: 'worker', parse: reply.parse, ms: reply.ms };
      if (reply.error !== 'worker exited') throw new Error(reply.error);
      // The worker died under this request: answer in-process below.
    }
    await warmGrammar(filePath);
    const started = performance.now();
    const before = { ...this.local.counts };
    this.local.edit(key, edits);
    const prompts = this.local.find(key, text, filePath) ?? [];
    const parse = this.local.counts.incremental > before.incremental ? 'incremental' : this.local.counts.full > before.full ? 'full' : 'none';
    return { prompts, where: 'in-process', parse, ms: performance.now() - started };
  }

  /** Records a document's edits, for the next incremental parse. */
  applyEdits(key: string, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const list = this.pendingEdits.get(key) ?? [];
    for (const c of changes) list.push({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text });
    // A huge backlog is cheaper to replace by a full parse than to replay.
    if (list.length > 500) list.length = 0;
    this.pendingEdits.set(key, list);
  }

  forget(key: string): void {
    this.pendingEdits.delete(key);
    this.local.forget(key);
    const request: WorkerRequest = { type: 'forget', key };
    this.worker?.postMessage(request);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.workerFailed) return this.worker;
    const script = path.join(this.bundleDir, 'promptWorker.js');
    if (!fs.existsSync(script)) {
      this.workerFailed = true;
      this.log.info(`prompt finding runs in-process (${script} not found)`);
      return undefined;
    }
    try {
      const worker = new Worker(script, { workerData: { kind: PROMPT_WORKER_KIND } });
      worker.unref();
      worker.on('message', (reply: WorkerReply) => {
        const waiter = this.waiters.get(reply.id);
        this.waiters.delete(reply.id);
        waiter?.resolve(reply);
      });
      worker.on('error', (error) => this.log.error('prompt worker failed', error));
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.workerFailed = true;
        if (code !== 0) this.log.warn(`prompt worker exited with code ${code}; finding prompts in-process from now on`);
        for (const [id, waiter] of this.waiters) waiter.resolve({ id, error: 'worker exited' });
        this.waiters.clear();
      });
      this.worker = worker;
      this.log.debug('prompt worker started');
    } catch (error) {
      this.workerFailed = true;
      this.log.error('could not start the prompt worker; finding prompts in-process', error);
    }
    return this.worker;
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const [id, waiter] of this.waiters) waiter.resolve({ id, error: 'worker exited' });
    this.waiters.clear();
    this.local.dispose();
  }
}
