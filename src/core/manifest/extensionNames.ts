/**
 * The other names the extension shows or shares with package.json: the display name, the log channel,
 * diagnostics, `when`-clause context keys, view ids and webview panel types. Commands and settings have their own files.
 */

export const EXTENSION_NAME = 'Prompt Cost Lens';
export const OUTPUT_CHANNEL_NAME = 'Prompt Cost Lens';
/** `source` of every diagnostic this extension reports. */
export const DIAGNOSTIC_SOURCE = 'Prompt Cost Lens';

/** Context keys for `when` clauses, namespaced `promptCost:…`. */
export const ContextKey = {
  CodeLensEnabled: 'promptCost:codeLensEnabled',
  HasWorkspaceReport: 'promptCost:hasWorkspaceReport',
  /** Some spend source is enabled (package.json hides Refresh / Clear Key otherwise). */
  SpendEnabled: 'promptCost:spendEnabled',
} as const;

export type ContextKey = (typeof ContextKey)[keyof typeof ContextKey];

export const ViewId = {
  WorkspaceReport: 'promptCost.workspaceReport',
} as const;

export type ViewId = (typeof ViewId)[keyof typeof ViewId];

/** Webview panel types (`activeWebviewPanelId` in `when` clauses). */
export const WebviewPanelType = {
  SpendDashboard: 'promptCost.spendDashboard',
  Simulation: 'promptCost.simulation',
} as const;

export type WebviewPanelType = (typeof WebviewPanelType)[keyof typeof WebviewPanelType];

/** Diagnostic codes (also the quick fix's trigger). */
export const DiagnosticCode = {
  PerRequestLimit: 'perRequestLimit',
  ContextWindow: 'contextWindow',
  ProjectConfig: 'projectConfig',
} as const;

export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];
