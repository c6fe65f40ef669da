/**
 * The engine settings and estimate context for a document: built-in defaults < the nearest
 * `.promptcost.yml` (with its per-file samples) < user < workspace < folder settings. Contexts (price
 * tables) are built only when read, and shared by every document with equal settings. A bad `.promptcost.yml` is
 * reported on the file itself (Problems panel) and ignored until fixed.
 *
 * `.promptcost.yml` is found and read asynchronously (a synchronous read blocked the extension host for
 * ≈35 ms on the first analysis): the files of the workspace folders are prefetched when the service starts,
 * async callers await `whenReady`, and synchronous callers get the last loaded values; when such a caller
 * read a folder whose file had not loaded yet, its arrival fires `onDidChange` so they recompute.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings, type PriceOverride } from '../../core/config/engineSettings';
import { findProjectConfigFileAsync, loadProjectConfig, projectConfigToSettings, ProjectConfigError, type ProjectConfig } from '../../core/config/projectConfig';
import { EstimateContextCache } from '../../core/estimate/estimateContextCache';
import type { EstimateContext } from '../../core/estimate/estimatePrompt';
import type { Configuration } from '../configuration';
import { ENGINE_KEYS } from '../configuration';
import { DIAGNOSTIC_SOURCE, DiagnosticCode } from '../constants';
import type { Log } from '../log';

export interface DocumentEngine {
  /** Plain JSON: what the prompt worker estimates with. */
  settings: EngineSettings;
  /**
   * The estimate context (price table) on this thread, built on first read (≈10 ms) for what needs prices
   * here (hover date, model list); estimates themselves are made in the prompt worker.
   */
  readonly ctx: EstimateContext;
  /** The `.promptcost.yml` that applied, if any. */
  configFile: string | null;
}

/** Anything with a file name: a TextDocument, or a file found by Estimate Workspace. */
export interface EngineSubject {
  uri: vscode.Uri;
  /** The path the engine reads languages and config by (for untitled documents a synthetic one). */
  enginePath: string;
}

/** `text` is kept for the other sections read in the editor (usage); null when the file could not be read. */
type LoadedConfig = { config: ProjectConfig | null; text: string | null };
/** A cached value and the file epoch it was read in: older ones are only the last known values. */
type Stamped<T> = { value: T; epoch: number };

const READY: Promise<void> = Promise.resolve();

