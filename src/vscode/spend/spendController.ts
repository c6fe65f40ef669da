/**
 * The editor face of spend tracking: builds the core `SpendPoller` from the settings and the keys in
 * SecretStorage, and feeds its snapshots to the status bar, the budget notifier, the dashboard and the
 * 30-day history. Polling pauses while the window is in the background and refreshes on focus. Any change
 * to `promptCost.spend.*` / `promptCost.budget.*`, to the workspace's `.promptcost.yml` `spend:` section (used
 * when the settings enable no source; see core/spend/workspaceSpendConfig.ts) or to workspace trust rebuilds
 * the poller; a new key refreshes it. With no source enabled nothing polls and the status bar item stays hidden.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import type { PriceOverride } from '../../core/config/engineSettings';
import { nodeFetch } from '../../core/spend/nodeFetch';
import { buildDashboardModel, type DashboardModel } from '../../core/spend/spendDashboardModel';
import { SpendHistory } from '../../core/spend/spendHistory';
import { SpendPoller, type SpendSnapshot } from '../../core/spend/spendPoller';
import { keyOrigin } from '../../core/spend/keyOrigin';
import { effectiveBaseUrl } from '../../core/spend/spendConfig';
import { createSpendSource } from '../../core/spend/spendSources';
import type { SpendStatusView } from '../../core/spend/spendStatusView';
import type { SourceDeps } from '../../core/spend/sourceSupport';
import { fetchTrackerPricing } from '../../core/spend/trackerSource';
import { SpendError, type GetKey } from '../../core/spend/spendTypes';
import { parseBaseUrl } from '../../core/spend/urlPolicy';
import { mergeSpendConfig, type WorkspaceSpendInput } from '../../core/spend/workspaceSpendConfig';
import type { Container } from '../container';
import { BudgetNotifier } from './budgetNotifier';
import { createDashboardPanel, type DashboardPanel } from './dashboardPanel';
import { SpendSecrets } from './spendSecrets';
import { readSpendSettings, SPEND_KEYS, urlFromWorkspaceSettings, type SpendSettings } from './spendSettings';
import { SpendStatusBar } from './spendStatusBar';

const HISTORY_KEY = 'promptCost.spend.history';
/** `when` clause key: some spend source is enabled (package.json hides Refresh/Clear Key otherwise). */
const SPEND_ENABLED_CONTEXT = 'promptCost:spendEnabled';
const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Settings often change several keys at once (or per keystroke in settings.json): rebuild once. */
const REBUILD_DELAY_MS = 150;

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

/** Arguments accepted by Set API Key; `key` is honoured only outside production (integration tests). */
interface SetApiKeyArgs {
  source?: string;
  key?: string;
}

