/** `prompt-cost scan [paths…] [--models m1,m2] [--json] [--fail-over USD]` */
import * as path from 'path';
import { listSourceFiles } from '../core/scan/sourceFiles';
import type { Finding } from '../core/scan/finding';
import { formatUsd } from '../core/pricing/formatUsd';
import { listFlag, numberFlag, parseArgs, UsageError } from './args';
import type { CliIo } from './cliIo';
import { loadCliSettings } from './cliSettings';
import { displayPath } from '../core/scan/displayPath';
import { scanAll } from './scanPool';
import { renderTable } from './scanReport';

export const SCAN_HELP = `Usage: prompt-cost scan [paths…] [options]

Finds the prompts in source code and prompt files and estimates tokens and cost per call.

Options:
  --models m1,m2      also estimate every prompt for these models (each prompt is always
                      estimated for the model its code calls, or the default models)
  --json              print one JSON array of findings
  --fail-over USD     exit 1 when any prompt costs more than USD per call (CI guardrail)
  --config FILE       read settings from FILE instead of the nearest .promptcost.yml
  --workers N         worker threads (0 = scan in-process; default: one per core)
  --no-progress       never print progress on stderr
`;

export async function scanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, { values: ['models', 'fail-over', 'config', 'workers'], switches: ['json', 'no-progress', 'help'] });
  if (args.switches.has('help')) {
    io.stdout(SCAN_HELP);
    return 0;
  }
  const compareModels = listFlag(args, 'models') ?? [];
  const failOver = numberFlag(args, 'fail-over');
  const workers = numberFlag(args, 'workers');
  if (workers !== undefined && !Number.isInteger(workers)) throw new UsageError('--workers must be a whole number');
  const roots = args.positionals.length ? args.positionals : ['.'];

  const { settings, configFile, config, problems } = loadCliSettings(io.cwd, roots[0], args.values.get('config'));
  for (const problem of problems) io.stderr(`warning: ${problem}\n`);
  if (configFile) io.stderr(`using ${displayPath(configFile, io.cwd)}\n`);

  const started = process.hrtime.bigint();
  const listing = listSourceFiles(roots.map((r) => path.resolve(io.cwd, r)), settings.maxFileBytes);
  const missing = listing.skipped.filter((s) => s.reason === 'not found');
  if (missing.length === roots.length) throw new UsageError(`no such file or directory: ${roots.join(', ')}`);

  const showProgress = !args.switches.has('no-progress') && listing.files.length >= 200;
  let lastProgress = 0;
  const results = await scanAll(listing.files, {
    settings,
    compareModels,
    cwd: io.cwd,
    fileSamples: configFile && config?.fileSamples?.length ? { configDir: path.dirname(configFile), rules: config.fileSamples } : undefined,
    workers,
    log: { debug: () => undefined, warn: (message) => io.stderr(`warning: ${message}\n`), error: (message, error) => io.stderr(`warning: ${message}: ${(error as Error | undefined)?.message ?? error}\n`) },
    onProgress: showProgress ? (done, bytes) => {
      const now = Date.now();
      if (now - lastProgress < 500 && done < listing.files.length) return;
      lastProgress = now;
      io.stderr(`scanned ${done}/${listing.files.length} files (${(bytes / 1e6).toFixed(1)} MB)\n`);
    } : undefined,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const findings: Finding[] = results.flatMap((r) => r.findings);
  const skipped = [
    ...listing.skipped.map((s) => ({ path: displayPath(s.path, io.cwd), reason: s.reason })),
    ...results.flatMap((r, i) => (r.skipped ? [{ path: displayPath(listing.files[i].path, io.cwd), reason: r.skipped }] : [])),
  ];

  if (args.switches.has('json')) io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else io.stdout(`${renderTable(findings, {
    filesScanned: listing.files.length,
    filesParsed: results.filter((r) => r.parsed).length,
    bytes: results.reduce((s, r) => s + r.bytes, 0),
    seconds,
    skipped,
  })}\n`);

  if (failOver !== undefined) {
    const over = findings.filter((f) => (f.estimates[0]?.costPerCall ?? 0) > failOver);
    if (over.length) {
      for (const f of over) io.stderr(`over ${formatUsd(failOver)}/call: ${f.file}:${f.startLine} ${f.estimates[0].model} ${formatUsd(f.estimates[0].costPerCall)}\n`);
      return 1;
    }
  }
  return 0;
}
