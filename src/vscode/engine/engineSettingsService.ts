/**
 * The engine settings and estimate context for a document: built-in defaults < the nearest
 * `.promptcost.yml` (with its per-file samples) < user < workspace < folder settings. Contexts (price
 * tables) are built only when read, and shared by every document with equal settings. A bad `.promptcost.yml` is
 * reported on the file itself (Problems panel) and ignored until fixed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings, type PriceOverride } from '../../core/config/engineSettings';
import { findProjectConfigFile, loadProjectConfig, projectConfigToSettings, ProjectConfigError, type ProjectConfig } from '../../core/config/projectConfig';
import { createEstimateContext } from '../../core/estimate/estimateContext';
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

const MAX_CONTEXTS = 16;

type LoadedConfig = { config: ProjectConfig | null };

export class EngineSettingsService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly configFileByDir = new Map<string, string | null>();
  private readonly configByFile = new Map<string, LoadedConfig>();
  private readonly contexts = new Map<string, EstimateContext>();
  private readonly configProblems: vscode.DiagnosticCollection;
  private generation = 0;
  private extraPriceOverrides: Record<string, PriceOverride> = {};

  /** Fires when anything that feeds the estimates changed (settings, `.promptcost.yml`). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly config: Configuration,
    private readonly log: Log,
  ) {
    this.configProblems = vscode.languages.createDiagnosticCollection('promptCost.projectConfig');
    const watcher = vscode.workspace.createFileSystemWatcher('**/.promptcost.{yml,yaml}');
    this.disposables.push(
      this.emitter,
      this.configProblems,
      watcher,
      watcher.onDidCreate(() => this.invalidate('created a .promptcost.yml')),
      watcher.onDidChange(() => this.invalidate('changed a .promptcost.yml')),
      watcher.onDidDelete(() => this.invalidate('deleted a .promptcost.yml')),
      config.onDidChange((e) => {
        if (config.changed(e, ENGINE_KEYS)) this.invalidate('settings changed');
      }),
    );
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

  forSubject(subject: EngineSubject): DocumentEngine {
    const configFile = this.configFileFor(subject);
    const layers: Partial<EngineSettings>[] = [DEFAULT_ENGINE_SETTINGS];
    if (Object.keys(this.extraPriceOverrides).length) layers.push({ priceOverrides: this.extraPriceOverrides });
    if (configFile) {
      const { config } = this.loadConfig(configFile);
      if (config) layers.push(projectConfigToSettings(config, toPosix(path.relative(path.dirname(configFile), subject.enginePath))));
    }
    layers.push(...this.config.engineLayers(subject.uri));
    const { settings, problems } = mergeEngineSettings(...layers);
    for (const problem of problems) this.log.warn(`settings: ${problem} (skipped)`);
    const contextFor = (s: EngineSettings) => this.contextFor(s);
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
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const enginePath = root ? path.join(root.fsPath, 'selection.txt') : 'selection.txt';
    return this.forSubject({ uri: root ?? vscode.Uri.file(enginePath), enginePath });
  }

  private contextFor(settings: EngineSettings): EstimateContext {
    const key = JSON.stringify(settings);
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = createEstimateContext(settings);
      if (this.contexts.size >= MAX_CONTEXTS) this.contexts.delete(this.contexts.keys().next().value as string);
      this.contexts.set(key, ctx);
    }
    return ctx;
  }

  private configFileFor(subject: EngineSubject): string | null {
    if (!path.isAbsolute(subject.enginePath)) return null;
    const dir = path.dirname(subject.enginePath);
    if (!this.configFileByDir.has(dir)) this.configFileByDir.set(dir, findProjectConfigFile(dir));
    return this.configFileByDir.get(dir) ?? null;
  }

  private loadConfig(file: string): LoadedConfig {
    const cached = this.configByFile.get(file);
    if (cached) return cached;
    const uri = vscode.Uri.file(file);
    let loaded: LoadedConfig;
    try {
      const config = loadProjectConfig(fs.readFileSync(file, 'utf8'), file);
      loaded = { config };
      this.configProblems.set(uri, config.warnings.map((w) => problem(w.line, w.column, w.message, vscode.DiagnosticSeverity.Warning)));
      this.log.info(`using ${file}`);
    } catch (error) {
      loaded = { config: null };
      if (error instanceof ProjectConfigError) {
        this.configProblems.set(uri, [problem(error.line, error.column, `${error.reason} (the file is ignored until fixed)`, vscode.DiagnosticSeverity.Error)]);
        this.log.warn(`${error.message} (ignored until fixed)`);
      } else {
        this.log.error(`could not read ${file}`, error);
      }
    }
    this.configByFile.set(file, loaded);
    return loaded;
  }

  private invalidate(reason: string): void {
    this.generation++;
    this.configFileByDir.clear();
    this.configByFile.clear();
    this.configProblems.clear();
    this.contexts.clear();
    this.log.debug(`estimates invalidated: ${reason}`);
    this.emitter.fire();
  }

  dispose(): void {
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

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
