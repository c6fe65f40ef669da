/** Scans one file from disk: reads it, refuses binaries, runs the engine. Shared by the main thread and workers. */
import * as fs from 'fs';
import * as path from 'path';
import type { FileSamples } from '../core/config/projectConfig';
import { matchesFilePattern } from '../core/config/projectConfig';
import type { EstimateContext } from '../core/estimate/estimatePrompt';
import type { SourceLanguage } from '../core/prompts/prompt';
import type { Finding } from '../core/scan/finding';
import { scanSource } from '../core/scan/scanSource';
import { looksBinary } from '../core/scan/sourceFiles';

export interface FileJob {
  path: string;
  language: SourceLanguage;
}

export interface FileResult {
  findings: Finding[];
  parsed: boolean;
  bytes: number;
  skipped?: string;
}

/** Paths in results are relative to `cwd` with forward slashes, whatever the platform. */
export function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

/** Samples that `.promptcost.yml` gives only for files matching a pattern (relative to its folder). */
export interface FileSampleRules {
  configDir: string;
  rules: FileSamples[];
}

function contextForFile(file: string, ctx: EstimateContext, samples: FileSampleRules | undefined): EstimateContext {
  if (!samples?.rules.length) return ctx;
  const rel = path.relative(samples.configDir, file).split(path.sep).join('/');
  const matching = samples.rules.filter((r) => matchesFilePattern(r.pattern, rel));
  if (!matching.length) return ctx;
  const sizes = Object.assign({ ...ctx.settings.placeholderSizes }, ...matching.map((m) => m.samples));
  return { ...ctx, settings: { ...ctx.settings, placeholderSizes: sizes } };
}

export async function scanFileJob(job: FileJob, baseCtx: EstimateContext, cwd: string, samples?: FileSampleRules): Promise<FileResult> {
  const ctx = contextForFile(job.path, baseCtx, samples);
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(job.path);
  } catch (error) {
    return { findings: [], parsed: false, bytes: 0, skipped: `unreadable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (looksBinary(buffer)) return { findings: [], parsed: false, bytes: buffer.length, skipped: 'binary' };
  const text = buffer.toString('utf8');
  try {
    const outcome = await scanSource(text, job.path, displayPath(job.path, cwd), job.language, ctx);
    return { ...outcome, bytes: buffer.length };
  } catch (error) {
    return { findings: [], parsed: false, bytes: buffer.length, skipped: `could not be parsed: ${(error as Error).message}` };
  }
}
