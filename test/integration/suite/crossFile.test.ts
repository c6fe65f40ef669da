// Prompts imported across files in a real extension host: a call in app.py sends SYSTEM from prompts.py.
// Its lens counts SYSTEM's text (not a placeholder), the hover says where SYSTEM is defined, and an
// unsaved edit of prompts.py re-prices app.py's call while app.py itself is untouched (issue 11).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitForValue } from '../waitFor';

const COMPARE = 'promptCost.comparePrompt';
const FOLDER = 'cross_file_check';
const SHORT = 'You are a terse assistant for the billing team.';
const LONG = `${SHORT} ${'Answer only from the ticket history, cite the ticket number, never guess an amount, and say so when a refund needs a manager. '.repeat(12)}`;

const root = (): string => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples workspace is not open');
  return folder.uri.fsPath;
};

/** The input tokens the call lens on `line` (0-based) shows, e.g. 88 from "… · 88 in + 300–16.4k out · …". */
async function callInputTokens(uri: vscode.Uri, line: number): Promise<number | undefined> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  const title = lenses.find((l) => l.command?.command === COMPARE && l.range.start.line === line && /\/call/.test(l.command.title))?.command?.title;
  const match = title ? /([\d,]+) in \+/.exec(title) : null;
  return match ? Number(match[1].replace(/,/g, '')) : undefined;
}

suite('Prompts imported across files', function () {
  this.timeout(60_000);
  let dir = '';

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension('prompt-cost-lens.prompt-cost-lens');
    assert.ok(extension);
    await extension.activate();
    dir = path.join(root(), FOLDER);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'prompts.py'), `SYSTEM = "${SHORT}"\n`);
    fs.writeFileSync(path.join(dir, 'app.py'), [
      'from openai import OpenAI',
      'from .prompts import SYSTEM',
      '',
      'client = OpenAI()',
      '',
      'def answer(question):',
      '    return client.chat.completions.create(',
      '        model="gpt-4o-mini",',
      '        messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": question}],',
      '    )',
      '',
    ].join('\n'));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the call counts the imported constant's text and the hover names where it is defined", async () => {
    const app = await vscode.workspace.openTextDocument(path.join(dir, 'app.py'));
    await vscode.window.showTextDocument(app, { preview: false });
    const tokens = await waitForValue('the call lens of app.py', () => callInputTokens(app.uri, 6));
    // SHORT is 10 tokens; as a placeholder SYSTEM would be sized at 50 (placeholderTokens).
    assert.ok(tokens < 60, `input tokens ${tokens}`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', app.uri, new vscode.Position(8, 50));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    // Markdown-escaped: \{SYSTEM\} ≈ 10 tokens (from prompts\.py\:1).
    assert.ok(/\{SYSTEM\\?\} ≈ 10 tokens \(from prompts\\?\.py\\?:1\)/.test(text), text);
  });

  test('an unsaved edit of the imported file re-prices the importing call', async () => {
    const app = await vscode.workspace.openTextDocument(path.join(dir, 'app.py'));
    await vscode.window.showTextDocument(app, { preview: false, viewColumn: vscode.ViewColumn.One });
    const before = await waitForValue('the call lens of app.py', () => callInputTokens(app.uri, 6));
    const prompts = await vscode.workspace.openTextDocument(path.join(dir, 'prompts.py'));
    const editor = await vscode.window.showTextDocument(prompts, { preview: false, viewColumn: vscode.ViewColumn.Two });
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, 1, 0), `SYSTEM = "${LONG}"\n`));
    assert.ok(prompts.isDirty, 'the edit is not saved');
    const after = await waitForValue('app.py re-priced with the edited SYSTEM', async () => {
      const n = await callInputTokens(app.uri, 6);
      return n !== undefined && n > before + 200 ? n : undefined;
    }, 20_000);
    assert.ok(after > before + 200, `${before} → ${after}`);
    assert.strictEqual(app.isDirty, false, 'app.py itself was not edited');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
