// Placeholder entry point so the integration harness has something real to load; the real extension
// (CodeLens, status bar, commands) replaces this file.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Prompt Cost Lens', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('promptCost.showLog', () => log.show(true)),
  );
  log.info('Prompt Cost Lens activated');
}

export function deactivate(): void {
  // Nothing to release: everything is in context.subscriptions.
}
