// Playwright steps the workbench UI checks share: recording check results, a page with a screenshot helper,
// opening the workbench (optionally on one file), running a command from the F1 palette, and waiting for
// states (a settled text, a painted webview, any condition polled) instead of sleeping.
import path from 'node:path';

/**
 * A `check(name, ok, detail)` that appends to `results`; `prefix` (e.g. `spend: `) goes in front of every
 * name. It does not log: runChecksWithRetry (uiRetry.mjs) writes the PASS/FAIL lines once the attempt that
 * counts is known.
 * @param {{ name: string, ok: boolean, detail?: string }[]} results
 */
export function checkRecorder(results, prefix = '') {
  return (name, ok, detail) => {
    results.push({ name: `${prefix}${name}`, ok, detail });
  };
}

/** The first line of an error's message (Playwright appends a call log after it). */
export function firstLine(error) {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/**
 * A fresh browser context and page, and `screenshot(name)` that saves the page into outDir and logs where.
 * @param {import('playwright-core').Browser} browser
 * @param {{ outDir: string, log: (m: string) => void, viewport?: { width: number, height: number } }} options
 */
export async function newWorkbenchPage(browser, { outDir, log, viewport = { width: 1280, height: 800 } }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const screenshot = async (name) => {
    const file = path.join(outDir, name);
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(process.cwd(), file)}`);
  };
  return { context, page, screenshot };
}

/**
 * Loads the workbench on workspaceDir (and opens `filePath`, an absolute path inside it, when given), then
 * waits until the workbench is restored.
 * @param {import('playwright-core').Page} page
 * @param {{ baseUrl: string, workspaceDir: string, filePath?: string }} options
 */
export async function openWorkbench(page, { baseUrl, workspaceDir, filePath }) {
  let url = `${baseUrl}/?folder=${encodeURIComponent(workspaceDir)}`;
  if (filePath !== undefined) {
    const payload = [['openFile', `vscode-remote://${new URL(baseUrl).host}${filePath}`]];
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // Commands run in the first second or two after load can be lost (seen: "Show Log" activated the extension
  // but the panel never opened, 1 run in 3). VS Code's own smoke tests wait on the driver that
  // `--vscode-option enable-smoke-test-driver` exposes; so do we.
  await page.waitForFunction(() => 'driver' in window, undefined, { timeout: 30_000 });
  await page.evaluate(() => /** @type {any} */ (window).driver.whenWorkbenchRestored());
}

/**
 * Runs a command from the F1 palette like a user: types `>title`, waits until the focused row shows
 * `rowText` (default: the title) and presses Enter.
 *
 * The palette closes when it loses focus. Focus moves late on a busy machine, e.g. into a webview that was
 * clicked just before (seen: "simulate: maximize the panel for the screenshot" timed out in `locator.fill`
 * after 30 s because the palette had closed under it). So when the palette is found closed before Enter,
 * it is opened again (up to 3 times, each logged); a palette that stays open without our row is a failure.
 * @param {import('playwright-core').Page} page
 * @param {string} title
 * @param {string} [rowText]
 * @param {{ log?: (m: string) => void }} [options]
 */
export async function runPaletteCommand(page, title, rowText = title, { log = () => {} } = {}) {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input');
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText });
  const attempts = 3;
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${title}`, { timeout: 15_000 });
      // Enter runs the *focused* row; pressing it before the filtered list has focused ours can run nothing.
      const closed = widget.waitFor({ state: 'hidden', timeout: 30_000 }).then(() => 'closed', () => 'open');
      const shown = row.waitFor({ timeout: 30_000 }).then(() => 'row');
      if ((await Promise.race([shown, closed])) === 'closed') throw new Error('the palette closed before our row was focused');
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      if (attempt >= attempts || await widget.isVisible()) throw error;
      log(`palette: "${title}" not run (${firstLine(error)}); the palette had closed (focus moved), opening it again (${attempt + 1}/${attempts})`);
    }
  }
}

/**
 * Polls `probe` (sync value or promise) until it returns something other than null/undefined/false;
 * returns that value, or throws `what` with the last value seen after `timeoutMs`.
 * @template T
 * @param {string} what
 * @param {() => Promise<T> | T} probe
 */
export async function pollFor(what, probe, timeoutMs = 20_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Resolves once `frame` has painted two animation frames after now: whatever the DOM holds at the call is on
 * screen. A webview (an iframe) paints on its own schedule, so a screenshot taken right after its text
 * changed can show the previous frame.
 * @param {import('playwright-core').Frame} frame
 */
export async function painted(frame) {
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));
}

/**
 * The element's visible text once `ok` accepts it: lenses and status items are re-rendered as results
 * arrive, so one read can land between two renders and see an empty element. Returns the last text read.
 * @param {import('playwright-core').Locator} locator
 * @param {(text: string) => boolean} ok
 */
export async function settledText(locator, ok, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  for (;;) {
    text = (await locator.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
    if (ok(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
