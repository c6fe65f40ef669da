// Update Prices in a real extension host, from a price server on 127.0.0.1 started here (nothing else is
// contacted): it serves LiteLLM's real file of 2026-07-24 with gpt-4o at 10× its price. Checked: the
// command stores and uses it, the lens of a gpt-4o call (priced in the pipeline worker) re-prices at 10×,
// the hover names the new catalogue and its date, a failed update (404, a non-loopback http URL) changes
// nothing and says why; afterwards the bundled catalogue is restored for the suites that follow.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { gunzipSync } from 'zlib';
import { LoopbackPriceServer } from '../../unit/core/pricing/loopbackPriceServer';
import { waitForValue } from '../waitFor';

const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const COMPARE = 'promptCost.comparePrompt';
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'pricing', 'litellm-model-prices-2026-07-24.json.gz');

interface CatalogueStatus {
  source: { kind: string; date: string; dateKind: string; location: string };
  modelCount: number;
  line: string;
}
type UpdateOutcome = { updated: true; status: CatalogueStatus } | { updated: false; stage: string; error: string; status: CatalogueStatus };
interface PricesApi {
  status(): CatalogueStatus;
  update(): Promise<UpdateOutcome>;
  useBundled(): void;
}

const settings = () => vscode.workspace.getConfiguration('promptCost');

function root(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples workspace is not open');
  return folder.uri.fsPath;
}

/** The call lens of the probe file's one call (line 3; its prompt's own lens is on line 6), once it is there. */
async function callLens(uri: vscode.Uri, differentFrom?: string): Promise<string> {
  return waitForValue(`the call lens${differentFrom ? ` to change from "${differentFrom}"` : ''}`, async () => {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    const title = lenses.find((l) => l.command?.command === COMPARE && l.range.start.line === 2)?.command?.title;
    return title !== undefined && title !== differentFrom ? title : undefined;
  }, 30_000);
}

/** The first dollar figure of a lens title: the call's typical cost. */
function typicalCost(title: string): number {
  const match = /^\$([\d.]+)/.exec(title);
  assert.ok(match, `no cost in "${title}"`);
  return Number(match[1]);
}

async function hoverText(uri: vscode.Uri): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 12));
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'object' && 'value' in c ? c.value : String(c))).find((v) => v.includes('Prompt Cost Lens')) ?? '';
}

suite('Update Prices: from a loopback server to the lens', function () {
  this.timeout(90_000);
  const server = new LoopbackPriceServer();
  let api: PricesApi;
  let probe: vscode.Uri;
  let bundledTitle = '';

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<{ prices: PricesApi }>(EXTENSION_ID);
    assert.ok(extension);
    api = (await extension.activate()).prices;
    assert.ok(api, 'the extension API has no prices section');
    await server.start();
    const dear = JSON.parse(gunzipSync(fs.readFileSync(FIXTURE)).toString('utf8')) as Record<string, Record<string, unknown>>;
    dear['gpt-4o'] = { ...dear['gpt-4o'], input_cost_per_token: 2.5e-5, output_cost_per_token: 1e-4 };
    server.routes.set('/litellm.json', { body: JSON.stringify(dear), headers: { 'last-modified': 'Tue, 01 Dec 2026 08:00:00 GMT' } });

    const file = path.join(root(), 'generated', 'prices_probe.py');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, [
      'from openai import OpenAI',
      'client = OpenAI()',
      'reply = client.chat.completions.create(',
      '    model="gpt-4o",',
      '    max_tokens=100,',
      '    messages=[{"role": "user", "content": "Summarise the incident report in three bullet points."}],',
      ')',
      '',
    ].join('\n'));
    probe = vscode.Uri.file(file);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(probe), { preview: false });
  });

  suiteTeardown(async () => {
    api.useBundled();
    await settings().update('prices.source', undefined, vscode.ConfigurationTarget.Global);
    // The suites that follow compare with the bundled catalogue: wait until the lens says so again.
    if (bundledTitle) assert.strictEqual(await waitForValue('the bundled price again', async () => ((await callLens(probe)) === bundledTitle ? true : undefined), 30_000), true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(probe.fsPath, { force: true });
    await server.close();
  });

  test('at first: the bundled catalogue of 2026-07-24, in the hover too', async () => {
    const status = api.status();
    assert.deepStrictEqual([status.source.kind, status.source.date, status.source.dateKind], ['bundled', '2026-07-24', 'published']);
    assert.match(status.line, /^LiteLLM, 2026-07-24 \(bundled\), 1,170 models$/);
    bundledTitle = await callLens(probe);
    assert.match(bundledTitle, / · gpt-4o · /);
    assert.match(await hoverText(probe), /Prices in USD: LiteLLM, 2026\\-07\\-24 \\\(bundled\\\)\./);
  });

  test('Update Prices from the loopback URL: stored, in use, the lens re-prices and the hover names it', async () => {
    await settings().update('prices.source', `${server.url}/litellm.json`, vscode.ConfigurationTarget.Global);
    const outcome = await vscode.commands.executeCommand<UpdateOutcome>('promptCost.updatePrices');
    assert.ok(outcome?.updated, JSON.stringify(outcome));
    assert.deepStrictEqual([outcome.status.source.kind, outcome.status.source.date, outcome.status.source.dateKind, outcome.status.modelCount], ['url', '2026-12-01', 'last-modified', 1170]);
    assert.deepStrictEqual(server.requests, ['/litellm.json']);

    const title = await callLens(probe, bundledTitle);
    const ratio = typicalCost(title) / typicalCost(bundledTitle);
    assert.ok(ratio > 9 && ratio < 11, `gpt-4o at 10× its price: "${bundledTitle}" → "${title}"`);
    assert.match(await hoverText(probe), /Prices in USD: LiteLLM, 2026\\-12\\-01 \\\(Last\\-Modified\\\) \\\(from 127\\\.0\\\.0\\\.1/);
  });

  test('a failed update changes nothing and says which step failed', async () => {
    const before = api.status();
    const title = await callLens(probe);
    await settings().update('prices.source', `${server.url}/missing.json`, vscode.ConfigurationTarget.Global);
    const missing = await vscode.commands.executeCommand<UpdateOutcome>('promptCost.updatePrices');
    assert.ok(missing && !missing.updated);
    assert.strictEqual(missing.stage, 'download');
    assert.match(missing.error, /missing\.json: HTTP 404/);

    // Refused before any request: plain http is for this machine only.
    await settings().update('prices.source', 'http://prices.example.invalid/model_prices.json', vscode.ConfigurationTarget.Global);
    const remote = await api.update();
    assert.ok(!remote.updated && remote.stage === 'source', JSON.stringify(remote));

    assert.deepStrictEqual(api.status(), before);
    assert.strictEqual(await callLens(probe), title);
  });
});
