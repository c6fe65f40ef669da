/**
 * One file from disk through the pipeline, for the CLI's scan: read it, refuse binaries, skip files with no
 * sign of LLM use, then find and estimate exactly as the editor does (`DocumentPipeline`), and serialise the
 * analyses as findings. Runs in the pipeline worker, or in-process for small trees.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { EngineSettings } from '../config/engineSettings';
import { matchesFilePattern, type FileSamples } from '../config/projectConfig';
import type { SourceLanguage } from '../prompts/prompt';
import { displayPath } from '../scan/displayPath';
import type { FileFindings } from '../scan/finding';
import { looksBinary } from '../scan/sourceFiles';
import type { UsageFile } from '../simulate/usageFile';
import type { DocumentUsage } from './documentUsage';
import type { ProviderCountRequest, ExactCountsInput } from '../exactCounts/countProviders';

export interface FileScan {
  path: string;
  language: SourceLanguage;
}

export interface FileResult {
  findings: FileFindings;
  parsed: boolean;
  bytes: number;
  skipped?: string;
  /** Provider counts the scan's calls need (`exactCounts` on, answer not known): the CLI sends them, then scans the file again. */
  countRequests?: ProviderCountRequest[];
}

/** Samples that `.promptcost.yml` gives only for files matching a pattern (relative to its folder). */
export interface FileSampleRules {
  configDir: string;
  rules: FileSamples[];
}

/** What every file of one scan shares (plain data: sent to each worker). */
export interface ScanOptions {
  /** With the models to compare (`--models`) already in `compareModels`. */
  settings: EngineSettings;
  /** Finding paths are relative to it. */
  cwd: string;
  fileSamples?: FileSampleRules;
  /** The usage section of `.promptcost.yml` and its folder: entries' `outputTokens` set their call sites' typical output. */
  usage?: { usage: UsageFile; dir: string };
  /** `scan --exact-counts`: the providers with a key, and the counts already fetched. */
  exactCounts?: ExactCountsInput;
}

/** The settings of one file: the scan's, with the samples of every `fileSamples` rule that matches it. */
export function settingsForFile(file: string, options: ScanOptions): EngineSettings {
  const samples = options.fileSamples;
  if (!samples?.rules.length) return options.settings;
  const rel = path.relative(samples.configDir, file).split(path.sep).join('/');
  const matching = samples.rules.filter((r) => matchesFilePattern(r.pattern, rel));
  if (!matching.length) return options.settings;
  const sizes = Object.assign({ ...options.settings.placeholderSizes }, ...matching.map((m) => m.samples));
  return { ...options.settings, placeholderSizes: sizes };
}

/** One text's findings, and the provider counts its calls are waiting for. */
export interface AnalyzedText {
  findings: FileFindings;
  countRequests?: ProviderCountRequest[];
}

/** How the pipeline analyses one text (null: no sign of LLM use, not parsed). */
export type AnalyzeText = (text: string, file: FileScan, settings: EngineSettings, displayName: string, usage: DocumentUsage | null) => Promise<AnalyzedText | null>;

/** The usage section as it applies to one file: its path as usage entries write it (relative to the usage file's folder). */
function usageForFile(file: string, options: ScanOptions): DocumentUsage | null {
  if (!options.usage) return null;
  return { usage: options.usage.usage, fileKey: path.relative(options.usage.dir, file).split(path.sep).join('/'), profile: null };
}

const NONE: FileFindings = Object.freeze({ prompts: [], calls: [] }) as FileFindings;

export async function scanFile(file: FileScan, options: ScanOptions, analyze: AnalyzeText): Promise<FileResult> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file.path);
  } catch (error) {
    return { findings: NONE, parsed: false, bytes: 0, skipped: `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (looksBinary(buffer)) return { findings: NONE, parsed: false, bytes: buffer.length, skipped: 'binary' };
  try {
    const analyzed = await analyze(buffer.toString('utf8'), file, settingsForFile(file.path, options), displayPath(file.path, options.cwd), usageForFile(file.path, options));
    if (!analyzed) return { findings: NONE, parsed: false, bytes: buffer.length };
    return { findings: analyzed.findings, parsed: true, bytes: buffer.length, ...(analyzed.countRequests ? { countRequests: analyzed.countRequests } : {}) };
  } catch (error) {
    return { findings: NONE, parsed: false, bytes: buffer.length, skipped: `could not be parsed: ${(error as Error).message}` };
  }
}
