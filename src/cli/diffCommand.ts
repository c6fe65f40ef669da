/**
 * `prompt-cost diff --base <ref>`: the change in monthly cost per LLM call between a git revision and the
 * working tree, as a Markdown table for a pull-request comment.
 *
 * Both trees are scanned with the working tree's settings and prices, and by default priced with the
 * working tree's usage file, so the diff shows what the code changes cost at the same traffic;
 * `--base-usage FILE` prices the base with FILE as it is in the base revision instead.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatUsd } from '../core/pricing/formatUsd';
import { loadDefaultPriceTable } from '../core/pricing/priceTable';
import { diffCosts } from '../core/simulate/costDiff';
import { costDiffToMarkdown, formatSignedUsd } from '../core/simulate/costDiffMarkdown';
import { parseArgs, UsageError } from './args';
import type { CliIo } from './cliIo';
import { loadCliSettings } from './cliSettings';
import { checkoutBaseTree } from './gitBaseTree';
import { displayPath } from '../core/scan/displayPath';
import { scanTree, workersFlag } from './simulateScan';
import { loadUsage, NO_USAGE_MESSAGE, profileFlag, readUsageFile, usageFileKey } from './usageSource';

export const DIFF_HELP = `Usage: prompt-cost diff --base <git-ref> [paths…] [options]

The change in monthly cost per LLM call between a git revision and the working tree, as a Markdown table
ready for a pull-request comment (call, model, before, after, delta, %), with totals. Each call is priced
whole: every prompt it sends, the request framing, its output and reasoning.

Options:
  --base REF                 the revision to compare with, e.g. main or origin/main (required)
  --usage FILE               usage file (default: the \`usage\` section of .promptcost.yml); see 'simulate --help'
  --base-usage FILE          price the base revision with FILE as it is in that revision (default: the
                             working tree's usage data for both sides, so only code changes count)
  --profile NAME             low, expected or high (default: usage.profile, else expected)
  --fail-over-increase USD   exit 1 when the total monthly increase is above USD (CI guardrail)
  --all                      also list calls whose cost did not change
  --json                     print the diff as JSON
  --config FILE              read settings from FILE instead of the nearest .promptcost.yml
  --workers N                scan worker threads (0 = in-process)

Calls are paired by file and the variable name of their prompts, else by file and similar text of their
prompts at the nearest line; the rest are added or removed. Exit codes: 0 ok, 1 increase over the limit, 2 bad arguments or unknown revision.
`;

export async function diffCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: ['base', 'usage', 'base-usage', 'profile', 'fail-over-increase', 'config', 'workers'],
    switches: ['json', 'all', 'help'],
  });
  if (args.switches.has('help')) {
    io.stdout(DIFF_HELP);
    return 0;
  }
  const ref = args.values.get('base');
  if (ref === undefined) throw new UsageError('--base <git-ref> is required');
  const profile = profileFlag(args.values.get('profile'));
  const workers = workersFlag(args);
  const failOverRaw = args.values.get('fail-over-increase');
  const failOverIncrease = failOverRaw === undefined ? undefined : Number(failOverRaw);
  if (failOverIncrease !== undefined && (failOverRaw!.trim() === '' || !Number.isFinite(failOverIncrease))) {
    throw new UsageError(`--fail-over-increase must be an amount in USD, got '${failOverRaw}'`);
  }
  const roots = args.positionals.length ? args.positionals : ['.'];

  const { settings, configFile, config, problems } = loadCliSettings(io.cwd, roots[0], args.values.get('config'));
  for (const problem of problems) io.stderr(`warning: ${problem}\n`);
  const loaded = loadUsage(io.cwd, args.values.get('usage'), configFile);
  if (!loaded) throw new UsageError(NO_USAGE_MESSAGE);

  const base = await checkoutBaseTree(io.cwd, ref);
  try {
    const baseCwd = base.toBase(io.cwd);
    let baseUsage;
    let baseUsageDir = base.toBase(path.dirname(loaded.file));
    const baseUsageFlag = args.values.get('base-usage');
    if (baseUsageFlag !== undefined) {
      const inBase = base.toBase(path.resolve(io.cwd, baseUsageFlag));
      if (!fs.existsSync(inBase)) throw new UsageError(`--base-usage: ${baseUsageFlag} does not exist in ${ref}`);
      baseUsage = readUsageFile(inBase, `${ref}:${displayPath(path.resolve(io.cwd, baseUsageFlag), io.cwd)}`, true);
      baseUsageDir = path.dirname(inBase);
    }

    const head = await scanTree({ settings, cwd: io.cwd, roots: roots.map((r) => path.resolve(io.cwd, r)), configFile, config, workers, requireRoots: true });
    const baseFindings = await scanTree({
      settings,
      cwd: baseCwd,
      roots: roots.map((r) => base.toBase(path.resolve(io.cwd, r))),
      configFile: configFile ? base.toBase(configFile) : null,
      config,
      workers,
    });
    const prices = loadDefaultPriceTable({ overrides: settings.priceOverrides, aliases: settings.modelAliases });
    const diff = diffCosts(baseFindings, head, {
      usage: loaded.usage,
      baseUsage,
      profile,
      prices,
      fileKey: usageFileKey(io.cwd, path.dirname(loaded.file)),
      baseFileKey: usageFileKey(baseCwd, baseUsageDir),
    });

    if (args.switches.has('json')) io.stdout(`${JSON.stringify({ base: ref, commit: base.commit, ...diff }, null, 2)}\n`);
    else io.stdout(costDiffToMarkdown(diff, { showUnchanged: args.switches.has('all'), baseLabel: ref }));

    if (failOverIncrease !== undefined && diff.totals.delta > failOverIncrease) {
      io.stderr(`monthly cost increase ${formatSignedUsd(diff.totals.delta)} is over the limit of ${formatUsd(failOverIncrease)}\n`);
      return 1;
    }
    return 0;
  } finally {
    base.remove();
  }
}
