/**
 * The Simulate Monthly Cost panel: one webview, drawn by media/simulate/simulate.js from a
 * `SimulationViewModel` (built and formatted in core). Strict CSP with a nonce, resources only from media/,
 * no remote content. The panel posts `ready` when its script runs, then edits (`edit`, `accept`) and
 * `copyMarkdown`; the owner recomputes with the core and calls `update` with the new model.
 */
import * as vscode from 'vscode';
import type { SimulationViewModel } from '../../core/simulateView/simulationViewModel';
import { mediaWebviewOptions, webviewShell } from '../webview/webviewHtml';

export const SIMULATION_VIEW_TYPE = 'promptCost.simulation';
export const SIMULATION_PANEL_TITLE = 'Monthly Cost Simulation';

/** Messages the webview sends. */
export type SimulationMessage =
  | { type: 'edit'; field: string; value: unknown }
  | { type: 'accept'; model: string; accepted: boolean }
  | { type: 'copyMarkdown' };

export class SimulationPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private latest: SimulationViewModel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** How many models the webview has acknowledged drawing (the extension API exposes it for tests). */
  renderCount = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly onMessage: (message: SimulationMessage) => void | Promise<void>,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  show(model: SimulationViewModel): void {
    this.latest = model;
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.post();
      return;
    }
    const panel = vscode.window.createWebviewPanel(SIMULATION_VIEW_TYPE, SIMULATION_PANEL_TITLE, vscode.ViewColumn.Beside, {
      ...mediaWebviewOptions(this.extensionUri),
      retainContextWhenHidden: false,
    });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = this.html(panel.webview);
    this.disposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        vscode.Disposable.from(...this.disposables.splice(0)).dispose();
      }),
      panel.webview.onDidReceiveMessage((message: { type?: string } & Record<string, unknown>) => {
        if (message?.type === 'ready') {
          this.ready = true;
          this.post();
        } else if (message?.type === 'rendered') {
          this.renderCount++;
        } else if (message?.type === 'edit' && typeof message.field === 'string') {
          void this.onMessage({ type: 'edit', field: message.field, value: message.value });
        } else if (message?.type === 'accept' && typeof message.model === 'string') {
          void this.onMessage({ type: 'accept', model: message.model, accepted: message.accepted === true });
        } else if (message?.type === 'copyMarkdown') {
          void this.onMessage({ type: 'copyMarkdown' });
        }
      }),
    );
  }

  /** New figures: redrawn if the panel is open (never opens it). */
  update(model: SimulationViewModel): void {
    this.latest = model;
    this.post();
  }

  private post(): void {
    if (this.panel && this.ready && this.latest) void this.panel.webview.postMessage({ type: 'model', model: this.latest });
  }

  private html(webview: vscode.Webview): string {
    return webviewShell({
      webview,
      extensionUri: this.extensionUri,
      title: SIMULATION_PANEL_TITLE,
      styles: ['shared/webview.css', 'simulate/simulate.css'],
      scripts: ['shared/webview.js', 'simulate/simulate.js'],
      body: `<main id="app" aria-busy="true">
  <h1>Monthly cost simulation</h1>
  <p id="status">Loading…</p>
</main>`,
    });
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
  }
}
