// UI check of Simulate Monthly Cost in the real workbench (called from uiCheck.mjs): open typescript/chat.ts
// from the examples workspace (its TRAVEL_SYSTEM_PROMPT has a `usage:` entry in .promptcost.yml), read the
// `~$…/month` CodeLens, run "Prompt Cost: Simulate Monthly Cost" from the F1 palette, pick the prompt, read the
// panel's text inside its webview (inputs, chart, table, budget), change "Requests per day" in the panel
// like a user and check the figures are redrawn, then screenshot it into outDir/ui-simulate.png.
import fs from 'node:fs';
import path from 'node:path';
import { checkRecorder, firstLine, newWorkbenchPage, openWorkbench, painted, pollFor, runPaletteCommand, settledText } from './uiSteps.mjs';

const SIMULATE_TITLE = 'Prompt Cost: Simulate Monthly Cost';
const PANEL_TITLE = 'Monthly Cost Simulation';
const FILE = path.join('typescript', 'chat.ts');

/** Runs `probe` in every frame until one returns a value (webviews nest two iframes). */
async function inWebview(page, probe, arg, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const value = await frame.evaluate(probe, arg).catch(() => null);
      if (value) return { frame, value };
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
  }
  return { frame: null, value: null };
}

/** The panel's text once drawn, with a count of what it drew. */
function readPanel(waitFor) {
  const app = document.getElementById('app');
  if (!app || app.getAttribute('aria-busy') !== 'false') return null;
  const text = app.innerText;
  if (waitFor && !text.includes(waitFor)) return null;
  return {
    text,
    lines: document.querySelectorAll('svg.chart polyline').length,
    budgetLine: document.querySelectorAll('svg.chart line.budget').length,
    rows: document.querySelectorAll('#models-table tbody tr').length,
    labelled: [...document.querySelectorAll('.fields input')].every((input) => document.querySelector(`label[for="${input.id}"]`) !== null),
    chartLabel: document.querySelector('svg.chart')?.getAttribute('aria-label') ?? '',
  };
}

/**
 * In the page: whether the editor group holding the tab `title` is the only editor group with a size, and
 * the widths seen (for the log).
 */
function panelGroupAlone(title) {
  const groups = [...document.querySelectorAll('.part.editor .editor-group-container')]
    .map((group) => ({ group, width: Math.round(group.getBoundingClientRect().width) }))
    .filter(({ width }) => width > 0);
  const withPanel = groups.filter(({ group }) => [...group.querySelectorAll('.tab')].some((tab) => (tab.textContent ?? '').includes(title)));
  const active = document.querySelector('.part.editor .editor-group-container.active .tab.active')?.textContent?.trim() ?? '';
  return { alone: groups.length === 1 && withPanel.length === 1, widths: groups.map(({ width }) => width), activeTab: active };
}

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, workspaceDir: string, outDir: string, log?: (m: string) => void }} options
 * @returns {Promise<{ name: string, ok: boolean, detail?: string }[]>}
 */
