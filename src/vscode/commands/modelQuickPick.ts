/**
 * The compare quick pick of one call: one row per model with the call's tokens, its cost (typical–max),
 * $/1k calls and the context share, the call's own model marked.
 * Choosing a row changes nothing; each row's buttons do, when asked: "Set as compare model" (adds it to
 * `promptCost.compareModels`) and "Copy estimate".
 */
import * as vscode from 'vscode';
import type { CallAnalysis } from '../../core/pipeline/callAnalysis';
import { callModelRows, type ModelRow } from '../../core/presentation/quickPick/modelRows';
import type { Configuration } from '../configuration';
import type { Log } from '../log';

export type ModelPickAction = { kind: 'setCompareModel' | 'copy'; model: string };

export interface ModelPickResult {
  /** What the quick pick showed, in order (returned so callers and tests can read it). */
  rows: ModelRow[];
  /** The row the user accepted, if any (accepting changes nothing). */
  chosen?: string;
  actions: ModelPickAction[];
}

interface ModelItem extends vscode.QuickPickItem {
  row: ModelRow;
}

const SET_COMPARE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('add'), tooltip: 'Set as compare model' };
const COPY: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy estimate' };
const SIMULATE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('graph-line'), tooltip: 'Simulate monthly cost' };

/** `onSimulate`: adds a title button that closes the pick and opens Simulate Monthly Cost for the same call. */
export function showModelQuickPick({ config, log }: { config: Configuration; log: Log }, title: string, analysis: Pick<CallAnalysis, 'estimates' | 'primary' | 'modelAssumed'>, onSimulate?: () => unknown): Promise<ModelPickResult> {
  const rows = callModelRows(analysis);
  const compared = new Set(config.get('compareModels'));
  const quickPick = vscode.window.createQuickPick<ModelItem>();
  quickPick.title = title;
  quickPick.placeholder = 'Models compared for this call (choosing one changes nothing; use the row buttons to act)';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = rows.map((row) => ({
    label: row.label,
    description: row.description,
    detail: row.detail,
    row,
    buttons: compared.has(row.model) || row.current ? [COPY] : [SET_COMPARE, COPY],
  }));
  const result: ModelPickResult = { rows, actions: [] };
  if (onSimulate) quickPick.buttons = [SIMULATE];
  return new Promise<ModelPickResult>((resolve) => {
    const disposables: vscode.Disposable[] = [quickPick];
    disposables.push(
      quickPick.onDidTriggerButton((button) => {
        if (button !== SIMULATE || !onSimulate) return;
        quickPick.hide();
        onSimulate();
      }),
      quickPick.onDidTriggerItemButton(async ({ item, button }) => {
        const model = item.row.model;
        if (button === SET_COMPARE) {
          const current = config.get('compareModels');
          if (!current.includes(model)) await config.update('compareModels', [...current, model]);
          result.actions.push({ kind: 'setCompareModel', model });
          log.info(`compare models: added ${model}`);
          quickPick.items = quickPick.items.map((i) => (i === item ? { ...i, buttons: [COPY] } : i));
        } else if (button === COPY) {
          await vscode.env.clipboard.writeText(`${model}: ${item.row.description} · ${item.row.detail}`);
          result.actions.push({ kind: 'copy', model });
        }
      }),
      quickPick.onDidAccept(() => {
        result.chosen = quickPick.selectedItems[0]?.row.model;
        quickPick.hide();
      }),
      quickPick.onDidHide(() => {
        vscode.Disposable.from(...disposables).dispose();
        resolve(result);
      }),
    );
    quickPick.show();
  });
}
