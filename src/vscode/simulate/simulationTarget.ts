/**
 * Which prompt Simulate Monthly Cost is about, from however it was invoked: a CodeLens or quick pick
 * `(uri, startOffset)`, an args object (tests, other commands), the editor's selection, or the prompt at the
 * cursor (a quick pick of the file's prompts when the cursor is in none).
 */
import * as vscode from 'vscode';
import type { PromptAnalysis } from '../../core/pipeline/promptAnalysis';
import type { FindingMonthlyCost } from '../../core/simulate/findingMonthlyCost';
import type { SimulationOverrides } from '../../core/presentation/simulatePanel/simulationState';
import type { DocumentAnalyzer } from '../engine/documentAnalyzer';
import { enginePathFor } from '../engine/documentPaths';
import type { DocumentEngine, EngineSettingsService } from '../engine/engineSettingsService';
import { promptAt, promptForLens } from '../../core/pipeline/promptLookup';

/** The optional arguments object of `promptCost.simulateMonthlyCost`. */
export interface SimulateArgs extends SimulationOverrides {
  /** The document (a Uri or its string form); default: the active editor's. */
  uri?: vscode.Uri | string;
  /** Offset of the prompt (its start, or any offset inside it). */
  offset?: number;
  /** 0-based line of the prompt, when no offset is given. */
  line?: number;
  /** Simulate this text as a prompt (like a selection). */
  text?: string;
}

export interface SimulationTarget {
  label: string;
  file: string | null;
  line: number | null;
  scope: vscode.Uri | undefined;
  analysis: PromptAnalysis;
  engine: DocumentEngine;
  /** The usage file's figures for the prompt, when it has an entry. */
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
    void vscode.window.showInformationMessage('Prompt Cost: open a file with a prompt (or select some text) to simulate its monthly cost.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const analysis = await services.analyzer.analyze(document);
  if (!analysis || analysis.prompts.length === 0) {
    void vscode.window.showInformationMessage('Prompt Cost: no prompt found in this file. Select the prompt text to simulate it.');
    return undefined;
  }
  const sameEditor = editor?.document.uri.toString() === uri.toString() ? editor : undefined;
  let item: PromptAnalysis | undefined;
  if (typeof args.offset === 'number') item = promptForLens(analysis, args.offset, document.positionAt(args.offset).line);
  else if (typeof args.line === 'number') item = promptForLens(analysis, document.offsetAt(new vscode.Position(args.line, 0)), args.line);
  else if (sameEditor) item = promptAt(analysis, document.offsetAt(sameEditor.selection.active));
  if (!item) item = analysis.prompts.length === 1 ? analysis.prompts[0] : await pickPrompt(analysis.prompts, vscode.workspace.asRelativePath(uri, false));
  if (!item) return undefined;
  const index = analysis.prompts.indexOf(item);
  const file = uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri, false) : null;
  const name = item.prompt.name ? `${item.prompt.name} ` : '';
  return {
    label: `${name}(${file ?? uri.toString()}:${item.prompt.startLine})`,
    file,
    line: item.prompt.startLine,
    scope: uri,
    analysis: item,
    engine: analysis.engine,
    usageCost: analysis.calls.find((c) => c.parts.some((p) => p.index === index))?.monthly ?? null,
    configFile: analysis.engine.configFile,
  };
}

async function textTarget(services: SimulationTargetServices, text: string, kind: 'selection' | 'text', document: vscode.TextDocument | undefined): Promise<SimulationTarget | undefined> {
  if (!text.trim()) return undefined;
  const subject = document ? { uri: document.uri, enginePath: enginePathFor(document) } : undefined;
  await services.engine.whenReady(subject);
  const engine = subject ? services.engine.forSubject(subject) : services.engine.forWorkspace();
  const { prompt: analysis } = await services.analyzer.analyzeText(text, engine);
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

interface PromptItem extends vscode.QuickPickItem {
  prompt: PromptAnalysis;
}

async function pickPrompt(prompts: readonly PromptAnalysis[], file: string): Promise<PromptAnalysis | undefined> {
  const items: PromptItem[] = prompts.map((p) => ({
    label: p.prompt.name ?? firstWords(p.prompt.text),
    description: `line ${p.prompt.startLine} · ${p.primary.inputTokens.toLocaleString('en-US')} tokens · ${p.primary.model}`,
    prompt: p,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: `Prompt Cost: simulate which prompt of ${file}?`, placeHolder: 'The cursor is in no prompt: choose one' });
  return picked?.prompt;
}

function firstWords(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat || '(empty prompt)';
}
