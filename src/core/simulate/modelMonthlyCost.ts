/**
 * Monthly cost of one prompt's traffic on one model, and its projection with growth:
 *   model requests per month = requestsPerDay × (1 − cacheHitRate) × daysPerMonth
 *   month 1                  = model requests per month × average request cost
 *   month k                  = month 1 × (1 + growth)^(k − 1)
 * except that with a cached prefix the share of requests that write it falls as the volume grows, so each
 * month's request cost is worked out at that month's volume (`requestCost.ts`).
 * A model without a price gives null costs ("no price"), never 0.
 */
import type { PriceTable } from '../pricing/priceTable';
import { projectMonths, sumMonths } from './growthProjection';
import { simulatedRequestCost } from './requestCost';
import { SIMULATION_DEFAULTS, type SimulationInputs } from './simulationInputs';

export interface ModelMonthlyCost {
  model: string;
  /** Catalogue id the model resolved to, or null when it has no price. */
  priceId: string | null;
  /** Requests that reach the model in the first month (after the response cache). */
  modelRequestsPerMonth: number;
  /** Average USD per request that reaches the model. */
  costPerRequest: number | null;
  /** USD in the first month. */
  monthlyCost: number | null;
  /** USD per month over the projection (month 1 first). */
  months: number[] | null;
  /** Sum of `months`. */
  projectionTotal: number | null;
  /** Long-context tier threshold that applied, or null. */
  tier: number | null;
  /** The provider's billing rules the cost used ("batch −50 %", "cache write 1.25× input (5 min), 2× (1 h)"). */
  billing: string[];
  notes: string[];
}

export function modelRequestsPerMonth(inputs: Pick<SimulationInputs, 'requestsPerDay' | 'cacheHitRate' | 'daysPerMonth'>): number {
  return inputs.requestsPerDay * inputs.daysPerMonth * (1 - inputs.cacheHitRate);
}

export function modelMonthlyCost(
  model: string,
  prices: PriceTable,
  inputs: SimulationInputs,
  projectionMonths: number = SIMULATION_DEFAULTS.projectionMonths,
): ModelMonthlyCost {
  const requests = modelRequestsPerMonth(inputs);
  const price = prices.resolve(model);
  if (!price) {
    return {
      model,
      priceId: null,
      modelRequestsPerMonth: requests,
      costPerRequest: null,
      monthlyCost: null,
      months: null,
      projectionTotal: null,
      tier: null,
      billing: [],
      notes: [`no price for ${model}`],
    };
  }
  const request = simulatedRequestCost(price, inputs);
  const monthlyCost = requests * request.average;
  const months =
    request.cacheWriteShare === 0
      ? projectMonths(monthlyCost, inputs.growth, projectionMonths)
      : projectMonths(1, inputs.growth, projectionMonths).map((volume, k) =>
          k === 0 ? monthlyCost : requests * volume * simulatedRequestCost(price, { ...inputs, requestsPerDay: inputs.requestsPerDay * volume }).average,
        );
  return {
    model,
    priceId: price.id,
    modelRequestsPerMonth: requests,
    costPerRequest: request.average,
    monthlyCost,
    months,
    projectionTotal: sumMonths(months),
    tier: request.tier,
    billing: request.applied,
    notes: request.notes,
  };
}
