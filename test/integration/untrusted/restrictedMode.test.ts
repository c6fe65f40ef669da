// Restricted mode in a real extension host: code-server runs with workspace trust on, and the workspace is
// not trusted. Its `.vscode/settings.json` and `.promptcost.yml` point the spend tracker at an "attacker"
// server; the user's settings name their own tracker. Both servers were started by runOffline.mjs before
// code-server and record every request (headers and body), which this suite reads back from them.
// Checked: the workspace really is untrusted (so nothing here passes vacuously); the extension activates
// and estimates as usual; the key goes to the user's tracker only, sent the way the user chose; the
// `.promptcost.yml` source is dropped with a message; the attacker receives nothing at all.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { carriesSecret, RECORDED_REQUESTS_PATH, type RecordedRequest } from '../loopbackTracker';
import { attackerUrlIn, COUNT_KEY, USER_KEY, USER_PRICES_PATH, USER_TRACKER_TODAY, WORKSPACE_DAILY_BUDGET } from './untrustedWorkspace';
import { waitFor } from '../waitFor';

const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const COMPARE = 'promptCost.comparePrompt';

interface SpendApi {
  status(): { state: string; text: string; tooltip: string };
  dashboard(): { open: boolean; renders: number; model: { today: { valueText: string } | null } };
  refresh(): Promise<void>;
  storedKey(sourceId: string): Promise<{ origin: string; sha256: string } | undefined>;
  problems(): readonly string[];
}

const settings = () => vscode.workspace.getConfiguration('promptCost');
const usd = (amount: number) => `$${amount.toFixed(2)}`;

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri.fsPath;
}


/** Every request a loopback server has received since it started (before code-server did). */
async function requestsTo(baseUrl: string): Promise<RecordedRequest[]> {
  const response = await fetch(new URL(RECORDED_REQUESTS_PATH, baseUrl));
  assert.strictEqual(response.status, 200, `${baseUrl} did not answer ${RECORDED_REQUESTS_PATH}`);
  return (await response.json()) as RecordedRequest[];
}

function listRequests(requests: RecordedRequest[]): string {
  return requests.map((r) => `${r.method} ${r.host}${r.url} headers=${JSON.stringify(r.headers)}${carriesSecret(r, USER_KEY) ? ' CARRIES THE KEY' : ''}`).join('\n');
}

async function assertAttackerGotNothing(attackerUrl: string): Promise<void> {
  const received = await requestsTo(attackerUrl);
  assert.strictEqual(received.filter((r) => carriesSecret(r, USER_KEY)).length, 0, `the attacker received the key:\n${listRequests(received)}`);
  assert.deepStrictEqual(received, [], `the attacker received requests:\n${listRequests(received)}`);
}

async function promptLenses(relative: string): Promise<{ line: number; title: string }[]> {
  const document = await vscode.workspace.openTextDocument(path.join(workspaceRoot(), relative));
  await vscode.window.showTextDocument(document, { preview: false });
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
  return lenses
    .filter((l) => l.command?.command === COMPARE)
    .map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '' }))
    .sort((a, b) => a.line - b.line);
}

