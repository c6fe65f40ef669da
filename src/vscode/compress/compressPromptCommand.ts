/**
 * "Prompt Cost: Compress Prompt": compresses the prompt under the cursor (or the selected text, or the
 * prompt file's section), shows the prompt before/after as a diff with tokens, percent and $ saved per
 * month, then offers Apply / Discard in a notification. Apply replaces the string in the source, re-escaped
 * for its language and quote style, as one edit (one undo step).
 *
 * Argument (tests, keybindings): `{ apply?: boolean; mode?: 'safe' | 'aggressive' }`; `apply` answers the
 * Apply / Discard question without asking.
 *
 * Compression counts tokens for every candidate, so it runs in the pipeline worker (as does the check of a
 * model's answer); only the request to the model's endpoint is sent from here.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { modelFailure, requestModelCompression, type FetchLike } from '../../core/compress/modelAssisted';
import { DEFAULT_PLACEHOLDER_SYNTAXES, type CompressMode, type CompressionResult } from '../../core/compress/types';
import { droppedSummary } from '../../core/presentation/compress/droppedSummary';
import { endpointProblem, keyOriginProblem, parseBoundKey } from '../../core/compress/endpointPolicy';
import { monthlySavings, trafficForPrompt, type MonthlySavings, type SavingsTraffic } from '../../core/simulate/monthlySavings';
import type { PromptAnalysis } from '../../core/pipeline/promptAnalysis';
import { formatUsd } from '../../core/pricing/formatUsd';
import type { FoundPrompt, PlaceholderSyntax } from '../../core/prompts/prompt';
import { rewritePromptLiteral, type LiteralEdit } from '../../core/rewrite/rewritePromptLiteral';
import type { FindingLocation } from '../../core/simulate/usageMatch';
import { CommandId } from '../../core/manifest/commandIds';
import type { CommandDefinition } from '../commands/registerCommand';
import type { Configuration } from '../configuration';
import type { DocumentAnalysis, DocumentAnalyzer } from '../engine/documentAnalyzer';
import { enginePathFor } from '../engine/documentPaths';
import type { PipelineClient } from '../../core/pipeline/pipelineClient';
import { promptAt } from '../../core/pipeline/promptLookup';
import type { Log } from '../log';
import type { PerfStats } from '../../core/pipeline/perfStats';
import type { EngineSettingsService } from '../engine/engineSettingsService';
import type { CompressPreview } from './compressPreview';
import { readCompressSettings, type CompressSettings } from './compressSettings';
import { COMPRESS_API_KEY_SECRET } from './setCompressionApiKey';

export interface CompressArgs {
  apply?: boolean;
  mode?: CompressMode;
}

export interface CompressOutcome {
  status: 'applied' | 'discarded' | 'refused' | 'unchanged' | 'noTarget';
  reason?: string;
  tokensBefore?: number;
  tokensAfter?: number;
  savedPerMonth?: number | null;
  /** The diff's two documents (`prompt-cost-compress:` URIs), when it was shown. */
  preview?: { left: string; right: string };
  /** True when the model-assisted result was used. */
  modelAssisted?: boolean;
}

/** What Compress Prompt uses: the analyses, the worker that compresses, the usage file (for $ saved), the key. */
export interface CompressServices {
  analyzer: Pick<DocumentAnalyzer, 'isSupported' | 'analyze'>;
  worker: Pick<PipelineClient, 'compress' | 'acceptModelAnswer'>;
  usage: Pick<EngineSettingsService, 'usageOf'>;
  preview: CompressPreview;
  secrets: vscode.SecretStorage;
  config: Configuration;
  stats: Pick<PerfStats, 'lastCompress' | 'time'>;
  log: Log;
}

export const compressPromptCommand: CommandDefinition<CompressServices> = {
  id: CommandId.CompressPrompt,
  run: (services, arg) => runCompressPrompt(services, arg),
};

/** What is being compressed: a found prompt (rewritten in place) or the selected text (replaced verbatim). */
interface Target {
  text: string;
  label: string;
  prompt: FoundPrompt | null;
  item: PromptAnalysis | null;
  range: vscode.Range;
  analysis: DocumentAnalysis | undefined;
}

