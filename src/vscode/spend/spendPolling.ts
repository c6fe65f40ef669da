/**
 * The core `SpendPoller` for the current sources, rebuilt by `start` whenever the configuration changes.
 * Polling pauses while the window is in the background and resumes on focus. Keys come from SecretStorage
 * and go only to the origin they were stored for.
 */
import * as vscode from 'vscode';
import { keyOrigin } from '../../core/spend/keyOrigin';
import { nodeFetch } from '../../core/spend/nodeFetch';
import type { SourceDeps } from '../../core/spend/sourceSupport';
import { SpendPoller, type SpendSnapshot } from '../../core/spend/spendPoller';
import { createSpendSource } from '../../core/spend/spendSources';
import type { GetKey } from '../../core/spend/spendTypes';
import type { Log } from '../log';
import type { SpendSecrets } from './spendSecrets';
import type { SpendSettings } from './spendSettings';

const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

export class SpendPolling implements vscode.Disposable {
  private poller: SpendPoller | undefined;
  private settings: SpendSettings | undefined;
  private current: SpendSnapshot | null = null;
  private readonly focusSubscription: vscode.Disposable;

  constructor(
    private readonly secrets: Pick<SpendSecrets, 'get'>,
    /** Whether the workspace file chose a source's URL (then the key's origin is the one the user named). */
    private readonly urlChosenByWorkspaceFile: (sourceId: string) => boolean,
    private readonly onSnapshot: (snapshot: SpendSnapshot) => void,
    private readonly log: Log,
  ) {
    this.focusSubscription = vscode.window.onDidChangeWindowState((state) => {
      if (state.focused) this.poller?.resume();
      else this.poller?.pause();
    });
  }

  /** The latest reading (null: nothing polls, or a new poller has not read yet). */
  get snapshot(): SpendSnapshot | null {
    return this.current;
  }

  get isPolling(): boolean {
    return this.poller !== undefined;
  }

  /**
   * Stops the old poller and, when `settings` enable a source, starts polling them. `showFirst` runs once
   * the first (empty) reading is there, before any request goes out.
   */
  start(settings: SpendSettings, showFirst: () => void): void {
    this.stop();
    this.settings = settings;
    const { config } = settings;
    if (config.sources.length === 0) {
      showFirst();
      return;
    }
    const deps = this.sourceDeps();
    const poller = new SpendPoller({
      sources: config.sources.map((s) => createSpendSource(s, deps)),
      intervalMs: config.intervalMinutes * 60_000,
      log: (line) => this.log.warn(line),
    });
    this.poller = poller;
    poller.subscribe((snapshot) => {
      this.current = snapshot;
      this.onSnapshot(snapshot);
    });
    this.current = poller.snapshot();
    showFirst();
    poller.start();
    if (!vscode.window.state.focused) poller.pause();
    this.log.info(`spend: polling ${config.sources.map((s) => s.id).join(', ')} every ${config.intervalMinutes} min${poller.snapshot().paused ? ' (paused: window not focused)' : ''}`);
  }

  /** Polls now; resolves when done (at once when nothing polls). */
  async refresh(): Promise<void> {
    await this.poller?.refresh();
  }

  /** What the core's sources need to make a request (also used to fetch the tracker's prices). */
  sourceDeps(): SourceDeps {
    return {
      fetch: nodeFetch,
      getKey: this.getKey,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: MAX_RESPONSE_BYTES,
      timeZone: this.settings?.config.timeZone,
    };
  }

  /**
   * The core's key lookup: a stored key goes only to the origin it was stored with, which the user named by
   * typing the key at a prompt that showed it (rule 1 of core/spend/keyOrigin.ts).
   */
  private readonly getKey: GetKey = async (sourceId) => {
    const stored = await this.secrets.get(sourceId);
    const source = this.settings?.config.sources.find((s) => s.id === sourceId);
    if (!stored || !source) return undefined;
    const origin = keyOrigin(source, { namedOrigin: stored.origin, urlFromWorkspace: this.urlChosenByWorkspaceFile(sourceId) });
    return { secret: stored.secret, origin };
  };

  /** Disposes the poller; the snapshot is gone until the next `start`. */
  stop(): void {
    this.poller?.dispose();
    this.poller = undefined;
    this.current = null;
  }

  dispose(): void {
    this.stop();
    this.focusSubscription.dispose();
  }
}
