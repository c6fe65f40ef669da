/**
 * Worker thread that finds the prompts of documents and estimates them, so tree-sitter parsing, the
 * finders' tree walks, tokenizer loading and token counting never run on the extension host's thread.
 * Bundled as dist/promptWorker.js; imports nothing from `vscode`.
 */
import { parentPort, workerData } from 'worker_threads';
import { PromptWorkerEngine } from './promptWorkerEngine';
import { PROMPT_WORKER_KIND, type WorkerRequest } from './promptWorkerProtocol';

/** Short enough that a newer request for the same document is noticed quickly. */
const WORKER_SLICE_MS = 8;

if (parentPort && workerData?.kind === PROMPT_WORKER_KIND) {
  const port = parentPort;
  const engine = new PromptWorkerEngine({ sliceMs: WORKER_SLICE_MS });
  port.on('message', (request: WorkerRequest) => {
    void engine.submit(request).then((reply) => {
      if (reply) port.postMessage(reply);
    });
  });
}
