/**
 * Spreads file scans over worker threads. Parsing and tokenizing are CPU-bound, so large trees use one
 * worker per core; small ones stay in-process, where starting workers would cost more than it saves.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { EngineSettings } from '../core/config/engineSettings';
import { createEstimateContext } from '../core/estimate/estimateContext';
import { scanFileJob, type FileJob, type FileResult, type FileSampleRules } from './scanJob';
import { SCAN_WORKER_KIND, type BatchReply, type BatchRequest } from './scanWorker';

export interface ScanOptions {
  settings: EngineSettings;
  compareModels: string[];
  cwd: string;
  fileSamples?: FileSampleRules;
  /** Worker count; 0 forces in-process scanning. Default: one per available core, at most 8. */
  workers?: number;
  onProgress?: (filesDone: number, bytesDone: number) => void;
}

const IN_PROCESS_MAX_FILES = 48;
const IN_PROCESS_MAX_BYTES = 2 * 1024 * 1024;
const BATCH_MAX_FILES = 64;
const BATCH_MAX_BYTES = 1024 * 1024;

export async function scanAll(jobs: readonly (FileJob & { size: number })[], options: ScanOptions): Promise<FileResult[]> {
  const totalBytes = jobs.reduce((sum, j) => sum + j.size, 0);
  const workers = options.workers ?? Math.min(os.availableParallelism(), 8);
  if (workers === 0 || (jobs.length <= IN_PROCESS_MAX_FILES && totalBytes <= IN_PROCESS_MAX_BYTES)) return scanInProcess(jobs, options);
  return scanWithWorkers(jobs, Math.max(1, workers), options);
}

async function scanInProcess(jobs: readonly (FileJob & { size: number })[], options: ScanOptions): Promise<FileResult[]> {
  const ctx = createEstimateContext(options.settings, options.compareModels);
  const results: FileResult[] = [];
  let bytes = 0;
  for (const job of jobs) {
    const result = await scanFileJob(job, ctx, options.cwd, options.fileSamples);
    results.push(result);
    bytes += result.bytes;
    options.onProgress?.(results.length, bytes);
  }
  return results;
}

function batchesOf(jobs: readonly (FileJob & { size: number })[]): { start: number; jobs: FileJob[] }[] {
  const batches: { start: number; jobs: FileJob[] }[] = [];
  let current: FileJob[] = [];
  let bytes = 0;
  let start = 0;
  jobs.forEach((job, index) => {
    if (current.length && (current.length >= BATCH_MAX_FILES || bytes + job.size > BATCH_MAX_BYTES)) {
      batches.push({ start, jobs: current });
      current = [];
      bytes = 0;
      start = index;
    }
    current.push({ path: job.path, language: job.language });
    bytes += job.size;
  });
  if (current.length) batches.push({ start, jobs: current });
  return batches;
}

function scanWithWorkers(jobs: readonly (FileJob & { size: number })[], count: number, options: ScanOptions): Promise<FileResult[]> {
  const batches = batchesOf(jobs);
  const results: FileResult[] = new Array(jobs.length);
  // Compiled tests have scanWorker.js next to this file; the CLI bundle is its own worker script.
  const separate = path.join(__dirname, 'scanWorker.js');
  const workerFile = fs.existsSync(separate) ? separate : __filename;
  const pool = Array.from({ length: Math.min(count, batches.length) }, () => new Worker(workerFile, {
    workerData: { kind: SCAN_WORKER_KIND, settings: options.settings, compareModels: options.compareModels, cwd: options.cwd, fileSamples: options.fileSamples },
  }));
  let next = 0;
  let filesDone = 0;
  let bytesDone = 0;
  let pending = 0;

  return new Promise<FileResult[]>((resolve, reject) => {
    const finish = (error?: Error): void => {
      for (const worker of pool) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker): void => {
      if (next >= batches.length) {
        if (pending === 0) finish();
        return;
      }
      const id = next++;
      pending++;
      worker.postMessage({ id, jobs: batches[id].jobs } satisfies BatchRequest);
    };
    for (const worker of pool) {
      worker.on('message', (reply: BatchReply) => {
        pending--;
        const start = batches[reply.id].start;
        reply.results.forEach((result, i) => {
          results[start + i] = result;
          filesDone++;
          bytesDone += result.bytes;
        });
        options.onProgress?.(filesDone, bytesDone);
        feed(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (code !== 0 && filesDone < jobs.length) finish(new Error(`scan worker exited with code ${code}`));
      });
      feed(worker);
    }
  });
}