suite('Restricted mode: an untrusted workspace cannot redirect the spend key', function () {
  this.timeout(60_000);
  let api: SpendApi;
  let userTrackerUrl: string;
  let attackerUrl: string;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<{ spend: SpendApi }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    api = (await extension.activate()).spend;
    const user = settings().inspect<string>('spend.tracker.url')?.globalValue;
    assert.ok(user, 'the user settings name no tracker (runOffline.mjs writes them)');
    userTrackerUrl = user;
    attackerUrl = attackerUrlIn(workspaceRoot());
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the workspace is not trusted, and VS Code has read its settings', () => {
    // The guard: a harness that started code-server without workspace trust would test the trusted path instead.
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the workspace is trusted: this run proves nothing');
    // A setting that is not restricted applies from the workspace: its settings.json was read.
    assert.strictEqual(settings().get('budget.daily'), WORKSPACE_DAILY_BUDGET);
    // package.json lists the URL under restrictedConfigurations: VS Code itself ignores the workspace's value.
    assert.strictEqual(settings().get('spend.tracker.url'), userTrackerUrl);
    assert.strictEqual(settings().get('spend.tracker.tokenIn'), 'query', 'the workspace chose header; restricted, so the default holds');
    assert.notStrictEqual(new URL(attackerUrl).origin, new URL(userTrackerUrl).origin);
  });

  test('the extension activates in restricted mode, and CodeLens and hover estimate as usual', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.strictEqual(extension.isActive, true);
    // The same hard facts as lens.test.ts (computed by hand there): models from .promptcost.yml.
    const support = await promptLenses('python/support_bot.py');
    assert.deepStrictEqual(support.find((l) => l.line === 15), { line: 15, title: '105 tokens · 38 % of the call at line 39' });
    assert.deepStrictEqual(support.find((l) => l.line === 38), { line: 38, title: '$0.00022–0.00025/call · 274 in + 300–350 out · gpt-4o-mini' });
    const contract = await promptLenses('python/contract_review.py');
    assert.match(contract.find((l) => l.line === 74)?.title ?? '', /^\$0\.22–0\.35\/call · ≈ 13,360 in \+ 300–2k out · claude-opus-4-1 · gemini-2\.5-flash \$0\.009 \(−96 %\)$/);

    const uri = vscode.window.activeTextEditor!.document.uri;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(12, 10))) ?? [];
    const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof Object && 'value' in c && c.value.includes('Prompt Cost Lens'));
    assert.strictEqual(ours.length, 1, `hover contents: ${JSON.stringify(hovers.map((h) => h.contents))}`);
    assert.notStrictEqual(ours[0].isTrusted, true, 'the hover must stay untrusted Markdown');
    assert.notStrictEqual(ours[0].supportHtml, true);
    assert.doesNotMatch(ours[0].value, /command:/);
  });

  test('exact counts the user turned on send nothing in Restricted Mode, and the workspace cannot turn them on', async () => {
    const extension = vscode.extensions.getExtension<{ exactCounts: { status(): { providers: string[] } } }>(EXTENSION_ID)!;
    assert.strictEqual(settings().inspect('exactCounts.anthropic')?.globalValue, true, 'the user settings do not turn exact counts on (runOffline.mjs writes them)');
    await vscode.commands.executeCommand('promptCost.setExactCountsKey', { provider: 'anthropic', key: COUNT_KEY });
    await vscode.commands.executeCommand('promptCost.setExactCountsKey', { provider: 'gemini', key: COUNT_KEY });
    assert.deepStrictEqual(extension.exports.exactCounts.status().providers, []);
    // A Claude call and a Gemini one: their figures stay ≈, and no count request leaves.
    const contract = await promptLenses('python/contract_review.py');
    assert.match(contract.find((l) => l.line === 74)?.title ?? '', /≈ 13,360 in/);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const received = await requestsTo(userTrackerUrl);
    assert.deepStrictEqual(received.filter((r) => r.path.includes('count_tokens') || r.path.includes(':countTokens')), [], listRequests(received));
    assert.ok(!received.some((r) => JSON.stringify(r).includes(COUNT_KEY)), 'the count key was sent');
    await assertAttackerGotNothing(attackerUrl);
    await vscode.commands.executeCommand('promptCost.clearExactCountsKey', { provider: 'anthropic' });
    await vscode.commands.executeCommand('promptCost.clearExactCountsKey', { provider: 'gemini' });
  });

  test("before a key is stored: the user's tracker is shown without a key, and nothing is sent anywhere", async () => {
    const status = await waitFor('status', () => api.status(), (s) => s.state === 'unavailable');
    assert.strictEqual(status.text, '$(circle-slash) Spend: no key');
    assert.deepStrictEqual(await requestsTo(userTrackerUrl), [], 'no request without a key');
    await assertAttackerGotNothing(attackerUrl);
  });

  test("Set API Key binds the key to the user's tracker; it gets the key as the user chose, the attacker nothing", async () => {
    await vscode.commands.executeCommand('promptCost.setApiKey', { source: 'tracker', key: USER_KEY });
    const stored = await api.storedKey('tracker');
    assert.strictEqual(stored?.origin, new URL(userTrackerUrl).origin, 'the key is bound to the origin of the user setting');

    const status = await waitFor('status', () => api.status(), (s) => s.state === 'ok');
    assert.strictEqual(status.text, `${usd(USER_TRACKER_TODAY)} / ${usd(WORKSPACE_DAILY_BUDGET)} today`, "the user's tracker's figure");
    const received = await requestsTo(userTrackerUrl);
    const today = received.filter((r) => r.path === '/admin/openai-costs/today');
    assert.ok(today.length > 0, `the user's tracker was not asked:\n${listRequests(received)}`);
    for (const request of today) {
      assert.strictEqual(request.token, USER_KEY, 'sent as ?token= (the user default)');
      assert.strictEqual(request.headers.authorization, undefined, "the workspace's tokenIn: header was ignored");
    }
    await api.refresh();
    await assertAttackerGotNothing(attackerUrl);
  });

  test("the dashboard webview opens in restricted mode with the user's figure", async () => {
    await vscode.commands.executeCommand('promptCost.openDashboard');
    const dashboard = await waitFor('dashboard', () => api.dashboard(), (d) => d.open && d.renders > 0, 20_000);
    assert.strictEqual(dashboard.model.today?.valueText, usd(USER_TRACKER_TODAY));
  });

  test(".promptcost.yml's spend section cannot point at the attacker either: its source is dropped, with a message", async () => {
    // Without a source in the user's settings the editor falls back to the workspace file's spend: section.
    const before = api.status().text;
    await settings().update('spend.sources', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the status to follow the settings', () => api.status(), (s) => s.text !== before);
    await api.refresh();
    // First what matters most: nothing went to the file's URL, and the key is still bound to the user's tracker.
    await assertAttackerGotNothing(attackerUrl);
    assert.strictEqual((await api.storedKey('tracker'))?.origin, new URL(userTrackerUrl).origin);
    // Then what the user sees: no spend item (no usable source), and a warning saying why.
    assert.strictEqual(api.status().state, 'hidden');
    assert.deepStrictEqual(api.problems(), [".promptcost.yml: spend source 'tracker' is ignored: its URL comes from the workspace, which is not trusted"]);
  });

  test('the key is in no setting, status tooltip, dashboard model or message', () => {
    const section = settings();
    const keys = Object.keys(vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties as object).map((k) => k.replace(/^promptCost\./, ''));
    for (const key of keys) assert.ok(!JSON.stringify(section.inspect(key) ?? {}).includes(USER_KEY), `${key} contains the key`);
    assert.ok(!api.status().tooltip.includes(USER_KEY));
    assert.ok(!JSON.stringify(api.dashboard()).includes(USER_KEY));
    assert.ok(!api.problems().some((p) => p.includes(USER_KEY)));
  });

  test("Update Prices reads the user's price source, never the workspace's; the weekly check stays off", async () => {
    assert.strictEqual(settings().get('prices.weeklyCheck'), false, 'restricted: the workspace cannot turn downloads on');
    assert.strictEqual(settings().get('prices.source'), `${userTrackerUrl}${USER_PRICES_PATH}`);
    const outcome = await vscode.commands.executeCommand<{ updated: boolean; stage?: string; error?: string; status: { line: string } }>('promptCost.updatePrices');
    // The user's server answers 401 (no token): the update fails there, and the bundled prices stay.
    assert.ok(outcome && !outcome.updated && outcome.stage === 'download', JSON.stringify(outcome));
    assert.match(outcome.error ?? '', /user-prices\.json: HTTP 401/);
    assert.match(outcome.status.line, /^LiteLLM, 2026-07-24 \(bundled\)/);
    assert.ok((await requestsTo(userTrackerUrl)).some((r) => r.path === USER_PRICES_PATH), "the user's source was asked");
    await assertAttackerGotNothing(attackerUrl);
  });
});
