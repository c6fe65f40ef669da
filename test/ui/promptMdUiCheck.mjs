// UI check of a `.prompt.md` file (VS Code language "prompt", Copilot prompt files) in the real workbench
// (called from uiCheck.mjs): open prompts/review.prompt.md from the examples workspace and read our CodeLens
// above its prompt. `vscode.executeCodeLensProvider` cannot show it (VS Code's own "Configure Tools…" lens on
// the `tools:` header breaks that command's answer), so the rendered lens is the check.
import fs from 'node:fs';
import path from 'node:path';
import { checkRecorder, firstLine, newWorkbenchPage, openWorkbench, settledText } from './uiSteps.mjs';

const FILE = path.join('prompts', 'review.prompt.md');
/**
 * What `prompt-cost scan examples/prompts/review.prompt.md` prints for it: one implied call (the file) of
 * ≈ 313 input tokens on gpt-4.1, 300 output tokens typical (.promptcost.yml) up to the model's 32,768.
 */
const EXPECTED = /^\$0\.003–0\.26\/call · ≈ 313 in \+ 300–32\.8k out · gpt-4\.1 · claude-haiku-4-5 \$0\.0018 \(−\d+ %\)$/;

/**
 * @param {{ browser: import('playwright-core').Browser, baseUrl: string, workspaceDir: string, outDir: string, log?: (m: string) => void }} options
 * @returns {Promise<{ name: string, ok: boolean, detail?: string }[]>}
 */
export async function runPromptMdUiCheck({ browser, baseUrl, workspaceDir, outDir, log = console.log }) {
  fs.mkdirSync(outDir, { recursive: true });
  const results = [];
  const check = checkRecorder(results);
  const filePath = path.join(workspaceDir, FILE);
  const { context, page, screenshot } = await newWorkbenchPage(browser, { outDir, log });
  let step = 'open the workbench on review.prompt.md';
  try {
    await openWorkbench(page, { baseUrl, workspaceDir, filePath });
    await page.locator('.tabs-container .tab', { hasText: 'review.prompt.md' }).first().waitFor({ timeout: 30_000 });
    const editor = page.locator('.editor-instance .monaco-editor', { has: page.locator('.view-line', { hasText: 'Code review' }) }).first();
    await editor.waitFor({ timeout: 30_000 });

    step = 'wait for our CodeLens in the review.prompt.md editor';
    const lens = editor.locator('.codelens-decoration', { hasText: '/call' }).first();
    await lens.waitFor({ timeout: 30_000 });
    const lensText = await settledText(lens, (t) => EXPECTED.test(t));
    // Every lens of the editor, ours and VS Code's ("Configure Tools…" on the tools: line), for the report.
    const all = (await editor.locator('.codelens-decoration').allInnerTexts()).map((t) => t.trim()).join(' | ');
    check('.prompt.md: the file\'s call CodeLens shows $/call, tokens and the header\'s model', EXPECTED.test(lensText), `${lensText}; all lenses: ${all}`);
    await screenshot('ui-prompt-md.png');
  } catch (error) {
    check(step, false, firstLine(error));
    await screenshot('ui-prompt-md-failure.png').catch(() => {});
  } finally {
    await context.close();
  }
  return results;
}
