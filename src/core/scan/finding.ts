/**
 * A file's calls and prompts as the CLI prints them and `--json` emits them (schema version 2,
 * `docs/scan-schema-v2.json`): a serialisation of the same `CallAnalysis` and `PromptAnalysis` the editor
 * shows. Calls carry the cost; prompts are their parts and carry only their own size.
 */
import * as path from 'path';
import type { CallEstimate } from '../estimate/estimateCall';
import { countingLabel, isExactMethod, type CountingMethod } from '../tokens/countingMethod';
import { isControlPlaceholder } from '../estimate/templateTokens';
import type { CallAnalysis } from '../pipeline/callAnalysis';
import type { PromptAnalysis } from '../pipeline/promptAnalysis';
import type { CallApi } from '../prompts/llmCall';
import type { FoundPrompt, Placeholder, PromptKind, SourceLanguage } from '../prompts/prompt';

export const SCAN_SCHEMA_VERSION = 2;

export interface PromptFinding {
  id: string;
  /** Relative to the current directory, forward slashes. */
  file: string;
  startLine: number;
  endLine: number;
  language: SourceLanguage;
  kind: PromptKind;
  text: string;
  placeholders: string[];
  role?: string;
  name?: string;
  model: string | null;
  evidence: FoundPrompt['evidence'];
  /** Ids of the calls this text is part of. */
  calls: string[];
  /** Its typical tokens for its (first) call's model. */
  tokens: number;
  /** Placeholders filled with a constant of another file (`from .prompts import SYSTEM`), where it is defined. */
  imports?: { placeholder: string; file: string; line: number }[];
}

/** How a model's tokens were counted, in `--json`: `label` is the line the hover shows. */
export interface CountingFinding {
  method: 'encoding' | 'local' | 'factor' | 'provider';
  /** The encoding (`o200k_base`), local tokenizer (`qwen3`) or provider (`anthropic`, `gemini`); null for a factor. */
  name: string | null;
  /** Whether this method gives exact counts (a long text or a call's framing may still make a figure ≈). */
  exact: boolean;
  /** o200k_base × factor, on prose and on code; null unless `method` is `factor`. */
  factor: { prose: number; code: number } | null;
  /** Why the factor, why a local count is ≈, or what was added to a provider's count; null otherwise. */
  basis: string | null;
  label: string;
}

export interface CallFindingEstimate {
  model: string;
  encoding: CallEstimate['encoding'];
  exact: boolean;
  counting: CountingFinding;
  inputTokens: number;
  overheadTokens: number;
  toolTokens: number;
  schemaTokens: number;
  outputTokens: CallEstimate['outputTokens'];
  reasoningTokens: { typical: number; max: number | null } | null;
  /** USD; null when the model has no price (`max` null without a cap). */
  cost: { typical: number; max: number | null } | null;
  cachedCost: number | null;
  batchCost: number | null;
  contextWindow: number | null;
  priceId: string | null;
}

export interface CallFinding {
  id: string;
  file: string;
  /** The call expression, or the template or file of an implied call. */
  startLine: number;
  endLine: number;
  implied: boolean;
  /** Made with a test double (`MockLanguageModelV3`, `FakeListLLM`): listed, but no provider is paid, so totals and limits skip it. */
  testDouble?: true;
  /** An implied call whose text other files' calls import and send (their ids): already in their cost, so totals and limits skip it. */
  sentBy?: string[];
  api: CallApi;
  /** The model the code names; null when the estimate is for the default model (`estimates[0]`). */
  model: string | null;
  /** Where the model is named when not in this file: another module, or the project's configuration. */
  modelSource?: { file: string; line: number };
  /** The kind and name of its first part: usage entries and prompt files are matched by them. */
  kind: PromptKind;
  name?: string;
  prompts: string[];
  /** `estimates[0]` is the call's own model. */
  estimates: CallFindingEstimate[];
  /** What was sized without being seen (placeholders at the default size, variable messages, tools by name). */
  assumed: string[];
}

export interface FileFindings {
  prompts: PromptFinding[];
  calls: CallFinding[];
}

/** One file's analyses as findings, ids local to the file (`p0`, `c0`); `numberFindings` makes them unique. */
/**
 * `file` is the display path; `sourcePath`, the file's real path, places imported constants' files beside
 * it (`file`'s folder, the same relative path).
 */
