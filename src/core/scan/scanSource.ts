/** Finds and estimates the prompts of one file's text: the per-file step shared by the CLI and its workers. */
import { estimatePrompt, type EstimateContext } from '../estimate/estimatePrompt';
import { findPrompts, hasLlmSignal } from '../prompts/findPrompts';
import type { SourceLanguage } from '../prompts/prompt';
import { toFinding, type Finding } from './finding';

export interface ScanOutcome {
  findings: Finding[];
  /** False when the cheap pre-filter saw no sign of LLM use and the file was not parsed. */
  parsed: boolean;
}

export async function scanSource(source: string, filePath: string, displayPath: string, language: SourceLanguage, ctx: EstimateContext): Promise<ScanOutcome> {
  if (!hasLlmSignal(source, language)) return { findings: [], parsed: false };
  const prompts = await findPrompts(source, filePath);
  return { findings: prompts.map((p) => toFinding(displayPath, p, estimatePrompt(p, ctx))), parsed: true };
}
