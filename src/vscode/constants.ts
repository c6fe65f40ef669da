/**
 * Names shared by the adapter and package.json: the settings prefix, command ids, context keys, the log
 * channel. package.json must say the same (test/integration checks the commands are registered).
 */

export const EXTENSION_NAME = 'Prompt Cost Lens';
/** Prefix of every setting and command id. */
export const SETTINGS_PREFIX = 'promptCost';
export const OUTPUT_CHANNEL_NAME = 'Prompt Cost Lens';
/** `source` of every diagnostic this extension reports. */
export const DIAGNOSTIC_SOURCE = 'Prompt Cost Lens';

/** Every command, `promptCost.camelCase`; each handler lives in `commands/<name>.ts`. */
export const enum CommandId {
  /** {@link showLogCommand} */
  ShowLog = 'promptCost.showLog',
  /** {@link estimateSelectionCommand} */
  EstimateSelection = 'promptCost.estimateSelection',
  /** {@link estimateFileCommand} */
  EstimateFile = 'promptCost.estimateFile',
  /** {@link estimateWorkspaceCommand} */
  EstimateWorkspace = 'promptCost.estimateWorkspace',
  /** {@link selectModelsCommand} */
  SelectModels = 'promptCost.selectModels',
  /** {@link toggleCodeLensCommand} */
  ToggleCodeLens = 'promptCost.toggleCodeLens',
  /** Internal (CodeLens click, quick fix): {@link comparePromptCommand}. Hidden from the palette. */
  ComparePrompt = 'promptCost.comparePrompt',
  /** Internal (report tree item click): {@link openPromptLocationCommand}. Hidden from the palette. */
  OpenPromptLocation = 'promptCost.openPromptLocation',
}

/** Context keys for `when` clauses, namespaced `promptCost:…`. */
export const enum ContextKey {
  CodeLensEnabled = 'promptCost:codeLensEnabled',
  HasWorkspaceReport = 'promptCost:hasWorkspaceReport',
}

export const enum ViewId {
  WorkspaceReport = 'promptCost.workspaceReport',
}

/** Diagnostic codes (also the quick fix's trigger). */
export const enum DiagnosticCode {
  PerRequestLimit = 'perRequestLimit',
  ContextWindow = 'contextWindow',
  ProjectConfig = 'projectConfig',
}
