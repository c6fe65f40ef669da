/**
 * The spend configuration as it stands: the `promptCost.spend.*` / `promptCost.budget.*` settings, or else
 * the workspace `.promptcost.yml`'s `spend:` section (see core/spend/workspaceSpendConfig.ts). Any change
 * to those settings, to that section or to workspace trust fires `onDidChange` once per burst; the owner
 * then calls `reread()`.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { mergeSpendConfig, type WorkspaceSpendInput } from '../../core/spend/workspaceSpendConfig';
import type { Configuration } from '../configuration';
import type { EngineSettingsService } from '../engine/engineSettingsService';
import type { Log } from '../log';
import { readSpendSettings, SPEND_KEYS, type SpendSettings } from './spendSettings';

/** Settings often change several keys at once (or per keystroke in settings.json): rebuild once. */
const REBUILD_DELAY_MS = 150;

/** The workspace's `.promptcost.yml`, which the engine reads and watches. */
export type WorkspaceProjectConfig = Pick<EngineSettingsService, 'workspaceProjectConfig' | 'onDidChangeProjectConfig'>;

export class SpendSettingsWatcher implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  private current: SpendSettings;
  private rebuildTimer: NodeJS.Timeout | undefined;
  private lastProblems = '';
  /** The workspace `.promptcost.yml`'s spend section as last read (undefined spend: none). */
  private fileSpend: Omit<WorkspaceSpendInput, 'trusted'> | null = null;
  private fileSpendJson = 'null';
  private fileSpendReads = 0;
  /** Sources whose URL the workspace file chose. */
  private workspaceUrlSources = new Set<string>();

  /** Fires (debounced) when the spend configuration may differ. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly config: Configuration,
    private readonly projectConfig: WorkspaceProjectConfig,
    private readonly log: Log,
  ) {
    this.current = this.merged();
    this.disposables = [
      this.emitter,
      config.onDidChange((e) => {
        if (config.changed(e, [...SPEND_KEYS, 'perRequestLimit'])) this.scheduleChange();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleChange()),
      projectConfig.onDidChangeProjectConfig(() => void this.readFileSpend()),
    ];
    void this.readFileSpend();
  }

  /** The configuration as last read. */
  get settings(): SpendSettings {
    return this.current;
  }

  /** Whether the workspace file (not a setting) chose this source's URL: its key needs the user to name the origin. */
  urlChosenByWorkspaceFile(sourceId: string): boolean {
    return this.workspaceUrlSources.has(sourceId);
  }

  /** Reads the configuration again; new problems are logged and the first is shown as a warning. */
  reread(): SpendSettings {
    this.current = this.merged();
    this.reportProblems(this.current.problems);
    return this.current;
  }

  /** The settings, or else the workspace file's spend section. */
  private merged(): SpendSettings {
    const own = readSpendSettings(this.config);
    const merged = mergeSpendConfig(own.config, this.fileSpend && { ...this.fileSpend, trusted: vscode.workspace.isTrusted });
    this.workspaceUrlSources = new Set(merged.workspaceUrlSources);
    if (merged.from === 'file') this.log.debug(`spend: sources from ${this.fileSpend?.fileName}`);
    return { ...own, config: merged.config, problems: [...own.problems, ...merged.problems] };
  }

  /** Reads the workspace file's spend section (asynchronously); signals a change when it differs. */
  private async readFileSpend(): Promise<void> {
    const read = ++this.fileSpendReads;
    let next: Omit<WorkspaceSpendInput, 'trusted'> | null = null;
    try {
      const loaded = await this.projectConfig.workspaceProjectConfig();
      if (loaded && loaded.config.spend !== undefined) next = { spend: loaded.config.spend, fileName: path.basename(loaded.file) };
    } catch (error) {
      this.log.error('spend: could not read .promptcost.yml', error);
    }
    if (read !== this.fileSpendReads) return; // a newer read is under way
    const json = JSON.stringify(next);
    if (json === this.fileSpendJson) return;
    this.fileSpendJson = json;
    this.fileSpend = next;
    this.scheduleChange();
  }

  private scheduleChange(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = undefined;
      this.emitter.fire();
    }, REBUILD_DELAY_MS);
  }

  private reportProblems(problems: readonly string[]): void {
    const joined = problems.join('\n');
    if (joined === this.lastProblems) return;
    this.lastProblems = joined;
    for (const problem of problems) this.log.warn(`settings: ${problem}`);
    if (problems.length) void vscode.window.showWarningMessage(`Prompt Cost: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more; see the log)` : ''}`);
  }

  dispose(): void {
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    vscode.Disposable.from(...this.disposables.splice(0).reverse()).dispose();
  }
}
