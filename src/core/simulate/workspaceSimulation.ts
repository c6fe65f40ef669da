/**
 * Monthly cost of a whole workspace: every LLM call the usage file gives a volume, summed, projected with
 * each call's own growth, against the budget, and the same traffic moved to each compared model. A call is
 * priced once, whole: its input with every part and its output (visible + reasoning). An entry may name the
 * call's line, or a line or name of one of its prompts (which then means the call). Calls without a usage
 * entry are listed but not costed: guessing their volume would invent money.
 */
import type { PriceTable } from '../pricing/priceTable';
import { firstMonthAbove, sumMonths } from './growthProjection';
import { cheapestAcceptable, type CheapestAcceptable } from './modelComparison';
import { modelMonthlyCost } from './modelMonthlyCost';
import { costWithEntry, inputsFor, type FindingMonthlyCost, type PricedFinding } from './findingMonthlyCost';
import { SIMULATION_DEFAULTS, type UsageProfileName } from './simulationInputs';
import type { UsageFile, UsagePromptEntry } from './usageFile';
import { matchUsage, type FindingLocation, type UsageMatchOptions } from './usageMatch';

export interface CostTotal {
  /** Month-1 USD of the priced calls; null when there are calls and none is priced. */
  monthlyCost: number | null;
  months: number[];
  projectionTotal: number;
  /** Calls left out of the sums because their model has no price. */
  unpriced: number;
}

export interface WorkspaceModelTotal extends CostTotal {
  /** Every costed call moved to this model. */
  model: string;
}

export interface WorkspaceSimulation {
  usageFile: string;
  profile: UsageProfileName;
  projectionMonths: number;
  /** One row per call a usage entry describes, in scan order. */
  calls: FindingMonthlyCost[];
  /** Calls no usage entry describes. */
  withoutUsage: FindingLocation[];
  unmatchedEntries: UsagePromptEntry[];
  conflicts: string[];
  /** Each call on its own model. */
  total: CostTotal;
  /** All calls on one model, for each model the calls were estimated for and each acceptable model. */
  alternatives: WorkspaceModelTotal[];
  monthlyBudget: number | null;
  budgetShare: number | null;
  firstMonthOverBudget: number | null;
  /** Only when every call is priced on both sides, so the comparison is like for like. */
  cheapestAcceptable: CheapestAcceptable | null;
}

export interface WorkspaceOptions extends UsageMatchOptions {
  prices: PriceTable;
  profile?: UsageProfileName;
  projectionMonths?: number;
}

export function simulateWorkspace(findings: readonly PricedFinding[], usage: UsageFile, options: WorkspaceOptions): WorkspaceSimulation {
  const profile = options.profile ?? usage.defaultProfile;
  const projectionMonths = options.projectionMonths ?? SIMULATION_DEFAULTS.projectionMonths;
  const matches = matchUsage(findings, usage.prompts, options);
  const costed: PricedFinding[] = [];
  const calls: FindingMonthlyCost[] = [];
  const withoutUsage: FindingLocation[] = [];
  findings.forEach((finding, i) => {
    const entry = matches.entryFor[i];
    if (!entry) {
      withoutUsage.push({ file: finding.file, startLine: finding.startLine, endLine: finding.endLine, kind: finding.kind, ...(finding.name ? { name: finding.name } : {}) });
      return;
    }
    costed.push(finding);
    calls.push(costWithEntry(finding, entry, usage, profile, options.prices, projectionMonths));
  });

  const total = sumCosts(calls.map((p) => p.cost), projectionMonths);
  const modelNames = [...new Set([...costed.flatMap((f) => f.estimates.map((e) => e.model)), ...usage.acceptableModels])];
  const alternatives = modelNames.map((model): WorkspaceModelTotal => {
    const costs = costed.map((finding, i) => modelMonthlyCost(model, options.prices, inputsFor(finding, calls[i].entry, usage, profile, model), projectionMonths));
    return { model, ...sumCosts(costs, projectionMonths) };
  });

  const budget = usage.monthlyBudget;
  const comparable = (t: CostTotal) => t.unpriced === 0 && t.monthlyCost !== null;
  return {
    usageFile: usage.fileName,
    profile,
    projectionMonths,
    calls,
    withoutUsage,
    unmatchedEntries: matches.unmatchedEntries,
    conflicts: matches.conflicts,
    total,
    alternatives,
    monthlyBudget: budget,
    budgetShare: budget !== null && budget > 0 && total.monthlyCost !== null ? total.monthlyCost / budget : null,
    firstMonthOverBudget: budget !== null && total.monthlyCost !== null ? firstMonthAbove(total.months, budget) : null,
    cheapestAcceptable:
      calls.length > 0 && comparable(total)
        ? cheapestAcceptable(
            { monthlyCost: total.monthlyCost, projectionTotal: total.projectionTotal },
            alternatives.filter((a) => usage.acceptableModels.includes(a.model) && comparable(a)),
          )
        : null,
  };
}

/** Sums month by month over the priced costs; unpriced ones are counted, not added as 0. */
export function sumCosts(costs: readonly { monthlyCost: number | null; months: number[] | null }[], projectionMonths: number): CostTotal {
  const months = new Array<number>(projectionMonths).fill(0);
  let monthly = 0;
  let priced = 0;
  let unpriced = 0;
  for (const cost of costs) {
    if (cost.monthlyCost === null || cost.months === null) {
      unpriced++;
      continue;
    }
    priced++;
    monthly += cost.monthlyCost;
    cost.months.forEach((m, k) => {
      if (k < projectionMonths) months[k] += m;
    });
  }
  return { monthlyCost: priced === 0 && unpriced > 0 ? null : monthly, months, projectionTotal: sumMonths(months), unpriced };
}
