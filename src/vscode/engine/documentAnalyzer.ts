/**
 * The editor's side of the document pipeline (src/core/pipeline): sends open documents, their edits, their
 * engine settings and usage to the pipeline worker, which parses, finds, counts tokens and prices each
 * prompt per call and per month (its estimate cache keeps unchanged prompts from being re-counted); this
 * thread only sends text and stores the answer. Results are cached per
 * document version, recomputation after edits is debounced and limited to visible editors, and a
 * superseded computation's result is dropped. Providers (CodeLens, hover, diagnostics, commands) only read
 * `cached()` or await `analyze()`.
 */
import * as vscode from 'vscode';
import type { PipelineClient } from '../../core/pipeline/pipelineClient';
import type { CallAnalysis } from '../../core/pipeline/callAnalysis';
import type { PromptAnalysis } from '../../core/pipeline/promptAnalysis';
import type { ExactCountsInput } from '../../core/exactCounts/countProviders';
import { selectionPrompt } from '../../core/pipeline/selectionPrompt';
import type { Configuration } from '../configuration';
import type { Log } from '../log';
import type { PerfStats } from '../../core/pipeline/perfStats';
import { enabledLanguageOf, enginePathFor } from './documentPaths';
import { earlierCellsCode, laterCells } from './notebookCells';
import type { DocumentEngine, EngineSettingsService } from './engineSettingsService';

export interface DocumentAnalysis {
  uri: vscode.Uri;
  version: number;
  /** The engine-settings generation the analysis was made under. */
  generation: number;
  engine: DocumentEngine;
  /** Every prompt with its own size per model: the parts of the calls. */
  prompts: PromptAnalysis[];
  /** Every call with its cost per model and $/month: what a lens, a hover or a diagnostic prices. */
  calls: CallAnalysis[];
  /** The path the engine read the document as, and the project files its prompts import constants from. */
  enginePath: string;
  dependencies: readonly string[];
}

/** Debounce after an edit before recomputing a visible document (the CodeLens itself is debounced by VS Code too). */
const EDIT_DEBOUNCE_MS = 250;

interface Pending {
  version: number;
  generation: number;
  promise: Promise<DocumentAnalysis | undefined>;
}

