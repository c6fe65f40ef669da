// UI check in a real VS Code workbench (code-server) driven by headless Chromium through playwright-core.
// test/integration/runOffline.mjs calls runUiCheck() after the extension-host suite, on the same server,
// with the packaged extension installed. Add CodeLens / status-bar checks as more `check(...)` steps.
import fs from 'node:fs';
import path from 'node:path';
import { runSpendUiCheck } from './spendUiCheck.mjs';
import { runCompressUiCheck } from './compressUiCheck.mjs';
import { runPromptMdUiCheck } from './promptMdUiCheck.mjs';
import { runPromptKindsUiCheck } from './promptKindsUiCheck.mjs';
import { runSimulateUiCheck } from './simulateUiCheck.mjs';
import { runChecksWithRetry } from './uiRetry.mjs';
import { checkRecorder, firstLine, newWorkbenchPage, openWorkbench, pollFor, runPaletteCommand, settledText } from './uiSteps.mjs';

/** The command-palette entry of promptCost.showLog (category + title in package.json). */
const SHOW_LOG_TITLE = 'Prompt Cost: Show Log';
const OUTPUT_CHANNEL = 'Prompt Cost Lens';
const ESTIMATE_SELECTION_TITLE = 'Prompt Cost: Estimate Selection';

/**
 * @typedef {import('./uiRetry.mjs').UiCheckResult} UiCheckResult
 * @typedef {{
 *   browser: import('playwright-core').Browser,
 *   baseUrl: string,          // http://127.0.0.1:PORT of a code-server started with
 *                             //   --vscode-option enable-smoke-test-driver (for window.driver)
 *   workspaceDir: string,     // absolute folder to open
 *   filePath: string,         // absolute file to open in an editor
 *   outDir: string,           // screenshots go here
 *   log?: (message: string) => void,
 * }} UiCheckOptions
 */

/**
 * Opens the workbench on `filePath`, reads the CodeLens above its prompt, hovers over the prompt, runs
 * "Prompt Cost: Estimate Selection" on a selection, then runs "Prompt Cost: Show Log" from the F1 palette
 * and checks that the Output panel shows the extension's channel; then the .prompt.md, prompt kinds
 * (Semantic Kernel, notebook), spend, compress and simulate groups. Each group runs on its own page and is retried once when one of its checks fails
 * (uiRetry.mjs says how that is logged). Never throws for a failed check: returns one result per check of
 * the attempt that counts (a step that throws becomes a failed result, with a screenshot).
 * @param {UiCheckOptions} options
 * @returns {Promise<UiCheckResult[]>}
 */
export async function runUiCheck({ browser, baseUrl, workspaceDir, filePath, outDir, log = console.log }) {
  fs.mkdirSync(outDir, { recursive: true });
  const common = { browser, baseUrl, workspaceDir, outDir, log };
  /** @type {[string, () => Promise<UiCheckResult[]>][]} */
  const groups = [
    ['editor', () => runEditorUiCheck({ ...common, filePath })],
    ['.prompt.md', () => runPromptMdUiCheck(common)],
    ['prompt kinds', () => runPromptKindsUiCheck(common)],
    ['spend', () => runSpendUiCheck(common)],
    ['compress', () => runCompressUiCheck(common)],
    ['simulate', () => runSimulateUiCheck(common)],
  ];
  /** @type {UiCheckResult[]} */
  const results = [];
  for (const [group, run] of groups) results.push(...await runChecksWithRetry(group, run, { log, outDir }));
  return results;
}

/**
 * The editor group: CodeLens, hover, Estimate Selection and Show Log on `filePath`.
 * @param {UiCheckOptions} options
 * @returns {Promise<UiCheckResult[]>}
 */