export class EngineSettingsService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly projectConfigEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly configFileByDir = new Map<string, Stamped<string | null>>();
  private readonly configByFile = new Map<string, Stamped<LoadedConfig>>();
  private readonly loadingByDir = new Map<string, Promise<void>>();
  private readonly loadingByFile = new Map<string, Promise<LoadedConfig>>();
  /**
   * Folders a synchronous caller read before their file had loaded, with what it was served (file and
   * text): the arrival is announced when it differs.
   */
  private readonly readEarly = new Map<string, string>();
  private readonly contexts = new EstimateContextCache();
  private readonly configProblems: vscode.DiagnosticCollection;
  private generation = 0;
  /** Bumped when a `.promptcost.yml` is created, changed or deleted. */
  private fileEpoch = 0;
  private disposed = false;
  private extraPriceOverrides: Record<string, PriceOverride> = {};

  /** Fires when anything that feeds the estimates changed (settings, `.promptcost.yml`). */
  readonly onDidChange = this.emitter.event;
  /** Fires when a `.promptcost.yml` was created, changed or deleted (read it again with `workspaceProjectConfig`). */
  readonly onDidChangeProjectConfig = this.projectConfigEmitter.event;

  constructor(
    private readonly config: Configuration,
    private readonly log: Log,
    /** Records a synchronous slice of host work (the YAML parse) in the perf stats. */
    private readonly recordSlice: (label: string, ms: number) => void = () => undefined,
  ) {
    this.configProblems = vscode.languages.createDiagnosticCollection('promptCost.projectConfig');
    const watcher = vscode.workspace.createFileSystemWatcher('**/.promptcost.{yml,yaml}');
    this.disposables.push(
      this.emitter,
      this.projectConfigEmitter,
      this.configProblems,
      watcher,
      watcher.onDidCreate(() => this.projectConfigChanged('created a .promptcost.yml')),
      watcher.onDidChange(() => this.projectConfigChanged('changed a .promptcost.yml')),
      watcher.onDidDelete(() => this.projectConfigChanged('deleted a .promptcost.yml')),
      config.onDidChange((e) => {
        if (config.changed(e, ENGINE_KEYS)) this.invalidate('settings changed');
      }),
    );
    // Prefetch, so the first analysis rarely waits for the file system; activate() does not wait.
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme === 'file') void this.ensureLoaded(folder.uri.fsPath);
    }
  }

  /**
   * Prices from outside the settings (the spend tracker's `/pricing`, src/vscode/spend/): above the bundled
   * catalogue, below `.promptcost.yml` and settings, so an explicit override still wins. `{}` removes them.
   */
  setExtraPriceOverrides(overrides: Record<string, PriceOverride>): void {
    this.extraPriceOverrides = { ...overrides };
    this.invalidate('spend tracker prices changed');
  }

  /** Bumped on every invalidation: analyses made under an older generation are stale. */
  get currentGeneration(): number {
    return this.generation;
  }

  /**
   * Resolves when the `.promptcost.yml` that applies to `subject` is found and read (at once when it is
   * cached): `forSubject` called after it uses the file's current values. Without a subject: what
   * `forWorkspace` reads. Never rejects.
   */
  whenReady(subject: EngineSubject = workspaceSubject()): Promise<void> {
    const dir = dirOf(subject);
    return dir === null ? READY : this.ensureLoaded(dir);
  }

  /**
   * The engine settings of `subject`, synchronously: with the last loaded `.promptcost.yml` when the current
   * one has not been read yet (it is then read, and `onDidChange` fires when it arrives). Await
   * `whenReady(subject)` first to get the current file's values.
   */
  forSubject(subject: EngineSubject): DocumentEngine {
    const configFile = this.configFileFor(subject);
    const layers: Partial<EngineSettings>[] = [DEFAULT_ENGINE_SETTINGS];
    if (Object.keys(this.extraPriceOverrides).length) layers.push({ priceOverrides: this.extraPriceOverrides });
    if (configFile) {
      const config = this.configByFile.get(configFile)?.value.config;
      if (config) layers.push(projectConfigToSettings(config, toPosix(path.relative(path.dirname(configFile), subject.enginePath))));
    }
    layers.push(...this.config.engineLayers(subject.uri));
    const { settings, problems } = mergeEngineSettings(...layers);
    for (const problem of problems) this.log.warn(`settings: ${problem} (skipped)`);
    const contextFor = (s: EngineSettings) => this.contexts.get(s);
    let ctx: EstimateContext | undefined;
    return {
      settings,
      configFile,
      get ctx() {
        ctx ??= contextFor(settings);
        return ctx;
      },
    };
  }

  /** Settings for commands that have no document (Estimate Selection on the clipboard). */
  forWorkspace(): DocumentEngine {
    return this.forSubject(workspaceSubject());
  }

  /** The `.promptcost.yml` of the first workspace folder (as `forWorkspace` reads it), once loaded; null when none or invalid. */
  async workspaceProjectConfig(): Promise<{ file: string; config: ProjectConfig } | null> {
    const subject = workspaceSubject();
    await this.whenReady(subject);
    const dir = dirOf(subject);
    const file = dir === null ? null : (this.configFileByDir.get(dir)?.value ?? null);
    const config = file ? this.configByFile.get(file)?.value.config : null;
    return file && config ? { file, config } : null;
  }

  /**
   * The text of `file` as last read for the current settings, without touching the disk; undefined while
   * it has not been (re)read yet (an analysis follows its arrival).
   */
  projectConfigText(file: string): string | undefined {
    const loaded = this.configByFile.get(file);
    return loaded && loaded.epoch === this.fileEpoch ? (loaded.value.text ?? undefined) : undefined;
  }


  /** The config file of `subject`'s folder as last loaded; reading a folder not loaded in this epoch loads it. */
  private configFileFor(subject: EngineSubject): string | null {
    const dir = dirOf(subject);
    if (dir === null) return null;
    const file = this.configFileByDir.get(dir)?.value ?? null;
    if (!this.isLoaded(dir)) {
      if (!this.readEarly.has(dir)) this.readEarly.set(dir, this.servedKey(file));
      void this.ensureLoaded(dir);
    }
    return file;
  }

  /** What a folder's settings were made from: the file and its text as cached. */
  private servedKey(file: string | null): string {
    return file === null ? '' : `${file}\0${this.configByFile.get(file)?.value.text ?? ''}`;
  }

  private isLoaded(dir: string): boolean {
    const found = this.configFileByDir.get(dir);
    if (!found || found.epoch !== this.fileEpoch) return false;
    return found.value === null || this.configByFile.get(found.value)?.epoch === this.fileEpoch;
  }

  private ensureLoaded(dir: string): Promise<void> {
    if (this.isLoaded(dir)) return READY;
    let loading = this.loadingByDir.get(dir);
    if (!loading) {
      const started: Promise<void> = this.loadDir(dir).finally(() => {
        if (this.loadingByDir.get(dir) === started) this.loadingByDir.delete(dir);
      });
      loading = started;
      this.loadingByDir.set(dir, loading);
    }
    return loading;
  }

  private async loadDir(dir: string): Promise<void> {
    for (;;) {
      const epoch = this.fileEpoch;
      let file: string | null = null;
      try {
        file = await findProjectConfigFileAsync(dir);
      } catch (error) {
        this.log.error(`could not look for .promptcost.yml from ${dir}`, error);
      }
      const loaded = file ? await this.loadFile(file, epoch) : null;
      if (this.disposed) return;
      if (epoch !== this.fileEpoch) continue; // a .promptcost.yml changed meanwhile: look again
      this.configFileByDir.set(dir, { value: file, epoch });
      if (file && loaded) this.configByFile.set(file, { value: loaded, epoch });
      const served = this.readEarly.get(dir);
      this.readEarly.delete(dir);
      if (served !== undefined && served !== this.servedKey(file)) this.announce(`read ${file ?? `no .promptcost.yml for ${dir}`}`);
      return;
    }
  }

  /** One read per file and epoch, shared by every folder that finds it. */
  private loadFile(file: string, epoch: number): Promise<LoadedConfig> {
    const cached = this.configByFile.get(file);
    if (cached && cached.epoch === epoch) return Promise.resolve(cached.value);
    const key = `${epoch}:${file}`;
    let loading = this.loadingByFile.get(key);
    if (!loading) {
      loading = this.readConfig(file, epoch);
      this.loadingByFile.set(key, loading);
    }
    return loading;
  }

  private async readConfig(file: string, epoch: number): Promise<LoadedConfig> {
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch (error) {
      if (epoch === this.fileEpoch) this.log.error(`could not read ${file}`, error);
      return { config: null, text: null };
    }
    if (epoch !== this.fileEpoch || this.disposed) return { config: null, text: null }; // superseded; not stored
    const uri = vscode.Uri.file(file);
    const started = performance.now();
    try {
      const config = loadProjectConfig(text, file);
      this.configProblems.set(uri, config.warnings.map((w) => problem(w.line, w.column, w.message, vscode.DiagnosticSeverity.Warning)));
      this.log.info(`using ${file}`);
      return { config, text };
    } catch (error) {
      if (error instanceof ProjectConfigError) {
        this.configProblems.set(uri, [problem(error.line, error.column, `${error.reason} (the file is ignored until fixed)`, vscode.DiagnosticSeverity.Error)]);
        this.log.warn(`${error.message} (ignored until fixed)`);
      } else {
        this.log.error(`could not read ${file}`, error);
      }
      return { config: null, text };
    } finally {
      this.recordSlice('parse .promptcost.yml', performance.now() - started);
    }
  }

  /** A `.promptcost.yml` changed: cached files become last known values until read again. */
  private projectConfigChanged(reason: string): void {
    this.fileEpoch++;
    this.loadingByDir.clear();
    this.loadingByFile.clear();
    this.configProblems.clear();
    this.invalidate(reason);
    this.projectConfigEmitter.fire();
  }

  /** A file a synchronous caller was waiting for arrived: estimates made without it are stale. */
  private announce(reason: string): void {
    this.generation++;
    this.log.debug(`estimates invalidated: ${reason}`);
    this.emitter.fire();
  }

  private invalidate(reason: string): void {
    this.contexts.clear();
    this.announce(reason);
  }

  dispose(): void {
    this.disposed = true;
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function problem(line: number, column: number, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const at = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = DiagnosticCode.ProjectConfig;
  return diagnostic;
}

/** The folder whose `.promptcost.yml` applies, or null for a path that is not on disk. */
function dirOf(subject: EngineSubject): string | null {
  return path.isAbsolute(subject.enginePath) ? path.dirname(subject.enginePath) : null;
}

/** What commands without a document read settings by: a file at the root of the first workspace folder. */
function workspaceSubject(): EngineSubject {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const enginePath = root ? path.join(root.fsPath, 'selection.txt') : 'selection.txt';
  return { uri: root ?? vscode.Uri.file(enginePath), enginePath };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
