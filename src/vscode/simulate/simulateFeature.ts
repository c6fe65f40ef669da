/**
 * Simulate Monthly Cost: the command and its panel, for one LLM call (its whole input, its output and
 * reasoning). The call's usage entry and $/month come with its analysis (the document pipeline), the usage
 * section through the engine settings. One panel at a time;
 * each edit from the webview is applied to the state (core), simulated (core) and drawn again.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import type { PriceTable } from '../../core/pricing/priceTable';
import { simulateModels, SimulationInputError, type SimulationResult } from '../../core/simulate/modelComparison';
import { toMarkdown } from '../../core/simulate/simulationMarkdown';
import { applySimulationEdit, initialSimulationState, setModelAcceptable, simulationRequest, type SimulationState } from '../../core/presentation/simulatePanel/simulationState';
import { buildSimulationViewModel, type SimulationViewModel } from '../../core/presentation/simulatePanel/simulationViewModel';
import { callTokens } from '../../core/presentation/simulatePanel/simulationSubject';
import { registerCommand } from '../commands/registerCommand';
import type { Configuration } from '../configuration';
import type { Log } from '../log';
import { createSimulationPanel, type SimulationMessage, type SimulationPanel } from './simulationPanel';
import { readSimulationSettings } from './simulationSettingsReader';
import { resolveSimulationTarget, simulateArgs, type SimulateArgs, type SimulationTargetServices } from './simulationTarget';
import type { EngineSettingsService } from '../engine/engineSettingsService';

/** What the extension API offers about the simulation (the integration suite reads it). */
export interface SimulateApi {
  /** The last simulation shown: its result, the Markdown "Copy Markdown" writes, the panel's model. */
  last(): { result: SimulationResult | null; markdown: string | null; view: SimulationViewModel | null; state: SimulationState | null } | null;
  panel(): { open: boolean; renders: number };
  /** Applies an edit as the webview would post it; resolves to the new view model. */
  edit(message: SimulationMessage): Promise<SimulationViewModel | null>;
}

/** What the feature uses: finding the call, the settings, the usage file and the log. */
export interface SimulateServices extends SimulationTargetServices {
  usage: Pick<EngineSettingsService, 'usageOf'>;
  config: Configuration;
  log: Log;
  extensionUri: vscode.Uri;
}

interface Session {
  state: SimulationState;
  prices: PriceTable;
  result: SimulationResult | null;
  view: SimulationViewModel;
  suggestions: string[];
}

export class SimulateFeature implements vscode.Disposable {
  private readonly panel: SimulationPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private session: Session | undefined;

  readonly api: SimulateApi = {
    last: () => (this.session ? { result: this.session.result, markdown: this.session.result ? toMarkdown(this.session.result) : null, view: this.session.view, state: this.session.state } : null),
    panel: () => ({ open: this.panel.isOpen, renders: this.panel.renderCount }),
    edit: async (message) => {
      await this.onMessage(message);
      return this.session?.view ?? null;
    },
  };

  constructor(private readonly services: SimulateServices) {
    this.panel = createSimulationPanel(services.extensionUri, (message) => this.onMessage(message));
    this.disposables.push(
      this.panel,
      registerCommand(CommandId.SimulateMonthlyCost, (first?: unknown, second?: unknown) => this.simulate(simulateArgs(first, second)), services.log),
    );
  }

  /** Opens the panel for the call the args point at; resolves to its first result (undefined when none). */
  private async simulate(args: SimulateArgs): Promise<SimulationResult | null | undefined> {
    const target = await resolveSimulationTarget(this.services, args);
    if (!target) return undefined;
    const { engine, analysis, usageCost } = target;
    const loaded = this.services.usage.usageOf(target.configFile);
    const state = initialSimulationState({
      subject: { label: target.label, file: target.file, line: target.line },
      tokens: callTokens(analysis.estimates),
      compareModels: engine.settings.compareModels,
      expectedOutputTokens: engine.settings.expectedOutputTokens,
      settings: readSimulationSettings(this.services.config, target.scope, this.services.log),
      usage: loaded?.usage ?? null,
      entry: usageCost?.entry ?? null,
      overrides: args,
    });
    const prices = engine.ctx.prices;
    const suggestions = prices.knownModels();
    this.session = { state, prices, suggestions, ...this.compute(state, prices, suggestions, null) };
    this.panel.show(this.session.view);
    this.services.log.info(`simulated ${target.label} on ${state.model}: ${this.session.result?.models[0].monthlyCost ?? 'no price'} USD/month`);
    return this.session.result;
  }

  private compute(state: SimulationState, prices: PriceTable, suggestions: string[], editError: string | null): { result: SimulationResult | null; view: SimulationViewModel } {
    try {
      const result = simulateModels(simulationRequest(state), prices);
      return { result, view: buildSimulationViewModel(state, result, { error: editError, modelSuggestions: suggestions }) };
    } catch (error) {
      if (!(error instanceof SimulationInputError)) throw error;
      return { result: null, view: buildSimulationViewModel(state, null, { error: error.message, modelSuggestions: suggestions }) };
    }
  }

  private async onMessage(message: SimulationMessage): Promise<void> {
    const session = this.session;
    if (!session) return;
    if (message.type === 'copyMarkdown') {
      if (!session.result) return;
      await vscode.env.clipboard.writeText(toMarkdown(session.result));
      void vscode.window.setStatusBarMessage('Prompt Cost: simulation copied as Markdown', 3000);
      return;
    }
    let next = session.state;
    let error: string | null = null;
    if (message.type === 'edit') ({ state: next, error } = applySimulationEdit(session.state, message.field, message.value));
    else if (message.type === 'accept') next = setModelAcceptable(session.state, message.model, message.accepted);
    // A refused edit keeps the last good figures and only shows why.
    const computed = error && session.result
      ? { result: session.result, view: { ...session.view, error, fields: buildSimulationViewModel(next, session.result, { modelSuggestions: session.suggestions }).fields } }
      : this.compute(next, session.prices, session.suggestions, error);
    this.session = { ...session, state: next, ...computed };
    this.panel.update(this.session.view);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.splice(0).reverse()).dispose();
  }
}
