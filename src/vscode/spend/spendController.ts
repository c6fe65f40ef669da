/**
 * The editor face of spend tracking, wired from its parts: the configuration (spendSettingsWatcher.ts), the
 * poller and the tracker's prices (spendPolling.ts), the status bar, the dashboard, budget
 * notifications and the 30-day history, and the commands (spendCommands.ts). Each snapshot feeds the views,
 * the history and the notifier; each configuration change rebuilds the poller. With no source enabled nothing
 * polls and the status bar item stays hidden.
 */
import { createHash } from 'crypto';
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { ContextKey } from '../../core/manifest/extensionNames';
import { buildDashboardModel, type DashboardModel } from '../../core/presentation/spend/spendDashboardModel';
import { SpendHistory } from '../../core/spend/spendHistory';
import type { SpendSnapshot } from '../../core/spend/spendPoller';
import type { SpendStatusView } from '../../core/presentation/spend/spendStatusView';
import { registerCommands } from '../commands/registerCommand';
import type { Configuration } from '../configuration';
import type { Log } from '../log';
import { BudgetNotifier } from './budgetNotifier';
import { createDashboardPanel, type DashboardPanel } from './dashboardPanel';
import { SPEND_COMMANDS } from './spendCommands';
import { SpendPolling, type SetPriceOverrides } from './spendPolling';
import { SpendSecrets } from './spendSecrets';
import { SpendSettingsWatcher, type WorkspaceProjectConfig } from './spendSettingsWatcher';
import { SpendStatusBar } from './spendStatusBar';

const HISTORY_KEY = 'promptCost.spend.history';

/** What the extension API offers about spend (the status bar item's text is not readable through VS Code). */
export interface SpendApi {
  status(): SpendStatusView & { tooltip: string };
  /** Budget notifications shown in this session. */
  notifications(): readonly string[];
  dashboard(): { open: boolean; renders: number; model: DashboardModel };
  /** Polls now; resolves when done. */
  refresh(): Promise<void>;
  /** Models whose prices currently come from the tracker's `/pricing` (empty when off or failed). */
  trackerPricedModels(): readonly string[];
  /** Where a source's stored key may go, and a SHA-256 prefix of it (never the key itself). */
  storedKey(sourceId: string): Promise<{ origin: string; sha256: string } | undefined>;
  /** Why part of the spend configuration is not used (logged, and the first shown as a warning). */
  problems(): readonly string[];
}

export interface SpendServices {
  extension: Pick<vscode.ExtensionContext, 'secrets' | 'globalState' | 'extensionUri' | 'extensionMode' | 'extension'>;
  config: Configuration;
  /** The workspace's `.promptcost.yml`, for its `spend:` section. */
  projectConfig: WorkspaceProjectConfig;
  /** The engine's extra price overrides, for the tracker's prices. */
  setPriceOverrides: SetPriceOverrides;
  log: Log;
}

export class SpendController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly secrets: SpendSecrets;
  private readonly spendSettings: SpendSettingsWatcher;
  private readonly polling: SpendPolling;
  private readonly statusBar: SpendStatusBar;
  private readonly dashboard: DashboardPanel;
  private readonly history: SpendHistory;
  private readonly notifier: BudgetNotifier;

  readonly api: SpendApi = {
    status: () => ({ ...this.statusBar.view, tooltip: this.statusBar.tooltipMarkdown }),
    notifications: () => this.notifier.shownMessages,
    dashboard: () => ({ open: this.dashboard.isOpen, renders: this.dashboard.renderCount, model: this.dashboardModel() }),
    refresh: () => this.refresh(),
    trackerPricedModels: () => this.polling.trackerPricedModels,
    storedKey: async (sourceId) => {
      const key = await this.secrets.get(sourceId);
      return key && { origin: key.origin, sha256: createHash('sha256').update(key.secret).digest('hex').slice(0, 12) };
    },
    problems: () => this.spendSettings.settings.problems,
  };

  constructor(private readonly services: SpendServices) {
    const { extension, config, log } = services;
    this.secrets = new SpendSecrets(extension.secrets);
    this.statusBar = new SpendStatusBar(
      { refresh: CommandId.RefreshSpend, openDashboard: CommandId.OpenDashboard, configure: CommandId.ConfigureSpend, setApiKey: CommandId.SetApiKey },
      CommandId.OpenDashboard,
    );
    this.dashboard = createDashboardPanel(extension.extensionUri, CommandId.RefreshSpend, CommandId.ConfigureSpend);
    this.history = new SpendHistory(extension.globalState.get(HISTORY_KEY));
    this.spendSettings = new SpendSettingsWatcher(config, services.projectConfig, log);
    this.notifier = new BudgetNotifier(extension.globalState, this.spendSettings.settings.config, CommandId.OpenDashboard, (line) => log.info(line));
    this.polling = new SpendPolling(
      this.secrets,
      (id) => this.spendSettings.urlChosenByWorkspaceFile(id),
      (snapshot) => this.onSnapshot(snapshot),
      services.setPriceOverrides,
      log,
    );

    this.disposables.push(
      this.secrets,
      this.statusBar,
      this.dashboard,
      this.spendSettings,
      this.polling,
      registerCommands(SPEND_COMMANDS, {
        refresh: () => this.refresh(),
        openDashboard: () => this.dashboard.show(this.dashboardModel()),
        extensionId: extension.extension.id,
        secrets: this.secrets,
        spendSettings: this.spendSettings,
        config,
        extensionMode: extension.extensionMode,
        log,
      }, log),
      this.spendSettings.onDidChange(() => this.rebuild()),
      this.secrets.onDidChange((sourceId) => {
        if (this.polling.isPolling && this.spendSettings.settings.config.sources.some((s) => s.id === sourceId)) void this.refresh();
      }),
    );
    this.rebuild();
  }

  private rebuild(): void {
    const settings = this.spendSettings.reread();
    this.notifier.reconfigure(settings.config);
    void vscode.commands.executeCommand('setContext', ContextKey.SpendEnabled, settings.config.sources.length > 0);
    this.polling.start(settings, () => this.render());
  }

  private onSnapshot(snapshot: SpendSnapshot): void {
    const fresh = snapshot.sources.filter((s) => s.status === 'ok' && s.result).map((s) => s.result!);
    if (fresh.length && this.history.record(fresh)) void this.services.extension.globalState.update(HISTORY_KEY, this.history.toJSON());
    this.render();
    this.notifier.check(snapshot);
  }

  private render(): void {
    const { budget, timeZone } = this.spendSettings.settings.config;
    this.statusBar.render(this.polling.snapshot, { budgets: budget, perRequestLimit: this.services.config.get('perRequestLimit'), timeZone });
    if (this.dashboard.isOpen) this.dashboard.update(this.dashboardModel());
  }

  private dashboardModel(): DashboardModel {
    const { budget, timeZone } = this.spendSettings.settings.config;
    const snapshot = this.polling.snapshot ?? { at: Date.now(), paused: false, sources: [], total: { today: 0, monthToDate: null, complete: true, stale: false } };
    return buildDashboardModel(snapshot, this.history, { budgets: budget, perRequestLimit: this.services.config.get('perRequestLimit'), timeZone });
  }

  private refresh(): Promise<void> {
    return this.polling.refresh();
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables.splice(0).reverse()).dispose();
  }
}
