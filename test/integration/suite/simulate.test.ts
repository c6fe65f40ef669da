// Simulate Monthly Cost in a real extension host: the command opens its webview panel, the figures for a
// prompt of known size match a hand computation, edits posted like the webview's are recomputed, "Copy
// Markdown" writes the report, and the examples' `usage:` section shows $/month in the CodeLens and in
// Estimate Workspace for exactly the prompts it lists.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { findPrompts } from '../../../src/core/prompts/findPrompts';
import { countTokens, preloadEncoding } from '../../../src/core/tokens/tokenCounter';
import { waitForValue } from '../waitFor';

const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const SIMULATE = 'promptCost.simulateMonthlyCost';
const COMPARE = 'promptCost.comparePrompt';
// gpt-4o-mini in the bundled catalogue: USD per 1M tokens (src/core/pricing/catalogue.json).
const MINI_IN = 0.15;
const MINI_OUT = 0.6;

interface Result {
  model: string;
  inputs: { requestsPerDay: number; inputTokens: number; outputTokens: number; cacheHitRate: number; daysPerMonth: number };
  models: { model: string; monthlyCost: number | null; months: number[] | null }[];
  monthlyBudget: number | null;
  cheapestAcceptable: { model: string; monthlySaving: number } | null;
}
interface View {
  error: string | null;
  rows: { model: string; monthly: string }[];
  chart: { series: unknown[] } | null;
}
interface SimulateApi {
  last(): { result: Result | null; markdown: string | null; view: View | null; state: { usageEntry: string | null; profile: string } | null } | null;
  panel(): { open: boolean; renders: number };
  edit(message: { type: 'edit'; field: string; value: unknown } | { type: 'accept'; model: string; accepted: boolean } | { type: 'copyMarkdown' }): Promise<View | null>;
}

async function api(): Promise<SimulateApi> {
  const extension = vscode.extensions.getExtension<{ simulate: SimulateApi }>(EXTENSION_ID);
  assert.ok(extension);
  return (await extension.activate()).simulate;
}

const root = (): string => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples workspace is not open');
  return folder.uri.fsPath;
};


function close(actual: number | null | undefined, expected: number, what: string): void {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= 1e-9 * Math.max(1, expected), `${what}: expected ${expected}, got ${actual}`);
}

/** Lenses of one command on a document, by 0-based line. */
async function lenses(uri: vscode.Uri, command: string): Promise<{ line: number; title: string; args: unknown[] }[]> {
  const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return all.filter((l) => l.command?.command === command).map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', args: l.command?.arguments ?? [] })).sort((a, b) => a.line - b.line);
}

function simulationTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('promptCost.simulation'));
}

