/** The simulation both the panel's view-model and chart tests start from. */
import { DEFAULT_SIMULATION_SETTINGS } from '../../../../../src/core/simulate/simulationSettings';
import { initialSimulationState } from '../../../../../src/core/presentation/simulatePanel/simulationState';
import { testPrices } from '../../simulate/testPrices';

export const prices = testPrices();

// 1,000 requests/day × 30 days; 1,000 input + 500 output tokens.
//   plain-model ($1 / $2 per 1M):   1000×1 + 500×2 = 2,000 µ$ = $0.002/request → $60/month
//   classic-llm ($0.5 / $0.5):      1500×0.5       =   750 µ$ → $22.50/month
export function state(extra: { growth?: number; budget?: number | null; acceptable?: string[] } = {}) {
  return initialSimulationState({
    subject: { label: 'PROMPT (a.py:1)', file: 'a.py', line: 1 },
    tokens: [{ model: 'plain-model', inputTokens: 1000, outputTokens: 500 }],
    compareModels: ['classic-llm', 'no-such-model'],
    expectedOutputTokens: 256,
    settings: { ...DEFAULT_SIMULATION_SETTINGS, requestsPerDay: 1000, growth: extra.growth ?? 0, monthlyBudget: extra.budget ?? null, acceptableModels: extra.acceptable ?? [] },
    usage: null,
    entry: null,
  });
}
