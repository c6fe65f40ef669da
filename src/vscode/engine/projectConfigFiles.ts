/**
 * The `.promptcost.yml` files of the workspace: which one applies to a folder (the nearest above it), and
 * what it says. Found and read asynchronously (a synchronous read blocked the extension host for ≈35 ms on
 * the first analysis): the workspace folders' files are prefetched at start, async callers await
 * `whenReady`, synchronous callers get the last loaded values, and when such a caller read a folder whose
 * file had not loaded yet, its arrival is announced so they recompute. A bad file is reported on the file
 * itself (Problems panel) and ignored until fixed.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { findProjectConfigFileAsync, loadProjectConfig, ProjectConfigError, type ProjectConfig } from '../../core/config/projectConfig';
import { DIAGNOSTIC_SOURCE, DiagnosticCode } from '../../core/manifest/extensionNames';
import type { Log } from '../log';

/** `text` is kept for the sections read elsewhere (usage); null when the file could not be read. */
export type LoadedConfig = { config: ProjectConfig | null; text: string | null };
/** A cached value and the file epoch it was read in: older ones are only the last known values. */
type Stamped<T> = { value: T; epoch: number };

/** Why the files' values changed: a file was created, changed or deleted, or one arrived that a reader had missed. */
export type ProjectConfigChange = { kind: 'edited' | 'arrived'; reason: string };

const READY: Promise<void> = Promise.resolve();

export class ProjectConfigFiles implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ProjectConfigChange>();
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
  private readonly problems: vscode.DiagnosticCollection;
  /** Bumped when a `.promptcost.yml` is created, changed or deleted. */
  private fileEpoch = 0;
  private disposed = false;

  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly log: Log,
    /** Records a synchronous slice of host work (the YAML parse) in the perf stats. */
    private readonly recordSlice: (label: string, ms: number) => void,
  ) {
    this.problems = vscode.languages.createDiagnosticCollection('promptCost.projectConfig');
    const watcher = vscode.workspace.createFileSystemWatcher('**/.promptcost.{yml,yaml}');
    this.disposables.push(
      this.emitter,
      this.problems,
      watcher,
      watcher.onDidCreate(() => this.edited('created a .promptcost.yml')),
      watcher.onDidChange(() => this.edited('changed a .promptcost.yml')),
      watcher.onDidDelete(() => this.edited('deleted a .promptcost.yml')),
    );
    // Prefetch, so the first analysis rarely waits for the file system; activate() does not wait.
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme === 'file') void this.ensureLoaded(folder.uri.fsPath);
    }
  }

  /** Resolves when the file that applies to `dir` is found and read (at once when cached). Never rejects. */
  whenReady(dir: string | null): Promise<void> {
    return dir === null ? READY : this.ensureLoaded(dir);
  }

  /** The config file of `dir` as last loaded; reading a folder not loaded in this epoch loads it (and announces a different arrival). */
  fileFor(dir: string | null): string | null {
    if (dir === null) return null;
    const file = this.configFileByDir.get(dir)?.value ?? null;
    if (!this.isLoaded(dir)) {
      if (!this.readEarly.has(dir)) this.readEarly.set(dir, this.servedKey(file));
      void this.ensureLoaded(dir);
    }
    return file;
  }

  /** What `file` says, as last loaded (possibly in an earlier epoch); undefined when never read. */
  loaded(file: string): LoadedConfig | undefined {
    return this.configByFile.get(file)?.value;
  }

  /** The text of `file` as read in the current epoch, without touching the disk; undefined while it has not been (re)read. */
  currentText(file: string): string | undefined {
    const loaded = this.configByFile.get(file);
    return loaded && loaded.epoch === this.fileEpoch ? (loaded.value.text ?? undefined) : undefined;
  }

  /** The file found for `dir` once loaded (null when none). */
  loadedFileFor(dir: string): string | null {
    return this.configFileByDir.get(dir)?.value ?? null;
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
      if (served !== undefined && served !== this.servedKey(file)) this.emitter.fire({ kind: 'arrived', reason: `read ${file ?? `no .promptcost.yml for ${dir}`}` });
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
      this.problems.set(uri, config.warnings.map((w) => problem(w.line, w.column, w.message, vscode.DiagnosticSeverity.Warning)));
      this.log.info(`using ${file}`);
      return { config, text };
    } catch (error) {
      if (error instanceof ProjectConfigError) {
        this.problems.set(uri, [problem(error.line, error.column, `${error.reason} (the file is ignored until fixed)`, vscode.DiagnosticSeverity.Error)]);
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
  private edited(reason: string): void {
    this.fileEpoch++;
    this.loadingByDir.clear();
    this.loadingByFile.clear();
    this.problems.clear();
    this.emitter.fire({ kind: 'edited', reason });
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