export function toFileFindings(file: string, analyses: readonly Pick<PromptAnalysis, 'prompt' | 'estimates'>[], calls: readonly CallAnalysis[], sourcePath?: string): FileFindings {
  const displayOf = (imported: string) =>
    sourcePath ? path.posix.normalize(path.posix.join(path.posix.dirname(file), path.relative(path.dirname(sourcePath), imported).split(path.sep).join('/'))) : path.basename(imported);
  const callIds = analyses.map(() => [] as string[]);
  const tokens = analyses.map((a) => a.estimates[0]?.inputTokens ?? 0);
  const firstCallTokens = analyses.map(() => null as number | null);
  calls.forEach((c, i) => {
    for (const part of c.parts) {
      if (!callIds[part.index].includes(`c${i}`)) callIds[part.index].push(`c${i}`);
      firstCallTokens[part.index] ??= part.tokens;
    }
  });
  const prompts = analyses.map(({ prompt }, i): PromptFinding => ({
    id: `p${i}`,
    file,
    startLine: prompt.startLine,
    endLine: prompt.endLine,
    language: prompt.language,
    kind: prompt.kind,
    text: prompt.text,
    placeholders: uniqueNames(prompt.placeholders),
    ...(prompt.role ? { role: prompt.role } : {}),
    ...(prompt.name ? { name: prompt.name } : {}),
    model: prompt.model,
    evidence: prompt.evidence,
    calls: callIds[i],
    tokens: firstCallTokens[i] ?? tokens[i],
    ...(prompt.imports ? { imports: Object.entries(prompt.imports).map(([placeholder, v]) => ({ placeholder, file: displayOf(v.file), line: v.line })) } : {}),
  }));
  return { prompts, calls: calls.map((c, i) => toCallFinding(file, c, `c${i}`, analyses, displayOf)) };
}

function toCallFinding(file: string, analysis: CallAnalysis, id: string, prompts: readonly Pick<PromptAnalysis, 'prompt'>[], displayOf: (file: string) => string): CallFinding {
  const { call } = analysis;
  const first = prompts[analysis.parts[0]?.index]?.prompt;
  const named = analysis.parts.map((p) => prompts[p.index].prompt.name).find((n) => n);
  return {
    id,
    file,
    startLine: call.startLine,
    endLine: call.endLine,
    implied: call.implied,
    ...(call.testDouble ? { testDouble: true as const } : {}),
    api: call.api,
    model: call.model,
    ...(call.modelSource ? { modelSource: { file: displayOf(call.modelSource.file), line: call.modelSource.line } } : {}),
    kind: first?.kind ?? 'literal',
    ...(named ? { name: named } : {}),
    prompts: analysis.parts.map((p) => `p${p.index}`).filter((pid, i, all) => all.indexOf(pid) === i),
    estimates: analysis.estimates.map((e) => ({
      model: e.model,
      encoding: e.encoding,
      exact: e.exact,
      counting: toCountingFinding(e.counting),
      inputTokens: e.inputTokens,
      overheadTokens: e.overheadTokens,
      toolTokens: e.toolTokens,
      schemaTokens: e.schemaTokens,
      outputTokens: e.outputTokens,
      reasoningTokens: e.reasoningTokens ? { typical: e.reasoningTokens.typical, max: e.reasoningTokens.max } : null,
      cost: e.costPerCall === null ? null : { typical: e.costPerCall, max: e.maxCostPerCall },
      cachedCost: e.cachedCostPerCall,
      batchCost: e.batchCostPerCall,
      contextWindow: e.contextWindow,
      priceId: e.priceId,
    })),
    assumed: analysis.primary.assumed,
  };
}

export function toCountingFinding(method: CountingMethod): CountingFinding {
  const label = countingLabel(method);
  switch (method.kind) {
    case 'encoding':
      return { method: 'encoding', name: method.name, exact: true, factor: null, basis: null, label };
    case 'local':
      return { method: 'local', name: method.name, exact: isExactMethod(method), factor: null, basis: method.note, label };
    case 'factor':
      return { method: 'factor', name: null, exact: false, factor: { prose: method.prose, code: method.code }, basis: method.basis, label };
    case 'provider': {
      const basis = method.added === 0 ? null : `the provider's count of what the code shows, plus ${method.added} tokens assumed for what it does not`;
      return { method: 'provider', name: method.provider, exact: true, factor: null, basis, label };
    }
  }
}

/** Joins files' findings and numbers them across the scan: `p1`, `p2` … and `c1`, `c2` … in order. */
export function numberFindings(files: readonly FileFindings[]): FileFindings {
  const out: FileFindings = { prompts: [], calls: [] };
  for (const f of files) {
    const promptId = new Map(f.prompts.map((p, i) => [p.id, `p${out.prompts.length + i + 1}`]));
    const callId = new Map(f.calls.map((c, i) => [c.id, `c${out.calls.length + i + 1}`]));
    for (const p of f.prompts) out.prompts.push({ ...p, id: promptId.get(p.id) as string, calls: p.calls.map((id) => callId.get(id) as string) });
    for (const c of f.calls) out.calls.push({ ...c, id: callId.get(c.id) as string, prompts: c.prompts.map((id) => promptId.get(id) as string) });
  }
  return out;
}

/** The text of a call's parts, in order: what `diff` pairs calls of two revisions by. */
export function callText(call: CallFinding, prompts: ReadonlyMap<string, PromptFinding>): string {
  return call.prompts.map((id) => prompts.get(id)?.text ?? '').join('\n\n');
}

/** Control blocks (`{% if %}`) are not values anyone fills in, so they are not listed as placeholders. */
function uniqueNames(placeholders: readonly Placeholder[]): string[] {
  const names = placeholders.filter((p) => !isControlPlaceholder(p)).map((p) => p.name);
  return [...new Set(names)];
}
