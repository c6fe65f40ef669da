/**
 * Estimate Workspace: every LLM call in the workspace's files, behind a cancellable progress notification,
 * then the "Prompt Costs" report in the Explorer: calls most expensive first, each expanding to its parts.
 * Unsaved editors count with their current text.
 */
import * as vscode from 'vscode';
import { rankByCost, reportEntries, summarize, summaryMessage, withoutImportedConstants, type ReportEntry, type WorkspaceReportSummary } from '../../core/presentation/report/workspaceReport';
import { hasLlmSignal } from '../../core/prompts/findPrompts';
import { workspaceFileGlob } from '../../core/languages/languageRegistry';
import { languageForFile } from '../../core/prompts/sourceLanguage';
import { CommandId } from '../../core/manifest/commandIds';
import type { Configuration } from '../configuration';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import type { EngineSettingsService } from '../engine/engineSettingsService';
import type { Log } from '../log';
import type { PerfStats } from '../../core/pipeline/perfStats';
import type { WorkspaceReportView } from '../report/workspaceReportView';
import type { CommandDefinition } from './registerCommand';

export interface EstimateWorkspaceResult extends WorkspaceReportSummary {
  cancelled: boolean;
  /** `file:line  call lens title · $/month`, one per call, most expensive first (the report's rows). */
  rows: string[];
}

/** Every file name the engine may read, from the language registry (languageForFile decides per file: .txt/.md only under prompts/). */
const INCLUDE = workspaceFileGlob();
/** Folders no one wants prompts from. */
const EXCLUDE = '**/{node_modules,.git,dist,out,build,.venv,venv,__pycache__,.vscode-test,target,bin,obj}/**';
const MAX_FILES = 20_000;
/** Yield to the host when a slice has run this long. */
const SLICE_MS = 12;

export interface EstimateWorkspaceServices {
  config: Configuration;
  engine: Pick<EngineSettingsService, 'whenReady' | 'forSubject'>;
  analyzer: Pick<DocumentAnalyzer, 'analyzeOnce'>;
  report: Pick<WorkspaceReportView, 'show' | 'rowLabels'>;
  stats: Pick<PerfStats, 'record'>;
  log: Log;
}

export const estimateWorkspaceCommand: CommandDefinition<EstimateWorkspaceServices> = {
  id: CommandId.EstimateWorkspace,
  run(services): Thenable<EstimateWorkspaceResult> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Prompt Cost: estimating the workspace', cancellable: true },
      (progress, token) => estimateWorkspace(services, progress, token),
    );
  },
};

async function estimateWorkspace(
  services: EstimateWorkspaceServices,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<EstimateWorkspaceResult> {
  const { config, engine: engines, analyzer, report, stats, log } = services;
  const started = performance.now();
  const enabled = config.get('enabledLanguages');
  const uris = await vscode.workspace.findFiles(INCLUDE, EXCLUDE, MAX_FILES, token);
  const candidates = uris.filter((uri) => {
    const language = languageForFile(uri.fsPath);
    return language !== null && enabled.includes(language);
  });
  const openText = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
  const entries: (ReportEntry & { absoluteFile: string })[] = [];
  /** Constants other files import (`path\u0000line`): their own implied calls are not counted again. */
  const imported = new Set<string>();
  const decoder = new TextDecoder('utf-8');
  let done = 0;
  // The synchronous stretch under way; every await ends one (so it is recorded as a block of the host).
  let sliceStart = performance.now();
  const endSlice = () => stats.record('estimate workspace', performance.now() - sliceStart);
  const awaited = async <T>(work: Thenable<T>): Promise<T> => {
    endSlice();
    try {
      return await work;
    } finally {
      sliceStart = performance.now();
    }
  };
  for (const uri of candidates) {
    if (token.isCancellationRequested) break;
    done++;
    progress.report({ message: `${done}/${candidates.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / Math.max(1, candidates.length) });
    try {
      const subject = { uri, enginePath: uri.fsPath };
      await engines.whenReady(subject);
      const engine = engines.forSubject(subject);
      const open = openText.get(uri.toString());
      let text: string;
      if (open) {
        text = open.getText();
      } else {
        const stat = await awaited(vscode.workspace.fs.stat(uri));
        if (stat.size > engine.settings.maxFileBytes) continue;
        text = decoder.decode(await awaited(vscode.workspace.fs.readFile(uri)));
      }
      const language = languageForFile(uri.fsPath);
      if (!language || !hasLlmSignal(text, language)) continue;
      // Found and estimated in the pipeline worker.
      const { prompts, calls } = await awaited(analyzer.analyzeOnce(text, uri.fsPath, engine));
      const file = vscode.workspace.asRelativePath(uri, false);
      entries.push(...reportEntries(file, prompts, calls).map((entry) => ({ ...entry, absoluteFile: uri.fsPath })));
      for (const { prompt } of prompts) for (const value of Object.values(prompt.imports ?? {})) imported.add(`${value.file}\u0000${value.line}`);
    } catch (error) {
      log.error(`Estimate Workspace: skipped ${uri.fsPath}`, error);
    }
    if (performance.now() - sliceStart > SLICE_MS) await awaited(new Promise((resolve) => setImmediate(resolve)));
  }
  endSlice();
  const cancelled = token.isCancellationRequested;
  const ranked = rankByCost(withoutImportedConstants(entries, imported, (entry) => entry.absoluteFile));
  const summary = summarize(ranked);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log.info(`Estimate Workspace: ${summaryMessage(summary, cancelled)}, ${seconds} s`);
  await report.show(ranked, summary, cancelled);
  return { ...summary, cancelled, rows: report.rowLabels() };
}
