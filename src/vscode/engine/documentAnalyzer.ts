/**
 * Finds and estimates the prompts of open documents, off the providers' path: results are cached per
 * document version, recomputation after edits is debounced and limited to visible editors, and work runs
 * in short synchronous slices (yielding to the host between them) so typing never waits on us.
 * Providers (CodeLens, hover, diagnostics, commands) only read `cached()` or await `analyze()`.
 */
import * as vscode from 'vscode';
import { EstimateCache } from '../../core/editor/estimateCache';
import { analyzePrompt, type PromptAnalysis } from '../../core/editor/promptAnalysis';
import type { FoundPrompt } from '../../core/prompts/prompt';
import { encodingForModel } from '../../core/tokens/encodings';
import { isEncodingLoaded, preloadEncoding } from '../../core/tokens/tokenCounter';
import type { Configuration } from '../configuration';
import type { Log } from '../log';
import type { PerfStats } from '../perfStats';
import { enabledLanguageOf, enginePathFor } from './documentPaths';
import type { DocumentEngine, EngineSettingsService } from './engineSettingsService';
import { IncrementalPromptFinder } from './incrementalPromptFinder';

export interface DocumentAnalysis {
  uri: vscode.Uri;
  version: number;
  /** The engine-settings generation the analysis was made under. */
  generation: number;
  engine: DocumentEngine;
  prompts: PromptAnalysis[];
}

/** Debounce after an edit before recomputing a visible document (the CodeLens itself is debounced by VS Code too). */
const EDIT_DEBOUNCE_MS = 250;
/** Yield to the host when a slice has run this long. */
const SLICE_MS = 12;

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
  readonly estimates = new EstimateCache();
  private readonly finder: IncrementalPromptFinder;

  /** Fires whenever a fresh analysis is stored (for lenses, diagnostics, status bar…). */
  readonly onDidAnalyze = this.emitter.event;

  constructor(
    private readonly engine: EngineSettingsService,
    private readonly config: Configuration,
    private readonly log: Log,
    private readonly stats: PerfStats,
  ) {
    this.finder = new IncrementalPromptFinder(log);
    stats.estimateCacheStats = () => this.estimates.stats;
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.analyzeVisible()),
      engine.onDidChange(() => this.refreshAll()),
      config.onDidChange((e) => {
        if (config.changed(e, 'enabledLanguages')) this.refreshAll();
      }),
    );
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

  /** The prompts of a file that is not open (Estimate Workspace), found in the worker; nothing is kept. */
  async findPromptsOnce(text: string, enginePath: string): Promise<FoundPrompt[]> {
    const key = `once:${enginePath}`;
    try {
      return (await this.finder.find(key, text, enginePath)).prompts;
    } finally {
      this.finder.forget(key);
    }
  }

  private async compute(doc: vscode.TextDocument, version: number, generation: number): Promise<DocumentAnalysis | undefined> {
    const key = doc.uri.toString();
    const started = performance.now();
    let busyMs = 0;
    const hitsBefore = this.estimates.stats;
    try {
      const enginePath = enginePathFor(doc);
      const stale = () => doc.isClosed || doc.version !== version || this.engine.currentGeneration !== generation;
      let sliceStart = performance.now();
      const endSlice = (label: string) => {
        const ms = performance.now() - sliceStart;
        busyMs += ms;
        this.stats.record(label, ms);
      };
      // Parsing and the finders' tree walks run in the worker; this thread only hands over the text.
      const text = doc.getText();
      const pending = this.finder.find(key, text, enginePath);
      endSlice('send text to the prompt worker');
      const found = await pending;
      this.stats.lastFind = { where: found.where, parse: found.parse, ms: found.ms };
      if (found.where === 'in-process') this.stats.record('find prompts (in-process)', found.ms);
      if (stale()) return undefined;
      sliceStart = performance.now();
      const engine = this.engine.forSubject({ uri: doc.uri, enginePath });
      endSlice('engine settings');

      // A tokenizer loads synchronously on first use (≈0.1–0.2 s): do it in a slice of its own.
      for (const encoding of neededEncodings(engine)) {
        if (isEncodingLoaded(encoding)) continue;
        await yieldToHost();
        sliceStart = performance.now();
        preloadEncoding(encoding);
        endSlice(`load tokenizer ${encoding}`);
      }

      const prompts: PromptAnalysis[] = [];
      sliceStart = performance.now();
      for (const prompt of found.prompts) {
        if (performance.now() - sliceStart > SLICE_MS) {
          endSlice('estimate prompts');
          await yieldToHost();
          if (stale()) return undefined;
          sliceStart = performance.now();
        }
        prompts.push(analyzePrompt(prompt, engine.ctx, this.estimates));
      }
      endSlice('estimate prompts');

      const analysis: DocumentAnalysis = { uri: doc.uri, version, generation, engine, prompts };
      if (stale() && this.cache.get(key)?.version === version) return undefined;
      this.cache.set(key, analysis);
      const hitsAfter = this.estimates.stats;
      this.stats.lastAnalysis = {
        uri: key,
        wallMs: performance.now() - started,
        busyMs,
        prompts: prompts.length,
        reusedEstimates: hitsAfter.hits - hitsBefore.hits,
        countedEstimates: hitsAfter.misses - hitsBefore.misses,
      };
      this.emitter.fire(analysis);
      return analysis;
    } catch (error) {
      this.log.error(`could not analyse ${doc.uri.fsPath || doc.uri.toString()}`, error);
      return undefined;
    }
  }

  private onDocumentChanged(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !this.isSupported(e.document)) return;
    this.finder.applyEdits(e.document.uri.toString(), e.contentChanges);
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

  private refreshAll(): void {
    this.cache.clear();
    this.analyzeVisible();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cache.delete(key);
    this.pending.delete(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.finder.forget(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.finder.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** Encodings the document's models count with. */
function neededEncodings(engine: DocumentEngine) {
  // Models without a local tokenizer are estimated from o200k counts, so o200k is always needed.
  const models = [...engine.settings.models, ...engine.settings.compareModels];
  return [...new Set(['o200k_base' as const, ...models.map(encodingForModel).filter((e) => e !== null)])];
}

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
