/**
 * `prompt-cost simulate`: monthly cost of the LLM calls whose volume a usage file gives (workspace mode),
 * each priced whole (every prompt it sends, the framing, its output and reasoning), or of one ad-hoc case
 * described by flags (`--model … --requests-per-day … --input-tokens …`).
 */
import * as path from 'path';
import { loadDefaultPriceTable } from '../core/pricing/priceTable';
import { formatUsd } from '../core/pricing/formatUsd';
import { simulateModels, SimulationInputError } from '../core/simulate/modelComparison';
import { flexShareOf, SIMULATION_DEFAULTS, type SimulationInputs } from '../core/simulate/simulationInputs';
import { toMarkdown } from '../core/simulate/simulationMarkdown';
import { simulateWorkspace } from '../core/simulate/workspaceSimulation';
import { workspaceToMarkdown } from '../core/simulate/workspaceMarkdown';
import { listFlag, numberFlag, parseArgs, UsageError, type ParsedArgs } from './args';
import type { CliIo } from './cliIo';
import { loadCliSettings } from './cliSettings';
import { displayPath } from '../core/scan/displayPath';
import { scanTree, workersFlag } from './simulateScan';
import { loadUsage, NO_USAGE_MESSAGE, profileFlag, usageFileKey } from './usageSource';

export const SIMULATE_HELP = `Usage: prompt-cost simulate [paths…] [--usage FILE] [--profile low|expected|high] [--json]
       prompt-cost simulate --model M --requests-per-day N --input-tokens N [options] [--json]

Monthly cost of your LLM calls at the traffic you expect, with a ${SIMULATION_DEFAULTS.projectionMonths}-month projection.

Workspace mode scans like 'scan' and prices every call that the usage data describes, whole: the input
of all its prompts with the request framing, tools and schema, and its output with any reasoning.
  --usage FILE            usage file (default: the \`usage\` section of .promptcost.yml), e.g.
                            usage:
                              monthlyBudget: 500
                              acceptableModels: [gpt-4o-mini]
                              defaults: { requestsPerDay: 1000, cacheHitRate: 0.25 }
                              prompts:
                                - file: python/support_bot.py   # relative to the usage file
                                  line: 12                      # the call's line, or one of its prompts'
                                                                # (or name: SYSTEM_PROMPT: its calls)
                                  requestsPerDay: { low: 500, expected: 2000, high: 8000 }
                                  outputTokens: 300
                                  growth: 0.05                  # +5 % a month, compounded
  --profile NAME          low, expected or high (default: usage.profile, else expected)

Ad-hoc mode prices one case:
  --model M               model id (default: the first of the configured models)
  --requests-per-day N    requests per day (required)
  --input-tokens N        input tokens per request (required)
  --output-tokens N       output tokens per request, reasoning included (default: expectedOutputTokens)
  --days N                days per month (default ${SIMULATION_DEFAULTS.daysPerMonth})
  --cache-hit-rate R      share of requests answered by your response cache (0–1, default 0)
  --cached-prefix-share R share of input tokens read from the provider's prompt cache (0–1, default 0)
  --batch-share R         share of requests sent through the batch API (0–1, default 0)
  --flex-share R          share of requests on the flex tier, OpenAI's service_tier "flex" (0–1, default 0)
  --growth R              monthly growth, compounded (0.05 = +5 %, default 0)
  --models m1,m2          compare with these models
  --acceptable-models m1  models you would accept: the cheapest one's saving is shown

Both modes:
  --budget USD            monthly budget (default: usage.monthlyBudget)
  --fail-over-budget      exit 1 when the first month's cost is over the budget
  --json                  print JSON (ad-hoc: { "model", "monthlyCost", "months": [${SIMULATION_DEFAULTS.projectionMonths} values], … })
  --config FILE           read settings from FILE instead of the nearest .promptcost.yml
  --workers N             scan worker threads (0 = in-process)

Costs are USD; a model without a price shows "no price" (null in JSON), never $0.
`;