async function runCompressPrompt(services: CompressServices, rawArgs: unknown): Promise<CompressOutcome> {
  const args: CompressArgs = rawArgs && typeof rawArgs === 'object' && !(rawArgs instanceof vscode.Uri) ? (rawArgs as CompressArgs) : {};
  const editor = vscode.window.activeTextEditor;
  if (!editor) return noTarget('Open a file and put the cursor in a prompt to compress it.');
  const document = editor.document;
  const version = document.version;
  const settings = readCompressSettings(services.config, document.uri);
  const mode = args.mode ?? settings.mode;

  const target = await findTarget(services, editor);
  if (!target) return noTarget('No prompt under the cursor: put it inside a prompt string, or select the text to compress.');

  const model = target.item?.primary.model ?? target.analysis?.engine.settings.models[0] ?? 'gpt-4o';
  const syntaxes = target.prompt ? [...new Set(target.prompt.placeholders.map((p) => p.syntax))] : DEFAULT_PLACEHOLDER_SYNTAXES;
  const compressed = await services.worker.compress(target.text, mode, model, syntaxes);
  services.stats.lastCompress = { where: compressed.where, ms: compressed.ms };
  let result = compressed.compression;
  let usedModel = false;
  if (settings.modelAssisted.enabled) {
    // The worker checks the model's answer against the same invariants as deterministic compression.
    const assisted = await compressWithModel(services, settings, target.text, model, syntaxes);
    if (assisted && 'compressed' in assisted && !assisted.refused && assisted.tokensAfter < result.tokensAfter) {
      result = assisted;
      usedModel = true;
    } else if (assisted?.refused) {
      services.log.warn(`model-assisted compression not used: ${assisted.refused}`);
    }
  }
  if (result.refused) {
    const reason = result.refused;
    void vscode.window.showWarningMessage(`Compress Prompt: refused (${reason}).`);
    return { status: 'refused', reason, tokensBefore: result.tokensBefore, tokensAfter: result.tokensBefore };
  }
  if (result.compressed === target.text) {
    void vscode.window.showInformationMessage(`Compress Prompt: nothing to save in this prompt (${result.tokensBefore} tokens for ${model}).`);
    return { status: 'unchanged', tokensBefore: result.tokensBefore, tokensAfter: result.tokensAfter };
  }

  // The source edit is computed before showing anything, so Apply is never offered for a rewrite that would be refused.
  let edit: LiteralEdit;
  if (target.prompt) {
    const rewrite = await rewritePromptLiteral(document.getText(), target.prompt, result.compressed, { filePath: enginePathFor(document) });
    if ('refused' in rewrite) {
      void vscode.window.showWarningMessage(`Compress Prompt: the string cannot be rewritten safely: ${rewrite.refused}`);
      return { status: 'refused', reason: rewrite.refused, tokensBefore: result.tokensBefore, tokensAfter: result.tokensAfter };
    }
    edit = rewrite;
  } else {
    edit = { start: document.offsetAt(target.range.start), end: document.offsetAt(target.range.end), replacement: result.compressed };
  }

  const savings = services.stats.time('compress: $ saved per month', () => savingsFor(services, document, target, model, result, settings));
  const summary = summaryLine(result, savings, usedModel, mode);
  const shown = await services.preview.show(target.label, target.text, result.compressed, `Compress Prompt: ${target.label} (${result.tokensBefore} → ${result.tokensAfter} tokens)`);
  const base: CompressOutcome = {
    status: 'discarded',
    tokensBefore: result.tokensBefore,
    tokensAfter: result.tokensAfter,
    savedPerMonth: savings?.saved ?? null,
    preview: { left: shown.left.toString(), right: shown.right.toString() },
    modelAssisted: usedModel,
  };
  services.log.info(`compress ${document.uri.fsPath}:${target.range.start.line + 1}: ${summary}`);
  for (const pass of result.passes) {
    if (pass.aggressive && pass.dropped?.length) services.log.info(`  dropped by ${pass.name}: ${pass.dropped.map((d) => JSON.stringify(d)).join(', ')}`);
  }

  const choice = args.apply === undefined ? await vscode.window.showInformationMessage(summary, 'Apply', 'Discard') : args.apply ? 'Apply' : 'Discard';
  if (choice !== 'Apply') {
    if (args.apply === undefined) await services.preview.close(shown.right);
    return base;
  }
  if (document.version !== version) {
    void vscode.window.showWarningMessage('Compress Prompt: the file changed while the preview was open; run the command again.');
    return { ...base, status: 'refused', reason: 'the document changed' };
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.replacement);
  const applied = await vscode.workspace.applyEdit(workspaceEdit);
  if (args.apply === undefined) await services.preview.close(shown.right);
  if (!applied) return { ...base, status: 'refused', reason: 'VS Code did not apply the edit' };
  return { ...base, status: 'applied' };
}

function noTarget(message: string): CompressOutcome {
  void vscode.window.showInformationMessage(`Compress Prompt: ${message}`);
  return { status: 'noTarget', reason: message };
}

/** The prompt covering the cursor (or containing the selection); else the selected text itself. */
async function findTarget(services: CompressServices, editor: vscode.TextEditor): Promise<Target | null> {
  const document = editor.document;
  const selection = editor.selection;
  const analysis = services.analyzer.isSupported(document) ? await services.analyzer.analyze(document) : undefined;
  const start = document.offsetAt(selection.start);
  const end = document.offsetAt(selection.end);
  const item = analysis ? promptAt(analysis, start) : undefined;
  if (item && end <= item.prompt.endOffset) {
    const prompt = item.prompt;
    const range = new vscode.Range(document.positionAt(prompt.startOffset), document.positionAt(prompt.endOffset));
    const label = `${prompt.name ?? path.basename(document.uri.path)}:${prompt.startLine}`;
    return { text: prompt.text, label, prompt, item, range, analysis };
  }
  if (selection.isEmpty) return null;
  return { text: document.getText(selection), label: `${path.basename(document.uri.path)}:${selection.start.line + 1}`, prompt: null, item: null, range: selection, analysis };
}

