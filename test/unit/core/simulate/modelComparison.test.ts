import * as assert from 'assert';
import { simulateModels, SimulationInputError } from '../../../../src/core/simulate/modelComparison';
import { escapeCell, markdownTable } from '../../../../src/core/simulate/markdownTable';
import { toMarkdown } from '../../../../src/core/simulate/simulationMarkdown';
import type { SimulationInputs } from '../../../../src/core/simulate/simulationInputs';
import { approx, testPrices } from './testPrices';

const prices = testPrices();
const INPUTS: SimulationInputs = { requestsPerDay: 1000, inputTokens: 100, outputTokens: 50, growth: 0.1, cacheHitRate: 0, cachedPrefixShare: 0, batchShare: 0, daysPerMonth: 30 };

suite('simulate: models side by side, budget and saving', () => {
  test('current model first, then compared and acceptable ones, once each', () => {
    const result = simulateModels({ model: 'test-model', compareModels: ['plain-model', 'test-model'], acceptableModels: ['classic-llm', 'plain-model'], inputs: INPUTS }, prices);
    assert.deepStrictEqual(result.models.map((m) => m.model), ['test-model', 'plain-model', 'classic-llm']);
    approx(result.models[0].monthlyCost, 18);
    approx(result.models[1].monthlyCost, 6, 'plain: (100 × 1 + 50 × 2) µ$ × 30,000');
    approx(result.models[2].monthlyCost, 2.25, 'classic: 150 × 0.5 µ$ × 30,000');
    assert.strictEqual(result.projectionMonths, 12);
  });

  test('the cheapest acceptable model and its saving', () => {
    const result = simulateModels({ model: 'test-model', acceptableModels: ['plain-model', 'classic-llm', 'no-such-model-zz9'], inputs: INPUTS }, prices);
    const saving = result.cheapestAcceptable!;
    assert.strictEqual(saving.model, 'classic-llm');
    approx(saving.monthlyCost, 2.25);
    approx(saving.monthlySaving, 15.75);
    approx(saving.savingShare, 0.875);
    approx(saving.projectionSaving, 336.80246933355795, '15.75 × (1.1^12 − 1)/0.1');
    // The unpriced acceptable model is shown but never chosen.
    assert.strictEqual(result.models.find((m) => m.model === 'no-such-model-zz9')!.monthlyCost, null);
  });

  test('no saving without acceptable models, or when the current model has no price', () => {
    assert.strictEqual(simulateModels({ model: 'test-model', inputs: INPUTS }, prices).cheapestAcceptable, null);
    assert.strictEqual(simulateModels({ model: 'no-such-model-zz9', acceptableModels: ['classic-llm'], inputs: INPUTS }, prices).cheapestAcceptable, null);
    const dearer = simulateModels({ model: 'classic-llm', acceptableModels: ['test-model'], inputs: INPUTS }, prices).cheapestAcceptable!;
    approx(dearer.monthlySaving, -15.75, 'negative: the acceptable model costs more');
  });

  test('budget line: share of the budget and the first month over it', () => {
    const result = simulateModels({ model: 'test-model', compareModels: ['classic-llm', 'no-such-model-zz9'], monthlyBudget: 30, inputs: INPUTS }, prices);
    const [current, classic, unknown] = result.models;
    approx(current.budgetShare, 0.6);
    // 18 × 1.1^5 = 28.99 ≤ 30 < 18 × 1.1^6 = 31.89 → month 7
    assert.strictEqual(current.firstMonthOverBudget, 7);
    assert.strictEqual(classic.firstMonthOverBudget, null);
    assert.strictEqual(unknown.budgetShare, null);
    assert.strictEqual(unknown.firstMonthOverBudget, null);
    assert.strictEqual(result.monthlyBudget, 30);
  });

  test('bad inputs are refused, not priced at NaN', () => {
    assert.throws(() => simulateModels({ model: 'test-model', inputs: { ...INPUTS, batchShare: 2 } }, prices), SimulationInputError);
    assert.throws(() => simulateModels({ model: 'test-model', inputs: INPUTS, monthlyBudget: -1 }, prices), /monthlyBudget/);
  });
});

suite('simulate: Markdown', () => {
  test('toMarkdown: models side by side, 12-month projection, budget, saving, notes', () => {
    const result = simulateModels({
      model: 'test-model',
      compareModels: ['no-such-model-zz9'],
      acceptableModels: ['classic-llm'],
      monthlyBudget: 30,
      inputs: { ...INPUTS, batchShare: 0.5 },
    }, prices);
    const md = toMarkdown(result);
    const lines = md.split('\n');
    const header = lines.find((l) => l.startsWith('| Model'))!;
    assert.match(header, /^\| Model +\| +\$\/request \| +Requests\/month \| +\$\/month \| +12-month total \| +Budget \|$/);
    // test-model with half batch: 0.5 × 600 + 0.5 × 300 = 450 µ$ → $13.50
    assert.ok(lines.some((l) => /^\| test-model \(current\) +\| +\$0\.00045 \| +30,000 \| +\$13\.50 \|/.test(l)), md);
    assert.ok(lines.some((l) => /^\| no-such-model-zz9 +\| +no price \| +30,000 \| +no price \| +no price \| +no price \|$/.test(l)), md);
    const projectionRows = lines.filter((l) => /^\| \d+ +\|/.test(l));
    assert.strictEqual(projectionRows.length, 12);
    assert.match(projectionRows[1], /^\| 2 +\| +\$14\.85 \|/, '13.5 × 1.1');
    assert.match(md, /Budget: \$30\.00\/month\./);
    assert.match(md, /Cheapest acceptable model: \*\*classic-llm\*\* at \$2\.25\/month saves \$11\.25\/month \(83\.3 %\)/);
    assert.match(md, /- no price for no-such-model-zz9/);
    // Every table row has the same number of cells as its header.
    for (const table of md.split('\n\n').filter((b) => b.startsWith('|'))) {
      const counts = table.split('\n').map((l) => l.split(/(?<!\\)\|/).length);
      assert.ok(counts.every((c) => c === counts[0]), table);
    }
  });

  test('cells with pipes and newlines stay inside their cell', () => {
    assert.strictEqual(escapeCell('a|b\nc'), 'a\\|b c');
    const table = markdownTable(['A', 'B'], [['x|y', '1']], ['left', 'right']);
    assert.deepStrictEqual(table.split('\n'), ['| A    |   B |', '| ---- | --: |', '| x\\|y |   1 |']);
  });
});
