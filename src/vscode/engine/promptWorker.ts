/**
 * Worker thread that parses documents and finds their prompts, so tree-sitter parsing and the finders'
 * tree walks never run on the extension host's thread. Keeps one tree per document and re-parses
 * incrementally after edits. Bundled as dist/promptWorker.js; imports nothing from `vscode`.
 */
import { parentPort, workerData } from 'worker_threads';
import { IncrementalPromptParser } from '../../core/editor/incrementalPromptParser';
import { warmGrammar } from '../../core/prompts/findPrompts';
import { PROMPT_WORKER_KIND, type WorkerReply, type WorkerRequest } from './promptWorkerProtocol';

if (parentPort && workerData?.kind === PROMPT_WORKER_KIND) {
  const port = parentPort;
  const parser = new IncrementalPromptParser();
  // Requests are handled one at a time, in order, so edits and finds of one document never interleave.
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(() => handle(request)).catch(() => undefined);
  });

  async function handle(request: WorkerRequest): Promise<void> {
    if (request.type === 'forget') {
      parser.forget(request.key);
      return;
    }
    const started = performance.now();
    try {
      await warmGrammar(request.filePath);
      const before = { ...parser.counts };
      parser.edit(request.key, request.edits);
      const prompts = parser.find(request.key, request.text, request.filePath) ?? [];
      const parse = parser.counts.incremental > before.incremental ? 'incremental' : parser.counts.full > before.full ? 'full' : 'none';
      const reply: WorkerReply = { id: request.id, prompts, parse, ms: performance.now() - started };
      port.postMessage(reply);
    } catch (error) {
      const reply: WorkerReply = { id: request.id, error: error instanceof Error ? error.stack ?? error.message : String(error) };
      port.postMessage(reply);
    }
  }
}