async function compressWithModel(services: CompressServices, settings: CompressSettings, text: string, model: string, syntaxes: readonly PlaceholderSyntax[]): Promise<CompressionResult | { refused: string } | null> {
  const endpoint = settings.modelAssisted.endpoint;
  const problem = endpoint ? endpointProblem(endpoint) : 'set promptCost.compress.modelAssisted.endpoint';
  if (problem) {
    void vscode.window.showWarningMessage(`Model-assisted compression skipped: ${problem}.`);
    return null;
  }
  const stored = await services.secrets.get(COMPRESS_API_KEY_SECRET);
  const key = parseBoundKey(stored);
  const keyProblem = key ? keyOriginProblem(key, endpoint) : stored ? 'the saved compression key is from an older version; set it again' : null;
  if (keyProblem) {
    // Never send a key to an origin it was not entered for (a changed endpoint), and never send the request without it.
    void vscode.window.showWarningMessage(`Model-assisted compression skipped: ${keyProblem} (Prompt Cost: Set Compression API Key).`);
    return null;
  }
  const apiKey = key?.secret;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Compressing with the model…' }, async () => {
    let answer: string;
    try {
      answer = await requestModelCompression(text, {
        endpoint,
        ...(apiKey ? { apiKey } : {}),
        model: settings.modelAssisted.model,
        fetch: globalThis.fetch as unknown as FetchLike,
        targetModel: model,
        placeholderSyntaxes: syntaxes,
      });
    } catch (error) {
      return { refused: modelFailure(error) };
    }
    return (await services.worker.acceptModelAnswer(text, answer, model, syntaxes)).compression;
  });
}

function savingsFor(services: CompressServices, document: vscode.TextDocument, target: Target, model: string, result: CompressionResult, settings: CompressSettings): (MonthlySavings & { traffic: SavingsTraffic }) | null {
  const analysis = target.analysis;
  if (!analysis) return null;
  const configFile = analysis.engine.configFile;
  const usage = services.usage.usageOf(configFile)?.usage ?? null;
  const key = (p: FoundPrompt): FindingLocation => ({
    file: configFile ? path.relative(path.dirname(configFile), document.uri.fsPath).split(path.sep).join('/') : document.uri.fsPath,
    startLine: p.startLine,
    endLine: p.endLine,
    kind: p.kind,
    ...(p.name ? { name: p.name } : {}),
  });
  const location = target.prompt ? key(target.prompt) : { file: key({ startLine: 1, endLine: 1, kind: 'literal' } as FoundPrompt).file, startLine: target.range.start.line + 1, endLine: target.range.end.line + 1, kind: 'literal' as const };
  const outputTokens = target.item?.primary.outputTokens ?? analysis.engine.settings.expectedOutputTokens;
  const traffic = trafficForPrompt(location, usage, {
    fileFindings: analysis.prompts.map((p) => key(p.prompt)),
    assumedRequestsPerDay: settings.requestsPerDay,
    outputTokens,
  });
  const pricedOn = traffic.model ?? model;
  // Absolute size from the engine's estimate (placeholders at their typical size); the saving is the compressor's.
  const estimate = target.item?.estimates.find((e) => e.model === pricedOn);
  const before = estimate?.inputTokens ?? result.tokensBefore;
  const after = Math.max(0, before - (result.tokensBefore - result.tokensAfter));
  return { ...monthlySavings(pricedOn, analysis.engine.ctx.prices, traffic, before, after), traffic };
}

function summaryLine(result: CompressionResult, savings: (MonthlySavings & { traffic: SavingsTraffic }) | null, usedModel: boolean, mode: CompressMode): string {
  const saved = result.tokensBefore - result.tokensAfter;
  const percent = result.tokensBefore ? ((100 * saved) / result.tokensBefore).toFixed(1) : '0.0';
  let line = `${usedModel ? 'Model-assisted' : 'Compressed'}: ${result.tokensBefore} → ${result.tokensAfter} tokens (−${percent} %) for ${result.model}`;
  if (savings) {
    const perDay = savings.traffic.inputs.requestsPerDay.toLocaleString('en-US');
    const money = savings.saved === null ? `no price for ${savings.model}` : `${formatUsd(savings.saved)}/month saved`;
    line += savings.traffic.source === 'usage'
      ? `; ${money} at ${perDay} requests/day (${savings.traffic.entry})`
      : `; ${money} at ${perDay} requests/day (assumed: promptCost.simulation.requestsPerDay)`;
  }
  // Aggressive passes remove content (hedges, examples, articles): say what, so the diff is read with that in mind.
  const dropped = mode === 'aggressive' ? droppedSummary(result.passes) : null;
  if (dropped) line += `; dropped: ${dropped}`;
  return `${line}.`;
}
