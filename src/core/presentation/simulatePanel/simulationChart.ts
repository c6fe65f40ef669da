/**
 * The projection chart of the Simulate Monthly Cost panel as plain data: one line per priced model over the
 * projection months, the budget line, and the y axis. Values are given as fractions of the axis maximum, so
 * the webview only scales them to its drawing size (no cost arithmetic there).
 */
import { formatUsd } from '../../pricing/formatUsd';
import type { SimulationResult } from '../../simulate/modelComparison';

export interface ChartSeries {
  model: string;
  current: boolean;
  /** USD per month, month 1 first. */
  values: number[];
  /** value / axis maximum (0–1), per month. */
  fractions: number[];
  /** Per-point label: `gpt-4o, month 3: $42.10`. */
  labels: string[];
}

export interface ChartTick {
  fraction: number;
  text: string;
}

export interface SimulationChart {
  /** `1` … `12`. */
  months: string[];
  series: ChartSeries[];
  /** Models left out because they have no price. */
  unpriced: string[];
  axisMax: number;
  ticks: ChartTick[];
  budget: { fraction: number; text: string } | null;
  /** One sentence for screen readers (the table carries the numbers). */
  summary: string;
}

export function simulationChart(result: SimulationResult): SimulationChart {
  const months = Array.from({ length: result.projectionMonths }, (_, k) => String(k + 1));
  const priced = result.models.filter((m) => m.months !== null && m.months.length > 0);
  const highest = Math.max(0, ...priced.flatMap((m) => m.months!), result.monthlyBudget ?? 0);
  const axisMax = niceCeiling(highest);
  const fraction = (v: number) => (axisMax > 0 ? v / axisMax : 0);
  const series = priced.map((m): ChartSeries => ({
    model: m.model,
    current: m.model === result.model,
    values: [...m.months!],
    fractions: m.months!.map(fraction),
    labels: m.months!.map((v, k) => `${m.model}, month ${k + 1}: ${formatUsd(v)}`),
  }));
  const ticks = axisMax > 0 ? [0, 0.25, 0.5, 0.75, 1].map((f) => ({ fraction: f, text: formatAxis(axisMax * f) })) : [{ fraction: 0, text: '$0' }];
  const budget = result.monthlyBudget !== null && axisMax > 0 ? { fraction: fraction(result.monthlyBudget), text: `Budget ${formatUsd(result.monthlyBudget)}/month` } : null;
  const current = series.find((s) => s.current);
  const summary = current
    ? `Projected monthly cost over ${months.length} months for ${series.length} model${series.length === 1 ? '' : 's'}; ${current.model} goes from ${formatUsd(current.values[0])} to ${formatUsd(current.values[current.values.length - 1])} a month.`
    : `Projected monthly cost over ${months.length} months for ${series.length} model${series.length === 1 ? '' : 's'}.`;
  return {
    months,
    series,
    unpriced: result.models.filter((m) => m.months === null).map((m) => m.model),
    axisMax,
    ticks,
    budget,
    summary: budget ? `${summary} ${budget.text}.` : summary,
  };
}

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value` (0 stays 0), so axis labels are round. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 0;
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    if (candidate >= value * (1 - 1e-12)) return candidate;
  }
  return 10 * magnitude;
}

/** Axis labels: whole dollars from $10 up, else formatUsd's significant digits. */
function formatAxis(amount: number): string {
  if (amount === 0) return '$0';
  if (amount >= 10) return `$${Math.round(amount).toLocaleString('en-US')}`;
  return formatUsd(amount);
}
