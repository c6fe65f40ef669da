// The editor face in a real extension host: CodeLens, hover, diagnostics, commands, settings and the
// toggle, checked against what the core computes independently (imported from the repo's out/ tree) and
// against hard facts read off the CLI by hand. Also prints timings measured inside the host.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings } from '../../../src/core/config/engineSettings';
import { findProjectConfigFile, loadProjectConfig, projectConfigToSettings } from '../../../src/core/config/projectConfig';
import { EstimateCache } from '../../../src/core/pipeline/estimateCache';
import { documentLenses } from '../../../src/core/presentation/lens/documentLenses';
import { analyzeCalls } from '../../../src/core/pipeline/callAnalysis';
import { analyzePrompt } from '../../../src/core/pipeline/promptAnalysis';
import { readUsageSection } from '../../../src/core/simulate/usageFile';
import { createEstimateContext } from '../../../src/core/estimate/estimateContext';
import { findPrompts } from '../../../src/core/prompts/findPrompts';
import { languageForFile } from '../../../src/core/prompts/sourceLanguage';
import { countTokens, preloadEncoding } from '../../../src/core/tokens/tokenCounter';
import { generatePythonFile } from '../../../bench/editor';
import { waitForValue } from '../waitFor';

const EXTENSION_ID = 'prompt-cost-lens.prompt-cost-lens';
const COMPARE = 'promptCost.comparePrompt';

interface Api {
  resetLongestSlice(): void;
  perf(): {
    activationMs: number;
    longestSlice: { label: string; ms: number } | null;
    lastAnalysis: { uri: string; wallMs: number; busyMs: number; prompts: number; reusedEstimates: number; countedEstimates: number } | null;
    lastFind: { where: string; parse: string; ms: number; estimateMs: number } | null;
    estimateCache: { hits: number; misses: number };
  };
}

const root = (): string => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples workspace is not open');
  return folder.uri.fsPath;
};

async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}


/** Opens a workspace file in a visible editor. */
async function open(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(path.join(root(), relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Our lenses (other providers, e.g. TypeScript's references, are ignored), sorted by line. */
async function promptLenses(uri: vscode.Uri): Promise<{ line: number; title: string }[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses
    .filter((l) => l.command?.command === COMPARE)
    .map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '' }))
    .sort((a, b) => a.line - b.line);
}

/**
 * Runs a command that shows a quick pick, closes the pick, returns the command's result. The pick appears
 * whenever the command gets there (late on a busy machine; closing before that closes nothing), so the pick
 * is closed again every 100 ms until the command has returned.
 */
async function runPicking<T>(command: string, ...args: unknown[]): Promise<T> {
  let done = false;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)).finally(() => { done = true; });
  await waitForValue(`${command} to return once its quick pick is closed`, async () => {
    if (done) return true;
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await Promise.race([running.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 100))]);
    return done ? true : undefined;
  }, 30_000);
  return running;
}

/**
 * The lens titles the core computes for a file (or for `text` read under that name), with the same
 * settings layering and usage section as the extension: each call's lens and its parts' lenses.
 */
async function expectedLenses(relative: string, userLayer: Partial<EngineSettings> = {}, text?: string): Promise<{ line: number; title: string }[]> {
  const file = path.join(root(), relative);
  const layers: Partial<EngineSettings>[] = [DEFAULT_ENGINE_SETTINGS];
  const configFile = findProjectConfigFile(path.dirname(file));
  let usage = null;
  if (configFile) {
    const configText = fs.readFileSync(configFile, 'utf8');
    const fileKey = path.relative(path.dirname(configFile), file).split(path.sep).join('/');
    layers.push(projectConfigToSettings(loadProjectConfig(configText, configFile), fileKey));
    const section = readUsageSection(configText, configFile);
    if (section) usage = { usage: section, fileKey, profile: null };
  }
  layers.push(userLayer);
  const ctx = createEstimateContext(mergeEngineSettings(...layers).settings);
  const cache = new EstimateCache();
  const prompts = (await findPrompts(text ?? fs.readFileSync(file, 'utf8'), file)).map((p) => analyzePrompt(p, ctx, cache));
  const lenses = documentLenses(prompts, analyzeCalls(prompts, ctx, cache, usage)).filter((l) => l.kind !== 'monthly');
  return lenses.map((l) => ({ line: l.line - 1, title: l.title })).sort((a, b) => a.line - b.line);
}

