/**
 * Messages between a face of the tool (the extension host, the CLI's scan) and the pipeline worker (plain
 * data, structured-cloned). The worker finds prompts, estimates them, prices their usage per month and
 * compresses them; token counting never runs on the sender's thread. Senders pass the merged engine
 * settings, from which the worker rebuilds the price table, and the price catalogue when it is not the
 * bundled one (`useCatalogue`).
 */
import type { CompressMode, CompressionResult } from '../compress/types';
import type { EngineSettings } from '../config/engineSettings';
import type { CatalogueData } from '../pricing/catalogueData';
import type { FoundPrompt, PlaceholderSyntax } from '../prompts/prompt';
import type { DocumentUsage } from './documentUsage';
import type { ExactCountsInput } from '../exactCounts/countProviders';
import type { FileResult, FileScan, ScanOptions } from './fileScan';
import type { TextEdit } from './incrementalPromptParser';
import type { CallAnalysis } from './callAnalysis';
import type { PromptAnalysis } from './promptAnalysis';

export const PIPELINE_WORKER_KIND = 'prompt-cost-lens/pipeline';

export type ParseKind = 'full' | 'incremental' | 'none';

/** Estimate-cache counters: a miss is one prompt counted for one model. */
export interface EstimateCounts {
  hits: number;
  misses: number;
}

export type WorkerRequest =
  /**
   * Find the prompts of document `key` (after `edits`), estimate them under `settings`, and price their
   * volume per month when the document has a usage entry (`usage`). `exactCounts`: the providers whose
   * counts the user turned on and the counts the sender already has (the worker never fetches one).
   */
  /** `earlierCells`: for a notebook cell, the code of the code cells above it (their names fill what the cell leaves open). */
  | { type: 'find'; id: number; key: string; text: string; filePath: string; edits: TextEdit[]; settings: EngineSettings; usage: DocumentUsage | null; earlierCells?: string; exactCounts?: ExactCountsInput }
  /** Estimate prompts that need no finding (a selection, the clipboard). */
  | { type: 'estimate'; id: number; prompts: FoundPrompt[]; settings: EngineSettings }
  /** Read files from disk and analyse each once (the CLI's scan): no tree is kept. */
  | { type: 'scanFiles'; id: number; files: FileScan[]; options: ScanOptions }
  /** Deterministic compression of `text` for `model` (every pass is kept only if it saves tokens). */
  | { type: 'compress'; id: number; text: string; mode: CompressMode; model: string; placeholderSyntaxes: PlaceholderSyntax[] }
  /** A model's answer for `text`, counted and checked against the compression invariants. */
  | { type: 'acceptModelAnswer'; id: number; text: string; answer: string; model: string; placeholderSyntaxes: PlaceholderSyntax[] }
  | { type: 'forget'; key: string }
  /** Settings or a `.promptcost.yml` changed: drop the estimate contexts and their cached estimates. */
  | { type: 'invalidate' }
  /** Price with this catalogue from now on (null: the bundled one); drops the estimates made with the old one. */
  | { type: 'useCatalogue'; catalogue: CatalogueData | null };

export interface AnalyzedReply {
  id: number;
  analyses: PromptAnalysis[];
  /** The calls the prompts make up, each priced once (parts index into `analyses`). */
  calls: CallAnalysis[];
  parse: ParseKind;
  /** Time spent finding (parse + walk) and estimating, in the worker. */
  findMs: number;
  estimateMs: number;
  /** Estimates of this request taken from the cache / counted. */
  reused: number;
  counted: number;
  /** The worker's cumulative counters. */
  cache: EstimateCounts;
  /** Why the usage file could not price the prompts (their `monthly` is null), when it could not. */
  usageError?: string;
  /** Other files of the project whose constants the prompts import (absolute paths): a change to one re-analyses this document. */
  dependencies?: string[];
}

export interface ScannedReply {
  id: number;
  /** One per requested file, in the same order. */
  files: FileResult[];
}

export interface CompressedReply {
  id: number;
  compression: CompressionResult;
  /** Time spent loading the tokenizer (if it was not loaded yet) and compressing or checking, in the worker. */
  ms: number;
}

export type WorkerReply =
  | AnalyzedReply
  | ScannedReply
  | CompressedReply
  /** A newer `find` of the same document arrived first: its edits were applied, nothing else was done. */
  | { id: number; superseded: true }
  | { id: number; error: string };
