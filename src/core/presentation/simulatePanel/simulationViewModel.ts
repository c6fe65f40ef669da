/**
 * Everything the Simulate Monthly Cost webview draws, as JSON with every amount already formatted: the
 * inputs (with their current values), the models side by side, the chart data, the budget line and the
 * saving of the cheapest acceptable model. The webview lays it out and posts edits; it computes nothing.
 */
import { formatUsd } from '../../pricing/formatUsd';
import type { SimulationResult } from '../../simulate/modelComparison';
import { billingLines, formatCount, formatPercent } from '../../simulate/markdownTable';
import { simulationChart, type SimulationChart } from './simulationChart';
import { FIELD_SPECS, fieldValue, type EditableField, type FieldSpec, type SimulationState } from './simulationState';

export interface FieldView extends Omit<FieldSpec, 'id'> {
  id: EditableField;
  value: string;
}

export interface ModelRowView {
  model: string;
  current: boolean;
  acceptable: boolean;
  /** False for the current model (it cannot replace itself). */
  canAccept: boolean;
  costPerRequest: string;
  requestsPerMonth: string;
  monthly: string;
  projectionTotal: string;
  /** `42.0 %`, `120.0 % (over)`, `— ` without budget, `no price`. */
  budget: string;
  overBudget: boolean;
  cheapestAcceptable: boolean;
}

export interface SimulationViewModel {
  title: string;
  /** Where the inputs came from: the usage entry and profile, or the settings. */
  source: string;
  fields: FieldView[];
  /** Model ids offered in the model field's suggestions. */
  modelSuggestions: string[];
  rows: ModelRowView[];
  projectionMonths: number;
  /** `Month`, then one column per model (the projection table). */
  projectionHeader: string[];
  projectionRows: string[][];
  chart: SimulationChart | null;
  budgetText: string | null;
  savingText: string | null;
  notes: string[];
  /** A refused edit or a simulation that could not run; the previous figures stay. */
  error: string | null;
}

export function buildSimulationViewModel(
  state: SimulationState,
  result: SimulationResult | null,
  options: { error?: string | null; modelSuggestions?: readonly string[] } = {},
): SimulationViewModel {
  const fields = FIELD_SPECS.map((spec): FieldView => ({ ...spec, value: fieldValue(state, spec.id) }));
  const source = state.usageEntry
    ? `Traffic from the usage entry ${state.usageEntry}, profile "${state.profile}".`
    : 'No usage entry for this call in .promptcost.yml: traffic from the promptCost.simulation settings (edit the inputs to try others).';
  const suggestions = [...new Set([state.model, ...state.compareModels, ...state.acceptableModels, ...(options.modelSuggestions ?? [])])];
  if (!result) {
    return {
      title: state.subject.label,
      source,
      fields,
      modelSuggestions: suggestions,
      rows: [],
      projectionMonths: 0,
      projectionHeader: [],
      projectionRows: [],
      chart: null,
      budgetText: null,
      savingText: null,
      notes: [],
      error: options.error ?? null,
    };
  }
  const saving = result.cheapestAcceptable;
  const rows = result.models.map((m): ModelRowView => ({
    model: m.model,
    current: m.model === result.model,
    acceptable: m.model !== result.model && state.acceptableModels.includes(m.model),
    canAccept: m.model !== result.model,
    costPerRequest: formatUsd(m.costPerRequest),
    requestsPerMonth: formatCount(Math.round(m.modelRequestsPerMonth)),
    monthly: formatUsd(m.monthlyCost),
    projectionTotal: formatUsd(m.projectionTotal),
    budget: budgetCell(m.monthlyCost, m.budgetShare, m.firstMonthOverBudget, result.monthlyBudget),
    overBudget: m.firstMonthOverBudget !== null,
    cheapestAcceptable: saving?.model === m.model,
  }));
  const projectionHeader = ['Month', ...result.models.map((m) => m.model)];
  if (result.monthlyBudget !== null) projectionHeader.push('Budget');
  const projectionRows = Array.from({ length: result.projectionMonths }, (_, k) => {
    const row = [String(k + 1), ...result.models.map((m) => formatUsd(m.months ? m.months[k] : null))];
    if (result.monthlyBudget !== null) row.push(formatUsd(result.monthlyBudget));
    return row;
  });
  return {
    title: state.subject.label,
    source,
    fields,
    modelSuggestions: suggestions,
    rows,
    projectionMonths: result.projectionMonths,
    projectionHeader,
    projectionRows,
    chart: simulationChart(result),
    budgetText: result.monthlyBudget === null ? null : budgetSentence(result),
    savingText: savingSentence(result, state.acceptableModels.filter((m) => m !== state.model).length),
    notes: [...new Set(result.models.flatMap((m) => m.notes)), ...billingLines(result.models)],
    error: options.error ?? null,
  };
}

function budgetCell(monthly: number | null, share: number | null, firstOver: number | null, budget: number | null): string {
  if (monthly === null) return 'no price';
  if (budget === null) return '—';
  const base = share === null ? '' : formatPercent(share);
  if (firstOver === 1) return `${base} (over)`.trim();
  if (firstOver !== null) return `${base} (over from month ${firstOver})`.trim();
  return base || '—';
}

function budgetSentence(result: SimulationResult): string {
  const budget = result.monthlyBudget!;
  const current = result.models[0];
  if (current.monthlyCost === null) return `Budget ${formatUsd(budget)}/month; ${current.model} has no price.`;
  if (current.firstMonthOverBudget === 1) return `Budget ${formatUsd(budget)}/month: ${current.model} is over it from the first month.`;
  if (current.firstMonthOverBudget !== null) return `Budget ${formatUsd(budget)}/month: ${current.model} goes over it in month ${current.firstMonthOverBudget}.`;
  return `Budget ${formatUsd(budget)}/month: ${current.model} stays within it for all ${result.projectionMonths} months (${formatPercent(current.budgetShare)} in month 1).`;
}

function savingSentence(result: SimulationResult, acceptableCount: number): string | null {
  const saving = result.cheapestAcceptable;
  if (!saving) {
    return acceptableCount === 0
      ? 'Mark the models you would accept instead (the “Acceptable” column) to see what the cheapest one saves.'
      : 'No acceptable model has a price (or the current model has none): no saving to show.';
  }
  if (saving.monthlySaving >= 0) {
    return `Cheapest acceptable model: ${saving.model} at ${formatUsd(saving.monthlyCost)}/month saves ${formatUsd(saving.monthlySaving)}/month ` +
      `(${formatPercent(saving.savingShare)}), ${formatUsd(saving.projectionSaving)} over ${result.projectionMonths} months.`;
  }
  return `Cheapest acceptable model: ${saving.model} at ${formatUsd(saving.monthlyCost)}/month costs ${formatUsd(-saving.monthlySaving)}/month more than ${result.model}.`;
}
