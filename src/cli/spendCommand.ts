/** `prompt-cost spend [--source KIND] [--url BASE] [--budget USD] [--json]`: today's LLM spend from the configured sources. */
import * as fs from 'fs';
import * as path from 'path';
import { findProjectConfigFile, loadProjectConfig, ProjectConfigError } from '../core/config/projectConfig';
import { formatUsd } from '../core/pricing/formatUsd';
import { budgetStatus, type BudgetStatus } from '../core/spend/budget';
import { roundUsd } from '../core/spend/money';
import { DEFAULT_BASE_URLS, makeSourceConfig, parseSpendConfig, SpendConfigError, type SpendConfig, type SpendSourceConfig } from '../core/spend/spendConfig';
import { keyOrigin } from '../core/spend/keyOrigin';
import { createSpendSource } from '../core/spend/spendSources';
import { nodeFetch } from '../core/spend/nodeFetch';
import { SOURCE_KINDS, SpendError, type FetchLike, type GetKey, type SourceKind, type SpendResult } from '../core/spend/spendTypes';
import { parseBaseUrl } from '../core/spend/urlPolicy';
import { numberFlag, parseArgs, UsageError } from './args';
import type { CliIo } from './cliIo';

export const SPEND_KEY_ENV: Record<SourceKind, string> = {
  tracker: 'PROMPT_COST_TRACKER_TOKEN',
  openai: 'PROMPT_COST_OPENAI_ADMIN_KEY',
  anthropic: 'PROMPT_COST_ANTHROPIC_ADMIN_KEY',
  litellm: 'PROMPT_COST_LITELLM_KEY',
  openrouter: 'PROMPT_COST_OPENROUTER_KEY',
};

/** Where a key from the environment may go when the URL comes from `.promptcost.yml`, e.g. PROMPT_COST_TRACKER_ORIGIN. */
export const SPEND_ORIGIN_ENV: Record<SourceKind, string> = {
  tracker: 'PROMPT_COST_TRACKER_ORIGIN',
  openai: 'PROMPT_COST_OPENAI_ORIGIN',
  anthropic: 'PROMPT_COST_ANTHROPIC_ORIGIN',
  litellm: 'PROMPT_COST_LITELLM_ORIGIN',
  openrouter: 'PROMPT_COST_OPENROUTER_ORIGIN',
};

export const SPEND_HELP = `Usage: prompt-cost spend [options]

Shows today's LLM spend from your cost tracker or provider admin APIs (sum of all sources).

Options:
  --source KIND   one source: ${SOURCE_KINDS.join(' | ')} (default: the spend section of .promptcost.yml)
  --url BASE      base URL for --source (default: the official API for openai, anthropic, openrouter)
  --budget USD    daily budget to compare against (default: spend.budget.daily)
  --json          print { today, sources, budget } as JSON

Keys come from the environment only:
  ${Object.values(SPEND_KEY_ENV).join('\n  ')}
A key is sent only to the origin it is meant for: the --url you type, or the official API. For URLs that
come from .promptcost.yml, name the origin too (e.g. PROMPT_COST_TRACKER_ORIGIN=https://costs.example.com).

Exit codes: 0 ok, 2 bad arguments or configuration, 3 a source failed (reason on stderr).
`;

/** Test seams; the real command uses Node's fetch and the wall clock. */
export interface SpendCommandDeps {
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
}

interface Plan {
  sources: SpendSourceConfig[];
  /** Source ids whose URL comes from the config file, not typed by the user nor the official one. */
  workspaceUrlSources: Set<string>;
  config: SpendConfig;
  configFile: string | null;
}

