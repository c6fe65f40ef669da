import * as assert from 'assert';
import { formatUsd } from '../../../../src/core/pricing/formatUsd';

suite('pricing: formatUsd', () => {
  const cases: Array<[number | null | undefined, string]> = [
    [null, 'no price'],
    [undefined, 'no price'],
    [Number.NaN, 'no price'],
    [0, '$0.00'],
    // ≥ $1: cents, grouped
    [1.23, '$1.23'],
    [1, '$1.00'],
    [1234.56, '$1,234.56'],
    [1234567.891, '$1,234,567.89'],
    // < $1: two significant digits, at least two decimals
    [0.5, '$0.50'],
    [0.12345, '$0.12'],
    [0.01, '$0.01'],
    [0.0021, '$0.0021'],
    [0.00214, '$0.0021'],
    [0.00025, '$0.00025'],
    [0.000034, '$0.000034'],
    [0.0000343, '$0.000034'],
    [0.00999, '$0.01'],
    [-0.0021, '-$0.0021'],
  ];
  for (const [amount, expected] of cases) {
    test(`${amount} → ${expected}`, () => assert.strictEqual(formatUsd(amount), expected));
  }

  test('a tiny but non-zero cost is never shown as $0.00', () => {
    assert.notStrictEqual(formatUsd(0.00000001), '$0.00');
    assert.strictEqual(formatUsd(0.00000001), '$0.00000001');
  });
});
