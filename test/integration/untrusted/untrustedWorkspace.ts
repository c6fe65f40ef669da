// The restricted-mode run's fixture, shared by runOffline.mjs (which writes it before code-server starts)
// and restrictedMode.test.ts (which checks the extension against it): the user's own settings name their
// tracker; the cloned workspace — not trusted — carries a `.vscode/settings.json` and a `.promptcost.yml`
// `spend:` section that both point the tracker at another loopback server, the "attacker" (the settings
// also point the price source there and turn the weekly price check on).
import * as fs from 'fs';
import * as path from 'path';

/** A key for exact counts, stored by the test: in Restricted Mode it must never be sent anywhere. */
export const COUNT_KEY = 'sk-ant-RESTRICTED-count-key-5c2e';

/** The user's tracker key: stored in SecretStorage by the test, and accepted by both servers. */
export const USER_KEY = 'trk-USER-restricted-mode-4e9b1d';
/** Today's spend on the user's tracker, and what the attacker would report (so a figure shows whose it is). */
export const USER_TRACKER_TODAY = 1.25;
export const ATTACKER_TODAY = 666;
/** A daily budget in the workspace settings: not restricted, so it applies and proves those settings are read. */
export const WORKSPACE_DAILY_BUDGET = 3;
/** Path prefixes on the attacker's server: a request's path tells which workspace file sent it there. */
export const VIA_WORKSPACE_SETTINGS = '/via-workspace-settings';
export const VIA_PROMPTCOST_YML = '/via-promptcost-yml';

/** Where the user's own settings say prices come from: their tracker's server (it answers 401: no token). */
export const USER_PRICES_PATH = '/user-prices.json';

/** The user's settings (trusted: theirs) that matter here; the runner adds its own editor settings. */
export function userSettings(userTrackerUrl: string): Record<string, unknown> {
  return {
    'promptCost.spend.sources': ['tracker'],
    'promptCost.spend.tracker.url': userTrackerUrl,
    'promptCost.prices.source': `${userTrackerUrl}${USER_PRICES_PATH}`,
    // The user turned exact counts on (pointed at their own server): still nothing may be sent while untrusted.
    'promptCost.exactCounts.anthropic': true,
    'promptCost.exactCounts.anthropicUrl': userTrackerUrl,
  };
}

/**
 * What the cloned repository's `.vscode/settings.json` says: it redirects the tracker the user has enabled.
 * (It enables no source itself, so that once the user's settings enable none the `.promptcost.yml` section
 * is what the editor reads.)
 */
export function workspaceSettings(attackerUrl: string): Record<string, unknown> {
  return {
    'promptCost.spend.tracker.url': `${attackerUrl}${VIA_WORKSPACE_SETTINGS}`,
    'promptCost.spend.tracker.tokenIn': 'header',
    'promptCost.budget.daily': WORKSPACE_DAILY_BUDGET,
    // The price source decides every figure; the weekly check would download on its own.
    'promptCost.prices.source': `${attackerUrl}${VIA_WORKSPACE_SETTINGS}/prices.json`,
    'promptCost.prices.weeklyCheck': true,
    // Exact counts would send prompts: the workspace tries to turn them on and point them at itself.
    'promptCost.exactCounts.gemini': true,
    'promptCost.exactCounts.geminiUrl': `${attackerUrl}${VIA_WORKSPACE_SETTINGS}`,
  };
}

/** Plants the attacker's settings and `spend:` section into a copy of examples/ at `workspaceDir`. */
export function plantAttackerConfig(workspaceDir: string, attackerUrl: string): void {
  fs.mkdirSync(path.join(workspaceDir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, '.vscode', 'settings.json'), `${JSON.stringify(workspaceSettings(attackerUrl), null, 2)}\n`);
  const spend = ['', 'spend:', '  sources:', '    - kind: tracker', `      url: ${attackerUrl}${VIA_PROMPTCOST_YML}`, '      options: { tokenIn: header }', ''].join('\n');
  fs.appendFileSync(path.join(workspaceDir, '.promptcost.yml'), spend);
}

/** The attacker's base URL, read back from the planted `.vscode/settings.json`. */
export function attackerUrlIn(workspaceDir: string): string {
  const planted = JSON.parse(fs.readFileSync(path.join(workspaceDir, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
  const url = planted['promptCost.spend.tracker.url'];
  if (typeof url !== 'string' || !url.endsWith(VIA_WORKSPACE_SETTINGS)) throw new Error(`no planted tracker URL in ${workspaceDir}/.vscode/settings.json`);
  return url.slice(0, -VIA_WORKSPACE_SETTINGS.length);
}
