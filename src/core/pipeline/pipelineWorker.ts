/**
 * Worker thread of the document pipeline, for both faces: the editor's documents and the CLI's file scans
 * are parsed, found, counted and priced here, never on the sender's thread. Bundled as
 * dist/pipelineWorker.js; started by `PipelineClient`.
 */
import { parentPort, workerData } from 'worker_threads';
import { DocumentPipeline } from './documentPipeline';
import { PIPELINE_WORKER_KIND, type WorkerRequest } from './pipelineProtocol';

/** Short enough that a newer request for the same document is noticed quickly. */
const WORKER_SLICE_MS = 8;

if (parentPort && workerData?.kind === PIPELINE_WORKER_KIND) {
  const port = parentPort;
  const pipeline = new DocumentPipeline({ sliceMs: WORKER_SLICE_MS });
  port.on('message', (request: WorkerRequest) => {
    void pipeline.submit(request).then((reply) => {
      if (reply) port.postMessage(reply);
    });
  });
}
