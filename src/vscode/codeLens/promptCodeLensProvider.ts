/**
 * One lens above every prompt: `≈ 312 tokens · $0.0021/call · gpt-4o · gpt-4o-mini $0.0002 (−93 %)`.
 * Reads the analyzer's per-version cache (or awaits the computation already under way); clicking a lens
 * opens the compare quick pick for that prompt.
 */
import * as vscode from 'vscode';
import { lensTitle } from '../../core/editor/lensTitle';
import { CommandId } from '../../core/manifest/commandIds';
import type { DocumentAnalysis, DocumentAnalyzer } from '../engine/documentAnalyzer';
import { monthlyCostLenses } from '../simulate/monthlyCostLenses';
import type { UsageService } from '../simulate/usageService';

/** The analyses the lenses show. */
export type PromptLensAnalyses = Pick<DocumentAnalyzer, 'cached' | 'analyze' | 'onDidAnalyze'>;
/** The usage file's $/month per prompt (the second lens). */
export type PromptLensMonthlyCosts = Pick<UsageService, 'monthlyCosts' | 'onDidChange'>;

export class PromptCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(
    private readonly analyzer: PromptLensAnalyses,
    private readonly usage: PromptLensMonthlyCosts,
  ) {
    // A fresh analysis (after an edit, a settings change…) makes VS Code ask again; the answer is cached.
    // The usage file's $/month (a second lens) also changes with `.promptcost.yml` and the simulation settings.
    this.subscription = vscode.Disposable.from(
      analyzer.onDidAnalyze(() => this.emitter.fire()),
      usage.onDidChange(() => this.emitter.fire()),
    );
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const { analyzer } = this;
    const analysis = analyzer.cached(document) ?? (await analyzer.analyze(document, token));
    if (!analysis || token.isCancellationRequested) return [];
    const lenses = lensesFor(document, analysis, token);
    return token.isCancellationRequested ? [] : [...lenses, ...monthlyCostLenses(document, analysis, this.usage.monthlyCosts(analysis))];
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

export function lensesFor(document: vscode.TextDocument, analysis: DocumentAnalysis, token?: vscode.CancellationToken): vscode.CodeLens[] {
  const lenses: vscode.CodeLens[] = [];
  for (const item of analysis.prompts) {
    if (token?.isCancellationRequested) return [];
    const line = Math.min(item.prompt.startLine - 1, document.lineCount - 1);
    const range = new vscode.Range(line, 0, line, 0);
    lenses.push(new vscode.CodeLens(range, {
      title: lensTitle(item),
      tooltip: 'Prompt Cost Lens: compare models for this prompt',
      command: CommandId.ComparePrompt,
      arguments: [document.uri, item.prompt.startOffset],
    }));
  }
  return lenses;
}