const AD_HOC_FLAGS = ['model', 'requests-per-day', 'input-tokens', 'output-tokens', 'days', 'cache-hit-rate', 'cached-prefix-share', 'batch-share', 'flex-share', 'growth', 'models', 'acceptable-models'];

export async function simulateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: ['usage', 'profile', 'config', 'workers', 'budget', ...AD_HOC_FLAGS],
    switches: ['json', 'help', 'fail-over-budget'],
  });
  if (args.switches.has('help')) {
    io.stdout(SIMULATE_HELP);
    return 0;
  }
  const adHoc = AD_HOC_FLAGS.some((flag) => args.values.has(flag));
  if (adHoc) {
    for (const flag of ['usage', 'profile']) if (args.values.has(flag)) throw new UsageError(`--${flag} belongs to workspace mode, not to an ad-hoc --model case`);
    if (args.positionals.length) throw new UsageError(`paths are not used with an ad-hoc case: ${args.positionals.join(' ')}`);
    return simulateAdHoc(args, io);
  }
  return simulateUsage(args, io);
}

async function simulateAdHoc(args: ParsedArgs, io: CliIo): Promise<number> {
  const { settings, configFile, problems } = loadCliSettings(io.cwd, '.', args.values.get('config'));
  for (const problem of problems) io.stderr(`warning: ${problem}\n`);
  const required = (flag: string): number => {
    const value = numberFlag(args, flag);
    if (value === undefined) throw new UsageError(`--${flag} is required for an ad-hoc case`);
    return value;
  };
  const inputs: SimulationInputs = {
    requestsPerDay: required('requests-per-day'),
    inputTokens: required('input-tokens'),
    outputTokens: numberFlag(args, 'output-tokens') ?? settings.expectedOutputTokens,
    daysPerMonth: numberFlag(args, 'days') ?? SIMULATION_DEFAULTS.daysPerMonth,
    cacheHitRate: numberFlag(args, 'cache-hit-rate') ?? SIMULATION_DEFAULTS.cacheHitRate,
    cachedPrefixShare: numberFlag(args, 'cached-prefix-share') ?? SIMULATION_DEFAULTS.cachedPrefixShare,
    batchShare: numberFlag(args, 'batch-share') ?? SIMULATION_DEFAULTS.batchShare,
    ...flexShareOf(numberFlag(args, 'flex-share')),
    growth: growthFlag(args) ?? SIMULATION_DEFAULTS.growth,
  };
  // Budget and acceptable models may come from the usage section, but a broken or absent one is no reason to fail here.
  let usageBudget: number | null = null;
  let usageAcceptable: string[] = [];
  try {
    const loaded = loadUsage(io.cwd, undefined, configFile);
    usageBudget = loaded?.usage.monthlyBudget ?? null;
    usageAcceptable = loaded?.usage.acceptableModels ?? [];
  } catch (error) {
    io.stderr(`warning: usage section ignored for the budget and acceptable models: ${(error as Error).message}\n`);
  }
  const prices = loadDefaultPriceTable({ overrides: settings.priceOverrides, aliases: settings.modelAliases });
  let result;
  try {
    result = simulateModels({
      model: args.values.get('model')?.trim() || settings.models[0],
      compareModels: listFlag(args, 'models') ?? settings.compareModels,
      acceptableModels: listFlag(args, 'acceptable-models') ?? usageAcceptable,
      monthlyBudget: numberFlag(args, 'budget') ?? usageBudget,
      inputs,
    }, prices);
  } catch (error) {
    if (error instanceof SimulationInputError) throw new UsageError(error.message.replace(/\b(requestsPerDay|inputTokens|outputTokens|daysPerMonth|cacheHitRate|cachedPrefixShare|batchShare|flexShare|growth)\b/g, flagName));
    throw error;
  }
  if (configFile) io.stderr(`using ${displayPath(configFile, io.cwd)}\n`);
  const current = result.models[0];
  if (current.monthlyCost === null) io.stderr(`warning: no price for ${current.model}; add it under priceOverrides in .promptcost.yml\n`);

  if (args.switches.has('json')) {
    io.stdout(`${JSON.stringify({
      model: current.model,
      priceId: current.priceId,
      monthlyCost: current.monthlyCost,
      months: current.months,
      projectionTotal: current.projectionTotal,
      costPerRequest: current.costPerRequest,
      modelRequestsPerMonth: current.modelRequestsPerMonth,
      notes: current.notes,
      inputs: result.inputs,
      monthlyBudget: result.monthlyBudget,
      models: result.models,
      cheapestAcceptable: result.cheapestAcceptable,
    }, null, 2)}\n`);
  } else {
    io.stdout(toMarkdown(result));
  }
  return overBudget(args, io, current.monthlyCost, result.monthlyBudget);
}

