// UI check of the prompt kinds added for real projects (called from uiCheck.mjs): a Semantic Kernel
// `skprompt.txt` (with its `config.json`) and a Jupyter notebook. Both are copied from test/fixtures into the
// workspace, opened in the real workbench, and our call CodeLens is read where a person would see it: above
// the prompt file, and in the notebook cell that makes the call.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRecorder, firstLine, newWorkbenchPage, openWorkbench, settledText } from './uiSteps.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'promptFiles');
/** The call lens: `$…/call · ≈ N in + … out · model`. */
const CALL_LENS = /\$[\d.–]+\/call · (≈ )?[\d,]+ in \+ [\d,.k–]+ out/;

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, workspaceDir: string, outDir: string, log?: (m: string) => void }} options
 * @returns {Promise<{ name: string, ok: boolean, detail?: string }[]>}
 */
export async function runPromptKindsUiCheck({ browser, baseUrl, workspaceDir, outDir, log = console.log }) {
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  const check = checkRecorder(results, 'prompt kinds: ');
  const dir = path.join(workspaceDir, 'ui-kinds');
  fs.cpSync(path.join(FIXTURES, 'semanticKernel', 'WriteStory'), path.join(dir, 'WriteStory'), { recursive: true });
  fs.copyFileSync(path.join(FIXTURES, 'summaries.ipynb'), path.join(dir, 'summaries.ipynb'));
  const { context, page, screenshot } = await newWorkbenchPage(browser, { outDir, log });
  let step = 'open the workbench on WriteStory/skprompt.txt';
  try {
    await openWorkbench(page, { baseUrl, workspaceDir, filePath: path.join(dir, 'WriteStory', 'skprompt.txt') });
    await page.locator('.tabs-container .tab', { hasText: 'skprompt.txt' }).first().waitFor({ timeout: 30_000 });
    step = 'wait for the call CodeLens above skprompt.txt';
    const skLens = page.locator('.codelens-decoration', { hasText: '/call' }).first();
    await skLens.waitFor({ timeout: 30_000 });
    // WriteStory/config.json names gpt-4o-mini and max_tokens 400.
    const skText = await settledText(skLens, (t) => CALL_LENS.test(t) && /gpt-4o-mini/.test(t));
    check('Semantic Kernel skprompt.txt: one call lens with config.json\'s model and cap', CALL_LENS.test(skText) && /gpt-4o-mini/.test(skText) && /–400 out/.test(skText), skText || '(empty lens)');
    await screenshot('ui-skprompt.png');

    step = 'open summaries.ipynb in the notebook editor';
    await openWorkbench(page, { baseUrl, workspaceDir, filePath: path.join(dir, 'summaries.ipynb') });
    await page.locator('.tabs-container .tab', { hasText: 'summaries.ipynb' }).first().waitFor({ timeout: 30_000 });
    step = 'wait for the call CodeLens in the notebook cell that makes the call';
    // The cell calls gpt-4o-mini with max_tokens=50. In the editor each cell is its own document: the
    // constant SYSTEM of an earlier cell is a placeholder there (the CLI reads the cells as one program).
    const cellLens = page.locator('.codelens-decoration', { hasText: ' 50 out' }).first();
    await cellLens.waitFor({ timeout: 30_000 });
    const cellText = await settledText(cellLens, (t) => CALL_LENS.test(t));
    check('Jupyter notebook: the cell that makes the call shows its call lens', CALL_LENS.test(cellText) && /gpt-4o-mini/.test(cellText), cellText || '(empty lens)');
    await screenshot('ui-notebook.png');
  } catch (error) {
    check(step, false, firstLine(error));
    await screenshot('ui-prompt-kinds-failure.png').catch(() => {});
  } finally {
    await context.close();
  }
  return results;
}
