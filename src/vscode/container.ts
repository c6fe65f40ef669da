/**
 * Owns and wires everything the extension creates: the log, the typed configuration, the engine settings,
 * the document analyzer and the feature controllers. Built once in `activate`, disposed (in
 * reverse order) with the extension. Each controller receives the few services it uses, never this object,
 * so no feature reaches into another: add a controller here, pass it what it needs, `register(...)` it.
 *
 * Nothing here parses, loads grammars or tokenizers: the analyzer does that when a supported document is
 * first visible or a command needs it.
 */
import * as vscode from 'vscode';
import { CodeLensController } from './codeLens/codeLensController';
import { registerEstimateCommands } from './commands/estimateCommands';
import { CompressFeature } from './compress/compressFeature';
import { Configuration } from './configuration';
import { CostDiagnosticsController } from './diagnostics/costDiagnosticsController';
import { DocumentAnalyzer } from './engine/documentAnalyzer';
import { EngineSettingsService } from './engine/engineSettingsService';
import { ExactCountsFeature } from './exactCounts/exactCountsFeature';
import { PipelineClient } from '../core/pipeline/pipelineClient';
import { HoverController } from './hover/hoverController';
import { Log } from './log';
import { PerfStats } from '../core/pipeline/perfStats';
import { PricesFeature } from './prices/pricesFeature';
import { WorkspaceReportView } from './report/workspaceReportView';
import { SimulateFeature } from './simulate/simulateFeature';
import { SpendController } from './spend/spendController';

export class Container implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  readonly log: Log;
  readonly analyzer: DocumentAnalyzer;
  /** Read by the extension API (extension.ts) only. */
  readonly spend: SpendController;
  readonly simulate: SimulateFeature;
  readonly prices: PricesFeature;
  readonly exactCounts: ExactCountsFeature;

  private constructor(context: vscode.ExtensionContext, stats: PerfStats) {
    const log = (this.log = this.register(new Log()));
    const config = this.register(new Configuration());
    const engine = this.register(new EngineSettingsService(config, log, (label, ms) => stats.record(label, ms)));
    // The document pipeline's worker: finding, estimating, pricing and compressing (everything that counts
    // tokens) runs there. In-process fallback slices run on this thread: they count as host blocks.
    const worker = this.register(new PipelineClient(log, { onSlice: (label, ms) => stats.record(label, ms) }));
    // Before anything is analysed: the refreshed catalogue (if any) is in use from the first lens on. An
    // update reaches the worker first, then the engine, whose change re-analyses the open documents.
    const prices = (this.prices = this.register(new PricesFeature({ extension: context, config, log })));
    this.register(prices.catalogue.onDidChange(() => {
      worker.catalogueChanged();
      engine.catalogueChanged();
    }));
    const analyzer = (this.analyzer = this.register(new DocumentAnalyzer(engine, config, log, stats, worker)));
    // The `.promptcost.yml` `usage:` section is part of a document's engine settings (Compress and Simulate read it too).
    const usage = engine;

    this.simulate = this.register(new SimulateFeature({ analyzer, engine, usage, config, log, extensionUri: context.extensionUri }));
    this.register(new CodeLensController(config, log, analyzer));
    this.register(new HoverController(config, analyzer));
    this.register(new CostDiagnosticsController(config, analyzer));
    const report = this.register(new WorkspaceReportView(log));
    this.spend = this.register(new SpendController({
      extension: context,
      config,
      projectConfig: engine,
      setPriceOverrides: (overrides) => engine.setExtraPriceOverrides(overrides),
      log,
    }));
    this.register(registerEstimateCommands({ log, config, engine, analyzer, report, stats }));
    this.register(new CompressFeature({ analyzer, worker, usage, secrets: context.secrets, config, stats, log }));
    this.exactCounts = this.register(new ExactCountsFeature({ extension: context, config, log, analyzer }));
  }

  static create(context: vscode.ExtensionContext, stats: PerfStats): Container {
    const container = new Container(context, stats);
    context.subscriptions.push(container);
    // Documents already open when the extension activates (the one that triggered onLanguage) are
    // computed after activate returns, not during it.
    setTimeout(() => container.analyzer.analyzeVisible(), 0);
    return container;
  }

  /** Takes ownership of a disposable: disposed with the container, in reverse order of registration. */
  register<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0).reverse()) {
      try {
        disposable.dispose();
      } catch (error) {
        console.error('Prompt Cost Lens: dispose failed', error);
      }
    }
  }
}
