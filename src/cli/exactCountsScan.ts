/**
 * `scan --exact-counts`: a first pass finds the calls and the provider counts they need (the workers
 * never touch the network), the main thread asks the providers (cache first, paced, a few at a time), and
 * the files with answers are scanned again with them, so every figure, total and limit uses the exact
 * input. A provider that refuses the key (or cannot be reached at all) is not asked again in this run;
 * its calls keep their ≈ figure, and stderr says why.
 */
import type { ExactCountsInput, ProviderCountRequest } from '../core/exactCounts/countProviders';
import type { FileResult, FileScan } from '../core/pipeline/fileScan';
import { SpendError } from '../core/spend/spendTypes';
import type { CliExactCounts } from './exactCountsEnv';
import { scanAll, type ScanRequest } from './scanPool';

/** Requests in flight at once (the token bucket paces them further). */
const CONCURRENCY = 4;
/** A failure of this kind will fail every other request to the same provider: stop asking it. */
const FATAL: ReadonlySet<string> = new Set(['unauthorized', 'no-key', 'not-configured']);

export interface ExactCountsSummary {
  asked: number;
  counted: number;
  fromCache: number;
  /** One line per distinct failure, with how many calls it left ≈. */
  failures: string[];
}

export async function scanWithExactCounts(
  files: readonly (FileScan & { size: number })[],
  request: ScanRequest,
  exact: CliExactCounts,
  progress?: (done: number, total: number) => void,
): Promise<{ results: FileResult[]; summary: ExactCountsSummary }> {
  const first = await scanAll(files, { ...request, exactCounts: { providers: exact.providers, known: {} } });
  const unique = new Map<string, ProviderCountRequest>();
  for (const result of first) for (const r of result.countRequests ?? []) unique.set(r.key, r);
  const { known, summary } = await askAll([...unique.values()], exact, progress);
  await exact.client.flush();
  const again = first.flatMap((result, i) => ((result.countRequests ?? []).some((r) => known[r.key] !== undefined) ? [i] : []));
  if (again.length === 0) return { results: first, summary };
  const input: ExactCountsInput = { providers: exact.providers, known };
  const rescanned = await scanAll(again.map((i) => files[i]), { ...request, onProgress: undefined, exactCounts: input });
  const results = [...first];
  again.forEach((fileIndex, i) => (results[fileIndex] = rescanned[i]));
  return { results, summary };
}

async function askAll(requests: ProviderCountRequest[], exact: CliExactCounts, progress?: (done: number, total: number) => void): Promise<{ known: Record<string, number>; summary: ExactCountsSummary }> {
  const known: Record<string, number> = {};
  const summary: ExactCountsSummary = { asked: requests.length, counted: 0, fromCache: 0, failures: [] };
  const failures = new Map<string, number>();
  const blocked = new Set<string>();
  let done = 0;
  const fail = (message: string) => failures.set(message, (failures.get(message) ?? 0) + 1);
  const ask = async (request: ProviderCountRequest): Promise<void> => {
    if (blocked.has(request.provider)) fail(`${request.provider}: not asked after an earlier failure`);
    else {
      try {
        const outcome = await exact.client.count(request);
        known[request.key] = outcome.tokens;
        summary.counted++;
        if (outcome.source === 'cache') summary.fromCache++;
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
        if (error instanceof SpendError && FATAL.has(error.category)) blocked.add(request.provider);
      }
    }
    progress?.(++done, requests.length);
  };
  // Each provider's first request goes alone: a refused key then costs one request, not one per call.
  const firsts = exact.providers.map((provider) => requests.find((r) => r.provider === provider)).filter((r): r is ProviderCountRequest => r !== undefined);
  await Promise.all(firsts.map(ask));
  const rest = requests.filter((r) => !firsts.includes(r));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < rest.length) await ask(rest[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rest.length) }, worker));
  summary.failures = [...failures].map(([message, count]) => `${message} (${count} call${count === 1 ? '' : 's'} left ≈)`);
  return { known, summary };
}
