/**
 * Problems-panel entries, one set per call, at the call's first line: a call whose typical cost is above
 * `promptCost.perRequestLimit` or whose whole input does not fit the model's context window (the configured
 * severity), and, as information, a call that only exceeds the limit when its response reaches the output
 * cap. None on prompt strings: the call carries the cost. A quick fix opens the compare quick pick for the
 * call. Recomputed with every fresh analysis (so they clear once fixed), removed when the document closes.
 */
import * as vscode from 'vscode';
import { costProblems, type CostProblem } from '../../core/presentation/diagnostics/costProblems';
import { CommandId } from '../../core/manifest/commandIds';
import { DIAGNOSTIC_SOURCE, DiagnosticCode } from '../../core/manifest/extensionNames';
import type { DiagnosticSeverityName } from '../../core/manifest/settingKeys';
import type { Configuration } from '../configuration';
import type { DocumentAnalysis, DocumentAnalyzer } from '../engine/documentAnalyzer';
import { promptDocumentSelector } from '../engine/documentPaths';

const SEVERITY: Record<Exclude<DiagnosticSeverityName, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A problem's severity: the configured one, or for a softer note Information (Hint when Hint is configured). */
function severityOf(problem: CostProblem, configured: vscode.DiagnosticSeverity): vscode.DiagnosticSeverity {
  // DiagnosticSeverity grows as it softens (Error 0 … Hint 3).
  return problem.level === 'information' ? Math.max(configured, vscode.DiagnosticSeverity.Information) : configured;
}

export class CostDiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('promptCost');
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly config: Configuration,
    analyzer: Pick<DocumentAnalyzer, 'onDidAnalyze' | 'all'>,
  ) {
    this.disposables.push(
      this.collection,
      analyzer.onDidAnalyze((analysis) => this.render(analysis)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.collection.delete(doc.uri)),
      config.onDidChange((e) => {
        if (config.changed(e, 'diagnostics.severity')) for (const analysis of analyzer.all()) this.render(analysis);
      }),
      vscode.languages.registerCodeActionsProvider(
        promptDocumentSelector(config.get('enabledLanguages')),
        new CompareModelsQuickFix(),
        { providedCodeActionKinds: CompareModelsQuickFix.kinds },
      ),
    );
  }

  private render(analysis: DocumentAnalysis): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === analysis.uri.toString());
    const severityName = this.config.get('diagnostics.severity', analysis.uri);
    if (!document || severityName === 'off') {
      this.collection.delete(analysis.uri);
      return;
    }
    const severity = SEVERITY[severityName] ?? vscode.DiagnosticSeverity.Warning;
    const limit = analysis.engine.settings.perRequestLimit;
    const diagnostics: vscode.Diagnostic[] = [];
    for (const item of analysis.calls) {
      for (const problem of costProblems(item, limit)) {
        // The call's first line: a whole multi-line call underlined would drown the code.
        const start = document.positionAt(item.call.startOffset);
        const end = document.positionAt(item.call.endOffset);
        const range = new vscode.Range(start, end.line === start.line ? end : document.lineAt(start.line).range.end);
        const diagnostic = new vscode.Diagnostic(range, problem.message, severityOf(problem, severity));
        diagnostic.source = DIAGNOSTIC_SOURCE;
        // Both per-request-limit rules share a code: one quick fix, one setting.
        diagnostic.code = problem.kind === 'contextWindow' ? DiagnosticCode.ContextWindow : DiagnosticCode.PerRequestLimit;
        diagnostics.push(diagnostic);
      }
    }
    this.collection.set(analysis.uri, diagnostics);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** "Compare models for this call" on our cost diagnostics (the argument is the call's start: see callForLens). */
export class CompareModelsQuickFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    return context.diagnostics
      .filter((d) => d.source === DIAGNOSTIC_SOURCE && (d.code === DiagnosticCode.PerRequestLimit || d.code === DiagnosticCode.ContextWindow))
      .map((diagnostic) => {
        const action = new vscode.CodeAction('Compare models for this call', vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        action.command = {
          title: 'Compare models for this call',
          command: CommandId.ComparePrompt,
          arguments: [document.uri, document.offsetAt(diagnostic.range.start)],
        };
        return action;
      });
  }
}