suite('Simulate Monthly Cost', function () {
  this.timeout(60_000);
  let tempDir = '';

  suiteSetup(async () => {
    await api();
    preloadEncoding('o200k_base');
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-simulate-'));
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('promptCost').update('simulation.profile', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  test('a call of known size: the panel opens and the figures match a hand computation', async () => {
    const text = 'You are a terse assistant. Answer every question in one short sentence.';
    const file = path.join(tempDir, 'hand_check.py');
    fs.writeFileSync(file, [
      'from openai import OpenAI',
      'client = OpenAI()',
      'reply = client.chat.completions.create(',
      '    model="gpt-4o-mini",',
      '    max_tokens=100,',
      `    messages=[{"role": "system", "content": "${text}"}],`,
      ')',
      '',
    ].join('\n'));
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const offset = document.getText().indexOf(text);
    const simulate = await api();

    const result = await vscode.commands.executeCommand<Result>(SIMULATE, {
      uri: document.uri,
      offset,
      compareModels: [],
      acceptableModels: [],
      monthlyBudget: null,
      inputs: { requestsPerDay: 1000, cacheHitRate: 0, cachedPrefixShare: 0, batchShare: 0, growth: 0 },
    });
    assert.ok(result, 'the command returns its result');
    // The whole call: its one message counted with o200k_base + chat framing (3 + 1 for the message, 3 for the reply).
    const inputTokens = countTokens(text, 'o200k_base').tokens + 7;
    assert.strictEqual(result.model, 'gpt-4o-mini');
    assert.strictEqual(result.inputs.inputTokens, inputTokens, 'input tokens: the whole call');
    assert.strictEqual(result.inputs.outputTokens, 100, 'output tokens: the typical 256, capped by the call’s max_tokens');
    // requests × (in × rate_in + out × rate_out) × 30 days.
    const monthly = (1000 * (inputTokens * MINI_IN + 100 * MINI_OUT) * 30) / 1e6;
    close(result.models[0].monthlyCost, monthly, '$/month');
    assert.strictEqual(result.models[0].months?.length, 12);
    close(result.models[0].months?.[11], monthly, 'month 12 without growth');

    await waitForValue('the simulation panel to render', () => (simulate.panel().open && simulate.panel().renders > 0 ? true : undefined));
    assert.ok(simulationTab(), `a webview tab for the simulation (tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')})`);
    const last = simulate.last();
    assert.ok(last?.view?.chart && last.view.chart.series.length === 1, 'the panel has chart data');
    assert.strictEqual(last.view.rows[0].model, 'gpt-4o-mini');

    // Edits as the webview posts them: half the requests answered by the response cache halve the bill.
    const halved = await simulate.edit({ type: 'edit', field: 'cacheHitRate', value: '50' });
    assert.strictEqual(halved?.error, null);
    close(simulate.last()?.result?.models[0].monthlyCost, monthly / 2, '$/month at a 50 % cache hit rate');
    // A value out of range is refused: the message is shown and the figures stay.
    const refused = await simulate.edit({ type: 'edit', field: 'cacheHitRate', value: '150' });
    assert.match(refused?.error ?? '', /Response-cache hit rate/);
    close(simulate.last()?.result?.models[0].monthlyCost, monthly / 2, '$/month after a refused edit');
    // Growth of 10 % a month: month 12 is month 1 × 1.1^11.
    await simulate.edit({ type: 'edit', field: 'growth', value: '10' });
    close(simulate.last()?.result?.models[0].months?.[11], (monthly / 2) * Math.pow(1.1, 11), 'month 12 at +10 %/month');

    // Copy Markdown writes the core's report of the current result to the clipboard.
    await vscode.env.clipboard.writeText('');
    await simulate.edit({ type: 'copyMarkdown' });
    const copied = await vscode.env.clipboard.readText();
    assert.strictEqual(copied, simulate.last()?.markdown);
    assert.match(copied, /^### Monthly cost simulation: gpt-4o-mini/);
    assert.match(copied, /\| Month \| gpt-4o-mini/);
  });

  test('acceptable models: the cheapest one’s saving', async () => {
    const simulate = await api();
    const result = await vscode.commands.executeCommand<Result>(SIMULATE, {
      text: 'Classify the ticket as billing, bug or question.',
      model: 'gpt-4o',
      compareModels: ['gpt-4o-mini'],
      acceptableModels: [],
      monthlyBudget: 5,
      inputs: { requestsPerDay: 2000, outputTokens: 10, growth: 0, cacheHitRate: 0, cachedPrefixShare: 0, batchShare: 0 },
    });
    assert.ok(result);
    assert.strictEqual(result.cheapestAcceptable, null, 'no model is acceptable yet');
    assert.strictEqual(result.monthlyBudget, 5);
    await simulate.edit({ type: 'accept', model: 'gpt-4o-mini', accepted: true });
    const after = simulate.last()?.result;
    assert.strictEqual(after?.cheapestAcceptable?.model, 'gpt-4o-mini');
    const [current, mini] = after.models;
    close(after.cheapestAcceptable.monthlySaving, current.monthlyCost! - mini.monthlyCost!, 'saving');
    assert.ok(after.cheapestAcceptable.monthlySaving > 0);
  });

  test('examples: the calls in `usage:` show $/month in the CodeLens, the others nothing', async () => {
    const chatFile = path.join(root(), 'typescript', 'chat.ts');
    const chat = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(chatFile));
    const monthlyLenses = await waitForValue('the $/month lens of chat.ts', async () => {
      const found = await lenses(chat.document.uri, SIMULATE);
      return found.length ? found : undefined;
    });
    // TRAVEL_SYSTEM_PROMPT's entry means its call: 5,000 requests/day on gpt-4o-mini, the call's whole input
    // and its typical output (300, .promptcost.yml), priced by the core independently of the extension.
    const prompt = (await findPrompts(fs.readFileSync(chatFile, 'utf8'), chatFile)).find((p) => p.name === 'TRAVEL_SYSTEM_PROMPT');
    const call = prompt?.calls?.[0]?.call;
    assert.ok(prompt && call, 'TRAVEL_SYSTEM_PROMPT reaches a call');
    const own = await lenses(chat.document.uri, COMPARE);
    const callLens = own.find((l) => l.line === call.startLine - 1);
    assert.ok(callLens, JSON.stringify(own));
    // The call lens says `$…/call · ≈ N in + 300–800 out · gpt-4o-mini`: N is the whole call's input.
    const input = Number(/(\d[\d,]*) in \+ 300/.exec(callLens.title)?.[1].replace(/,/g, '') ?? NaN);
    const monthly = (5000 * (input * MINI_IN + 300 * MINI_OUT) * 30) / 1e6;
    assert.deepStrictEqual(monthlyLenses.map((l) => ({ line: l.line, title: l.title })), [{ line: call.startLine - 1, title: `~$${Math.round(monthly)}/month` }]);

    // rag_pipeline.py: its usage entry names line 26, inside the answer prompt's system message: its call.
    const rag = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(root(), 'python', 'rag_pipeline.py')));
    const ragLenses = await waitForValue('the $/month lens of rag_pipeline.py', async () => {
      const found = await lenses(rag.document.uri, SIMULATE);
      return found.length ? found : undefined;
    });
    assert.strictEqual(ragLenses.length, 1, JSON.stringify(ragLenses));
    assert.match(ragLenses[0].title, /^~\$\d[\d,]*\/month$/);
    const ragExpected = Number(ragLenses[0].title.replace(/[^\d]/g, ''));

    // A file the usage section does not list: no $/month, no guessing.
    const support = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(path.join(root(), 'python', 'support_bot.py')));
    await waitForValue('support_bot.py lenses', async () => ((await lenses(support.document.uri, COMPARE)).length ? true : undefined));
    assert.deepStrictEqual(await lenses(support.document.uri, SIMULATE), []);

    // Clicking the $/month lens simulates that call with the usage entry's traffic.
    const result = await vscode.commands.executeCommand<Result>(SIMULATE, ...ragLenses[0].args);
    const simulate = await api();
    assert.ok(result);
    assert.strictEqual(result.inputs.requestsPerDay, 800);
    assert.strictEqual(result.inputs.cacheHitRate, 0.2);
    assert.strictEqual(result.monthlyBudget, 300);
    assert.strictEqual(result.cheapestAcceptable?.model, 'gpt-4o-mini');
    assert.match(simulate.last()?.state?.usageEntry ?? '', /python\/rag_pipeline\.py:26/);
    assert.strictEqual(Math.round(result.models[0].monthlyCost ?? NaN), ragExpected, 'the panel and the lens agree');

    // The profile setting switches the volumes: high = 3,000 requests/day, named in the lens.
    await vscode.workspace.getConfiguration('promptCost').update('simulation.profile', 'high', vscode.ConfigurationTarget.Workspace);
    const high = await waitForValue('the high-profile lens', async () => {
      const found = await lenses(rag.document.uri, SIMULATE);
      return found[0]?.title.endsWith('(high)') ? found[0] : undefined;
    });
    const highAmount = Number(high.title.replace(/\(high\)/, '').replace(/[^\d]/g, ''));
    assert.ok(Math.abs(highAmount - (ragExpected * 3000) / 800) <= 1, `${high.title} ≈ ${ragExpected} × 3000/800`);
    await vscode.workspace.getConfiguration('promptCost').update('simulation.profile', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('Estimate Workspace shows $/month for the calls with usage only', async () => {
    const report = await vscode.commands.executeCommand<{ rows: string[] }>('promptCost.estimateWorkspace');
    const monthlyRows = report.rows.filter((r) => /\/month$/.test(r));
    // The entries name lines of prompts (rag_pipeline.py:26, TRAVEL_SYSTEM_PROMPT at chat.ts:14): their calls' lines.
    assert.deepStrictEqual(monthlyRows.map((r) => r.split(' ')[0]).sort(), ['python/rag_pipeline.py:22', 'typescript/chat.ts:35'], report.rows.join('\n'));
    const chat = monthlyRows.find((r) => r.startsWith('typescript/chat.ts:35'))!;
    const chatLens = (await lenses(vscode.Uri.file(path.join(root(), 'typescript', 'chat.ts')), SIMULATE))[0];
    assert.ok(chat.endsWith(` · ${chatLens.title}`), `${chat} ends with the lens figure ${chatLens.title}`);
  });
});
