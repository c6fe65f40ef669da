// UI check of Compress Prompt in the real workbench (called from uiCheck.mjs): open python/support_bot.py
// from the examples workspace, put the cursor in SYSTEM_PROMPT, run "Prompt Cost: Compress Prompt" from the
// F1 palette, check the diff editor and the Apply / Discard notification, screenshot them into outDir, then
// Discard (the file stays as it was).
import fs from 'node:fs';
import path from 'node:path';
import { checkRecorder, firstLine, newWorkbenchPage, openWorkbench, runPaletteCommand } from './uiSteps.mjs';

const COMPRESS_TITLE = 'Prompt Cost: Compress Prompt';
const FILE = path.join('python', 'support_bot.py');

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, workspaceDir: string, outDir: string, log?: (m: string) => void }} options
 * @returns {Promise<{ name: string, ok: boolean, detail?: string }[]>}
 */
export async function runCompressUiCheck({ browser, baseUrl, workspaceDir, outDir, log = console.log }) {
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  const check = checkRecorder(results);
  const filePath = path.join(workspaceDir, FILE);
  const before = fs.readFileSync(filePath, 'utf8');
  const { context, page, screenshot } = await newWorkbenchPage(browser, { outDir, log });
  let step = 'open the workbench on support_bot.py';
  try {
    await openWorkbench(page, { baseUrl, workspaceDir, filePath });
    await page.locator('.tabs-container .tab', { hasText: 'support_bot.py' }).first().waitFor({ timeout: 30_000 });

    step = 'put the cursor in SYSTEM_PROMPT';
    const line = page.locator('.view-lines .view-line', { hasText: 'You are Ava' }).first();
    await line.waitFor({ timeout: 30_000 });
    await line.locator('span', { hasText: 'Ava' }).last().click();

    step = `run "${COMPRESS_TITLE}" from the command palette`;
    await runPaletteCommand(page, COMPRESS_TITLE, COMPRESS_TITLE, { log });

    step = 'wait for the diff editor and the Apply / Discard notification';
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Not as a toast: under `--vscode-option enable-smoke-test-driver` (which the runner needs for its payload
    // and window.driver) VS Code 1.139 shows no toasts at all (NotificationsToasts.addToast returns early when
    // environmentService.enableSmokeTestDriver is set), so waiting for one only ever timed out (10 s a run).
    // The notification center lists the same notification, with the same buttons.
    await runPaletteCommand(page, 'Notifications: Show Notifications', 'Show Notifications', { log });
    const notification = page.locator('.notifications-center .notification-list-item', { hasText: 'tokens' }).first();
    await notification.waitFor({ state: 'visible', timeout: 30_000 });
    const notificationText = (await notification.innerText()).replace(/\s+/g, ' ').trim();
    const tab = page.locator('.tabs-container .tab', { hasText: 'Compress Prompt' }).first();
    await tab.waitFor({ timeout: 10_000 });
    check('Compress Prompt opens a diff of the prompt', true, (await tab.innerText()).trim());
    check('the notification shows tokens before → after, percent and $ saved per month', /\d+ → \d+ tokens \(−[\d.]+ %\).*\$[\d.,]+\/month saved/.test(notificationText), notificationText.slice(0, 200));
    const apply = notification.locator('.monaco-button', { hasText: 'Apply' });
    const discard = notification.locator('.monaco-button', { hasText: 'Discard' });
    check('the notification offers Apply and Discard', (await apply.count()) === 1 && (await discard.count()) === 1);
    // The diff computes and paints its decorations after the editor shows: wait for the inserted-text marks.
    await page.locator('.monaco-diff-editor .char-insert, .monaco-diff-editor .line-insert').first().waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('ui-compress-diff.png');

    step = 'Discard';
    await discard.click();
    await page.locator('.monaco-diff-editor').first().waitFor({ state: 'hidden', timeout: 10_000 });
    check('Discard closes the diff and leaves the file unchanged', fs.readFileSync(filePath, 'utf8') === before);
  } catch (error) {
    check(step, false, firstLine(error));
    await screenshot('ui-compress-failure.png').catch(() => {});
  } finally {
    await context.close();
  }
  return results;
}