const EXAMPLE_FILES = [
  'python/support_bot.py', 'python/rag_pipeline.py', 'python/claude_summarizer.py', 'python/contract_review.py', 'python/acme_client.py',
  'typescript/chat.ts', 'typescript/extract.ts', 'javascript/classify.js', 'go/main.go', 'java/SupportAgent.java', 'csharp/Assistant.cs',
  'prompts/answer.prompty', 'prompts/email.j2', 'prompts/triage.txt',
];

suite('Editor: CodeLens, hover, diagnostics, commands', function () {
  this.timeout(60_000);

  suiteSetup(async () => {
    await api();
    // The core counts exactly for 35 ms, then extrapolates: warm this copy's tokenizer so the expected
    // values are not cut short by a cold JIT on a busy machine.
    preloadEncoding('o200k_base');
    for (let i = 0; i < 20; i++) countTokens(`warm-up ${i} `.repeat(2000), 'o200k_base');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  suiteTeardown(async () => {
    const config = vscode.workspace.getConfiguration('promptCost');
    await config.update('compareModels', undefined, vscode.ConfigurationTarget.Workspace);
    await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const relative of EXAMPLE_FILES) {
    test(`lenses of ${relative} match the core`, async () => {
      const editor = await open(relative);
      const expected = await expectedLenses(relative);
      assert.ok(expected.length > 0, `the core finds no prompt in ${relative}`);
      const actual = await promptLenses(editor.document.uri);
      const doc = editor.document;
      assert.deepStrictEqual(actual, expected, `${relative}: languageId ${doc.languageId}, scheme ${doc.uri.scheme}, selector match ${vscode.languages.match({ pattern: '**/*.prompt.md' }, doc)}`);
    });
  }

  test('prompts/review.prompt.md (VS Code language "prompt") is analysed', async () => {
    // `vscode.executeCodeLensProvider` answers undefined for this file although our provider is called: its
    // `tools:` header gets VS Code's own "Configure Tools…" lens, whose command arguments include the text
    // model, which does not survive the trip to the extension host (see the next test, and the UI check,
    // which reads this file's lens in the workbench). Estimate File reads the same analysis.
    const editor = await open('prompts/review.prompt.md');
    assert.strictEqual(editor.document.languageId, 'prompt');
    const rows = await runPicking<{ line: number; description: string }[]>('promptCost.estimateFile');
    const expected = await expectedLenses('prompts/review.prompt.md');
    // One implied call (the file) with one part (its body): the file's call lens.
    assert.strictEqual(rows.length, 1);
    assert.strictEqual(rows[0].description, expected[0].title);
  });

  test('.prompt.md lenses (VS Code language "prompt"), on disk and untitled, match the core', async () => {
    // review.prompt.md without its `tools:` line: VS Code adds no lens of its own, so the API command answers.
    const review = fs.readFileSync(path.join(root(), 'prompts', 'review.prompt.md'), 'utf8');
    const withoutTools = review.replace(/^tools:.*\n/m, '');
    assert.notStrictEqual(withoutTools, review, 'review.prompt.md has a tools: line');
    const relative = path.join('generated', 'review-no-tools.prompt.md');
    fs.mkdirSync(path.join(root(), 'generated'), { recursive: true });
    fs.writeFileSync(path.join(root(), relative), withoutTools);
    const editor = await open(relative);
    assert.strictEqual(editor.document.languageId, 'prompt');
    const expected = await expectedLenses(relative);
    assert.strictEqual(expected.length, 2, 'the core reads the file as one call (line 1) with one prompt (its body)');
    assert.match(expected[0].title, / · gpt-4\.1 · /);
    assert.deepStrictEqual(await promptLenses(editor.document.uri), expected);

    // An untitled prompt buffer matches through the language filter (a file-name pattern cannot match it).
    const untitled = await vscode.workspace.openTextDocument({ language: 'prompt', content: withoutTools });
    await vscode.window.showTextDocument(untitled, { preview: false });
    const expectedUntitled = await expectedLenses(`${path.basename(untitled.uri.path)}.prompt.md`, {}, withoutTools);
    assert.deepStrictEqual(await promptLenses(untitled.uri), expectedUntitled);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('hard facts, computed by hand from `prompt-cost scan examples`', async () => {
    const support = await promptLenses((await open('python/support_bot.py')).document.uri);
    // SYSTEM_PROMPT (line 16, 105 tokens exact) and the user template (line 31, 158 tokens with 3 samples)
    // reach one call (line 39): 105 + 158 + 2 × (3 + 1) + 3 framing = 274 in. Output 300 typical
    // (.promptcost.yml expectedOutputTokens) up to max_tokens=350. gpt-4o-mini $0.15 / $0.60 per 1M:
    // 274 × 0.15 + 300 × 0.60 = 221.1 → $0.00022; 274 × 0.15 + 350 × 0.60 = 251.1 → $0.00025.
    // No compared model is cheaper, so no alternative.
    assert.deepStrictEqual(support.filter((l) => l.line === 38), [{ line: 38, title: '$0.00022–0.00025/call · 274 in + 300–350 out · gpt-4o-mini' }]);
    assert.deepStrictEqual(support.filter((l) => l.line === 15), [{ line: 15, title: '105 tokens · 38 % of the call at line 39' }]);
    const contract = await promptLenses((await open('python/contract_review.py')).document.uri);
    // The system prompt (line 10, ≈ 1,292) and the contract template (line 79, 12,000-token sample) are one
    // claude-opus-4-1 call (line 75): no local tokenizer (≈), no published framing for Anthropic.
    const call = contract.find((l) => l.line === 74);
    assert.ok(call, JSON.stringify(contract));
    assert.match(call.title, /^\$0\.22–0\.35\/call · ≈ 13,360 in \+ 300–2k out · claude-opus-4-1 · gemini-2\.5-flash \$0\.009 \(−96 %\)$/);
    assert.deepStrictEqual(contract.find((l) => l.line === 9), { line: 9, title: '≈ 1,292 tokens · 10 % of the call at line 75' });
    const acme = await promptLenses((await open('python/acme_client.py')).document.uri);
    // No price for acme-llm-1, so no percentage: the cheapest priced model instead.
    assert.match(acme.find((l) => l.line === 22)?.title ?? '', /^no price · ≈ 196 in \+ 300–400 out · acme-llm-1 · gemini-2\.5-flash \$0\.0011$/);
  });

  test('hover: the call\'s anatomy and the compared models, untrusted, with the price catalogue and its date', async () => {
    const editor = await open('python/contract_review.py');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(12, 10));
    const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof Object && 'value' in c && c.value.includes('Prompt Cost Lens'));
    assert.strictEqual(ours.length, 1, `hover contents: ${JSON.stringify(hovers.map((h) => h.contents))}`);
    const md = ours[0];
    assert.notStrictEqual(md.isTrusted, true);
    assert.notStrictEqual(md.supportHtml, true);
    assert.match(md.value, /call at lines? 75/);
    assert.match(md.value, /\*\*Anatomy\*\*/);
    assert.match(md.value, /system · CONTRACT\\_REVIEW\\_PROMPT · line 10 · ≈ 1,292 tokens/);
    assert.match(md.value, /\*\*input · ≈ 13,360 tokens\*\*/);
    assert.match(md.value, /\| Model \| In \| Out \| (Reasoning \| )?\$\/call \|/);
    assert.match(md.value, /\*\*claude\\-opus\\-4\\-1\*\* \| ≈ 13,360 \| 300–2k/);
    assert.match(md.value, /gemini\\-2\\\.5\\-flash/);
    assert.match(md.value, /Prices in USD: LiteLLM, 2026\\-07\\-24 \\\(bundled\\\)\./);
    assert.doesNotMatch(md.value, /command:/);
  });

  test('diagnostics: a call over the limit, quick fix, raised by an edit and cleared by undo', async () => {
    const contract = await open('python/contract_review.py');
    const over = await waitForValue('contract_review diagnostics', () => {
      const found = vscode.languages.getDiagnostics(contract.document.uri).filter((d) => d.source === 'Prompt Cost Lens');
      return found.length > 0 ? found : undefined;
    });
    // One diagnostic for the one call (line 75), not one per string.
    assert.deepStrictEqual(over.map((d) => d.range.start.line), [74]);
    assert.match(over[0].message, /\$0\.22–0\.35 per call with claude-opus-4-1 \(typical–max\): the typical \$0\.22 is above the per-request limit of \$0\.05/);
    assert.strictEqual(over[0].severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', contract.document.uri, over[0].range);
    const fix = actions.find((a) => a.title === 'Compare models for this call');
    assert.ok(fix?.command, 'quick fix missing');
    assert.strictEqual(fix.command.command, COMPARE);

    const editor = await open('python/support_bot.py');
    const uri = editor.document.uri;
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Prompt Cost Lens');
    await promptLenses(uri);
    assert.deepStrictEqual(ours(), []);
    // Switch MODEL from gpt-4o-mini to o1-pro ($150 / $600 per 1M): the call (274 in, 300 out typical) then
    // costs 274 × 150/1M + 300 × 600/1M + reasoning, far over the $0.05 limit.
    const from = editor.document.getText().indexOf('"gpt-4o-mini"') + 1;
    const range = new vscode.Range(editor.document.positionAt(from), editor.document.positionAt(from + 'gpt-4o-mini'.length));
    await editor.edit((b) => b.replace(range, 'o1-pro'));
    const raised = await waitForValue('a diagnostic after the edit', () => (ours().length > 0 ? ours() : undefined));
    assert.ok(raised.some((d) => d.code === 'perRequestLimit' && d.range.start.line === 38 && /per call with o1-pro/.test(d.message)), JSON.stringify(raised));
    await vscode.commands.executeCommand('undo');
    await waitForValue('diagnostics to clear after undo', () => (ours().length === 0 ? true : undefined));
    assert.strictEqual(editor.document.isDirty, false);
  });

  test('settings: promptCost.compareModels changes the lens titles at once', async () => {
    const editor = await open('python/rag_pipeline.py');
    const before = await promptLenses(editor.document.uri);
    await vscode.workspace.getConfiguration('promptCost').update('compareModels', ['gpt-4o-mini'], vscode.ConfigurationTarget.Workspace);
    const expected = await expectedLenses('python/rag_pipeline.py', { compareModels: ['gpt-4o-mini'] });
    const after = await waitForValue('new lens titles', async () => {
      const now = await promptLenses(editor.document.uri);
      return JSON.stringify(now) === JSON.stringify(expected) ? now : undefined;
    });
    assert.notDeepStrictEqual(after, before);
    assert.ok(after.some((l) => / · gpt-4o-mini \$[\d.]+ \(−\d+ %\)$/.test(l.title)), JSON.stringify(after));
    await vscode.workspace.getConfiguration('promptCost').update('compareModels', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForValue('the original titles', async () => (JSON.stringify(await promptLenses(editor.document.uri)) === JSON.stringify(before) ? true : undefined));
  });

  test('Toggle CodeLens unregisters the provider and registers it again', async () => {
    const editor = await open('go/main.go');
    const on = await promptLenses(editor.document.uri);
    assert.ok(on.length > 0);
    assert.strictEqual(await vscode.commands.executeCommand('promptCost.toggleCodeLens'), false);
    await waitForValue('no lenses', async () => ((await promptLenses(editor.document.uri)).length === 0 ? true : undefined));
    assert.strictEqual(await vscode.commands.executeCommand('promptCost.toggleCodeLens'), true);
    const back = await waitForValue('lenses back', async () => {
      const now = await promptLenses(editor.document.uri);
      return now.length > 0 ? now : undefined;
    });
    assert.deepStrictEqual(back, on);
  });


  test('Estimate Selection prices the selected text for every model', async () => {
    const editor = await open('python/support_bot.py');
    const start = editor.document.getText().indexOf('You are Ava');
    const end = editor.document.getText().indexOf('"""', start);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end));
    const result = await runPicking<{ source: string; rows: { model: string; description: string; detail: string }[] }>('promptCost.estimateSelection');
    assert.strictEqual(result.source, 'selection');
    // models (from .promptcost.yml) then compareModels.
    assert.deepStrictEqual(result.rows.map((r) => r.model), ['gpt-4o-mini', 'claude-haiku-4-5', 'gemini-2.5-flash']);
    // The selection is SYSTEM_PROMPT's text exactly (105 tokens), priced as a call of its own: no framing
    // (no API is known, so the figure is ≈), 300 expected output tokens (.promptcost.yml) up to the model's
    // 16,384: 105 × $0.15/1M + 300 × $0.60/1M = $0.000196; with 16,384 out $0.0098; 105 / 128,000 < 0.1 %.
    assert.strictEqual(result.rows[0].description, '≈ 105 in + 300–16.4k out');
    assert.strictEqual(result.rows[0].detail, '$0.0002–0.0098/call · $0.20/1k calls · < 0.1 % of 128K context');
  });

  test('the lens command opens the compare pick for its prompt, and changes nothing', async () => {
    const editor = await open('python/contract_review.py');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)).filter((l) => l.command?.command === COMPARE);
    const before = vscode.workspace.getConfiguration('promptCost').inspect('compareModels');
    const result = await runPicking<{ rows: { model: string }[]; actions: unknown[] }>(COMPARE, ...(lenses[0].command?.arguments ?? []));
    assert.deepStrictEqual(result.rows.map((r) => r.model), ['claude-opus-4-1', 'claude-haiku-4-5', 'gemini-2.5-flash']);
    assert.deepStrictEqual(result.actions, []);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('promptCost').inspect('compareModels'), before);
  });

  test('Estimate File lists the calls of the active file, most expensive first, with the call lens', async () => {
    await open('python/contract_review.py');
    const rows = await runPicking<{ line: number; description: string }[]>('promptCost.estimateFile');
    const expected = await expectedLenses('python/contract_review.py');
    // One call (line 75) sends both prompts: one row, described by the call's lens.
    assert.deepStrictEqual(rows.map((r) => r.line), [75]);
    assert.strictEqual(rows[0].description.startsWith(expected.find((l) => l.line === 74)?.title ?? '?'), true, rows[0].description);
  });

  test('Estimate Workspace finds every call and prompt the core finds, most expensive call first', async () => {
    const files = fs.readdirSync(root(), { recursive: true, encoding: 'utf8' }).filter((f) => languageForFile(path.join(root(), f)) !== null);
    let prompts = 0;
    const callKeys = new Set<string>();
    for (const f of files) {
      const found = await findPrompts(fs.readFileSync(path.join(root(), f), 'utf8'), path.join(root(), f));
      prompts += found.length;
      // Each prompt's calls, or an implied call of its own.
      for (const p of found) for (const key of p.calls?.length ? p.calls.map((m) => m.call.key) : [`prompt:${p.startOffset}`]) callKeys.add(`${f}#${key}`);
    }
    const result = await vscode.commands.executeCommand<{ calls: number; prompts: number; files: number; cancelled: boolean; rows: string[] }>('promptCost.estimateWorkspace');
    assert.strictEqual(result.cancelled, false);
    assert.strictEqual(result.prompts, prompts);
    assert.strictEqual(result.calls, callKeys.size);
    assert.match(result.rows[0], /^python\/contract_review\.py:75 /);
  });

  test('Select Models sets promptCost.compareModels', async () => {
    const set = await vscode.commands.executeCommand<string[]>('promptCost.selectModels', ['gpt-4.1-mini']);
    assert.deepStrictEqual(set, ['gpt-4.1-mini']);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('promptCost').get('compareModels'), ['gpt-4.1-mini']);
    await vscode.workspace.getConfiguration('promptCost').update('compareModels', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('timings inside the extension host (printed, not asserted)', async () => {
    const extension = await api();
    const longestBefore = extension.perf().longestSlice;
    extension.resetLongestSlice();
    const file = path.join(root(), 'generated', 'generated_agent.py');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, generatePythonFile());
    const loop = monitorEventLoopDelay({ resolution: 5 });
    const rssBefore = process.memoryUsage().rss;
    loop.enable();
    let started = performance.now();
    const doc = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const lenses = await promptLenses(doc.uri);
    const openMs = performance.now() - started;
    const expectedCount = (await expectedLenses(path.join('generated', 'generated_agent.py'))).length;
    const afterOpen = extension.perf();
    const editAt = doc.getText().indexOf('r.amount > ', Math.floor(doc.getText().length / 2)) + 'r.amount > '.length;
    await editor.edit((b) => b.insert(doc.positionAt(editAt), '9'));
    started = performance.now();
    await promptLenses(doc.uri);
    const editMs = performance.now() - started;
    loop.disable();
    const afterEdit = extension.perf();
    const rssAfter = process.memoryUsage().rss;
    await vscode.commands.executeCommand('undo');
    console.log(`      [perf] activate(): ${afterOpen.activationMs.toFixed(1)} ms`);
    console.log(`      [perf] 3,000-line file, ${lenses.length} lenses: open → lenses ${openMs.toFixed(0)} ms wall (analysis ${afterOpen.lastAnalysis?.wallMs.toFixed(0)} ms of it; host busy ${afterOpen.lastAnalysis?.busyMs.toFixed(1)} ms; find ${afterOpen.lastFind?.ms.toFixed(1)} ms + estimate ${afterOpen.lastFind?.estimateMs.toFixed(1)} ms ${afterOpen.lastFind?.where}, ${afterOpen.lastFind?.parse} parse)`);
    console.log(`      [perf] one-line edit → lenses ${editMs.toFixed(0)} ms wall (analysis ${afterEdit.lastAnalysis?.wallMs.toFixed(0)} ms of it; host busy ${afterEdit.lastAnalysis?.busyMs.toFixed(2)} ms; find ${afterEdit.lastFind?.ms.toFixed(1)} ms + estimate ${afterEdit.lastFind?.estimateMs.toFixed(1)} ms ${afterEdit.lastFind?.where}, ${afterEdit.lastFind?.parse} parse; estimates reused ${afterEdit.lastAnalysis?.reusedEstimates}, counted ${afterEdit.lastAnalysis?.countedEstimates})`);
    console.log(`      [perf] longest synchronous slice of this extension: ${longestBefore?.ms.toFixed(1)} ms (${longestBefore?.label}) over the suite before; ${afterEdit.longestSlice?.ms.toFixed(1)} ms (${afterEdit.longestSlice?.label}) during open + edit`);
    console.log(`      [perf] event-loop delay in the host during open + edit: max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms (whole host, not only this extension)`);
    console.log(`      [perf] host process RSS (includes the pipeline worker's heap, and this suite's own tokenizer) ${(rssBefore / 1048576).toFixed(0)} → ${(rssAfter / 1048576).toFixed(0)} MB; worker estimate cache ${JSON.stringify(afterEdit.estimateCache)}`);
    assert.ok(expectedCount > 60, `${expectedCount} lenses: the generated file's 60 prompts are parts of calls`);
    assert.strictEqual(lenses.length, expectedCount);
  });
});
