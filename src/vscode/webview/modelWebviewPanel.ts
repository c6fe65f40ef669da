/**
 * The lifecycle both webview panels share: at most one panel (a second `show` reveals it), the page from
 * `webviewShell`, and the protocol of media/shared/webview.js — the script posts `ready`, then the latest
 * model is sent as `{ type: 'model', model }` and each drawing acknowledged with `rendered`. Every other
 * message goes to the owner's handler. Closing the panel or disposing this object releases everything.
 */
import * as vscode from 'vscode';
import { mediaWebviewOptions, webviewShell, type WebviewShellOptions } from './webviewHtml';

/** A message from the webview script, checked only for being an object; the handler checks its fields. */
export type WebviewMessage = { type?: unknown } & Record<string, unknown>;

export interface ModelWebviewPanelSpec {
  viewType: string;
  /** The tab's title, also the page's <title>. */
  title: string;
  column: vscode.ViewColumn;
  /** Panel options added to the media-only webview options. */
  panelOptions?: vscode.WebviewPanelOptions;
  /** The page: media/ stylesheets and scripts and the markup shown until the first drawing. */
  page: Pick<WebviewShellOptions, 'styles' | 'scripts' | 'body'>;
  /** Messages other than `ready` and `rendered`. */
  onMessage: (message: WebviewMessage) => void;
}

export class ModelWebviewPanel<Model> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private latest: Model | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** How many models the webview has acknowledged drawing (the extension API exposes it for tests). */
  renderCount = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly spec: ModelWebviewPanelSpec,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Opens the panel with this model, or reveals the open one and redraws it. */
  show(model: Model): void {
    this.latest = model;
    if (this.panel) {
      this.panel.reveal(undefined, false);
      this.post();
      return;
    }
    const { viewType, title, column, panelOptions, page } = this.spec;
    const panel = vscode.window.createWebviewPanel(viewType, title, column, { ...mediaWebviewOptions(this.extensionUri), ...panelOptions });
    this.panel = panel;
    this.ready = false;
    panel.webview.html = webviewShell({ webview: panel.webview, extensionUri: this.extensionUri, title, ...page });
    this.disposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        vscode.Disposable.from(...this.disposables.splice(0)).dispose();
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (typeof message !== 'object' || message === null) return;
        const received = message as WebviewMessage;
        if (received.type === 'ready') {
          this.ready = true;
          this.post();
        } else if (received.type === 'rendered') {
          this.renderCount++;
        } else {
          this.spec.onMessage(received);
        }
      }),
    );
  }

  /** New figures: redrawn if the panel is open (never opens it). */
  update(model: Model): void {
    this.latest = model;
    this.post();
  }

  private post(): void {
    if (this.panel && this.ready && this.latest !== undefined) void this.panel.webview.postMessage({ type: 'model', model: this.latest });
  }

  dispose(): void {
    this.panel?.dispose();
    vscode.Disposable.from(...this.disposables.splice(0)).dispose();
  }
}
