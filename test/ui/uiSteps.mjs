// Playwright steps the workbench UI checks share: recording PASS/FAIL lines, a page with a screenshot helper,
// opening the workbench (optionally on one file) and running a command from the F1 palette.
import path from 'node:path';

/**
 * A `check(name, ok, detail)` that appends to `results` and logs a PASS/FAIL line; `prefix` (e.g. `spend: `)
 * goes in front of every name.
 * @param {{ name: string, ok: boolean, detail?: string }[]} results
 * @param {(m: string) => void} log
 */
export function checkRecorder(results, log, prefix = '') {
  return (name, ok, detail) => {
    results.push({ name: `${prefix}${name}`, ok, detail });
    log(`${ok ? 'PASS' : 'FAIL'} ${prefix}${name}${detail ? ` (${detail})` : ''}`);
  };
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
  await page.waitForFunction(() => 'driver' in window, undefined, { timeout: 30_000 });
  await page.evaluate(() => /** @type {any} */ (window).driver.whenWorkbenchRestored());
}

/**
 * Runs a command from the F1 palette like a user: types `>title`, waits until the focused row shows
 * `rowText` (default: the title) and presses Enter.
 * @param {import('playwright-core').Page} page
 * @param {string} title
 */
export async function runPaletteCommand(page, title, rowText = title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
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
