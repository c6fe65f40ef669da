/**
 * The status bar tooltip as Markdown: total against the budgets, one row per source (with why it has no
 * fresh figure), today per model, month to date and projection, budget left, the last update, and
 * `command:` links. Everything a server sent (model and endpoint names, messages) is escaped; the host
 * trusts only the command ids it passes here.
 */
import { escapeMarkdown } from '../markdownEscape';
import { formatUsd } from '../../pricing/formatUsd';
import { spendBreakdown } from '../../spend/spendBreakdown';
import type { SpendSnapshot, SourceState } from '../../spend/spendPoller';
import type { SpendBudgets } from '../../spend/budget';
import { FAILURE_HELP, FAILURE_SHORT, formatAge, type SpendStatusView } from './spendStatusView';

export interface TooltipCommands {
  refresh: string;
  openDashboard: string;
  configure: string;
  setApiKey: string;
}

export interface TooltipOptions {
  budgets: SpendBudgets;
  /** USD; shown for context (the editor flags single requests above it). */
  perRequestLimit?: number;
  commands: TooltipCommands;
  timeZone?: string;
  /** How many models to list. */
  maxModels?: number;
}

export function spendTooltipMarkdown(snapshot: SpendSnapshot, view: SpendStatusView, options: TooltipOptions): string {
  const zone = options.timeZone ?? 'UTC';
  const b = spendBreakdown(snapshot, options.budgets, zone);
  const lines: string[] = [];

  let headline = `**LLM spend today: ${b.today === null ? '—' : formatUsd(b.today)}${view.incomplete ? '+' : ''}**`;
  if (view.daily) headline += ` of ${formatUsd(view.daily.limit)} (${percent(view.daily.used)})`;
  if (view.state === 'stale') headline += ' · $(history) stale';
  lines.push(headline, '');

  lines.push('| Source | Today | Month to date | Status |', '|---|--:|--:|---|');
  for (const s of snapshot.sources) {
    lines.push(`| ${escapeMarkdown(s.id)} | ${s.result ? formatUsd(s.result.today) : '—'} | ${s.result?.monthToDate != null ? formatUsd(s.result.monthToDate) : '—'} | ${sourceStatus(s)} |`);
  }
  lines.push('');

  const problems = snapshot.sources.filter((s) => s.failure);
  for (const s of problems) {
    const failure = s.failure as NonNullable<SourceState['failure']>;
    let line = `$(warning) **${escapeMarkdown(s.id)}**: ${FAILURE_HELP[failure.category]} ${escapeMarkdown(clip(failure.message, 160))}`;
    if (failure.category === 'no-key' || failure.category === 'unauthorized') {
      line += ` [Set API Key](${commandLink(options.commands.setApiKey, [{ source: s.id }])})`;
    }
    lines.push(line, '');
  }

  if (b.byModel.length) {
    const max = options.maxModels ?? 6;
    const shown = b.byModel.slice(0, max).map((m) => `${escapeMarkdown(clip(m.name, 60))} ${formatUsd(m.amount)}`);
    if (b.byModel.length > max) shown.push(`${b.byModel.length - max} more`);
    lines.push(`By model today: ${shown.join(' · ')}`, '');
  }

  const month: string[] = [];
  if (b.monthToDate !== null) month.push(`Month to date ${formatUsd(b.monthToDate)}${view.monthly ? ` of ${formatUsd(view.monthly.limit)} (${percent(view.monthly.used)})` : ''}`);
  if (b.projectedMonth !== null) month.push(`projected month ${formatUsd(b.projectedMonth)}`);
  if (month.length) lines.push(month.join(' · '), '');

  const left: string[] = [];
  if (b.dailyLeft !== null) left.push(`today ${leftText(b.dailyLeft)}`);
  if (b.monthlyLeft !== null) left.push(`this month ${leftText(b.monthlyLeft)}`);
  if (left.length) lines.push(`Budget left: ${left.join(' · ')}`, '');
  if (options.perRequestLimit !== undefined && options.perRequestLimit > 0) lines.push(`Per-request limit ${formatUsd(options.perRequestLimit)}`, '');

  if (b.updatedAt !== null) lines.push(`Last update ${formatClock(b.updatedAt, zone)} (${formatAge(snapshot.at - b.updatedAt)} ago)${snapshot.paused ? ' · polling paused while the window is in the background' : ''}`, '');

  lines.push(
    [
      `[$(refresh) Refresh](${commandLink(options.commands.refresh)})`,
      `[$(graph) Open Dashboard](${commandLink(options.commands.openDashboard)})`,
      `[$(gear) Configure](${commandLink(options.commands.configure)})`,
    ].join(' · '),
  );
  return lines.join('\n');
}

function sourceStatus(s: SourceState): string {
  switch (s.status) {
    case 'loading':
      return 'loading';
    case 'ok':
      return 'ok';
    case 'stale':
      return `stale (${formatAge(s.ageMs ?? 0)} old, ${FAILURE_SHORT[s.failure?.category ?? 'bad-response']})`;
    case 'unavailable':
      return FAILURE_SHORT[s.failure?.category ?? 'bad-response'];
  }
}

/** `command:id` with JSON arguments, as VS Code's Markdown expects. */
export function commandLink(id: string, args?: unknown[]): string {
  return args ? `command:${id}?${encodeURIComponent(JSON.stringify(args))}` : `command:${id}`;
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(fraction >= 10 ? 0 : 1)} %`;
}

function leftText(amount: number): string {
  return amount >= 0 ? formatUsd(amount) : `${formatUsd(-amount)} over`;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** `14:03 UTC` in the budget's zone. */
export function formatClock(ms: number, timeZone = 'UTC'): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
  return `${time} ${timeZone === 'UTC' ? 'UTC' : timeZone}`;
}
