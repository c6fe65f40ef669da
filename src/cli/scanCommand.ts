/** `prompt-cost scan [paths…] [--models m1,m2] [--json | --format table|json|sarif] [--fail-over USD] [--fail-over-max USD]` */
import * as path from 'path';
import { listSourceFiles } from '../core/scan/sourceFiles';
import { numberFindings, SCAN_SCHEMA_VERSION } from '../core/scan/finding';
import { markImportedCalls } from '../core/scan/importedCalls';
import { formatUsd } from '../core/pricing/formatUsd';
import { listFlag, numberFlag, parseArgs, UsageError } from './args';
import type { CliIo } from './cliIo';
import { loadCliSettings } from './cliSettings';
import { displayPath } from '../core/scan/displayPath';
import { scanAll, type ScanRequest } from './scanPool';
import { loadUsage } from './usageSource';
import { renderTable } from './scanReport';
import { callsOverLimit, scanTotals } from '../core/scan/callLimits';
import { toSarif } from './sarifReport';
import { vocabulariesFromEnv } from './vocabulariesEnv';
import { exactCountsFromEnv, KEY_ENV, type CliExactCounts } from './exactCountsEnv';
import { scanWithExactCounts } from './exactCountsScan';

export const SCAN_HELP = `Usage: prompt-cost scan [paths…] [options]

Finds the LLM calls and prompts in source code and prompt files and prices each call once,
whole: its messages, framing, tools, output and reasoning.

Options:
  --models m1,m2      also price every call on these models (each call is always priced on
                      the model its code calls, or the default models)
  --json              print the calls and prompts as JSON (schema version 2,
                      docs/scan-schema-v2.json); same as --format json
  --format F          table (default), json, or sarif (SARIF 2.1.0: one result per call over
                      --fail-over / --fail-over-max, for code-scanning annotations)
  --fail-over USD     exit 1 when any call's typical cost is over USD (CI guardrail)
  --fail-over-max USD exit 1 when any call's maximum cost (its whole output cap) is over USD
  --config FILE       read settings from FILE instead of the nearest .promptcost.yml
  --workers N         worker threads (0 = scan in-process; default: one per core)
  --no-progress       never print progress on stderr
  --exact-counts      count the input of each call on a Claude or Gemini model with the
                      provider's own free count endpoint (Anthropic count_tokens, Gemini
                      countTokens): sends the call's messages and tools there. Keys from
                      ANTHROPIC_API_KEY / GEMINI_API_KEY (only providers with a key are
                      asked); PROMPT_COST_ANTHROPIC_COUNT_URL / PROMPT_COST_GEMINI_COUNT_URL
                      replace the official URLs (http only to this machine). Counts are
                      cached in the user cache folder; the figures say "exact (Anthropic API)".

Environment:
  PROMPT_COST_VOCABULARIES  your own Llama 3 / Gemma 3 tokenizer.json files, as JSON
                      ({"llama3": "~/models/Meta-Llama-3-8B/tokenizer.json"}): those models (and
                      Gemini 2.x/3) are then counted exactly; a file that fails its checks is not
                      used and the finding's counting basis says why (see prompt-cost count --help).
`;

/** The usage section of `.promptcost.yml`, whose entries' `outputTokens` set call sites' typical output; a broken one is a warning here. */
function usageOfConfig(configFile: string | null, io: CliIo): ScanRequest['usage'] {
  try {
    const loaded = loadUsage(io.cwd, undefined, configFile);
    return loaded ? { usage: loaded.usage, dir: path.dirname(loaded.file) } : undefined;
  } catch (error) {
    io.stderr(`warning: usage section ignored: ${(error as Error).message}\n`);
    return undefined;
  }
}

