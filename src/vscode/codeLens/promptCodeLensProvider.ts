/**
 * The lenses of a document, read from one object, its analysis (src/core/pipeline), and refreshed on one
 * event, a new analysis. The call is the unit of cost:
 *   on each call: `$0.0032–0.0066/call · 252 in + 256–600 out · gpt-4o · gpt-4o-mini $0.0002 (−94 %)` —
 *     opens the compare quick pick; `~$42/month` beside it when the usage file gives its volume — opens
 *     Simulate Monthly Cost;
 *   on each of its prompt strings: `67 tokens · 27 % of the call at line 43` (no cost: the call has it).
 * A prompt that is a call by itself (an implied call) shows only the call's lens.
 */
import * as vscode from 'vscode';
import { CommandId } from '../../core/manifest/commandIds';
import { documentLenses } from '../../core/presentation/lens/documentLenses';
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

/** The document's lenses (`documentLenses`), placed on their lines; both cost lenses open the compare pick. */
export function lensesFor(document: vscode.TextDocument, analysis: DocumentAnalysis, token?: vscode.CancellationToken): vscode.CodeLens[] {
  if (token?.isCancellationRequested) return [];
  return documentLenses(analysis.prompts, analysis.calls).map((lens) => {
    const line = Math.min(lens.line - 1, document.lineCount - 1);
    const command = lens.kind === 'monthly' ? CommandId.SimulateMonthlyCost : CommandId.ComparePrompt;
    return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title: lens.title, tooltip: lens.tooltip, command, arguments: [document.uri, lens.offset] });
  });
}