export class SpendController implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly secrets: SpendSecrets;
  private readonly statusBar: SpendStatusBar;
  private readonly dashboard: DashboardPanel;
  private readonly history: SpendHistory;
  private readonly notifier: BudgetNotifier;
  private settings: SpendSettings;
  private poller: SpendPoller | undefined;
  private snapshot: SpendSnapshot | null = null;
  private rebuildTimer: NodeJS.Timeout | undefined;
  private lastProblems = '';
  private pricingLoaded = false;
  private pricingApplied = false;
  private pricedModels: string[] = [];
  /** The workspace `.promptcost.yml`'s spend section as last read (undefined spend: none). */
  private fileSpend: Omit<WorkspaceSpendInput, 'trusted'> | null = null;
  private fileSpendJson = 'null';
  private fileSpendReads = 0;
  /** Sources whose URL the workspace file chose. */
  private workspaceUrlSources = new Set<string>();

  readonly api: SpendApi = {
    status: () => ({ ...this.statusBar.view, tooltip: this.statusBar.tooltipMarkdown }),
    notifications: () => this.notifier.shownMessages,
    dashboard: () => ({ open: this.dashboard.isOpen, renders: this.dashboard.renderCount, model: this.dashboardModel() }),
    refresh: () => this.refresh(),
    trackerPricedModels: () => this.pricedModels,
    storedKey: async (sourceId) => {
      const key = await this.secrets.get(sourceId);
      return key && { origin: key.origin, sha256: createHash('sha256').update(key.secret).digest('hex').slice(0, 12) };
    },
    problems: () => this.settings.problems,
  };

  constructor(private readonly container: Container) {
    const { context } = container;
    this.secrets = new SpendSecrets(context.secrets);
    this.statusBar = new SpendStatusBar(
      { refresh: CommandId.RefreshSpend, openDashboard: CommandId.OpenDashboard, configure: CommandId.ConfigureSpend, setApiKey: CommandId.SetApiKey },
      CommandId.OpenDashboard,
    );
    this.dashboard = createDashboardPanel(context.extensionUri, CommandId.RefreshSpend, CommandId.ConfigureSpend);
    this.history = new SpendHistory(context.globalState.get(HISTORY_KEY));
    this.settings = this.readSettings();
    this.notifier = new BudgetNotifier(context.globalState, this.settings.config, CommandId.OpenDashboard, (line) => container.log.info(line));

    this.disposables.push(
      this.secrets,
      this.statusBar,
      this.dashboard,
      vscode.commands.registerCommand(CommandId.RefreshSpend, () => this.refresh()),
      vscode.commands.registerCommand(CommandId.OpenDashboard, () => this.dashboard.show(this.dashboardModel())),
      vscode.commands.registerCommand(CommandId.SetApiKey, (args?: SetApiKeyArgs) => this.setApiKey(args)),
      vscode.commands.registerCommand(CommandId.ClearApiKey, (args?: SetApiKeyArgs) => this.clearApiKey(args)),
      vscode.commands.registerCommand(CommandId.ConfigureSpend, () =>
        vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id} spend budget`),
      ),
      container.config.onDidChange((e) => {
        if (container.config.changed(e, [...SPEND_KEYS, 'perRequestLimit'])) this.scheduleRebuild();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleRebuild()),
      container.engine.onDidChangeProjectConfig(() => void this.readFileSpend()),
      this.secrets.onDidChange((sourceId) => {
        if (this.poller && this.settings.config.sources.some((s) => s.id === sourceId)) void this.refresh();
      }),
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) this.poller?.resume();
        else this.poller?.pause();
      }),
    );
    this.rebuild();
    void this.readFileSpend();
  }

  /** Reads the workspace file's spend section (asynchronously); rebuilds when it changed. */
  private async readFileSpend(): Promise<void> {
    const read = ++this.fileSpendReads;
    let next: Omit<WorkspaceSpendInput, 'trusted'> | null = null;
    try {
      const loaded = await this.container.engine.workspaceProjectConfig();
      if (loaded && loaded.config.spend !== undefined) next = { spend: loaded.config.spend, fileName: path.basename(loaded.file) };
    } catch (error) {
      this.container.log.error('spend: could not read .promptcost.yml', error);
    }
    if (read !== this.fileSpendReads) return; // a newer read is under way
    const json = JSON.stringify(next);
    if (json === this.fileSpendJson) return;
    this.fileSpendJson = json;
    this.fileSpend = next;
    this.scheduleRebuild();
  }

  /** The settings, or else the workspace file's spend section. */
  private readSettings(): SpendSettings {
    const own = readSpendSettings(this.container.config);
    const merged = mergeSpendConfig(own.config, this.fileSpend && { ...this.fileSpend, trusted: vscode.workspace.isTrusted });
    this.workspaceUrlSources = new Set(merged.workspaceUrlSources);
    if (merged.from === 'file') this.container.log.debug(`spend: sources from ${this.fileSpend?.fileName}`);
    return { ...own, config: merged.config, problems: [...own.problems, ...merged.problems] };
  }

  private scheduleRebuild(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = undefined;
      this.rebuild();
    }, REBUILD_DELAY_MS);
  }

  private rebuild(): void {
    this.settings = this.readSettings();
    this.reportProblems(this.settings.problems);
    this.notifier.reconfigure(this.settings.config);
    this.poller?.dispose();
    this.poller = undefined;
    this.snapshot = null;
    this.pricingLoaded = false;
    if (!this.settings.useTrackerPricing) this.applyPricing({});

    const { config } = this.settings;
    void vscode.commands.executeCommand('setContext', SPEND_ENABLED_CONTEXT, config.sources.length > 0);
    if (config.sources.length === 0) {
      this.render();
      return;
    }
    const deps = this.sourceDeps();
    const poller = new SpendPoller({
      sources: config.sources.map((s) => createSpendSource(s, deps)),
      intervalMs: config.intervalMinutes * 60_000,
      log: (line) => this.container.log.warn(line),
    });
    this.poller = poller;
    poller.subscribe((snapshot) => this.onSnapshot(snapshot));
    this.snapshot = poller.snapshot();
    this.render();
    poller.start();
    if (!vscode.window.state.focused) poller.pause();
    this.container.log.info(`spend: polling ${config.sources.map((s) => s.id).join(', ')} every ${config.intervalMinutes} min${poller.snapshot().paused ? ' (paused: window not focused)' : ''}`);
  }

  private sourceDeps(): SourceDeps {
    return {
      fetch: nodeFetch,
      getKey: this.getKey,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: MAX_RESPONSE_BYTES,
      timeZone: this.settings.config.timeZone,
    };
  }

  /**
   * The core's key lookup: a stored key goes only to the origin it was stored with, which the user named by
   * typing the key at a prompt that showed it (rule 1 of core/spend/keyOrigin.ts).
   */
  private readonly getKey: GetKey = async (sourceId) => {
    const stored = await this.secrets.get(sourceId);
    const source = this.settings.config.sources.find((s) => s.id === sourceId);
    if (!stored || !source) return undefined;
    const origin = keyOrigin(source, { namedOrigin: stored.origin, urlFromWorkspace: this.workspaceUrlSources.has(sourceId) });
    return { secret: stored.secret, origin };
  };

  private onSnapshot(snapshot: SpendSnapshot): void {
    this.snapshot = snapshot;
    const fresh = snapshot.sources.filter((s) => s.status === 'ok' && s.result).map((s) => s.result!);
    if (fresh.length && this.history.record(fresh)) void this.container.context.globalState.update(HISTORY_KEY, this.history.toJSON());
    this.render();
    this.notifier.check(snapshot);
    if (this.settings.useTrackerPricing && !this.pricingLoaded && snapshot.sources.some((s) => s.kind === 'tracker' && s.status === 'ok')) {
      void this.loadTrackerPricing();
    }
  }

  private render(): void {
    const { budget, timeZone } = this.settings.config;
    this.statusBar.render(this.snapshot, { budgets: budget, perRequestLimit: this.container.config.get('perRequestLimit'), timeZone });
    if (this.dashboard.isOpen) this.dashboard.update(this.dashboardModel());
  }

  private dashboardModel(): DashboardModel {
    const { budget, timeZone } = this.settings.config;
    const snapshot = this.snapshot ?? { at: Date.now(), paused: false, sources: [], total: { today: 0, monthToDate: null, complete: true, stale: false } };
    return buildDashboardModel(snapshot, this.history, { budgets: budget, perRequestLimit: this.container.config.get('perRequestLimit'), timeZone });
  }

  private async refresh(): Promise<void> {
    if (!this.poller) return;
    this.pricingLoaded = false;
    await this.poller.refresh();
  }

  // ──── Tracker prices → the engine's price overrides ────

  private async loadTrackerPricing(): Promise<void> {
    const tracker = this.settings.config.sources.find((s) => s.kind === 'tracker');
    if (!tracker || tracker.kind !== 'tracker') return;
    this.pricingLoaded = true;
    try {
      const pricing = await fetchTrackerPricing({ id: tracker.id, url: effectiveBaseUrl(tracker), options: tracker.options }, this.sourceDeps());
      const overrides: Record<string, PriceOverride> = {};
      for (const [model, price] of Object.entries(pricing)) overrides[model] = { input: price.input, output: price.output };
      this.applyPricing(overrides);
      this.container.log.info(`spend: using the tracker's prices for ${Object.keys(overrides).length} models`);
    } catch (error) {
      // Messages from the core are redacted (no key); the catalogue prices stay in use.
      this.container.log.warn(`spend: tracker /pricing not used: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private applyPricing(overrides: Record<string, PriceOverride>): void {
    const any = Object.keys(overrides).length > 0;
    if (!any && !this.pricingApplied) return;
    this.pricingApplied = any;
    this.pricedModels = Object.keys(overrides).sort();
    this.container.engine.setExtraPriceOverrides(overrides);
  }

  // ──── Keys ────

  private async pickSource(args: SetApiKeyArgs | undefined, placeHolder: string): Promise<string | undefined> {
    const sources = this.settings.config.sources;
    if (sources.length === 0) {
      const configure = 'Configure';
      const choice = await vscode.window.showInformationMessage('Prompt Cost: no spend source is enabled (setting promptCost.spend.sources, or spend.sources in .promptcost.yml).', configure);
      if (choice === configure) await vscode.commands.executeCommand(CommandId.ConfigureSpend);
      return undefined;
    }
    if (typeof args?.source === 'string') {
      if (sources.some((s) => s.id === args.source)) return args.source;
      void vscode.window.showErrorMessage(`Prompt Cost: '${args.source}' is not an enabled spend source.`);
      return undefined;
    }
    if (sources.length === 1) return sources[0].id;
    const items = await Promise.all(
      sources.map(async (s) => {
        const stored = await this.secrets.get(s.id);
        const url = effectiveBaseUrl(s);
        const where = this.workspaceUrlSources.has(s.id) ? ' (from .promptcost.yml)' : urlFromWorkspaceSettings(this.container.config, s.kind) ? ' (from workspace settings)' : '';
        return { label: s.id, description: url ? `${url}${where}` : 'no URL set', detail: stored ? `key stored for ${stored.origin}` : 'no key stored', id: s.id };
      }),
    );
    return (await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true }))?.id;
  }

  private async setApiKey(args: SetApiKeyArgs | undefined): Promise<void> {
    const id = await this.pickSource(args, 'Set the API key of which spend source?');
    if (!id) return;
    const source = this.settings.config.sources.find((s) => s.id === id)!;
    // The prompt below shows this origin: typing the key there names it for the key, the only way a URL from
    // the workspace file gets one (core/spend/keyOrigin.ts).
    let origin: string;
    try {
      origin = parseBaseUrl(effectiveBaseUrl(source), id).origin;
    } catch (error) {
      const configure = 'Configure';
      const message = error instanceof SpendError ? error.message : String(error);
      const choice = await vscode.window.showErrorMessage(`Prompt Cost: set a valid base URL first. ${message}`, configure);
      if (choice === configure) await vscode.commands.executeCommand(CommandId.ConfigureSpend);
      return;
    }
    let key: string | undefined;
    if (typeof args?.key === 'string' && this.container.context.extensionMode !== vscode.ExtensionMode.Production) {
      key = args.key;
    } else {
      // A trusted workspace may still be a repository someone else wrote: say when it chose this URL.
      const writtenIn = this.workspaceUrlSources.has(id) ? ".promptcost.yml" : urlFromWorkspaceSettings(this.container.config, source.kind) ? 'settings (.vscode/settings.json)' : null;
      const fromFile = writtenIn ? ` This URL comes from the workspace's ${writtenIn}: enter a key only if you trust ${origin}.` : '';
      key = await vscode.window.showInputBox({
        title: `API key for ${id} — sent only to ${origin}`,
        prompt: `Stored in the OS keychain (VS Code SecretStorage) and bound to ${origin}. Changing the URL asks for it again.${fromFile}`,
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === '' ? 'Enter the key' : /\s/.test(value.trim()) ? 'A key has no spaces' : undefined),
      });
    }
    if (!key || !key.trim()) return;
    await this.secrets.store(id, key.trim(), origin);
    this.container.log.info(`spend: key stored for ${id} (${origin})`);
    if (args?.key === undefined) void vscode.window.showInformationMessage(`Prompt Cost: key stored for ${id}; it is sent only to ${origin}.`);
  }

  private async clearApiKey(args: SetApiKeyArgs | undefined): Promise<void> {
    // A named source's stored key can be forgotten even when the source is no longer enabled (e.g. it came
    // from a .promptcost.yml section since removed).
    const named = typeof args?.source === 'string' && (await this.secrets.get(args.source)) ? args.source : undefined;
    const id = named ?? (await this.pickSource(args, 'Forget the API key of which spend source?'));
    if (!id) return;
    await this.secrets.delete(id);
    this.container.log.info(`spend: key removed for ${id}`);
  }

  private reportProblems(problems: readonly string[]): void {
    const joined = problems.join('\n');
    if (joined === this.lastProblems) return;
    this.lastProblems = joined;
    for (const problem of problems) this.container.log.warn(`settings: ${problem}`);
    if (problems.length) void vscode.window.showWarningMessage(`Prompt Cost: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more; see the log)` : ''}`);
  }

  dispose(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.poller?.dispose();
    this.poller = undefined;
    vscode.Disposable.from(...this.disposables.splice(0).reverse()).dispose();
  }
}
