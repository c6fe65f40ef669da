import * as assert from 'assert';
import { loadProjectConfig } from '../../../../src/core/config/projectConfig';
import { parseSpendConfig, SpendConfigError } from '../../../../src/core/spend/spendConfig';

function error(raw: unknown): SpendConfigError {
  try {
    parseSpendConfig(raw);
  } catch (e) {
    if (e instanceof SpendConfigError) return e;
    throw e;
  }
  throw new Error('expected a SpendConfigError');
}

suite('spend config (.promptcost.yml spend section)', () => {
  test('reads sources, options, budget and zone from YAML via the project loader', () => {
    const yaml = [
      'spend:',
      '  timeZone: Europe/Berlin',
      '  intervalMinutes: 2',
      '  sources:',
      '    - kind: tracker',
      '      url: https://costs.example.com',
      '      options: { todayField: totals.total_cost, tokenIn: header }',
      '    - kind: openai',
      '    - { kind: litellm, id: proxy, url: "http://localhost:4000", options: { keyInfo: false } }',
      '  budget: { daily: 2, monthly: 50, thresholds: [95, 50, 80] }',
    ].join('\n');
    const config = parseSpendConfig(loadProjectConfig(yaml, '.promptcost.yml').spend);
    assert.strictEqual(config.timeZone, 'Europe/Berlin');
    assert.strictEqual(config.intervalMinutes, 2);
    assert.deepStrictEqual(config.sources.map((s) => [s.id, s.kind, s.url]), [
      ['tracker', 'tracker', 'https://costs.example.com'],
      ['openai', 'openai', undefined],
      ['proxy', 'litellm', 'http://localhost:4000'],
    ]);
    assert.deepStrictEqual(config.sources[0].options, { todayField: 'totals.total_cost', tokenIn: 'header', month: true, breakdown: true, pricingUnit: 'per1K' });
    assert.deepStrictEqual(config.sources[2].options, { keyInfo: false });
    assert.deepStrictEqual(config.budget, { daily: 2, monthly: 50, thresholds: [50, 80, 95] });
  });

  test('defaults: no sources, budgets off, thresholds 50/80/95/100', () => {
    assert.deepStrictEqual(parseSpendConfig(undefined), { sources: [], budget: { daily: null, monthly: null, thresholds: [50, 80, 95, 100] }, intervalMinutes: 5 });
  });

  test('mistakes are errors naming the path', () => {
    assert.strictEqual(error('yes').path, 'spend');
    assert.strictEqual(error({ sources: [{ kind: 'azure' }] }).path, 'spend.sources[0].kind');
    assert.strictEqual(error({ sources: [{ kind: 'tracker' }] }).path, 'spend.sources[0].url');
    assert.strictEqual(error({ sources: [{ kind: 'openai', options: { groupBy: true } }] }).path, 'spend.sources[0].options.groupBy');
    assert.strictEqual(error({ sources: [{ kind: 'openai' }, { kind: 'openai' }] }).path, 'spend.sources[1].id');
    assert.strictEqual(error({ sources: [{ kind: 'tracker', url: 'https://x', options: { tokenIn: 'cookie' } }] }).path, 'spend.sources[0].options.tokenIn');
    assert.strictEqual(error({ budget: { daily: -1 } }).path, 'spend.budget.daily');
    assert.strictEqual(error({ budget: { daily: '2' } }).path, 'spend.budget.daily');
    assert.match(error({ budget: { thresholds: [0.5, 0.8] } }).message, /not 0\.8/);
    assert.strictEqual(error({ timeZone: 'Mars/Olympus' }).path, 'spend.timeZone');
    assert.strictEqual(error({ budgets: {} }).path, 'spend.budgets');
  });
});
