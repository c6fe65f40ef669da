// Spend tracking in a real extension host, against a loopback tracker started here (../loopbackTracker.ts
// on 127.0.0.1, ephemeral port; nothing else is contacted): settings → poller → status bar text, budget
// notifications once per threshold, the key in SecretStorage (never in settings), a changed URL asking for
// the key again, a 500 keeping the last good figure as stale, the dashboard webview rendering, and sources
// read from the workspace's `.promptcost.yml` when the settings enable none.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as vscode from 'vscode';
import { HOSTILE_MODEL_NAME, LoopbackTracker } from '../loopbackTracker';
import { waitFor } from '../waitFor';

const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const TOKEN = 'trk-INTEGRATION-secret-7f3a9c';

interface SpendApi {
  status(): { state: string; text: string; budgetLevel: string; background?: string; tooltip: string; incomplete: boolean };
  notifications(): readonly string[];
  dashboard(): { open: boolean; renders: number; model: { state: string; today: { valueText: string } | null; topModels: { name: string }[] } };
  refresh(): Promise<void>;
  trackerPricedModels(): readonly string[];
  storedKey(sourceId: string): Promise<{ origin: string; sha256: string } | undefined>;
}

async function spendApi(): Promise<SpendApi> {
  const extension = vscode.extensions.getExtension<{ spend: SpendApi }>(EXTENSION_ID);
  assert.ok(extension);
  const exports = await extension.activate();
  assert.ok(exports.spend, 'the extension API has no spend section');
  return exports.spend;
}


const settings = () => vscode.workspace.getConfiguration('promptCost');
const SPEND_SETTINGS = ['spend.sources', 'spend.tracker.url', 'spend.useTrackerPricing', 'budget.daily', 'budget.monthly'];

