/**
 * The `usage` section of the `.promptcost.yml` that applies to a document, and the $/month of its prompts.
 * Read from disk once per engine generation (the engine watches `.promptcost.yml` and bumps it); a broken
 * section is logged once and treated as absent. Fires `onDidChange` when the figures may differ (the
 * file, the engine settings or `promptCost.simulation.*` changed), so the CodeLens asks again.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { PromptAnalysis } from '../../core/editor/promptAnalysis';
import type { PriceTable } from '../../core/pricing/priceTable';
import type { FindingMonthlyCost } from '../../core/simulate/findingMonthlyCost';
import { readUsageSection, type UsageFile } from '../../core/simulate/usageFile';
import { monthlyCostsForPrompts } from '../../core/simulateView/promptMonthlyCosts';
import type { Configuration } from '../configuration';
import type { DocumentAnalysis } from '../engine/documentAnalyzer';
import type { EngineSettingsService } from '../engine/engineSettingsService';
import type { Log } from '../log';
import { readSimulationSettings } from './simulationSettingsReader';

export interface LoadedUsage {
  usage: UsageFile;
  /** Absolute path of the `.promptcost.yml` it came from. */
  file: string;
}

export class UsageService implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly usageByFile = new Map<string, LoadedUsage | null>();
  private readonly costsByAnalysis = new WeakMap<DocumentAnalysis, { key: string; costs: (FindingMonthlyCost | null)[] }>();
  private generation = -1;
  private settingsVersion = 0;
  private readonly reported = new Set<string>();

  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly engine: Pick<EngineSettingsService, 'onDidChange' | 'projectConfigText' | 'currentGeneration'>,
    private readonly config: Configuration,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.emitter,
      engine.onDidChange(() => this.emitter.fire()),
      config.onDidChange((e) => {
        if (e.affectsConfiguration('promptCost.simulation')) {
          this.settingsVersion++;
          this.emitter.fire();
        }
      }),
    );
  }

  /** The usage section of `configFile`, or null when it has none (or it is broken: see the log). */
  usageOf(configFile: string | null): LoadedUsage | null {
    if (!configFile) return null;
    this.syncGeneration();
    if (this.usageByFile.has(configFile)) return this.usageByFile.get(configFile) ?? null;
    // The engine read the file asynchronously; not read yet: the analysis that follows its arrival asks again.
    const text = this.engine.projectConfigText(configFile);
    if (text === undefined) return null;
    let loaded: LoadedUsage | null = null;
    try {
      const usage = readUsageSection(text, path.basename(configFile));
      loaded = usage ? { usage, file: configFile } : null;
    } catch (error) {
      const message = `usage section of ${configFile} ignored: ${(error as Error).message}`;
      if (!this.reported.has(message)) this.log.warn(message);
      this.reported.add(message);
    }
    this.usageByFile.set(configFile, loaded);
    return loaded;
  }

  /** The path usage entries name `file` by: relative to the usage file's folder, `/` separators. */
  static fileKey(usageFile: string, file: string): string {
    return path.relative(path.dirname(usageFile), file).split(path.sep).join('/');
  }

  /** $/month per prompt of an analysed document (null where no usage entry describes the prompt). */
  monthlyCosts(analysis: DocumentAnalysis): (FindingMonthlyCost | null)[] {
    const key = `${this.engine.currentGeneration}:${this.settingsVersion}`;
    const cached = this.costsByAnalysis.get(analysis);
    if (cached?.key === key) return cached.costs;
    const costs = this.costsFor(analysis.uri, analysis.engine.configFile, analysis.prompts, analysis.engine.ctx.prices);
    this.costsByAnalysis.set(analysis, { key, costs });
    return costs;
  }

  /** The same for prompts analysed elsewhere (Estimate Workspace reads files that are not open). */
  costsFor(uri: vscode.Uri, configFile: string | null, prompts: readonly PromptAnalysis[], prices: PriceTable): (FindingMonthlyCost | null)[] {
    const loaded = uri.scheme === 'file' ? this.usageOf(configFile) : null;
    if (!loaded) return prompts.map(() => null);
    try {
      const profile = readSimulationSettings(this.config, uri).profile;
      return monthlyCostsForPrompts(prompts, UsageService.fileKey(loaded.file, uri.fsPath), loaded.usage, profile, prices);
    } catch (error) {
      this.log.error(`could not price the usage of ${uri.fsPath}`, error);
      return prompts.map(() => null);
    }
  }

  private syncGeneration(): void {
    const current = this.engine.currentGeneration;
    if (current === this.generation) return;
    this.generation = current;
    this.usageByFile.clear();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
