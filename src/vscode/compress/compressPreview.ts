/**
 * The read-only documents the Compress Prompt diff shows: the prompt text before and after, served by a
 * TextDocumentContentProvider on the `prompt-cost-compress` scheme (nothing is written to disk).
 */
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'prompt-cost-compress';

export class CompressPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;
  private counter = 0;

  readonly onDidChange = this.emitter.event;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens the diff of `before` → `after`; returns the two virtual documents' URIs. */
  async show(label: string, before: string, after: string, title: string): Promise<{ left: vscode.Uri; right: vscode.Uri }> {
    const id = ++this.counter;
    // Forget older previews: only the latest one is ever shown.
    if (this.contents.size > 8) this.contents.clear();
    const safe = label.replace(/[^\w.-]+/g, '_') || 'prompt';
    const left = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${id}/original/${safe}` });
    const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${id}/compressed/${safe}` });
    this.contents.set(left.toString(), before);
    this.contents.set(right.toString(), after);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true, preserveFocus: false });
    return { left, right };
  }

  /** Closes the diff tabs showing `right` (after Apply or Discard). */
  async close(right: vscode.Uri): Promise<void> {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === right.toString());
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
    this.contents.clear();
  }
}