export async function spendCommand(argv: readonly string[], io: CliIo, deps: SpendCommandDeps = {}): Promise<number> {
  const args = parseArgs(argv, { values: ['source', 'url', 'budget'], switches: ['json', 'help'] });
  if (args.switches.has('help')) {
    io.stdout(SPEND_HELP);
    return 0;
  }
  if (args.positionals.length) throw new UsageError(`spend takes no positional arguments (got '${args.positionals[0]}')`);
  const budgetFlag = numberFlag(args, 'budget');
  if (budgetFlag === 0) throw new UsageError('--budget must be more than 0');

  let plan: Plan;
  try {
    plan = planSources(args.values.get('source'), args.values.get('url'), io.cwd);
  } catch (error) {
    if (error instanceof SpendConfigError) throw new UsageError(`${plan0File(io.cwd)}${error.message}`);
    if (error instanceof ProjectConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (plan.configFile && !args.values.has('source')) io.stderr(`using ${path.relative(io.cwd, plan.configFile) || plan.configFile}\n`);

  const getKey: GetKey = (sourceId) => {
    const source = plan.sources.find((s) => s.id === sourceId);
    if (!source) return undefined;
    const secret = io.env[SPEND_KEY_ENV[source.kind]];
    if (!secret) return undefined;
    // An empty variable names nothing, as in a shell.
    const namedOrigin = io.env[SPEND_ORIGIN_ENV[source.kind]] || undefined;
    return { secret, origin: keyOrigin(source, { namedOrigin, urlFromWorkspace: plan.workspaceUrlSources.has(source.id) }) };
  };
  const fetchLike: FetchLike = deps.fetch ?? nodeFetch;
  const sourceDeps = { fetch: fetchLike, getKey, timeoutMs: deps.timeoutMs, now: deps.now, timeZone: plan.config.timeZone };

  const settled = await Promise.allSettled(plan.sources.map((s) => createSpendSource(s, sourceDeps).fetch()));
  let failed = false;
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') return;
    failed = true;
    const source = plan.sources[i];
    const error = outcome.reason;
    const category = error instanceof SpendError ? error.category : 'bad-response';
    let message = error instanceof SpendError ? error.message : 'internal error';
    if (category === 'no-key' && !io.env[SPEND_KEY_ENV[source.kind]]) message = `${source.id}: set ${SPEND_KEY_ENV[source.kind]}`;
    else if (category === 'no-key') message += ` (set ${SPEND_ORIGIN_ENV[source.kind]} to the origin the key is for)`;
    io.stderr(`prompt-cost spend: ${source.id}: ${category}: ${message}\n`);
  });
  if (failed) return 3; // a partial total would be a wrong number

  const results = settled.map((s) => (s as PromiseFulfilledResult<SpendResult>).value);
  const today = roundUsd(results.reduce((sum, r) => sum + r.today, 0));
  const dailyBudget = budgetFlag ?? plan.config.budget.daily;
  const daily = dailyBudget ? budgetStatus(today, dailyBudget) : null;

  if (args.switches.has('json')) {
    const json = {
      today,
      sources: results.map((r) => ({ source: r.source, today: r.today, monthToDate: r.monthToDate, projectedMonth: r.projectedMonth, byModel: r.byModel })),
      budget: daily ? { daily: daily.limit, used: daily.used, state: daily.state } : null,
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout(renderSpendTable(results, today, daily, plan.config.budget.monthly));
  }
  return 0;
}

function plan0File(cwd: string): string {
  const file = findProjectConfigFile(cwd);
  return file ? `${path.relative(cwd, file) || file}: ` : '';
}

function planSources(kindFlag: string | undefined, urlFlag: string | undefined, cwd: string): Plan {
  const configFile = findProjectConfigFile(cwd);
  const spendRaw = configFile ? loadProjectConfig(fs.readFileSync(configFile, 'utf8'), configFile).spend : undefined;
  const config = parseSpendConfig(spendRaw);
  if (kindFlag !== undefined) {
    if (!(SOURCE_KINDS as readonly string[]).includes(kindFlag)) throw new UsageError(`--source must be one of ${SOURCE_KINDS.join(', ')}, got '${kindFlag}'`);
    const kind = kindFlag as SourceKind;
    if (urlFlag === undefined && !DEFAULT_BASE_URLS[kind]) throw new UsageError(`--source ${kind} needs --url (it is self-hosted)`);
    if (urlFlag !== undefined) {
      try {
        parseBaseUrl(urlFlag, `--url`);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    // Options for the same kind from the config file still apply (e.g. the tracker's todayField).
    const fromConfig = config.sources.find((s) => s.kind === kind);
    const source = makeSourceConfig(kind, urlFlag, undefined);
    if (fromConfig) source.options = fromConfig.options as never;
    return { sources: [source], workspaceUrlSources: new Set(), config, configFile };
  }
  if (urlFlag !== undefined) throw new UsageError('--url needs --source');
  if (config.sources.length === 0) {
    throw new UsageError(`no spend sources: pass --source KIND, or add a spend section to ${configFile ? path.basename(configFile) : '.promptcost.yml'} (spend: { sources: [{ kind: openai }] })`);
  }
  // A URL written in the config file is chosen by whoever can commit to the repository (core/spend/keyOrigin.ts).
  const workspaceUrlSources = new Set(config.sources.filter((s) => s.url !== undefined).map((s) => s.id));
  return { sources: config.sources, workspaceUrlSources, config, configFile };
}

export function renderSpendTable(results: readonly SpendResult[], today: number, daily: BudgetStatus | null, monthly: number | null): string {
  const rows = [['source', 'today', 'month to date', 'projected month', 'top models today']];
  for (const r of results) {
    const top = Object.entries(r.byModel).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([m, v]) => `${m} ${formatUsd(v)}`).join(', ');
    rows.push([r.source, formatUsd(r.today), r.monthToDate === null ? '—' : formatUsd(r.monthToDate), r.projectedMonth === null ? '—' : formatUsd(r.projectedMonth), top || '—']);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd();
  const out = rows.map(line);
  out.push('', `total today: ${formatUsd(today)}`);
  if (daily) out.push(`daily budget ${formatUsd(daily.limit)}: ${(daily.used * 100).toFixed(1)} % used (${daily.state})`);
  const mtd = results.every((r) => r.monthToDate !== null) ? results.reduce((s, r) => s + (r.monthToDate as number), 0) : null;
  if (monthly && mtd !== null) {
    const m = budgetStatus(mtd, monthly);
    out.push(`monthly budget ${formatUsd(monthly)}: ${(m.used * 100).toFixed(1)} % used (${m.state})`);
  }
  return `${out.join('\n')}\n`;
}
