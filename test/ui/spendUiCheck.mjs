// UI check of spend tracking in the real workbench (called from uiCheck.mjs): a loopback tracker started
// here (127.0.0.1, ephemeral port; nothing else is contacted), the workspace pointed at it, the key typed
// into "Prompt Cost: Set Spend API Key…" like a user would, the status bar text read from the DOM, and the
// dashboard opened by clicking the item and read inside its webview. Screenshots go to outDir.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { checkRecorder, firstLine, newWorkbenchPage, openWorkbench, painted, runPaletteCommand } from './uiSteps.mjs';

const TOKEN = 'trk-UI-check-secret-51e0';
const SET_KEY_TITLE = 'Prompt Cost: Set Spend API Key';
const SETTINGS = (url) => ({ 'promptCost.spend.sources': ['tracker'], 'promptCost.spend.tracker.url': url, 'promptCost.budget.daily': 2, 'promptCost.budget.monthly': 50 });

/** `/admin/openai-costs/today|month|summary` with fixed figures; 401 without the token. */
function startTracker() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.searchParams.get('token') !== TOKEN) return send(401, { error: 'bad token' });
    if (url.pathname === '/admin/openai-costs/today') return send(200, { total_cost: 1.42 });
    if (url.pathname === '/admin/openai-costs/month') return send(200, { total_cost: 18.5, projected_monthly_cost: 38.2 });
    if (url.pathname === '/admin/openai-costs/summary') {
      if (url.searchParams.get('group_by') === 'endpoint') return send(200, { summary: [{ endpoint: '/api/chat', total_cost: 1.1 }, { endpoint: '/api/summarize', total_cost: 0.32 }] });
      return send(200, { summary: [{ model: 'gpt-4o', total_cost: 1.05 }, { model: 'gpt-4o-mini', total_cost: 0.37 }] });
    }
    return send(404, { error: 'not found' });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Adds our keys to the workspace's .vscode/settings.json; returns a function that puts the file back. */
function configureWorkspace(workspaceDir, settings) {
  const file = path.join(workspaceDir, '.vscode', 'settings.json');
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...(before ? JSON.parse(before) : {}), ...settings }, null, 2));
  return () => (before === null ? fs.rmSync(file) : fs.writeFileSync(file, before));
}

/** The dashboard's frame and the text of its #app once drawn (webviews nest two iframes); text '' if never. */
async function dashboardText(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => {
        const app = document.getElementById('app');
        return app && app.getAttribute('aria-busy') === 'false' ? app.innerText : null;
      }).catch(() => null);
      if (text) return { frame, text };
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
  }
  return { frame: null, text: '' };
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, workspaceDir: string, outDir: string, log?: (m: string) => void }} options
 * @returns {Promise<{ name: string, ok: boolean, detail?: string }[]>}
 */
export async function runSpendUiCheck({ browser, baseUrl, workspaceDir, outDir, log = console.log }) {
  const results = [];
  const check = checkRecorder(results, 'spend: ');
  const server = await startTracker();
  const trackerUrl = `http://127.0.0.1:${server.address().port}`;
  const restoreSettings = configureWorkspace(workspaceDir, SETTINGS(trackerUrl));
  const { context, page, screenshot } = await newWorkbenchPage(browser, { outDir, log });
  let step = 'open the workbench';
  try {
    await openWorkbench(page, { baseUrl, workspaceDir });

    step = 'status bar says the key is missing';
    const statusBar = page.locator('[id="workbench.parts.statusbar"]');
    const item = statusBar.locator('.statusbar-item', { hasText: 'Spend' }).first();
    await item.waitFor({ timeout: 30_000 });
    // The item first shows its loading state; wait for the state the first poll settles on, as a user would.
    const noKey = statusBar.locator('.statusbar-item', { hasText: 'Spend: no key' }).first();
    const settled = await noKey.waitFor({ timeout: 15_000 }).then(() => true, () => false);
    check('status bar asks for a key before one is set', settled && /Spend: no key/.test(await noKey.innerText()), (await item.innerText()).trim());

    step = `run "${SET_KEY_TITLE}…" and type the key`;
    await runPaletteCommand(page, SET_KEY_TITLE, 'Set Spend API Key', { log });
    const password = page.locator('.quick-input-widget input[type="password"]');
    await password.waitFor({ timeout: 10_000 });
    await password.fill(TOKEN);
    await page.keyboard.press('Enter');

    step = 'status bar shows the tracker figure';
    const figure = statusBar.locator('.statusbar-item', { hasText: '/ $2.00 today' }).first();
    await figure.waitFor({ timeout: 20_000 });
    const text = (await figure.innerText()).trim();
    check('status bar shows "$1.42 / $2.00 today"', text === '$1.42 / $2.00 today', text);
    await screenshot('ui-spend-statusbar.png');

    step = 'hover the status bar item';
    await figure.hover();
    const tooltip = page.locator('.monaco-hover', { hasText: 'LLM spend today' }).first();
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 });
    const tip = await tooltip.innerText();
    check('tooltip lists source, models, month and commands', /tracker/.test(tip) && /gpt-4o/.test(tip) && /Month to date \$18\.50/.test(tip) && /Open Dashboard/.test(tip), tip.split('\n').slice(0, 2).join(' | ').slice(0, 160));
    await screenshot('ui-spend-tooltip.png');
    await page.keyboard.press('Escape');

    step = 'click the status bar item to open the dashboard';
    await figure.click();
    await page.locator('.tabs-container .tab', { hasText: 'LLM Spend' }).first().waitFor({ timeout: 20_000 });
    const { frame: dashFrame, text: dash } = await dashboardText(page, 20_000);
    const wanted = ['LLM spend', 'Today', '$1.42', 'of $2.00 budget', 'Month to date', 'Projected month $38.20', 'Spend per day, last 30 days', 'Top models today', 'gpt-4o-mini', '/api/chat', 'Sources'];
    const missing = wanted.filter((w) => !dash.includes(w));
    check('dashboard renders today, month, chart, top models and endpoints', dash !== '' && missing.length === 0, missing.length ? `missing: ${missing.join(', ')}; text: ${dash.slice(0, 200)}` : `${dash.length} chars`);
    if (dashFrame) await painted(dashFrame); // the webview paints on its own schedule
    await screenshot('ui-spend-dashboard.png');
  } catch (error) {
    check(step, false, firstLine(error));
    await screenshot('ui-spend-failure.png').catch(() => {});
  } finally {
    await context.close();
    restoreSettings();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return results;
}
