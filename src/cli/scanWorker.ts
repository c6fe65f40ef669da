/** Worker-thread entry: scans batches of files sent by the pool in scanPool.ts. */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import type { EngineSettings } from '../core/config/engineSettings';
import { createEstimateContext } from '../core/estimate/estimateContext';
import { scanFileJob, type FileJob, type FileResult, type FileSampleRules } from './scanJob';

/** Marks worker threads started by the scan pool (the CLI bundle is its own worker script). */
export const SCAN_WORKER_KIND = 'prompt-cost-scan';

interface WorkerInput {
  kind: typeof SCAN_WORKER_KIND;
  settings: EngineSettings;
  compareModels: string[];
  cwd: string;
  fileSamples?: FileSampleRules;
}

export interface BatchRequest {
  id: number;
  jobs: FileJob[];
}

export interface BatchReply {
  id: number;
  results: FileResult[];
}

if (!isMainThread && parentPort && (workerData as WorkerInput | undefined)?.kind === SCAN_WORKER_KIND) {
  const port = parentPort;
  const input = workerData as WorkerInput;
  const ctx = createEstimateContext(input.settings, input.compareModels);
  port.on('message', async (request: BatchRequest) => {
    const results: FileResult[] = [];
    for (const job of request.jobs) results.push(await scanFileJob(job, ctx, input.cwd, input.fileSamples));
    port.postMessage({ id: request.id, results } satisfies BatchReply);
  });
}
