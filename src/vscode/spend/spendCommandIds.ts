/** The spend feature's commands (package.json says the same; category "Prompt Cost"). */
export const enum SpendCommandId {
  /** Polls every source now. */
  Refresh = 'promptCost.refreshSpend',
  /** Opens (or reveals) the spend dashboard; also the status bar click. */
  OpenDashboard = 'promptCost.openDashboard',
  /** Quick pick of enabled sources → password input → SecretStorage, bound to the source's origin. */
  SetApiKey = 'promptCost.setApiKey',
  /** Forgets a source's stored key. */
  ClearApiKey = 'promptCost.clearApiKey',
  /** Opens the Settings editor on the extension's settings. */
  Configure = 'promptCost.configureSpend',
}
