import * as assert from 'assert';
import { formatMonthly, monthlyLensTitle, monthlySuffix } from '../../../../../src/core/presentation/lens/monthlyLensTitle';

suite('presentation: $/month lens text', () => {
  test('rounded like a forecast; a missing price is not $0', () => {
    assert.deepStrictEqual([42.4, 1250.5, 9.994, 0.3712, 0, null].map(formatMonthly), ['~$42/month', '~$1,251/month', '~$9.99/month', '~$0.37/month', '~$0.00/month', 'no price/month']);
  });

  test('the profile is named unless it is the expected one; the suffix is empty without usage', () => {
    const cost = (monthlyCost: number | null) => ({ monthlyCost }) as never;
    assert.strictEqual(monthlyLensTitle({ cost: cost(42.1), profile: 'expected' }), '~$42/month');
    assert.strictEqual(monthlyLensTitle({ cost: cost(90), profile: 'high' }), '~$90/month (high)');
    assert.strictEqual(monthlySuffix({ cost: cost(42.1), profile: 'expected' }), ' · ~$42/month');
    assert.strictEqual(monthlySuffix(null), '');
  });
});