suite('Spend tracking: status bar, budgets, keys, dashboard', () => {
  const tracker = new LoopbackTracker(TOKEN);
  let api: SpendApi;

  suiteSetup(async function () {
    this.timeout(30_000);
    await tracker.start();
    api = await spendApi();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('promptCost.clearApiKey', { source: 'tracker' });
    for (const key of SPEND_SETTINGS) await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
    await tracker.close();
  });

  test('no source configured: the status bar item stays hidden', () => {
    assert.strictEqual(api.status().state, 'hidden');
  });

  test('a configured tracker without a key says so (and sends nothing)', async () => {
    await settings().update('budget.daily', 2, vscode.ConfigurationTarget.Global);
    await settings().update('spend.tracker.url', tracker.url, vscode.ConfigurationTarget.Global);
    await settings().update('spend.sources', ['tracker'], vscode.ConfigurationTarget.Global);
    const status = await waitFor('status', () => api.status(), (s) => s.state === 'unavailable');
    assert.strictEqual(status.text, '$(circle-slash) Spend: no key');
    assert.ok(status.tooltip.includes('command:promptCost.setApiKey?'), 'the tooltip offers Set API Key');
    assert.strictEqual(tracker.requests.length, 0, 'no request without a key');
  });

  test('Set API Key stores the key in SecretStorage, bound to the origin; the status follows the tracker', async () => {
    const before = api.notifications().length;
    await vscode.commands.executeCommand('promptCost.setApiKey', { source: 'tracker', key: TOKEN });
    const stored = await api.storedKey('tracker');
    assert.deepStrictEqual(stored, { origin: tracker.url, sha256: createHash('sha256').update(TOKEN).digest('hex').slice(0, 12) });

    const status = await waitFor('status', () => api.status(), (s) => s.state === 'ok');
    assert.strictEqual(status.text, '$1.00 / $2.00 today');
    assert.strictEqual(status.budgetLevel, 'ok');
    assert.ok(tracker.requests.some((r) => r.path === '/admin/openai-costs/today' && r.token === TOKEN), 'the tracker got the token');

    // 50 % of the daily budget: one notification.
    const shown = await waitFor('notifications', () => api.notifications().length, (n) => n === before + 1);
    assert.match(api.notifications()[shown - 1], /50 % of your daily LLM budget of \$2\.00/);
  });

  test('the key is in no setting (user, workspace, folder or default)', () => {
    const section = settings();
    const keys = Object.keys(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties as object).map((k) => k.replace(/^promptCost\./, ''));
    assert.ok(keys.length > 10);
    for (const key of keys) {
      const seen = JSON.stringify(section.inspect(key) ?? {});
      assert.ok(!seen.includes(TOKEN), `${key} contains the key`);
    }
  });

  test('the figure follows the tracker; a threshold notifies once, not on every poll', async () => {
    const before = api.notifications().length;
    await api.refresh();
    await api.refresh();
    assert.strictEqual(api.notifications().length, before, 'no repeat of the 50 % alert');

    tracker.today = 1.7;
    await vscode.commands.executeCommand('promptCost.refreshSpend');
    const status = await waitFor('status', () => api.status(), (s) => s.text === '$1.70 / $2.00 today');
    assert.strictEqual(status.budgetLevel, 'warning');
    assert.strictEqual(status.background, 'statusBarItem.warningBackground');
    assert.strictEqual(api.notifications().length, before + 1, 'the 80 % alert, once');
    assert.match(api.notifications()[before], /85 % of your daily LLM budget/);
    await vscode.commands.executeCommand('promptCost.refreshSpend');
    await vscode.commands.executeCommand('promptCost.refreshSpend');
    assert.strictEqual(api.notifications().length, before + 1, 'still once after more polls');
  });

  test('the tooltip lists the source, models (escaped), month and commands', () => {
    const { tooltip } = api.status();
    assert.match(tooltip, /\| tracker \| \$1\.70 \| \$20\.00 \| ok \|/);
    assert.match(tooltip, /gpt\\-4o \$1\.45/);
    assert.ok(!tooltip.includes('](command:workbench'), 'a model name from the server must not become a command link');
    assert.match(tooltip, /projected month \$40\.00/);
    for (const id of ['promptCost.refreshSpend', 'promptCost.openDashboard', 'promptCost.configureSpend']) assert.ok(tooltip.includes(`](command:${id})`), id);
    assert.ok(!tooltip.includes(TOKEN));
  });

  test('the dashboard opens and renders the live figures', async () => {
    await vscode.commands.executeCommand('promptCost.openDashboard');
    const dash = await waitFor('dashboard', () => api.dashboard(), (d) => d.open && d.renders > 0, 20_000);
    assert.strictEqual(dash.model.today?.valueText, '$1.70');
    assert.deepStrictEqual(dash.model.topModels.map((m) => m.name), ['gpt-4o', HOSTILE_MODEL_NAME]);
    const renders = dash.renders;
    tracker.today = 1.8;
    await api.refresh();
    await waitFor('dashboard re-render', () => api.dashboard(), (d) => d.renders > renders && d.model.today?.valueText === '$1.80');
  });

  test('a 500 keeps the last good figure, marked stale', async () => {
    tracker.failWith500 = true;
    await api.refresh();
    const status = await waitFor('status', () => api.status(), (s) => s.state === 'stale');
    assert.match(status.text, /^\$\(history\) \$1\.80 \/ \$2\.00 today \(.+ ago\)$/);
    assert.match(status.tooltip, /stale/);
    tracker.failWith500 = false;
    await api.refresh();
    await waitFor('status', () => api.status(), (s) => s.state === 'ok');
  });

  test("the tracker's /pricing feeds the engine when promptCost.spend.useTrackerPricing is on", async () => {
    assert.deepStrictEqual(api.trackerPricedModels(), [], 'off by default');
    assert.ok(!tracker.requests.some((r) => r.path.endsWith('/pricing')), 'not fetched while off');
    await settings().update('spend.useTrackerPricing', true, vscode.ConfigurationTarget.Global);
    await waitFor('priced models', () => api.trackerPricedModels(), (m) => m.length === 2);
    assert.deepStrictEqual(api.trackerPricedModels(), ['gpt-4o', 'team-model']);
    assert.ok(tracker.requests.some((r) => r.path === '/admin/openai-costs/pricing' && r.token === TOKEN));
    await settings().update('spend.useTrackerPricing', false, vscode.ConfigurationTarget.Global);
    await waitFor('priced models', () => api.trackerPricedModels(), (m) => m.length === 0);
  });

  test('a changed base URL asks for the key again instead of sending it to the new host', async () => {
    const port = new URL(tracker.url).port;
    // Same server, another origin: the Host header tells which URL a request was sent to.
    await settings().update('spend.tracker.url', `http://localhost:${port}`, vscode.ConfigurationTarget.Global);
    const status = await waitFor('status', () => api.status(), (s) => s.state === 'unavailable');
    assert.strictEqual(status.text, '$(circle-slash) Spend: no key');
    assert.match(status.tooltip, /entered for http\\:\/\/127\\\.0\\\.0\\\.1/);
    await api.refresh();
    assert.ok(tracker.requests.some((r) => r.host === `127.0.0.1:${port}`), 'the old origin was used before');
    assert.deepStrictEqual(tracker.requests.filter((r) => r.host !== `127.0.0.1:${port}`), [], 'nothing was sent to the new origin');
    assert.strictEqual((await api.storedKey('tracker'))?.origin, tracker.url, 'the stored key keeps its origin');
  });

  test(".promptcost.yml's spend section applies when the settings enable no source; its URL gets only a key entered for it", async function () {
    this.timeout(30_000);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the examples workspace is not open');
    const file = vscode.Uri.joinPath(folder, '.promptcost.yml');
    const original = await vscode.workspace.fs.readFile(file);
    const port = new URL(tracker.url).port;
    const fileOrigin = `http://localhost:${port}`;
    try {
      await settings().update('spend.sources', undefined, vscode.ConfigurationTarget.Global);
      await settings().update('spend.tracker.url', undefined, vscode.ConfigurationTarget.Global);
      await settings().update('budget.daily', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('status', () => api.status(), (s) => s.state === 'hidden');

      const spend = ['', 'spend:', '  sources:', `    - kind: tracker`, `      url: ${fileOrigin}`, '  budget: { daily: 4 }', ''].join('\n');
      await vscode.workspace.fs.writeFile(file, Buffer.concat([Buffer.from(original), Buffer.from(spend)]));
      // The key stored so far was entered for 127.0.0.1: the file's URL (another origin) must not get it.
      const noKey = await waitFor('status from the file', () => api.status(), (s) => s.state === 'unavailable');
      assert.strictEqual(noKey.text, '$(circle-slash) Spend: no key');
      await api.refresh();
      assert.deepStrictEqual(tracker.requests.filter((r) => r.host === `localhost:${port}`), [], 'nothing sent to the file\'s origin before its key is set');

      tracker.today = 2;
      await vscode.commands.executeCommand('promptCost.setApiKey', { source: 'tracker', key: TOKEN });
      assert.strictEqual((await api.storedKey('tracker'))?.origin, fileOrigin, 'the key is bound to the origin the file names');
      const status = await waitFor('status', () => api.status(), (s) => s.state === 'ok');
      assert.strictEqual(status.text, '$2.00 / $4.00 today', 'the figure, against the budget from the file');
      assert.ok(tracker.requests.some((r) => r.host === `localhost:${port}` && r.path === '/admin/openai-costs/today' && r.token === TOKEN), 'the file\'s tracker got the token');
    } finally {
      await vscode.workspace.fs.writeFile(file, original);
    }
    await waitFor('status after the file is restored', () => api.status(), (s) => s.state === 'hidden');
  });
});
