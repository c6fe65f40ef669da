// Exact counts from the provider in a real extension host, against a loopback server started here that
// speaks Anthropic's count_tokens shape (../../unit/core/exactCounts/fakeCountServer.ts, 127.0.0.1,
// ephemeral port; nothing else is contacted): off by default (a Claude call is ≈ and nothing is sent), then
// a key set with the command and the user setting turned on: the call's figure becomes exact, the hover
// says `exact (Anthropic API)`, and the key went in the header to the origin it was entered for only.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { ANTHROPIC_KEY, FakeCountServer } from '../../unit/core/exactCounts/fakeCountServer';
import { waitForValue } from '../waitFor';

const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const COMPARE = 'promptCost.comparePrompt';
const FILE = path.join('python', 'claude_summarizer.py');
const SETTINGS = ['exactCounts.anthropic', 'exactCounts.anthropicUrl'];

interface ExactCountsApi {
  status(): { providers: string[]; asked: number; counted: number; fromCache: number; failures: string[] };
  storedKey(provider: string): { origin: string; sha256: string } | undefined;
}

const settings = () => vscode.workspace.getConfiguration('promptCost');

async function exactCountsApi(): Promise<ExactCountsApi> {
  const extension = vscode.extensions.getExtension<{ exactCounts: ExactCountsApi }>(EXTENSION_ID);
  assert.ok(extension);
  const exports = await extension.activate();
  assert.ok(exports.exactCounts, 'the extension API has no exactCounts section');
  return exports.exactCounts;
}

async function openExample(): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples workspace is not open');
  const doc = await vscode.workspace.openTextDocument(path.join(folder.uri.fsPath, FILE));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The lens of the call (the one with a cost), once the analysis has produced it. */
async function callLens(doc: vscode.TextDocument, ok: (title: string) => boolean, what: string): Promise<{ line: number; title: string }> {
  return waitForValue(what, async () => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
    const lens = lenses.filter((l) => l.command?.command === COMPARE && /\/call/.test(l.command.title)).map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '' }))[0];
    return lens && ok(lens.title) ? lens : undefined;
  }, 30_000);
}

async function hoverText(doc: vscode.TextDocument, line: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line + 1, 12))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('Exact counts from the provider (Anthropic count_tokens on a loopback server)', () => {
  const server = new FakeCountServer();
  let api: ExactCountsApi;

  suiteSetup(async function () {
    this.timeout(30_000);
    await server.start();
    api = await exactCountsApi();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('promptCost.clearExactCountsKey', { provider: 'anthropic' });
    for (const key of SETTINGS) await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server.close();
  });

  test('off by default: the Claude call is ≈ and nothing is sent, even with the URL set', async function () {
    this.timeout(40_000);
    await settings().update('exactCounts.anthropicUrl', server.url, vscode.ConfigurationTarget.Global);
    const doc = await openExample();
    const lens = await callLens(doc, (title) => title.includes('≈'), 'the ≈ call lens');
    assert.match(lens.title, /claude-sonnet-4-5/);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.strictEqual(server.requests.length, 0, 'a request was sent while exact counts were off');
    assert.deepStrictEqual(api.status().providers, []);
  });

  test('a key and the setting on: the call becomes exact, the hover says exact (Anthropic API), the key went only in its header', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('promptCost.setExactCountsKey', { provider: 'anthropic', key: ANTHROPIC_KEY });
    assert.strictEqual(api.storedKey('anthropic')?.origin, server.url);
    await settings().update('exactCounts.anthropic', true, vscode.ConfigurationTarget.Global);
    const doc = await openExample();
    const lens = await callLens(doc, (title) => !title.includes('≈'), 'the exact call lens');
    assert.match(lens.title, /claude-sonnet-4-5/);
    const hover = await hoverText(doc, lens.line);
    assert.ok(hover.includes('Anthropic API'), hover);
    const sent = server.requestsFor('anthropic');
    assert.ok(sent.length >= 1, 'no count request arrived');
    for (const request of sent) {
      assert.strictEqual(request.headers['x-api-key'], ANTHROPIC_KEY);
      assert.ok(!request.path.includes(ANTHROPIC_KEY));
      assert.strictEqual((request.body as { model: string }).model, 'claude-sonnet-4-5');
    }
    assert.strictEqual(api.status().failures.length, 0, api.status().failures.join('\n'));
  });

  test('turned off again: the figure is ≈ and no request follows', async function () {
    this.timeout(40_000);
    await settings().update('exactCounts.anthropic', false, vscode.ConfigurationTarget.Global);
    const before = server.requests.length;
    const doc = await openExample();
    await callLens(doc, (title) => title.includes('≈'), 'the ≈ call lens again');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.strictEqual(server.requests.length, before);
  });
});