async function simulateUsage(args: ParsedArgs, io: CliIo): Promise<number> {
  const roots = args.positionals.length ? args.positionals : ['.'];
  const profile = profileFlag(args.values.get('profile'));
  const workers = workersFlag(args);
  const budgetFlag = numberFlag(args, 'budget');
  const { settings, configFile, config, problems } = loadCliSettings(io.cwd, roots[0], args.values.get('config'));
  for (const problem of problems) io.stderr(`warning: ${problem}\n`);
  const loaded = loadUsage(io.cwd, args.values.get('usage'), configFile);
  if (!loaded) throw new UsageError(NO_USAGE_MESSAGE);
  io.stderr(`usage from ${displayPath(loaded.file, io.cwd)}\n`);
  const usage = budgetFlag === undefined ? loaded.usage : { ...loaded.usage, monthlyBudget: budgetFlag };

  const findings = await scanTree({ settings, cwd: io.cwd, roots: roots.map((r) => path.resolve(io.cwd, r)), configFile, config, workers, requireRoots: true });
  const prices = loadDefaultPriceTable({ overrides: settings.priceOverrides, aliases: settings.modelAliases });
  const ws = simulateWorkspace(findings, usage, { prices, profile, fileKey: usageFileKey(io.cwd, path.dirname(loaded.file)) });

  if (args.switches.has('json')) io.stdout(`${JSON.stringify(ws, null, 2)}\n`);
  else io.stdout(workspaceToMarkdown(ws));
  return overBudget(args, io, ws.total.monthlyCost, ws.monthlyBudget);
}

function overBudget(args: ParsedArgs, io: CliIo, monthly: number | null, budget: number | null): number {
  if (!args.switches.has('fail-over-budget')) return 0;
  if (budget === null) throw new UsageError('--fail-over-budget needs a budget: --budget USD or usage.monthlyBudget');
  if (monthly !== null && monthly > budget) {
    io.stderr(`over budget: ${formatUsd(monthly)}/month > ${formatUsd(budget)}/month\n`);
    return 1;
  }
  return 0;
}

/** Growth may be negative (a shrinking product), unlike the other numeric flags. */
function growthFlag(args: ParsedArgs): number | undefined {
  const raw = args.values.get('growth');
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= -1) throw new UsageError(`--growth must be a number > -1 (0.05 = +5 % a month), got '${raw}'`);
  return value;
}

const FLAG_NAMES: Record<string, string> = {
  requestsPerDay: '--requests-per-day',
  inputTokens: '--input-tokens',
  outputTokens: '--output-tokens',
  daysPerMonth: '--days',
  cacheHitRate: '--cache-hit-rate',
  cachedPrefixShare: '--cached-prefix-share',
  batchShare: '--batch-share',
  flexShare: '--flex-share',
  growth: '--growth',
};
const flagName = (key: string): string => FLAG_NAMES[key] ?? key;
