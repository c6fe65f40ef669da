/**
 * The engine settings, estimate context and usage of a document: built-in defaults < the spend tracker's
 * prices < the nearest `.promptcost.yml` (with its per-file samples) < user < workspace < folder settings;
 * its usage entry comes from the same `.promptcost.yml` and the simulation profile setting. Contexts (price
 * tables) are built only when read, and shared by every document with equal settings. Every change that
 * feeds an analysis bumps the generation and fires `onDidChange`, so the analyses are made again.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings, type PriceOverride } from '../../core/config/engineSettings';
import { projectConfigToSettings, type ProjectConfig } from '../../core/config/projectConfig';
import { EstimateContextCache } from '../../core/estimate/estimateContextCache';
import type { EstimateContext } from '../../core/estimate/estimatePrompt';
import type { DocumentUsage } from '../../core/pipeline/documentUsage';
import { readUsageSection, type UsageFile } from '../../core/simulate/usageFile';
import { parseVocabularyPaths, type VocabularyPaths } from '../../core/tokens/userVocabulary';
import type { Configuration } from '../configuration';
import { ENGINE_KEYS } from '../configuration';
import type { Log } from '../log';
import { readSimulationProfile } from '../simulate/simulationSettingsReader';
import { ProjectConfigFiles } from './projectConfigFiles';

const VOCABULARIES_KEY = 'tokenizers.vocabularies' as const;

export interface DocumentEngine {
  /** Plain JSON: what the pipeline worker estimates with. */
  settings: EngineSettings;
  /**
   * The estimate context (price table) on this thread, built on first read (≈10 ms) for what needs prices
   * here (hover date, model list); estimates themselves are made in the pipeline worker.
   */
  readonly ctx: EstimateContext;
  /** The `.promptcost.yml` that applied, if any. */
  configFile: string | null;
  /** The usage section that prices the document's prompts per month, or null (no file, no section, not on disk). */
  usage: DocumentUsage | null;
}

/** Anything with a file name: a TextDocument, or a file found by Estimate Workspace. */
export interface EngineSubject {
  uri: vscode.Uri;
  /** The path the engine reads languages and config by (for untitled documents a synthetic one). */
  enginePath: string;
}

/** What changed: `pricesChanged` when estimates may differ too (settings, prices, a file), not only the $/month (the profile). */
export interface EngineChange {
  pricesChanged: boolean;
}

export interface LoadedUsage {
  usage: UsageFile;
  /** Absolute path of the `.promptcost.yml` it came from. */
  file: string;
}