export class DocumentAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentAnalysis>();
  private readonly pending = new Map<string, Pending>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly emitter = new vscode.EventEmitter<DocumentAnalysis>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The document version whose text the worker last read, per document (see `refreshDependents`). */
  private readonly sentVersions = new Map<string, number>();
  /** Exact counts from the providers, when that feature is wired (src/vscode/exactCounts). */
  private exactCounts: { inputFor(uriKey: string): ExactCountsInput | undefined } | undefined;

  /** Fires whenever a fresh analysis is stored (for lenses, diagnostics, status bar…). */
  readonly onDidAnalyze = this.emitter.event;

  constructor(
    private readonly engine: EngineSettingsService,
    private readonly config: Configuration,
    private readonly log: Log,
    private readonly stats: PerfStats,
    /** Owned by the container (the compress command uses it too). */
    private readonly worker: PipelineClient,
  ) {
    stats.estimateCacheStats = () => this.worker.cacheStats;
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      // A prompts module saved (or changed on disk by a save elsewhere): the files importing it are priced again.
      vscode.workspace.onDidSaveTextDocument((doc) => this.onDocumentSaved(doc)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.analyzeVisible()),
      engine.onDidChange((change) => {
        // Settings and prices give other estimates; a usage change (the profile) only other $/month.
        if (change.pricesChanged) this.worker.invalidate();
        this.refreshAll();
      }),
      config.onDidChange((e) => {
        if (config.changed(e, 'enabledLanguages')) this.refreshAll();
      }),
    );
  }

  /** Sends each find the providers whose counts the user turned on and the counts known for the document. */
  useExactCounts(source: { inputFor(uriKey: string): ExactCountsInput | undefined }): void {
    this.exactCounts = source;
  }

  /** Analyses `uriKey` again (new provider counts arrived), now if it is visible, else when it is next shown. */
  reanalyze(uriKey: string): void {
    this.cache.delete(uriKey);
    this.pending.delete(uriKey);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uriKey);
    if (editor && this.isSupported(editor.document)) void this.analyze(editor.document);
  }

  /** Analyses every document again (exact-count settings or keys changed). */
  reanalyzeAll(): void {
    this.refreshAll();
  }

  /** True when the engine reads this document (its language is known and enabled). */
  isSupported(doc: vscode.TextDocument): boolean {
    return enabledLanguageOf(doc, this.config.get('enabledLanguages', doc.uri)) !== null;
  }

  /** The analysis of exactly this version of `doc`, if it is ready. */
  cached(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    const hit = this.cache.get(doc.uri.toString());
    return hit && hit.version === doc.version && hit.generation === this.engine.currentGeneration ? hit : undefined;
  }

  /** The last analysis of `doc`, whatever its version (for reading while a newer one is computed). */
  latest(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.cache.get(uri.toString());
  }

  /** All stored analyses (the diagnostics controller re-renders them when its settings change). */
  all(): DocumentAnalysis[] {
    return [...this.cache.values()];
  }

  /**
   * The analysis of the current version of `doc`: cached, already being computed, or started now.
   * Resolves to undefined for unsupported documents, when `token` is cancelled, or when the document
   * changed again meanwhile (a newer analysis follows).
   */
  analyze(doc: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentAnalysis | undefined> {
    if (!this.isSupported(doc)) return Promise.resolve(undefined);
    const hit = this.cached(doc);
    if (hit) return Promise.resolve(hit);
    const key = doc.uri.toString();
    const generation = this.engine.currentGeneration;
    let pending = this.pending.get(key);
    if (!pending || pending.version !== doc.version || pending.generation !== generation) {
      const promise = this.compute(doc, doc.version, generation).finally(() => {
        if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
      });
      pending = { version: doc.version, generation, promise };
      this.pending.set(key, pending);
    }
    if (!token) return pending.promise;
    return new Promise((resolve) => {
      const listener = token.onCancellationRequested(() => resolve(undefined));
      pending.promise.then(resolve, () => resolve(undefined)).finally(() => listener.dispose());
    });
  }

  /**
   * The prompts of a file that is not open (Estimate Workspace) with their estimates, from the worker;
   * nothing is kept but the worker's estimate cache.
   */
  async analyzeOnce(text: string, enginePath: string, engine: DocumentEngine): Promise<Pick<DocumentAnalysis, 'prompts' | 'calls'>> {
    const key = `once:${enginePath}`;
    try {
      const started = performance.now();
      const pending = this.worker.analyzeDocument(key, text, enginePath, engine.settings, engine.usage);
      this.stats.record('send text to the pipeline worker', performance.now() - started);
      const result = await pending;
      if (result?.usageError) this.log.error(`could not price the usage of ${enginePath}: ${result.usageError}`);
      return { prompts: result?.analyses ?? [], calls: result?.calls ?? [] };
    } finally {
      this.worker.forget(key);
    }
  }

  /** Estimates of arbitrary text (Estimate Selection, the clipboard) as one call of its own, counted in the worker. */
  async analyzeText(text: string, engine: DocumentEngine): Promise<{ prompt: PromptAnalysis; call: CallAnalysis }> {
    const result = await this.worker.estimate([selectionPrompt(text)], engine.settings);
    return { prompt: result.analyses[0], call: result.calls[0] };
  }

  private async compute(doc: vscode.TextDocument, version: number, generation: number): Promise<DocumentAnalysis | undefined> {
    const key = doc.uri.toString();
    const started = performance.now();
    let busyMs = 0;
    const timed = <T>(label: string, work: () => T): T => {
      const sliceStart = performance.now();
      try {
        return work();
      } finally {
        const ms = performance.now() - sliceStart;
        busyMs += ms;
        this.stats.record(label, ms);
      }
    };
    try {
      const enginePath = enginePathFor(doc);
      const stale = () => doc.isClosed || doc.version !== version || this.engine.currentGeneration !== generation;
      // The `.promptcost.yml` is read asynchronously (prefetched at start, so usually already there).
      await this.engine.whenReady({ uri: doc.uri, enginePath });
      const engine = timed('engine settings', () => this.engine.forSubject({ uri: doc.uri, enginePath }));
      // Parsing, finding and counting run in the worker; this thread only hands over the text and settings.
      const exactCounts = this.exactCounts?.inputFor(key);
      const pending = timed('send text to the pipeline worker', () => this.worker.analyzeDocument(key, doc.getText(), enginePath, engine.settings, engine.usage, { earlierCells: earlierCellsCode(doc), exactCounts }));
      const result = await pending;
      if (!result) return undefined; // overtaken by a newer version of the document
      if (result.usageError) this.log.error(`could not price the usage of ${doc.uri.fsPath || doc.uri.toString()}: ${result.usageError}`);
      this.stats.lastFind = { where: result.where, parse: result.parse, ms: result.findMs, estimateMs: result.estimateMs };
      if (stale()) return undefined;
      return timed('store analysis and notify', () => {
        const analysis: DocumentAnalysis = { uri: doc.uri, version, generation, engine, prompts: result.analyses, calls: result.calls, enginePath, dependencies: result.dependencies ?? [] };
        this.cache.set(key, analysis);
        this.stats.lastAnalysis = {
          uri: key,
          wallMs: performance.now() - started,
          busyMs,
          prompts: analysis.prompts.length,
          reusedEstimates: result.reused,
          countedEstimates: result.counted,
        };
        this.emitter.fire(analysis);
        // The worker now reads this text for the files that import from it. Only a new version does: a
        // re-analysis caused by a dependency must not bounce back (two files importing each other).
        const previous = this.sentVersions.get(key);
        if (previous !== version) {
          this.sentVersions.set(key, version);
          this.refreshDependents(enginePath);
          // Later cells read this cell's live text when they are analysed: only an edit makes them stale.
          if (previous !== undefined) this.refreshLaterCells(doc);
        }
        return analysis;
      });
    } catch (error) {
      this.log.error(`could not analyse ${doc.uri.fsPath || doc.uri.toString()}`, error);
      return undefined;
    }
  }

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.isSupported(e.document)) return;
    this.worker.applyEdits(e.document.uri.toString(), e.contentChanges);
    if (!vscode.window.visibleTextEditors.some((editor) => editor.document === e.document)) return;
    this.schedule(e.document);
  }

  /** Debounced recompute of one visible document. */
  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.analyze(doc);
    }, EDIT_DEBOUNCE_MS));
  }

  /** Computes every visible supported document that is not up to date. */
  analyzeVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.cached(editor.document) && this.isSupported(editor.document)) void this.analyze(editor.document);
    }
  }

  /**
   * A saved prompts module: the files importing it are priced again. One edited while hidden is analysed
   * first, so that the worker reads its saved text (its analysis then refreshes the importers).
   */
  private onDocumentSaved(doc: vscode.TextDocument): void {
    if (this.isSupported(doc) && !this.cached(doc)) void this.analyze(doc);
    else this.refreshDependents(enginePathFor(doc));
  }

  /** Drops the analyses that imported constants from `enginePath` and recomputes the visible ones. */
  private refreshDependents(enginePath: string): void {
    let dropped = false;
    for (const [key, analysis] of this.cache) {
      if (analysis.enginePath === enginePath || !analysis.dependencies.includes(enginePath)) continue;
      this.cache.delete(key);
      dropped = true;
    }
    if (dropped) this.analyzeVisible();
  }

  /** A notebook cell changed: the cells below it use its names, so they are analysed again. */
  private refreshLaterCells(doc: vscode.TextDocument): void {
    let dropped = false;
    for (const later of laterCells(doc)) dropped = this.cache.delete(later.uri.toString()) || dropped;
    if (dropped) this.analyzeVisible();
  }

  private refreshAll(): void {
    this.cache.clear();
    this.analyzeVisible();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.sentVersions.delete(key);
    this.cache.delete(key);
    this.pending.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.worker.forget(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
