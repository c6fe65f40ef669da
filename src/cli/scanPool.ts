/**
 * Spreads a scan's files over pipeline workers (the same worker and protocol as the editor's). Parsing and
 * tokenizing are CPU-bound, so large trees use one worker per core; small ones stay in-process, where
 * starting workers would cost more than it saves.
 */
import * as os from 'os';
import type { EngineSettings } from '../core/config/engineSettings';
import type { FileResult, FileSampleRules, FileScan, ScanOptions } from '../core/pipeline/fileScan';
import { PipelineClient, type PipelineLog } from '../core/pipeline/pipelineClient';

export interface ScanRequest {
  settings: EngineSettings;
  /** Estimated for every prompt after the models of the settings (`--models`). */
  compareModels: string[];
  cwd: string;
  fileSamples?: FileSampleRules;
  usage?: ScanOptions['usage'];
  /** Worker count; 0 forces in-process scanning. Default: one per available core, at most 8. */
  workers?: number;
  onProgress?: (filesDone: number, bytesDone: number) => void;
  /** Where a worker's failure is reported (the scan goes on in-process). */
  log?: PipelineLog;
  /** `--exact-counts`: the providers to build count requests for, and the counts already fetched. */
  exactCounts?: ScanOptions['exactCounts'];
}

const IN_PROCESS_MAX_FILES = 48;
const IN_PROCESS_MAX_BYTES = 2 * 1024 * 1024;
const BATCH_MAX_FILES = 64;
const BATCH_MAX_BYTES = 1024 * 1024;

const SILENT: PipelineLog = { debug: () => undefined, warn: () => undefined, error: () => undefined };

export async function scanAll(files: readonly (FileScan & { size: number })[], request: ScanRequest): Promise<FileResult[]> {
  const options: ScanOptions = {
    settings: { ...request.settings, compareModels: [...request.settings.compareModels, ...request.compareModels] },
    cwd: request.cwd,
    ...(request.fileSamples ? { fileSamples: request.fileSamples } : {}),
    ...(request.usage ? { usage: request.usage } : {}),
    ...(request.exactCounts ? { exactCounts: request.exactCounts } : {}),
  };
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  const workers = request.workers ?? Math.min(os.availableParallelism(), 8);
  const inProcess = workers === 0 || (files.length <= IN_PROCESS_MAX_FILES && totalBytes <= IN_PROCESS_MAX_BYTES);
  const batches = inProcess ? files.map((file, start) => ({ start, files: [file] })) : batchesOf(files);
  const count = inProcess ? 1 : Math.max(1, Math.min(workers, batches.length));
  const clients = Array.from({ length: count }, () => new PipelineClient(request.log ?? SILENT, { inProcess, keepProcessAlive: true, hostThread: 'the main thread' }));
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  let filesDone = 0;
  let bytesDone = 0;
  let failed = false;
  const drain = async (client: PipelineClient): Promise<void> => {
    while (next < batches.length && !failed) {
      const batch = batches[next++];
      const scanned = await client.scanFiles(batch.files.map(({ path, language }) => ({ path, language })), options);
      scanned.forEach((result, i) => {
        results[batch.start + i] = result;
        filesDone++;
        bytesDone += result.bytes;
      });
      request.onProgress?.(filesDone, bytesDone);
    }
  };
  try {
    // The first failure stops every client from taking another batch; the scan fails with it.
    await Promise.all(clients.map((client) => drain(client).catch((error: unknown) => {
      failed = true;
      throw error;
    })));
  } finally {
    for (const client of clients) client.dispose();
  }
  return results;
}

function batchesOf(files: readonly (FileScan & { size: number })[]): { start: number; files: FileScan[] }[] {
  const batches: { start: number; files: FileScan[] }[] = [];
  let current: FileScan[] = [];
  let bytes = 0;
  let start = 0;
  files.forEach((file, index) => {
    if (current.length && (current.length >= BATCH_MAX_FILES || bytes + file.size > BATCH_MAX_BYTES)) {
      batches.push({ start, files: current });
      current = [];
      bytes = 0;
      start = index;
    }
    current.push({ path: file.path, language: file.language });
    bytes += file.size;
  });
  if (current.length) batches.push({ start, files: current });
  return batches;
}