export class EngineSettingsService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<EngineChange>();
  private readonly projectConfigEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly files: ProjectConfigFiles;
  private readonly contexts = new EstimateContextCache();
  /** The usage section per `.promptcost.yml`, with the text it was read from. */
  private readonly usageByFile = new Map<string, { text: string; loaded: LoadedUsage | null }>();
  private readonly reportedUsageProblems = new Set<string>();
  private generation = 0;
  private extraPriceOverrides: Record<string, PriceOverride> = {};
  /** The vocabularies value whose problems were last logged. */
  private reportedVocabularies: string | undefined;

  /** Fires when anything that feeds the analyses changed (settings, `.promptcost.yml`, the simulation profile). */
  readonly onDidChange = this.emitter.event;
  /** Fires when a `.promptcost.yml` was created, changed or deleted (read it again with `workspaceProjectConfig`). */
  readonly onDidChangeProjectConfig = this.projectConfigEmitter.event;

  constructor(
    private readonly config: Configuration,
    private readonly log: Log,
    /** Records a synchronous slice of host work (the YAML parse) in the perf stats. */
    recordSlice: (label: string, ms: number) => void = () => undefined,
  ) {
    this.files = new ProjectConfigFiles(log, recordSlice);
    this.disposables.push(
      this.emitter,
      this.projectConfigEmitter,
      this.files,
      this.files.onDidChange((change) => {
        if (change.kind === 'arrived') {
          this.announce(change.reason, true);
          return;
        }
        this.invalidate(change.reason);
        this.projectConfigEmitter.fire();
      }),
      config.onDidChange((e) => {
        if (config.changed(e, [...ENGINE_KEYS, VOCABULARIES_KEY])) this.invalidate('settings changed');
        // The profile picks the usage volume the $/month lenses show.
        else if (config.changed(e, 'simulation.profile')) this.announce('simulation profile changed', false);
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

  /** The price catalogue in use was replaced (Update Prices): price tables and estimates are made again. */
  catalogueChanged(): void {
    this.invalidate('price catalogue replaced');
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
    return this.files.whenReady(dirOf(subject));
  }

  /**
   * The engine settings of `subject`, synchronously: with the last loaded `.promptcost.yml` when the current
   * one has not been read yet (it is then read, and `onDidChange` fires when it arrives). Await
   * `whenReady(subject)` first to get the current file's values.
   */
  forSubject(subject: EngineSubject): DocumentEngine {
    const configFile = this.files.fileFor(dirOf(subject));
    const layers: Partial<EngineSettings>[] = [DEFAULT_ENGINE_SETTINGS];
    if (Object.keys(this.extraPriceOverrides).length) layers.push({ priceOverrides: this.extraPriceOverrides });
    if (configFile) {
      const config = this.files.loaded(configFile)?.config;
      if (config) layers.push(projectConfigToSettings(config, toPosix(path.relative(path.dirname(configFile), subject.enginePath))));
    }
    layers.push(...this.config.engineLayers(subject.uri));
    const { settings, problems } = mergeEngineSettings(...layers);
    for (const problem of problems) this.log.warn(`settings: ${problem} (skipped)`);
    const vocabularies = this.vocabularies();
    if (vocabularies) settings.vocabularies = vocabularies;
    const contextFor = (s: EngineSettings) => this.contexts.get(s);
    let ctx: EstimateContext | undefined;
    return {
      settings,
      configFile,
      usage: this.documentUsage(subject, configFile),
      get ctx() {
        ctx ??= contextFor(settings);
        return ctx;
      },
    };
  }

  /**
   * The user's vocabulary files (`promptCost.tokenizers.vocabularies`): only the user's own value, never a
   * workspace's (the files are read, and their licence is the user's to accept). Problems are logged once
   * per value; undefined when none is set.
   */
  private vocabularies(): VocabularyPaths | undefined {
    const value = this.config.inspect(VOCABULARIES_KEY)?.globalValue;
    const parsed = parseVocabularyPaths(value);
    const key = JSON.stringify(value ?? null);
    if (key !== this.reportedVocabularies) {
      this.reportedVocabularies = key;
      for (const problem of parsed.problems) this.log.warn(`settings: \`tokenizers.vocabularies\` ${problem} (skipped)`);
      for (const [name, file] of Object.entries(parsed.paths)) this.log.info(`settings: ${name} is counted with your vocabulary ${file} once a prompt needs it (checked against known counts first; if it fails, the factor stays and its label says why)`);
    }
    return Object.keys(parsed.paths).length ? parsed.paths : undefined;
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
    const file = dir === null ? null : this.files.loadedFileFor(dir);
    const config = file ? this.files.loaded(file)?.config : null;
    return file && config ? { file, config } : null;
  }

  /**
   * The usage section of `configFile` as read for the current settings, or null when it has none, is broken
   * (logged once) or has not been read yet (an analysis follows its arrival).
   */
  usageOf(configFile: string | null): LoadedUsage | null {
    if (!configFile) return null;
    const text = this.files.currentText(configFile);
    if (text === undefined) return null;
    const cached = this.usageByFile.get(configFile);
    if (cached?.text === text) return cached.loaded;
    let loaded: LoadedUsage | null = null;
    try {
      const usage = readUsageSection(text, path.basename(configFile));
      loaded = usage ? { usage, file: configFile } : null;
    } catch (error) {
      const message = `usage section of ${configFile} ignored: ${(error as Error).message}`;
      if (!this.reportedUsageProblems.has(message)) this.log.warn(message);
      this.reportedUsageProblems.add(message);
    }
    this.usageByFile.set(configFile, { text, loaded });
    return loaded;
  }

  private documentUsage(subject: EngineSubject, configFile: string | null): DocumentUsage | null {
    const loaded = subject.uri.scheme === 'file' ? this.usageOf(configFile) : null;
    if (!loaded) return null;
    return {
      usage: loaded.usage,
      fileKey: toPosix(path.relative(path.dirname(loaded.file), subject.uri.fsPath)),
      profile: readSimulationProfile(this.config, subject.uri),
    };
  }

  /** Something an analysis read changed: analyses made before are stale. */
  private announce(reason: string, pricesChanged: boolean): void {
    this.generation++;
    this.log.debug(`estimates invalidated: ${reason}`);
    this.emitter.fire({ pricesChanged });
  }

  /** Settings or prices changed: the price tables are rebuilt too, and the estimates made with them. */
  private invalidate(reason: string): void {
    this.contexts.clear();
    this.announce(reason, true);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
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