export async function runSimulateUiCheck({ browser, baseUrl, workspaceDir, outDir, log = console.log }) {
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  const check = checkRecorder(results, 'simulate: ');
  const filePath = path.join(workspaceDir, FILE);
  const { context, page, screenshot } = await newWorkbenchPage(browser, { outDir, log, viewport: { width: 1440, height: 900 } });
  let step = 'open the workbench on chat.ts';
  try {
    await openWorkbench(page, { baseUrl, workspaceDir, filePath });
    await page.locator('.tabs-container .tab', { hasText: 'chat.ts' }).first().waitFor({ timeout: 30_000 });

    step = 'wait for the $/month CodeLens';
    const lens = page.locator('.codelens-decoration', { hasText: '/month' }).first();
    await lens.waitFor({ timeout: 30_000 });
    const MONTHLY_LENS = /\/call · .* out · gpt-4o-mini.*~\$\d[\d,]*\/month/;
    const lensText = await settledText(lens, (t) => MONTHLY_LENS.test(t));
    check('CodeLens shows ~$…/month next to the call’s lens', MONTHLY_LENS.test(lensText), lensText || '(empty lens)');

    step = `run "${SIMULATE_TITLE}" from the command palette`;
    await page.locator('.view-lines').first().click();
    await page.keyboard.press('Control+Home');
    // With the cursor in no call, the command simulates the file's call (chat.ts has one, which sends
    // TRAVEL_SYSTEM_PROMPT); with several it would offer a pick. Wait until the cursor is on line 1.
    await pollFor('the cursor on line 1', async () => /Ln 1, Col 1/.test(await page.locator('[id="workbench.parts.statusbar"]').innerText()), 10_000);
    await runPaletteCommand(page, SIMULATE_TITLE, 'Simulate Monthly Cost', { log });

    step = 'the call of TRAVEL_SYSTEM_PROMPT is simulated (picked when a pick is offered)';
    const pickRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'TRAVEL_SYSTEM_PROMPT' }).first();
    const openedPanel = page.locator('.tabs-container .tab', { hasText: PANEL_TITLE }).first();
    await Promise.race([pickRow.waitFor({ timeout: 20_000 }), openedPanel.waitFor({ timeout: 20_000 })]);
    if (await pickRow.isVisible()) await pickRow.click({ timeout: 15_000 });

    step = 'wait for the simulation panel';
    await page.locator('.tabs-container .tab', { hasText: PANEL_TITLE }).first().waitFor({ timeout: 20_000 });
    const { frame, value: panel } = await inWebview(page, readPanel, 'Models side by side', 20_000);
    if (!panel || !frame) throw new Error('the panel never drew its figures');
    const wanted = ['Monthly cost simulation', 'TRAVEL_SYSTEM_PROMPT', 'Requests per day', 'Response-cache hit rate (%)', 'Cached prefix (%)', 'Batch share (%)',
      'Models side by side', 'gpt-4o-mini', 'claude-haiku-4-5', 'Monthly cost over 12 months', 'Budget $300.00/month', 'Copy Markdown', 'usage entry'];
    const missing = wanted.filter((w) => !panel.text.includes(w));
    check('panel shows inputs, models, chart and budget', missing.length === 0, missing.length ? `missing: ${missing.join(', ')}; text: ${panel.text.slice(0, 300)}` : `${panel.text.length} chars`);
    check('chart draws one line per priced model plus the budget line', panel.lines >= 3 && panel.budgetLine === 1 && /Projected monthly cost/.test(panel.chartLabel), `${panel.lines} lines, ${panel.budgetLine} budget line; ${panel.chartLabel.slice(0, 120)}`);
    check('the numbers are also a table; every input has a label', panel.rows >= 3 && panel.labelled, `${panel.rows} rows, labelled: ${panel.labelled}`);
    const monthlyCell = () => document.querySelector('#models-table tbody tr td.strong')?.textContent ?? null;
    const before = (await frame.evaluate(monthlyCell)) ?? '';

    step = 'change "Requests per day" in the panel';
    const requests = frame.locator('#field-requestsPerDay');
    await requests.fill('10000');
    await requests.press('Tab');
    const { value: after } = await inWebview(page, (old) => {
      const text = document.querySelector('#models-table tbody tr td.strong')?.textContent ?? null;
      return text && text !== old ? text : null;
    }, before, 10_000);
    // The usage entry says 5,000 requests/day: twice as many requests cost twice as much.
    const usd = (text) => Number(String(text).replace(/[^\d.]/g, ''));
    check('an edit in the panel is recomputed by the extension and redrawn (2× requests → 2× $/month)', after !== null && Math.abs(usd(after) - 2 * usd(before)) <= 0.02, `${before} → ${after}`);

    step = 'give the panel the whole editor area for the screenshot';
    // The panel opens beside chat.ts, and the restored layout may hold more editor groups: maximize the
    // panel's group, then wait until the layout shows it alone (the toggle runs only if it does not yet).
    const panelTab = page.locator('.tabs-container .tab', { hasText: PANEL_TITLE }).first();
    const alone = () => page.evaluate(panelGroupAlone, PANEL_TITLE);
    for (let attempt = 1; !(await alone()).alone; attempt++) {
      if (attempt > 2) throw new Error(`the panel's editor group is not alone after maximizing twice: ${JSON.stringify(await alone())}`);
      await panelTab.click(); // makes the panel's group the active one
      await runPaletteCommand(page, 'View: Toggle Maximize Editor Group', 'Maximize Editor Group', { log });
      const state = await pollFor('the panel\'s group alone in the editor area', async () => {
        const now = await alone();
        return now.alone ? now : null;
      }, 10_000).catch(() => null);
      if (!state) log(`simulate: the panel's group is not alone yet (${JSON.stringify(await alone())}), ${attempt < 2 ? 'maximizing again' : 'giving up'}`);
    }
    // The webview re-lays out at the new size: wait until it has drawn its figures again and painted them.
    const { frame: drawn } = await inWebview(page, readPanel, 'Models side by side', 10_000);
    if (!drawn) throw new Error('the panel did not draw its figures after maximizing');
    await painted(drawn);
    await screenshot('ui-simulate.png');
  } catch (error) {
    check(step, false, firstLine(error));
    await screenshot('ui-simulate-failure.png').catch(() => {});
  } finally {
    await context.close();
  }
  return results;
}