async function runEditorUiCheck({ browser, baseUrl, workspaceDir, filePath, outDir, log = console.log }) {
  /** @type {UiCheckResult[]} */
  const results = [];
  const check = checkRecorder(results);
  const { context, page, screenshot } = await newWorkbenchPage(browser, { outDir, log });
  page.on('pageerror', (error) => log(`[pageerror] ${String(error).slice(0, 300)}`));
  // Errors of the workbench and of the extension host (forwarded as "[Extension Host] …") explain failed
  // steps. Not logged: 404s for vsda (a Microsoft-only module code-server lacks) and shutdown noise.
  let closing = false;
  page.on('console', (message) => {
    const text = message.text().replace(/%c/g, '').replace(/color: #\w+ /g, '').split('\n')[0];
    if (message.type() === 'error' && !closing && !/Failed to load resource/.test(text)) log(`[browser console] ${text.slice(0, 300)}`);
  });
  let step = 'open the workbench';
  try {
    await openWorkbench(page, { baseUrl, workspaceDir, filePath });
    const fileName = path.basename(filePath);
    step = `wait for the ${fileName} editor tab`;
    await page.locator('.tabs-container .tab', { hasText: fileName }).first().waitFor({ timeout: 30_000 });
    // The editor's text is rendered once the file is open; waiting for it keeps the screenshot meaningful.
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    check('workbench shows the opened file', true, fileName);

    step = 'wait for the CodeLens above the call';
    // prompt_sample.py calls gpt-4o-mini with one literal system prompt and one message that is a variable:
    // one call (line 8), priced whole, and one part lens on the system prompt (line 11).
    const lens = page.locator('.codelens-decoration', { hasText: '/call' }).first();
    await lens.waitFor({ timeout: 30_000 });
    const LENS = /^\$[\d.]+–[\d.]+\/call · \d[\d,]* in \+ [\d,]+–[\d.,]+k? out · gpt-4o-mini/;
    const lensText = await settledText(lens, (t) => LENS.test(t));
    check('call CodeLens shows $/call (typical–max), input + output tokens and the model', LENS.test(lensText), lensText || '(empty lens)');
    const part = page.locator('.codelens-decoration', { hasText: 'of the call at line' }).first();
    await part.waitFor({ timeout: 15_000 });
    const PART = /^\d[\d,]* tokens · \d+ % of the call at line 8$/;
    const partText = await settledText(part, (t) => PART.test(t));
    check('part CodeLens shows the prompt\'s size and its share of the call', PART.test(partText), partText || '(empty lens)');
    await screenshot('ui-workbench.png');

    step = 'hover over the prompt';
    await page.locator('.view-lines .view-line', { hasText: 'You are a concise' }).first().locator('span', { hasText: 'concise' }).last().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Prompt Cost Lens' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const HOVER = /Anatomy[\s\S]*system[\s\S]*framing[\s\S]*input[\s\S]*output[\s\S]*Model[\s\S]*In[\s\S]*Out[\s\S]*\$\/call[\s\S]*gpt-4o-mini/;
    // The hover is filled in as its parts arrive: read it once it holds the anatomy and the table.
    const hoverText = await pollFor('the hover to show the call anatomy', async () => {
      const text = await hover.innerText().catch(() => '');
      return HOVER.test(text) ? text : null;
    }, 15_000).catch(async () => hover.innerText().catch(() => ''));
    check('hover shows the call\'s anatomy and the model table', HOVER.test(hoverText), hoverText.split('\n').slice(0, 3).join(' | ').slice(0, 160));
    await screenshot('ui-hover.png');
    await page.keyboard.press('Escape');

    step = `select the prompt text and run "${ESTIMATE_SELECTION_TITLE}"`;
    await page.locator('.view-lines .view-line', { hasText: 'You are a concise' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    // The selection is what the command prices: wait until the editor shows one before running it.
    await page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 10_000 });
    await runPaletteCommand(page, ESTIMATE_SELECTION_TITLE, ESTIMATE_SELECTION_TITLE, { log });
    const modelRow = page.locator('.quick-input-list .monaco-list-row', { hasText: '/call' }).first();
    await modelRow.waitFor({ timeout: 15_000 });
    const rowText = (await modelRow.innerText()).replace(/\s+/g, ' ').trim();
    check('Estimate Selection lists models with tokens and cost', / in \+ [\d,]+/.test(rowText) && /\/1k calls/.test(rowText), rowText.slice(0, 160));
    await screenshot('ui-estimate-selection.png');
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });

    step = `run "${SHOW_LOG_TITLE}" from the command palette`;
    await runPaletteCommand(page, SHOW_LOG_TITLE, SHOW_LOG_TITLE, { log });
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    check('command palette lists and runs the command', true, SHOW_LOG_TITLE);

    step = 'wait for the Output panel';
    // The first command activates the extension, which on a cold host takes a few seconds.
    await page.locator('.part.panel').first().waitFor({ state: 'visible', timeout: 30_000 });
    // The Output view names the shown channel in its channel picker (a <select> in the panel's title bar).
    const channel = await waitForSelectedChannel(page, OUTPUT_CHANNEL, 30_000);
    check('Output panel shows the extension channel', channel === OUTPUT_CHANNEL, `selected channel: ${channel}`);
    await screenshot('ui-show-log.png');
  } catch (error) {
    check(step, false, firstLine(error));
    await screenshot('ui-failure.png').catch(() => {});
  } finally {
    closing = true;
    await context.close();
  }
  return results;
}

/** Polls the Output view's channel picker until it selects `wanted`; returns the last selection seen. */
async function waitForSelectedChannel(page, wanted, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let selected = '';
  while (Date.now() < deadline) {
    selected = await page.evaluate(() => {
      const select = document.querySelector('.part.panel select.monaco-select-box');
      if (!(select instanceof HTMLSelectElement)) return '';
      return select.selectedOptions[0]?.textContent?.trim() ?? '';
    });
    if (selected === wanted) return selected;
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval
  }
  return selected;
}
