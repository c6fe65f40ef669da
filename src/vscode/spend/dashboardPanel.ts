/**
 * The spend dashboard: one webview panel, drawn by media/dashboard/dashboard.js from a `DashboardModel`
 * (built and formatted in core). The shared lifecycle (../webview/modelWebviewPanel.ts) sends the model
 * when the script is ready and on every poller update; the dashboard's own buttons run its commands.
 */
import * as vscode from 'vscode';
import { WebviewPanelType } from '../../core/manifest/extensionNames';
import type { DashboardModel } from '../../core/presentation/spend/spendDashboardModel';
import { ModelWebviewPanel } from '../webview/modelWebviewPanel';

export type DashboardPanel = ModelWebviewPanel<DashboardModel>;

export function createDashboardPanel(extensionUri: vscode.Uri, refreshCommand: string, configureCommand: string): DashboardPanel {
  return new ModelWebviewPanel<DashboardModel>(extensionUri, {
    viewType: WebviewPanelType.SpendDashboard,
    title: 'LLM Spend',
    column: vscode.ViewColumn.Active,
    page: {
      styles: ['shared/webview.css', 'dashboard/dashboard.css'],
      scripts: ['shared/webview.js', 'dashboard/dashboard.js'],
      body: `<main id="app" aria-live="polite" aria-busy="true">
  <h1>LLM spend</h1>
  <p id="status">Loading…</p>
</main>`,
    },
    onMessage: (message) => {
      if (message.type === 'refresh') void vscode.commands.executeCommand(refreshCommand);
      else if (message.type === 'configure') void vscode.commands.executeCommand(configureCommand);
    },
  });
}
