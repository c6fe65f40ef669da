/**
 * The lenses above every prompt, read from one object, the document's analysis (src/core/pipeline), and
 * refreshed on one event, a new analysis:
 *   `≈ 312 tokens · $0.0021/call · gpt-4o · gpt-4o-mini $0.0002 (−93 %)` — opens the compare quick pick;
 *   `~$42/month` beside it, for prompts the usage file gives a volume — opens Simulate Monthly Cost.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { lensTitle } from '../../core/presentation/lens/lensTitle';
import { monthlyLensTitle, monthlyLensTooltip } from '../../core/presentation/lens/monthlyLensTitle';
import type { DocumentAnalysis, DocumentAnalyzer } from '../engine/documentAnalyzer';

/** The analyses the lenses show: the only thing the provider reads. */
export type PromptLensAnalyses = Pick<DocumentAnalyzer, 'cached' | 'analyze' | 'onDidAnalyze'>;

export class PromptCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly analyzer: PromptLensAnalyses) {
    // A fresh analysis (after an edit, a settings, `.promptcost.yml` or profile change…) makes VS Code ask again; the answer is cached.
    this.subscription = analyzer.onDidAnalyze(() => this.emitter.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const { analyzer } = this;
    const analysis = analyzer.cached(document) ?? (await analyzer.analyze(document, token));
    if (!analysis || token.isCancellationRequested) return [];
    const lenses = lensesFor(document, analysis, token);
    return token.isCancellationRequested ? [] : lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/** Every prompt's cost lens, then the $/month lenses (VS Code orders lenses of one line as given). */
export function lensesFor(document: vscode.TextDocument, analysis: DocumentAnalysis, token?: vscode.CancellationToken): vscode.CodeLens[] {
  const lenses: vscode.CodeLens[] = [];
  const monthly: vscode.CodeLens[] = [];
  for (const item of analysis.prompts) {
    if (token?.isCancellationRequested) return [];
    const line = Math.min(item.prompt.startLine - 1, document.lineCount - 1);
    const range = new vscode.Range(line, 0, line, 0);
    const args = [document.uri, item.prompt.startOffset];
    lenses.push(new vscode.CodeLens(range, { title: lensTitle(item), tooltip: 'Prompt Cost Lens: compare models for this prompt', command: CommandId.ComparePrompt, arguments: args }));
    if (item.monthly) {
      monthly.push(new vscode.CodeLens(range, { title: monthlyLensTitle(item.monthly), tooltip: monthlyLensTooltip(item.monthly), command: CommandId.SimulateMonthlyCost, arguments: args }));
    }
  }
  return [...lenses, ...monthly];
}
