/**
 * A second lens next to the prompt's own, for prompts the usage file gives a volume: `~$42/month`.
 * Clicking it opens Simulate Monthly Cost for that prompt. Prompts without a usage entry get none.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import type { FindingMonthlyCost } from '../../core/simulate/findingMonthlyCost';
import { monthlyLensTitle, monthlyLensTooltip } from '../../core/simulateView/monthlyLensTitle';
import type { DocumentAnalysis } from '../engine/documentAnalyzer';

export function monthlyCostLenses(document: vscode.TextDocument, analysis: DocumentAnalysis, costs: readonly (FindingMonthlyCost | null)[]): vscode.CodeLens[] {
  const lenses: vscode.CodeLens[] = [];
  analysis.prompts.forEach((item, i) => {
    const cost = costs[i];
    if (!cost) return;
    const line = Math.min(item.prompt.startLine - 1, document.lineCount - 1);
    lenses.push(new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
      title: monthlyLensTitle(cost),
      tooltip: monthlyLensTooltip(cost),
      command: CommandId.SimulateMonthlyCost,
      arguments: [document.uri, item.prompt.startOffset],
    }));
  });
  return lenses;
}
