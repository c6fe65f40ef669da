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
import { callLensTitle, partLensTitle } from '../../core/presentation/lens/callLensTitle';
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

/** Every call's lens, then the parts' lenses, then the $/month lenses (VS Code orders lenses of one line as given). */
export function lensesFor(document: vscode.TextDocument, analysis: DocumentAnalysis, token?: vscode.CancellationToken): vscode.CodeLens[] {
  const lineRange = (line: number) => {
    const at = Math.min(line - 1, document.lineCount - 1);
    return new vscode.Range(at, 0, at, 0);
  };
  const callLenses: vscode.CodeLens[] = [];
  const monthly: vscode.CodeLens[] = [];
  const callsOfPart = analysis.prompts.map(() => [] as DocumentAnalysis['calls']);
  for (const item of analysis.calls) {
    if (token?.isCancellationRequested) return [];
    const range = lineRange(item.call.startLine);
    const args = [document.uri, item.call.startOffset];
    callLenses.push(new vscode.CodeLens(range, { title: callLensTitle(item), tooltip: 'Prompt Cost Lens: what one call costs; click to compare models', command: CommandId.ComparePrompt, arguments: args }));
    if (item.monthly) {
      monthly.push(new vscode.CodeLens(range, { title: monthlyLensTitle(item.monthly), tooltip: monthlyLensTooltip(item.monthly), command: CommandId.SimulateMonthlyCost, arguments: args }));
    }
    for (const part of item.parts) if (!callsOfPart[part.index].includes(item)) callsOfPart[part.index].push(item);
  }
  const partLenses: vscode.CodeLens[] = [];
  analysis.prompts.forEach((item, index) => {
    const calls = callsOfPart[index];
    // A prompt that is its whole call (an implied call of its own) has the call's lens already.
    if (calls.length === 1 && calls[0].parts.length === 1 && calls[0].call.startOffset === item.prompt.startOffset) return;
    const own = calls[0]?.parts.find((p) => p.index === index);
    const title = partLensTitle({ tokens: own?.tokens ?? item.primary.inputTokens, exact: item.primary.exact, variables: item.variables }, calls);
    partLenses.push(new vscode.CodeLens(lineRange(item.prompt.startLine), { title, tooltip: 'Prompt Cost Lens: this text as a part of its call; click to compare models', command: CommandId.ComparePrompt, arguments: [document.uri, item.prompt.startOffset] }));
  });
  return [...callLenses, ...partLenses, ...monthly];
}
