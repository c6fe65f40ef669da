/**
 * The estimate commands (Estimate Selection / File / Workspace, Select Models, Compare, Show Log, Toggle
 * CodeLens…) and the services they share. Add a new command's definition to ESTIMATE_COMMANDS, its id to
 * core/manifest/commandIds.ts and package.json. Spend, Compress and Simulate register their own lists.
 */
import type * as vscode from 'vscode';
import { toggleCodeLensCommand } from '../codeLens/codeLensController';
import type { Configuration } from '../configuration';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import type { EngineSettingsService } from '../engine/engineSettingsService';
import { showLogCommand, type Log } from '../log';
import type { PerfStats } from '../../core/pipeline/perfStats';
import type { WorkspaceReportView } from '../report/workspaceReportView';
import { comparePromptCommand } from './comparePrompt';
import { estimateFileCommand } from './estimateFile';
import { estimateSelectionCommand } from './estimateSelection';
import { estimateWorkspaceCommand } from './estimateWorkspace';
import { openPromptLocationCommand } from './openPromptLocation';
import { registerCommands, type CommandDefinition } from './registerCommand';
import { selectModelsCommand } from './selectModels';

/** Everything the estimate commands use; each command names the part it needs. */
export interface EstimateCommandServices {
  log: Log;
  config: Configuration;
  engine: EngineSettingsService;
  analyzer: DocumentAnalyzer;
  report: WorkspaceReportView;
  stats: PerfStats;
}

const ESTIMATE_COMMANDS: readonly CommandDefinition<EstimateCommandServices>[] = [
  showLogCommand,
  estimateSelectionCommand,
  estimateFileCommand,
  estimateWorkspaceCommand,
  selectModelsCommand,
  toggleCodeLensCommand,
  comparePromptCommand,
  openPromptLocationCommand,
];

export function registerEstimateCommands(services: EstimateCommandServices): vscode.Disposable {
  return registerCommands(ESTIMATE_COMMANDS, services, services.log);
}
