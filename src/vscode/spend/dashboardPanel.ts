/**
 * The spend dashboard: one webview panel, drawn by media/dashboard/dashboard.js from a `DashboardModel`
 * (built and formatted in core). Strict CSP with a nonce, resources only from media/, no remote content.
 * The panel posts `ready` when its script runs; the model is sent then and on every poller update.
 */
import * as vscode from 'vscode';
import type { DashboardModel } from '../../core/spend/spendDashboardModel';
import { mediaWebviewOptions, webviewShell } from '../webview/webviewHtml';

export const DASHBOARD_VIEW_TYPE = 'promptCost.spendDashboard';

export class DashboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private latest: DashboardModel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** How many models the webview has acknowledged drawing (the extension API exposes it for tests). */
  renderCount = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly refreshCommand: string,
    private readonly configureCommand: string,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  show(model: DashboardModel): void {
    this.latest = model;
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.post();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'LLM Spend', vscode.ViewColumn.Active, mediaWebviewOptions(this.extensionUri));
    this.panel = panel;
    this.ready = false;
    panel.webview.html = this.html(panel.webview);
    this.disposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        vscode.Disposable.from(...this.disposables.splice(0)).dispose();
      }),
      panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message?.type === 'ready') {
          this.ready = true;
          this.post();
        } else if (message?.type === 'rendered') {
          this.renderCount++;
        } else if (message?.type === 'refresh') {
          void vscode.commands.executeCommand(this.refreshCommand);
        } else if (message?.type === 'configure') {
          void vscode.commands.executeCommand(this.configureCommand);
        }
      }),
    );
  }

  /** New figures: redrawn if the panel is open (never opens it). */
  update(model: DashboardModel): void {
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
      title: 'LLM Spend',
      styles: ['shared/webview.css', 'dashboard/dashboard.css'],
      scripts: ['shared/webview.js', 'dashboard/dashboard.js'],
      body: `<main id="app" aria-live="polite" aria-busy="true">
  <h1>LLM spend</h1>
  <p id="status">Loading…</p>
</main>`,
    });
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
  }
}
