/**
 * Owns everything the extension creates: the log, the typed configuration, the engine settings, the
 * document analyzer and the feature controllers. Built once in `activate`, disposed (in reverse order)
 * with the extension. Feature authors add a controller here and push it with `register(...)`.
 *
 * Nothing here parses, loads grammars or tokenizers: the analyzer does that when a supported document is
 * first visible or a command needs it.
 */
import * as vscode from 'vscode';
import { CodeLensController } from './codeLens/codeLensController';
import { registerCommands } from './commands/registerCommands';
import { CompressFeature } from './compress/compressFeature';
import { Configuration } from './configuration';
import { CostDiagnosticsController } from './diagnostics/costDiagnosticsController';
import { DocumentAnalyzer } from './engine/documentAnalyzer';
import { EngineSettingsService } from './engine/engineSettingsService';
import { PipelineClient } from '../core/pipeline/pipelineClient';
import { HoverController } from './hover/hoverController';
import { Log } from './log';
import { PerfStats } from './perfStats';
import { SimulateFeature } from './simulate/simulateFeature';
import { SpendController } from './spend/spendController';
import { WorkspaceReportView } from './report/workspaceReportView';

export class Container implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  readonly log: Log;
  readonly config: Configuration;
  readonly engine: EngineSettingsService;
  /** The prompt worker: finding, estimating and compressing (everything that counts tokens) runs there. */
  readonly worker: PipelineClient;
  readonly analyzer: DocumentAnalyzer;
  readonly codeLens: CodeLensController;
  readonly report: WorkspaceReportView;
  readonly spend: SpendController;
  /** Simulate Monthly Cost, and the $/month of prompts with a usage entry (read by the CodeLens and the report). */
  readonly simulate: SimulateFeature;

  private constructor(
    readonly context: vscode.ExtensionContext,
    readonly stats: PerfStats,
  ) {
    this.log = this.register(new Log());
    this.config = this.register(new Configuration());
    this.engine = this.register(new EngineSettingsService(this.config, this.log, (label, ms) => stats.record(label, ms)));
    // In-process fallback slices run on this thread: they count as host blocks.
    this.worker = this.register(new PipelineClient(this.log, { onSlice: (label, ms) => stats.record(label, ms) }));
    this.analyzer = this.register(new DocumentAnalyzer(this.engine, this.config, this.log, stats, this.worker));
    this.simulate = this.register(new SimulateFeature(this));
    this.codeLens = this.register(new CodeLensController(this));
    this.register(new HoverController(this));
    this.register(new CostDiagnosticsController(this));
    this.report = this.register(new WorkspaceReportView(this));
    this.spend = this.register(new SpendController(this));
    this.register(registerCommands(this));
    this.register(new CompressFeature(this));
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
