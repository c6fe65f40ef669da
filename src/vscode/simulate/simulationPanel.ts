/**
 * The Simulate Monthly Cost panel: one webview, drawn by media/simulate/simulate.js from a
 * `SimulationViewModel` (built and formatted in core). The shared lifecycle (../webview/modelWebviewPanel.ts)
 * sends the model when the script is ready; the script's edits (`edit`, `accept`) and `copyMarkdown` go to
 * the owner, which recomputes with the core and calls `update` with the new model.
 */
import * as vscode from 'vscode';
import { WebviewPanelType } from '../../core/manifest/extensionNames';
import type { SimulationViewModel } from '../../core/presentation/simulatePanel/simulationViewModel';
import { ModelWebviewPanel } from '../webview/modelWebviewPanel';

export const SIMULATION_PANEL_TITLE = 'Monthly Cost Simulation';

/** Messages the webview sends. */
export type SimulationMessage =
  | { type: 'edit'; field: string; value: unknown }
  | { type: 'accept'; model: string; accepted: boolean }
  | { type: 'copyMarkdown' };

export type SimulationPanel = ModelWebviewPanel<SimulationViewModel>;

export function createSimulationPanel(
  extensionUri: vscode.Uri,
  onMessage: (message: SimulationMessage) => void | Promise<void>,
): SimulationPanel {
  return new ModelWebviewPanel<SimulationViewModel>(extensionUri, {
    viewType: WebviewPanelType.Simulation,
    title: SIMULATION_PANEL_TITLE,
    column: vscode.ViewColumn.Beside,
    panelOptions: { retainContextWhenHidden: false },
    page: {
      styles: ['shared/webview.css', 'simulate/simulate.css'],
      scripts: ['shared/webview.js', 'simulate/simulate.js'],
      body: `<main id="app" aria-busy="true">
  <h1>Monthly cost simulation</h1>
  <p id="status">Loading…</p>
</main>`,
    },
    onMessage: (message) => {
      if (message.type === 'edit' && typeof message.field === 'string') {
        void onMessage({ type: 'edit', field: message.field, value: message.value });
      } else if (message.type === 'accept' && typeof message.model === 'string') {
        void onMessage({ type: 'accept', model: message.model, accepted: message.accepted === true });
      } else if (message.type === 'copyMarkdown') {
        void onMessage({ type: 'copyMarkdown' });
      }
    },
  });
}
