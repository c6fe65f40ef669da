/**
 * What the status bar shows for a poller snapshot: text, state, budget level, background and an accessible
 * label. Pure (no editor types) so the rules are unit-tested: the editor only copies the fields onto its item.
 *
 * - no source configured → `hidden` (no noise for people who do not track spend);
 * - no figure yet → `loading`; no figure and a failure → `unavailable` with a short reason;
 * - a figure → `$1.23 / $2.00 today` (daily budget) or `$1.23 today`, marked when it is `stale` (with its
 *   age) or when some source has no figure (`+`: the sum is a lower bound);
 * - the budget level (worst of day and month) picks the warning/error background, whatever the freshness.
 */
import { formatUsd } from '../../pricing/formatUsd';
import { budgetStatus, type BudgetState, type BudgetStatus, type SpendBudgets } from '../../spend/budget';
import type { SourceState, SpendSnapshot } from '../../spend/spendPoller';
import type { FailureCategory } from '../../spend/spendTypes';

export type SpendViewState = 'hidden' | 'loading' | 'ok' | 'stale' | 'unavailable';
export type BudgetLevel = BudgetState | 'none';
export type StatusBackground = 'statusBarItem.warningBackground' | 'statusBarItem.errorBackground';

export interface SpendStatusView {
  state: SpendViewState;
  budgetLevel: BudgetLevel;
  /** Status bar text, with `$(icon)` syntax. */
  text: string;
  /** A theme colour id, or undefined for the default background. */
  background?: StatusBackground;
  /** Read by screen readers instead of the icon syntax. */
  accessibleLabel: string;
  /** Some source has no figure: the shown sum is a lower bound. */
  incomplete: boolean;
  /** Sum of the shown figures (ok or stale); null when none. */
  today: number | null;
  daily: BudgetStatus | null;
  monthly: BudgetStatus | null;
}

/** A few words for the status bar. */
export const FAILURE_SHORT: Record<FailureCategory, string> = {
  'not-configured': 'not configured',
  'no-key': 'no key',
  unauthorized: 'unauthorized',
  'rate-limited': 'rate-limited',
  unreachable: 'unreachable',
  'bad-response': 'bad response',
  'server-error': 'server error',
};

/** One sentence for the tooltip and the dashboard: what happened and what to do. */
export const FAILURE_HELP: Record<FailureCategory, string> = {
  'not-configured': 'The base URL is missing or not allowed (HTTPS is required except for this machine).',
  'no-key': 'No API key is stored for this source and URL. Run "Set API Key" (a changed URL needs the key again).',
  unauthorized: 'The server refused the key (HTTP 401/403). Check that it is an admin/usage key, then set it again.',
  'rate-limited': 'The server asked us to slow down (HTTP 429); polling resumes after its Retry-After.',
  unreachable: 'The server could not be reached (connection refused, DNS or a 10 s timeout).',
  'bad-response': 'The server answered with something that is not the expected JSON (HTML, truncated, wrong types or too large).',
  'server-error': 'The server failed (HTTP 5xx); retrying with backoff.',
};

export function spendStatusView(snapshot: SpendSnapshot | null | undefined, budgets: SpendBudgets): SpendStatusView {
  const empty = { budgetLevel: 'none' as const, incomplete: false, today: null, daily: null, monthly: null };
  if (!snapshot || snapshot.sources.length === 0) {
    return { ...empty, state: 'hidden', text: '', accessibleLabel: '' };
  }
  const shown = snapshot.sources.filter((s) => s.result);
  if (shown.length === 0) {
    const failed = snapshot.sources.filter((s) => s.status === 'unavailable');
    const loading = snapshot.sources.some((s) => s.status === 'loading');
    if (loading || failed.length === 0) {
      return { ...empty, state: 'loading', text: '$(sync~spin) Spend', accessibleLabel: 'LLM spend: loading' };
    }
    const reason = unavailableReason(failed);
    return { ...empty, state: 'unavailable', text: `$(circle-slash) Spend: ${reason}`, accessibleLabel: `LLM spend unavailable: ${reason}` };
  }

  const today = snapshot.total.today;
  const incomplete = !snapshot.total.complete;
  const daily = budgets.daily ? budgetStatus(today, budgets.daily) : null;
  const monthly = budgets.monthly && snapshot.total.monthToDate !== null ? budgetStatus(snapshot.total.monthToDate, budgets.monthly) : null;
  const budgetLevel = worstLevel(daily, monthly);
  const stale = snapshot.total.stale;

  const amount = `${formatUsd(today)}${incomplete ? '+' : ''}`;
  let text = daily ? `${amount} / ${formatUsd(daily.limit)} today` : `${amount} today`;
  let label = daily ? `LLM spend today ${amount} of a ${formatUsd(daily.limit)} budget` : `LLM spend today ${amount}`;
  if (stale) {
    const age = formatAge(Math.max(...shown.map((s) => s.ageMs ?? 0)));
    text = `$(history) ${text} (${age} ago)`;
    label += `, last updated ${age} ago`;
  } else if (incomplete) {
    text = `$(warning) ${text}`;
    label += ', some sources unavailable';
  }
  if (budgetLevel === 'over') label += ', over budget';
  else if (budgetLevel === 'warning') label += ', near the budget';
  const background: StatusBackground | undefined =
    budgetLevel === 'over' ? 'statusBarItem.errorBackground' : budgetLevel === 'warning' ? 'statusBarItem.warningBackground' : undefined;
  return { state: stale ? 'stale' : 'ok', budgetLevel, text, background, accessibleLabel: label, incomplete, today, daily, monthly };
}

function worstLevel(...statuses: (BudgetStatus | null)[]): BudgetLevel {
  const present = statuses.filter((s): s is BudgetStatus => s !== null);
  if (present.length === 0) return 'none';
  if (present.some((s) => s.state === 'over')) return 'over';
  if (present.some((s) => s.state === 'warning')) return 'warning';
  return 'ok';
}

/** The reason of one failing source, or "N sources" when they differ. */
function unavailableReason(failed: readonly SourceState[]): string {
  const categories = [...new Set(failed.map((s) => s.failure?.category ?? 'bad-response'))];
  if (categories.length === 1) return FAILURE_SHORT[categories[0]];
  return `${failed.length} sources failing`;
}

/** `just now`, `4 min`, `2 h 5 min`, `3 d` (ages of a figure). */
export function formatAge(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}
