// Compress Prompt end to end in the extension host: diff preview, Apply as one edit, engine re-finds the
// prompt, one undo restores the file byte for byte. Also prints how long the first Compress Prompt blocked
// the host (compression runs in the pipeline worker; nothing is asserted on the timings).
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import { findPrompts } from '../../../src/core/prompts/findPrompts';
import type { CompressOutcome } from '../../../src/vscode/compress/compressPromptCommand';

const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const COMPRESS = 'promptCost.compressPrompt';
const PREVIEW_SCHEME = 'prompt-cost-compress';

interface Api {
  resetLongestSlice(): void;
  perf(): { longestSlice: { label: string; ms: number } | null; lastCompress: { where: string; ms: number } | null };
}

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the examples workspace open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

suite('Compress Prompt', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('diff preview, Apply rewrites the string, undo restores it', async () => {
    const uri = workspaceFile('python/support_bot.py');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const original = document.getText();
    const marker = original.indexOf('You are Ava');
    assert.ok(marker > 0, 'support_bot.py has its system prompt');
    const before = (await findPrompts(original, uri.fsPath)).find((p) => p.startOffset <= marker && marker < p.endOffset);
    assert.ok(before, 'the engine finds the system prompt');
    editor.selection = new vscode.Selection(document.positionAt(marker), document.positionAt(marker));
    // The lenses are computed first, so what follows measures Compress Prompt alone.
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);

    const api = vscode.extensions.getExtension<Api>(EXTENSION_ID)?.exports;
    assert.ok(api, 'the extension exports its timings');
    api.resetLongestSlice();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    const outcome = await vscode.commands.executeCommand<CompressOutcome>(COMPRESS, { apply: true });
    const wallMs = performance.now() - started;
    loop.disable();
    const perf = api.perf();
    console.log(`      [perf] first Compress Prompt: ${wallMs.toFixed(0)} ms wall; compression ${perf.lastCompress?.ms.toFixed(1)} ms in ${perf.lastCompress?.where}; longest synchronous slice of this extension on the host ${perf.longestSlice?.ms.toFixed(1)} ms (${perf.longestSlice?.label}); host event-loop delay max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms (whole host)`);
    assert.ok(outcome, 'the command returns its outcome');
    assert.strictEqual(outcome.status, 'applied', `outcome: ${JSON.stringify(outcome)}`);
    assert.ok(outcome.tokensAfter! < outcome.tokensBefore!, `fewer tokens: ${outcome.tokensBefore} → ${outcome.tokensAfter}`);
    assert.ok(typeof outcome.savedPerMonth === 'number' && outcome.savedPerMonth > 0, `saved per month: ${outcome.savedPerMonth}`);

    // The diff editor is open on the two virtual documents.
    const diffTab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === PREVIEW_SCHEME);
    assert.ok(diffTab, `a diff tab on ${PREVIEW_SCHEME}: is open (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')})`);
    const input = diffTab.input as vscode.TabInputTextDiff;
    const left = await vscode.workspace.openTextDocument(input.original);
    const right = await vscode.workspace.openTextDocument(input.modified);
    assert.strictEqual(left.getText(), before.text, 'the left side is the prompt before');
    assert.notStrictEqual(right.getText(), before.text);

    // The file changed, and the engine reads the same prompt back with the compressed text.
    const edited = document.getText();
    assert.notStrictEqual(edited, original);
    const after = (await findPrompts(edited, uri.fsPath)).find((p) => p.startOffset === before.startOffset);
    assert.ok(after, 'the engine finds the prompt at the same place after Apply');
    assert.strictEqual(after.text, right.getText());
    assert.strictEqual(after.kind, before.kind);
    assert.deepStrictEqual(after.placeholders.map((p) => p.raw), before.placeholders.map((p) => p.raw));

    // One undo step restores the file byte for byte.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original, 'one undo restores the original');
    assert.strictEqual(document.isDirty, false);
    console.log(`compress: ${path.basename(uri.fsPath)} ${outcome.tokensBefore} → ${outcome.tokensAfter} tokens, $${outcome.savedPerMonth?.toFixed(4)}/month`);
  });

  test('Discard leaves the file alone', async () => {
    const uri = workspaceFile('python/support_bot.py');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const original = document.getText();
    const marker = original.indexOf('You are Ava');
    editor.selection = new vscode.Selection(document.positionAt(marker), document.positionAt(marker));
    const api = vscode.extensions.getExtension<Api>(EXTENSION_ID)?.exports;
    api?.resetLongestSlice();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const outcome = await vscode.commands.executeCommand<CompressOutcome>(COMPRESS, { apply: false });
    loop.disable();
    const perf = api?.perf();
    console.log(`      [perf] second Compress Prompt (warm): compression ${perf?.lastCompress?.ms.toFixed(1)} ms in ${perf?.lastCompress?.where}; longest slice on the host ${perf?.longestSlice?.ms.toFixed(1)} ms (${perf?.longestSlice?.label}); host event-loop delay max ${(loop.max / 1e6).toFixed(1)} ms`);
    assert.strictEqual(outcome?.status, 'discarded', JSON.stringify(outcome));
    assert.strictEqual(document.getText(), original);
  });

  test('with the cursor outside any prompt it says so and changes nothing', async () => {
    const uri = workspaceFile('python/support_bot.py');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('import logging');
    editor.selection = new vscode.Selection(document.positionAt(at), document.positionAt(at));
    const outcome = await vscode.commands.executeCommand<CompressOutcome>(COMPRESS, { apply: true });
    assert.strictEqual(outcome?.status, 'noTarget', JSON.stringify(outcome));
    assert.strictEqual(document.isDirty, false);
  });

  suite('model-assisted (a loopback OpenAI-compatible server)', () => {
    const KEY = 'sk-loopback-test-key';
    let server: http.Server;
    let endpoint = '';
    /** What the stand-in model answers for a prompt; each test sets it. */
    let answerFor: (prompt: string) => string = (prompt) => prompt;
    const requests: { path: string; authorization: string | undefined; model: string; prompt: string }[] = [];

    suiteSetup(async () => {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        req.on('end', () => {
          const parsed = JSON.parse(body) as { model: string; messages: { role: string; content: string }[] };
          const prompt = parsed.messages.find((m) => m.role === 'user')?.content ?? '';
          requests.push({ path: req.url ?? '', authorization: req.headers.authorization, model: parsed.model, prompt });
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ id: 'cmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: answerFor(prompt) }, finish_reason: 'stop' }] }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
      const config = vscode.workspace.getConfiguration('promptCost');
      await config.update('compress.modelAssisted.endpoint', endpoint, vscode.ConfigurationTarget.Global);
      await config.update('compress.modelAssisted.model', 'loopback-compressor', vscode.ConfigurationTarget.Global);
      await config.update('compress.modelAssisted.enabled', true, vscode.ConfigurationTarget.Global);
      assert.strictEqual(await vscode.commands.executeCommand('promptCost.setCompressionApiKey', KEY), true);
    });

    suiteTeardown(async () => {
      const config = vscode.workspace.getConfiguration('promptCost');
      await config.update('compress.modelAssisted.enabled', undefined, vscode.ConfigurationTarget.Global);
      await config.update('compress.modelAssisted.endpoint', undefined, vscode.ConfigurationTarget.Global);
      await config.update('compress.modelAssisted.model', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('promptCost.setCompressionApiKey', '');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    setup(() => {
      requests.length = 0;
    });

    async function compressAva(): Promise<{ outcome: CompressOutcome | undefined; prompt: string; original: string; document: vscode.TextDocument }> {
      const uri = workspaceFile('python/support_bot.py');
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document);
      const original = document.getText();
      const marker = original.indexOf('You are Ava');
      const prompt = (await findPrompts(original, uri.fsPath)).find((p) => p.startOffset <= marker && marker < p.endOffset);
      assert.ok(prompt, 'the engine finds the system prompt');
      editor.selection = new vscode.Selection(document.positionAt(marker), document.positionAt(marker));
      const outcome = await vscode.commands.executeCommand<CompressOutcome>(COMPRESS, { apply: false });
      return { outcome, prompt: prompt.text, original, document };
    }

    test('a shorter answer that keeps every protected span is offered, and the key goes only to the endpoint', async () => {
      // The stand-in model writes telegraphically; shorter than the deterministic passes manage on this prompt.
      answerFor = (prompt) => prompt.replace(/\b(?:the|a|an|please|and|always|very)\b\s*/gi, '');
      const { outcome, prompt, original, document } = await compressAva();
      assert.strictEqual(outcome?.status, 'discarded', JSON.stringify(outcome));
      assert.strictEqual(outcome.modelAssisted, true, `the model's answer was used: ${JSON.stringify(outcome)}`);
      assert.strictEqual(outcome.preview?.right && (await vscode.workspace.openTextDocument(vscode.Uri.parse(outcome.preview.right))).getText(), answerFor(prompt));
      assert.strictEqual(requests.length, 1, 'one request per Compress Prompt');
      assert.deepStrictEqual(requests[0], { path: '/v1/chat/completions', authorization: `Bearer ${KEY}`, model: 'loopback-compressor', prompt });
      assert.strictEqual(document.getText(), original, 'nothing is applied without Apply');
    });

    test('an answer that breaks an invariant is refused, and the deterministic result is offered instead', async () => {
      answerFor = (prompt) => `${prompt}\nAlso, greet the customer warmly by name in every single reply you write.`;
      const { outcome, prompt } = await compressAva();
      assert.strictEqual(requests.length, 1);
      assert.strictEqual(outcome?.status, 'discarded', JSON.stringify(outcome));
      assert.strictEqual(outcome.modelAssisted, false, 'a longer answer is never used');
      assert.ok(outcome.tokensAfter! < outcome.tokensBefore!, `deterministic passes still compress: ${outcome.tokensBefore} → ${outcome.tokensAfter}`);
      const right = await vscode.workspace.openTextDocument(vscode.Uri.parse(outcome.preview!.right));
      assert.ok(!right.getText().includes('greet the customer'), 'the refused answer is not in the preview');
      assert.notStrictEqual(right.getText(), prompt);
    });

    test('the key does not follow a changed endpoint to another origin', async () => {
      answerFor = (prompt) => prompt.replace(/\b(?:the|a|an)\b\s*/gi, '');
      const other = http.createServer((req, res) => {
        requests.push({ path: req.url ?? '', authorization: req.headers.authorization, model: 'other', prompt: '' });
        res.statusCode = 500;
        res.end();
      });
      await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
      const config = vscode.workspace.getConfiguration('promptCost');
      try {
        await config.update('compress.modelAssisted.endpoint', `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1`, vscode.ConfigurationTarget.Global);
        const { outcome } = await compressAva();
        assert.deepStrictEqual(requests.slice(), [], 'no request at all: the key was saved for the first origin');
        assert.strictEqual(outcome?.modelAssisted, false, JSON.stringify(outcome));
        assert.ok(outcome.tokensAfter! < outcome.tokensBefore!, 'deterministic compression still runs');
      } finally {
        await config.update('compress.modelAssisted.endpoint', endpoint, vscode.ConfigurationTarget.Global);
        await new Promise<void>((resolve) => other.close(() => resolve()));
      }
      // Back on the origin the key was saved for, it is sent again.
      const { outcome } = await compressAva();
      assert.strictEqual(outcome?.modelAssisted, true, JSON.stringify(outcome));
      assert.strictEqual(requests.length, 1);
      assert.strictEqual(requests[0].authorization, `Bearer ${KEY}`);
    });
  });
});
