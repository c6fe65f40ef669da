/**
 * Which LLM call Simulate Monthly Cost is about, from however it was invoked: a CodeLens or quick pick
 * `(uri, startOffset)` (a call's start, or a part's: its call), an args object (tests, other commands), the
 * editor's selection (simulated as one call of its own), or the call at the cursor (a quick pick of the
 * file's calls when the cursor is in none, or on a prompt several calls share).
 */
import * as vscode from 'vscode';
import type { CallAnalysis } from '../../core/pipeline/callAnalysis';
import type { FindingMonthlyCost } from '../../core/simulate/findingMonthlyCost';
import { callsAtOffset, callSubjectLabel } from '../../core/presentation/simulatePanel/simulationSubject';
import type { SimulationOverrides } from '../../core/presentation/simulatePanel/simulationState';
import { callPickLabel, partsSummary, reportEntries } from '../../core/presentation/report/workspaceReport';
import { callTokensLabel } from '../../core/presentation/call/callFigures';
import { callModelLabel } from '../../core/presentation/lens/callLensTitle';
import type { DocumentAnalysis, DocumentAnalyzer } from '../engine/documentAnalyzer';
import { enginePathFor } from '../engine/documentPaths';
import type { DocumentEngine, EngineSettingsService } from '../engine/engineSettingsService';

/** The optional arguments object of `promptCost.simulateMonthlyCost`. */
export interface SimulateArgs extends SimulationOverrides {
  /** The document (a Uri or its string form); default: the active editor's. */
  uri?: vscode.Uri | string;
  /** Offset of the call (its start, or any offset inside it), or of one of its prompts. */
  offset?: number;
  /** 0-based line of the call, when no offset is given. */
  line?: number;
  /** Simulate this text as a call of its own (like a selection). */
  text?: string;
}

export interface SimulationTarget {
  label: string;
  file: string | null;
  /** 1-based line of the call. */
  line: number | null;
  scope: vscode.Uri | undefined;
  /** The call: its estimates give the whole input and the output (visible + reasoning) per model. */
  analysis: CallAnalysis;
  engine: DocumentEngine;
  /** The usage file's figures for the call, when it has an entry. */
  usageCost: FindingMonthlyCost | null;
  configFile: string | null;
}

/** What finding the target reads: the analyses, the engine settings and the usage file's $/month. */
export interface SimulationTargetServices {
  analyzer: Pick<DocumentAnalyzer, 'analyze' | 'analyzeText'>;
  engine: Pick<EngineSettingsService, 'whenReady' | 'forSubject' | 'forWorkspace'>;
}

/** Normalises the ways the command is called into one args object. */
export function simulateArgs(first: unknown, second: unknown): SimulateArgs {
  if (first instanceof vscode.Uri) return { uri: first, ...(typeof second === 'number' ? { offset: second } : {}) };
  if (typeof first === 'string') return { text: first };
  if (first && typeof first === 'object') return first as SimulateArgs;
  return {};
}

export async function resolveSimulationTarget(services: SimulationTargetServices, args: SimulateArgs): Promise<SimulationTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (args.text !== undefined) return textTarget(services, args.text, 'text', editor?.document);
  if (args.uri === undefined && editor && !editor.selection.isEmpty) {
    const selected = editor.selections.map((s) => editor.document.getText(s)).filter(Boolean).join('\n');
    if (selected.trim()) return textTarget(services, selected, 'selection', editor.document);
  }
  const uri = args.uri instanceof vscode.Uri ? args.uri : typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : editor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Prompt Cost: open a file with an LLM call (or select some text) to simulate its monthly cost.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const analysis = await services.analyzer.analyze(document);
  if (!analysis || analysis.calls.length === 0) {
    void vscode.window.showInformationMessage('Prompt Cost: no LLM call or prompt found in this file. Select the prompt text to simulate it.');
    return undefined;
  }
  const sameEditor = editor?.document.uri.toString() === uri.toString() ? editor : undefined;
  let candidates: CallAnalysis[] = [];
  if (typeof args.offset === 'number') candidates = callsAtOffset(analysis, args.offset, document.positionAt(args.offset).line);
  else if (typeof args.line === 'number') candidates = callsAtOffset(analysis, document.offsetAt(new vscode.Position(args.line, 0)), args.line);
  else if (sameEditor) candidates = callsAtOffset(analysis, document.offsetAt(sameEditor.selection.active));
  if (candidates.length === 0) candidates = analysis.calls;
  const file = uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri, false) : null;
  const where = file ?? uri.toString();
  const item = candidates.length === 1 ? candidates[0] : await pickCall(analysis, candidates, where);
  if (!item) return undefined;
  return {
    label: callSubjectLabel(item, analysis.prompts, where),
    file,
    line: item.call.startLine,
    scope: uri,
    analysis: item,
    engine: analysis.engine,
    usageCost: item.monthly,
    configFile: analysis.engine.configFile,
  };
}

async function textTarget(services: SimulationTargetServices, text: string, kind: 'selection' | 'text', document: vscode.TextDocument | undefined): Promise<SimulationTarget | undefined> {
  if (!text.trim()) return undefined;
  const subject = document ? { uri: document.uri, enginePath: enginePathFor(document) } : undefined;
  await services.engine.whenReady(subject);
  const engine = subject ? services.engine.forSubject(subject) : services.engine.forWorkspace();
  const { call: analysis } = await services.analyzer.analyzeText(text, engine);
  return {
    label: `${kind} (${text.length.toLocaleString('en-US')} characters)`,
    file: null,
    line: null,
    scope: document?.uri,
    analysis,
    engine,
    usageCost: null,
    configFile: engine.configFile,
  };
}

interface CallItem extends vscode.QuickPickItem {
  call: CallAnalysis;
}

/** The calls to choose from: `Line 43: SYSTEM_PROMPT`, `252 in + 256 out · gpt-4o`, its parts. */
async function pickCall(analysis: Pick<DocumentAnalysis, 'prompts'>, calls: readonly CallAnalysis[], where: string): Promise<CallAnalysis | undefined> {
  const items: CallItem[] = reportEntries(where, analysis.prompts, calls).map((entry) => ({
    label: callPickLabel(entry),
    description: `${callTokensLabel(entry.analysis.primary)} · ${callModelLabel(entry.analysis)}`,
    detail: partsSummary(entry.parts),
    call: entry.analysis,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: `Prompt Cost: simulate which call of ${where}?`, placeHolder: 'Choose the LLM call whose monthly cost to simulate', matchOnDetail: true });
  return picked?.call;
}
