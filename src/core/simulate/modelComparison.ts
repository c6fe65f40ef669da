/**
 * One traffic profile priced on several models side by side, against a monthly budget, with the saving
 * of the cheapest model the user accepts. Pure data: the CLI prints it, a webview renders it.
 */
import type { PriceTable } from '../pricing/priceTable';
import { firstMonthAbove } from './growthProjection';
import { modelMonthlyCost, type ModelMonthlyCost } from './modelMonthlyCost';
import { SIMULATION_DEFAULTS, checkSimulationInputs, type SimulationInputs } from './simulationInputs';

export interface SimulationRequest {
  /** The model the call runs on today. */
  model: string;
  /** Shown next to it. */
  compareModels?: readonly string[];
  inputs: SimulationInputs;
  /** USD per month; null or absent for no budget line. */
  monthlyBudget?: number | null;
  /** Models the user would accept instead of `model` (they are compared too). */
  acceptableModels?: readonly string[];
  /** Length of the projection; default 12. */
  projectionMonths?: number;
}

export interface ModelSimulation extends ModelMonthlyCost {
  /** monthlyCost / budget (1 = exactly the budget); null without budget or price. */
  budgetShare: number | null;
  /** 1-based first projected month above the budget; null when none is (or no budget / price). */
  firstMonthOverBudget: number | null;
}

export interface CheapestAcceptable {
  model: string;
  monthlyCost: number;
  /** Current model's month-1 cost minus this model's; negative when every acceptable model costs more. */
  monthlySaving: number;
  /** The same over the whole projection. */
  projectionSaving: number;
  /** monthlySaving / current monthly cost (0–1 for a saving); null when the current cost is 0. */
  savingShare: number | null;
}

export interface SimulationResult {
  inputs: SimulationInputs;
  /** The current model (first in `models`). */
  model: string;
  /** Current model first, then compared and acceptable models, without duplicates. */
  models: ModelSimulation[];
  projectionMonths: number;
  monthlyBudget: number | null;
  /** Null when no acceptable model has a price, or the current model has none. */
  cheapestAcceptable: CheapestAcceptable | null;
}

export class SimulationInputError extends RangeError {}

export function simulateModels(request: SimulationRequest, prices: PriceTable): SimulationResult {
  const problems = checkSimulationInputs(request.inputs);
  if (problems.length) throw new SimulationInputError(problems.join('; '));
  const budget = request.monthlyBudget ?? null;
  if (budget !== null && !(Number.isFinite(budget) && budget >= 0)) throw new SimulationInputError(`monthlyBudget must be a number ≥ 0, got ${budget}`);
  const projectionMonths = request.projectionMonths ?? SIMULATION_DEFAULTS.projectionMonths;
  const acceptable = uniqueModels(request.acceptableModels ?? []);
  const names = uniqueModels([request.model, ...(request.compareModels ?? []), ...acceptable]);
  const models = names.map((name) => withBudget(modelMonthlyCost(name, prices, request.inputs, projectionMonths), budget));
  return {
    inputs: { ...request.inputs },
    model: models[0].model,
    models,
    projectionMonths,
    monthlyBudget: budget,
    cheapestAcceptable: cheapestAcceptable(models[0], models.filter((m) => acceptable.includes(m.model))),
  };
}

export function withBudget(cost: ModelMonthlyCost, budget: number | null): ModelSimulation {
  const priced = budget !== null && cost.monthlyCost !== null;
  return {
    ...cost,
    budgetShare: priced && budget > 0 ? cost.monthlyCost! / budget : null,
    firstMonthOverBudget: priced && cost.months ? firstMonthAbove(cost.months, budget) : null,
  };
}

/** The cheapest priced model among `acceptable`, compared with `current`. */
export function cheapestAcceptable(
  current: Pick<ModelMonthlyCost, 'monthlyCost' | 'projectionTotal'>,
  acceptable: readonly Pick<ModelMonthlyCost, 'model' | 'monthlyCost' | 'projectionTotal'>[],
): CheapestAcceptable | null {
  if (current.monthlyCost === null || current.projectionTotal === null) return null;
  let best: Pick<ModelMonthlyCost, 'model' | 'monthlyCost' | 'projectionTotal'> | null = null;
  for (const m of acceptable) {
    if (m.monthlyCost === null || m.projectionTotal === null) continue;
    if (!best || m.monthlyCost < best.monthlyCost!) best = m;
  }
  if (!best) return null;
  const monthlySaving = current.monthlyCost - best.monthlyCost!;
  return {
    model: best.model,
    monthlyCost: best.monthlyCost!,
    monthlySaving,
    projectionSaving: current.projectionTotal - best.projectionTotal!,
    savingShare: current.monthlyCost > 0 ? monthlySaving / current.monthlyCost : null,
  };
}

function uniqueModels(models: readonly string[]): string[] {
  return [...new Set(models.map((m) => m.trim()).filter(Boolean))];
}