export async function scanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['models', 'fail-over', 'fail-over-max', 'config', 'workers', 'format'], switches: ['json', 'no-progress', 'help', 'exact-counts'] });
  if (args.switches.has('help')) {
    io.stdout(SCAN_HELP);
    return 0;
  }
  const compareModels = listFlag(args, 'models') ?? [];
  const failOver = numberFlag(args, 'fail-over');
  const failOverMax = numberFlag(args, 'fail-over-max');
  const format = args.switches.has('json') ? 'json' : args.values.get('format') ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format must be table, json or sarif, got '${format}'`);
  const workers = numberFlag(args, 'workers');
  if (workers !== undefined && !Number.isInteger(workers)) throw new UsageError('--workers must be a whole number');
  const roots = args.positionals.length ? args.positionals : ['.'];
  // Nothing is sent anywhere unless asked for with --exact-counts (and a key is set).
  const exact = args.switches.has('exact-counts') ? exactCountsFromEnv(io.env, io.cwd) : null;
  if (args.switches.has('exact-counts') && !exact) throw new UsageError(`--exact-counts needs ${KEY_ENV.anthropic} or ${KEY_ENV.gemini} in the environment`);

  const { settings, configFile, config, problems } = loadCliSettings(io.cwd, roots[0], args.values.get('config'));
  // The user's own Llama 3 / Gemma 3 vocabularies travel with the settings to the pipeline worker.
  const vocabularies = vocabulariesFromEnv(io.env, io.cwd);
  if (vocabularies) settings.vocabularies = vocabularies;
  for (const problem of problems) io.stderr(`warning: ${problem}\n`);
  if (configFile) io.stderr(`using ${displayPath(configFile, io.cwd)}\n`);

  const started = process.hrtime.bigint();
  const listing = listSourceFiles(roots.map((r) => path.resolve(io.cwd, r)), settings.maxFileBytes);
  const missing = listing.skipped.filter((s) => s.reason === 'not found');
  if (missing.length === roots.length) throw new UsageError(`no such file or directory: ${roots.join(', ')}`);

  const showProgress = !args.switches.has('no-progress') && listing.files.length >= 200;
  let lastProgress = 0;
  const scanRequest: ScanRequest = {
    settings,
    compareModels,
    cwd: io.cwd,
    fileSamples: configFile && config?.fileSamples?.length ? { configDir: path.dirname(configFile), rules: config.fileSamples } : undefined,
    usage: usageOfConfig(configFile, io),
    workers,
    log: { debug: () => undefined, warn: (message) => io.stderr(`warning: ${message}\n`), error: (message, error) => io.stderr(`warning: ${message}: ${(error as Error | undefined)?.message ?? error}\n`) },
    onProgress: showProgress ? (done, bytes) => {
      const now = Date.now();
      if (now - lastProgress < 500 && done < listing.files.length) return;
      lastProgress = now;
      io.stderr(`scanned ${done}/${listing.files.length} files (${(bytes / 1e6).toFixed(1)} MB)\n`);
    } : undefined,
  };
  const results = exact ? await exactScan(listing.files, scanRequest, exact, io, !args.switches.has('no-progress')) : await scanAll(listing.files, scanRequest);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const findings = markImportedCalls(numberFindings(results.map((r) => r.findings)));
  const skipped = [
    ...listing.skipped.map((s) => ({ path: displayPath(s.path, io.cwd), reason: s.reason })),
    ...results.flatMap((r, i) => (r.skipped ? [{ path: displayPath(listing.files[i].path, io.cwd), reason: r.skipped }] : [])),
  ];

  const overLimit = callsOverLimit(findings.calls, failOver, failOverMax);
  if (format === 'json') io.stdout(`${JSON.stringify({ schemaVersion: SCAN_SCHEMA_VERSION, ...findings, totals: scanTotals(findings.calls) }, null, 2)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(toSarif(overLimit, { failOver, failOverMax }), null, 2)}\n`);
  else io.stdout(`${renderTable(findings, {
    filesScanned: listing.files.length,
    filesParsed: results.filter((r) => r.parsed).length,
    bytes: results.reduce((s, r) => s + r.bytes, 0),
    seconds,
    skipped,
  })}\n`);

  if (overLimit.length) {
    for (const { call, over } of overLimit) {
      const e = call.estimates[0];
      const figure = over === 'typical' ? `${formatUsd(e.cost?.typical)} typical, over ${formatUsd(failOver)}` : `${formatUsd(e.cost?.max)} at most, over ${formatUsd(failOverMax)}`;
      io.stderr(`over the limit: ${call.file}:${call.startLine} ${e.model} ${figure} per call\n`);
    }
    return 1;
  }
  return 0;
}

/** The scan with provider counts; what was asked and what failed goes to stderr (stdout stays the report). */
async function exactScan(files: Parameters<typeof scanAll>[0], request: ScanRequest, exact: CliExactCounts, io: CliIo, showProgress: boolean) {
  let lastProgress = 0;
  const { results, summary } = await scanWithExactCounts(files, request, exact, showProgress ? (done, total) => {
    const now = Date.now();
    if (total < 20 || (now - lastProgress < 5000 && done < total)) return;
    lastProgress = now;
    io.stderr(`exact counts: ${done}/${total}\n`);
  } : undefined);
  if (summary.asked > 0) io.stderr(`exact counts: ${summary.counted} of ${summary.asked} calls (${summary.fromCache} from the cache)\n`);
  for (const failure of summary.failures) io.stderr(`warning: exact counts: ${failure}\n`);
  return results;
}
