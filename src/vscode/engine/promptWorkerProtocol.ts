/**
 * Messages between the extension host and the prompt worker (plain data, structured-cloned). The worker
 * finds prompts, estimates them and compresses them (token counting never runs on the host's thread); the
 * host sends the merged engine settings, from which the worker rebuilds the price table.
 */
import type { CompressMode, CompressionResult } from '../../core/compress/types';
import type { EngineSettings } from '../../core/config/engineSettings';
import type { TextEdit } from '../../core/editor/incrementalPromptParser';
import type { PromptAnalysis } from '../../core/editor/promptAnalysis';
import type { FoundPrompt, PlaceholderSyntax } from '../../core/prompts/prompt';

export const PROMPT_WORKER_KIND = 'prompt-cost-lens/prompt-finder';

export type ParseKind = 'full' | 'incremental' | 'none';

/** Estimate-cache counters: a miss is one prompt counted for one model. */
export interface EstimateCounts {
  hits: number;
  misses: number;
}

export type WorkerRequest =
  /** Find the prompts of document `key` (after `edits`) and estimate them under `settings`. */
  | { type: 'find'; id: number; key: string; text: string; filePath: string; edits: TextEdit[]; settings: EngineSettings }
  /** Estimate prompts that need no finding (a selection, the clipboard). */
  | { type: 'estimate'; id: number; prompts: FoundPrompt[]; settings: EngineSettings }
  /** Deterministic compression of `text` for `model` (every pass is kept only if it saves tokens). */
  | { type: 'compress'; id: number; text: string; mode: CompressMode; model: string; placeholderSyntaxes: PlaceholderSyntax[] }
  /** A model's answer for `text`, counted and checked against the compression invariants. */
  | { type: 'acceptModelAnswer'; id: number; text: string; answer: string; model: string; placeholderSyntaxes: PlaceholderSyntax[] }
  | { type: 'forget'; key: string }
  /** Settings or a `.promptcost.yml` changed: drop the estimate contexts and their cached estimates. */
  | { type: 'invalidate' };

export interface AnalyzedReply {
  id: number;
  analyses: PromptAnalysis[];
  parse: ParseKind;
  /** Time spent finding (parse + walk) and estimating, in the worker. */
  findMs: number;
  estimateMs: number;
  /** Estimates of this request taken from the cache / counted. */
  reused: number;
  counted: number;
  /** The worker's cumulative counters. */
  cache: EstimateCounts;
}

export interface CompressedReply {
  id: number;
  compression: CompressionResult;
  /** Time spent loading the tokenizer (if it was not loaded yet) and compressing or checking, in the worker. */
  ms: number;
}

export type WorkerReply =
  | AnalyzedReply
  | CompressedReply
  /** A newer `find` of the same document arrived first: its edits were applied, nothing else was done. */
  | { id: number; superseded: true }
  | { id: number; error: string };
