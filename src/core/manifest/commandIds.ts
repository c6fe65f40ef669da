/**
 * Every command the extension contributes, `promptCost.camelCase`: the one place a command id is written.
 * package.json `contributes.commands` must list the same ids (test/unit/core/manifest checks both ways);
 * each handler is registered through src/vscode/commands/registerCommand.ts.
 */
export const CommandId = {
  // ──── Estimates (src/vscode/commands/) ────
  ShowLog: 'promptCost.showLog',
  EstimateSelection: 'promptCost.estimateSelection',
  EstimateFile: 'promptCost.estimateFile',
  EstimateWorkspace: 'promptCost.estimateWorkspace',
  SelectModels: 'promptCost.selectModels',
  ToggleCodeLens: 'promptCost.toggleCodeLens',
  /** Internal (CodeLens click, quick fix); hidden from the palette. */
  ComparePrompt: 'promptCost.comparePrompt',
  /** Internal (report tree item click); hidden from the palette. */
  OpenPromptLocation: 'promptCost.openPromptLocation',
  // ──── Spend tracking (src/vscode/spend/) ────
  /** Polls every source now. */
  RefreshSpend: 'promptCost.refreshSpend',
  /** Opens (or reveals) the spend dashboard; also the status bar click. */
  OpenDashboard: 'promptCost.openDashboard',
  /** Quick pick of enabled sources → password input → SecretStorage, bound to the source's origin. */
  SetApiKey: 'promptCost.setApiKey',
  /** Forgets a source's stored key. */
  ClearApiKey: 'promptCost.clearApiKey',
  /** Opens the Settings editor on the spend and budget settings. */
  ConfigureSpend: 'promptCost.configureSpend',
  // ──── Price catalogue (src/vscode/prices/) ────
  /** Downloads (or reads) `promptCost.prices.source` into the price catalogue in use. */
  UpdatePrices: 'promptCost.updatePrices',
  // ──── Exact counts from the provider (src/vscode/exactCounts/) ────
  /** Quick pick of Anthropic / Gemini → password input → SecretStorage, bound to the origin of its URL setting. */
  SetExactCountsKey: 'promptCost.setExactCountsKey',
  /** Forgets one provider's exact-count key. */
  ClearExactCountsKey: 'promptCost.clearExactCountsKey',
  // ──── Compress Prompt (src/vscode/compress/) ────
  CompressPrompt: 'promptCost.compressPrompt',
  SetCompressionApiKey: 'promptCost.setCompressionApiKey',
  // ──── Simulate Monthly Cost (src/vscode/simulate/) ────
  /** Opens the simulation panel for the prompt at the cursor, a CodeLens / quick pick, or the selection. */
  SimulateMonthlyCost: 'promptCost.simulateMonthlyCost',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** Every command id, in declaration order. */
export const COMMAND_IDS: readonly CommandId[] = Object.values(CommandId);
