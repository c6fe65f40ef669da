/** Price overrides with round numbers, so expected costs can be worked out by hand (USD per 1M tokens). */
import { loadDefaultPriceTable, type PriceTable } from '../../../../src/core/pricing/priceTable';

export function testPrices(): PriceTable {
  return loadDefaultPriceTable({
    overrides: {
      // The cost-ideas example: $0.0005 per 1K tokens = $0.5 per 1M, input and output alike.
      'classic-llm': { input: 0.5, output: 0.5 },
      'test-model': {
        input: 2,
        output: 8,
        cacheRead: 0.5,
        batchInput: 1,
        batchOutput: 4,
        above: [{ threshold: 1000, input: 4, output: 16, cacheRead: 1 }],
      },
      'plain-model': { input: 1, output: 2 },
    },
  });
}

export function approx(actual: number | null | undefined, expected: number, what = 'value'): void {
  if (actual === null || actual === undefined || Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
    throw new Error(`${what}: expected ${expected}, got ${actual}`);
  }
}
