import * as assert from 'assert';
import { readUsageSection } from '../../../../../src/core/simulate/usageFile';
import { DEFAULT_SIMULATION_SETTINGS } from '../../../../../src/core/simulate/simulationSettings';
import { applySimulationEdit, fieldValue, initialSimulationState, setModelAcceptable, simulationRequest, type InitialStateOptions } from '../../../../../src/core/presentation/simulatePanel/simulationState';

const subject = { label: 'SYSTEM (a.py:3)', file: 'a.py', line: 3 };
const tokens = [
  { model: 'test-model', inputTokens: 400, outputTokens: 120 },
  { model: 'plain-model', inputTokens: 460, outputTokens: 120 },
];

function options(extra: Partial<InitialStateOptions> = {}): InitialStateOptions {
  return { subject, tokens, compareModels: ['plain-model', 'classic-llm'], expectedOutputTokens: 256, settings: { ...DEFAULT_SIMULATION_SETTINGS, acceptableModels: [] }, usage: null, entry: null, ...extra };
}

const USAGE = `
usage:
  profile: low
  monthlyBudget: 250
  acceptableModels: [classic-llm]
  defaults:
    cacheHitRate: 0.1
  prompts:
    - file: a.py
      line: 3
      requestsPerDay: { low: 100, expected: 400, high: 900 }
      outputTokens: 300
      growth: 0.02
`;

suite('simulate panel: initial state', () => {
  test('without usage: the settings, the prompt’s own tokens and output, compared models after the current one', () => {
    const state = initialSimulationState(options({ settings: { ...DEFAULT_SIMULATION_SETTINGS, requestsPerDay: 2000, growth: 0.03, acceptableModels: ['classic-llm'] } }));
    assert.strictEqual(state.model, 'test-model');
    assert.deepStrictEqual(state.compareModels, ['plain-model', 'classic-llm']);
    assert.deepStrictEqual(state.acceptableModels, ['classic-llm']);
    assert.deepStrictEqual(state.inputs, { requestsPerDay: 2000, inputTokens: 400, outputTokens: 120, growth: 0.03, cacheHitRate: 0, cachedPrefixShare: 0, batchShare: 0, daysPerMonth: 30 });
    assert.strictEqual(state.usageEntry, null);
    assert.strictEqual(state.profile, 'expected');
    assert.strictEqual(state.monthlyBudget, null);
    assert.strictEqual(state.inputTokensFixed, false);
  });

  test('the usage entry beats the settings, for the usage file’s profile unless the setting names one', () => {
    const usage = readUsageSection(USAGE, '.promptcost.yml')!;
    const entry = usage.prompts[0];
    const low = initialSimulationState(options({ usage, entry, settings: { ...DEFAULT_SIMULATION_SETTINGS, requestsPerDay: 5, acceptableModels: ['plain-model'] } }));
    assert.strictEqual(low.profile, 'low');
    assert.deepStrictEqual([low.inputs.requestsPerDay, low.inputs.outputTokens, low.inputs.growth, low.inputs.cacheHitRate], [100, 300, 0.02, 0.1]);
    assert.deepStrictEqual(low.acceptableModels, ['plain-model', 'classic-llm']);
    assert.strictEqual(low.monthlyBudget, 250, 'the usage budget when the setting has none');
    assert.strictEqual(low.usageEntry, '"a.py:3" (line 9 of .promptcost.yml)');
    const high = initialSimulationState(options({ usage, entry, settings: { ...DEFAULT_SIMULATION_SETTINGS, profile: 'high', monthlyBudget: 90, acceptableModels: [] } }));
    assert.deepStrictEqual([high.profile, high.inputs.requestsPerDay, high.monthlyBudget], ['high', 900, 90]);
  });

  test('usage defaults apply to a prompt without entry only as defaults (its volume still comes from the settings)', () => {
    const usage = readUsageSection(USAGE, '.promptcost.yml')!;
    const state = initialSimulationState(options({ usage, entry: null }));
    assert.strictEqual(state.inputs.requestsPerDay, DEFAULT_SIMULATION_SETTINGS.requestsPerDay);
    assert.strictEqual(state.inputs.cacheHitRate, 0.1);
    assert.strictEqual(state.usageEntry, null);
  });

  test('overrides win, and fixed input tokens are remembered', () => {
    const state = initialSimulationState(options({ overrides: { model: 'plain-model', compareModels: ['classic-llm'], monthlyBudget: 10, inputs: { requestsPerDay: 7, inputTokens: 1000, outputTokens: undefined } } }));
    assert.strictEqual(state.model, 'plain-model');
    assert.deepStrictEqual(state.compareModels, ['classic-llm']);
    assert.deepStrictEqual([state.inputs.requestsPerDay, state.inputs.inputTokens, state.inputs.outputTokens, state.monthlyBudget], [7, 1000, 120, 10]);
    assert.strictEqual(state.inputTokensFixed, true);
    assert.deepStrictEqual(simulationRequest(state).inputs, state.inputs);
  });

  test('a usage model replaces the called model, which is then compared, with its own token count', () => {
    const usage = readUsageSection(USAGE.replace('outputTokens: 300', 'outputTokens: 300\n      model: plain-model'), '.promptcost.yml')!;
    const state = initialSimulationState(options({ usage, entry: usage.prompts[0] }));
    assert.strictEqual(state.model, 'plain-model');
    assert.strictEqual(state.inputs.inputTokens, 460);
    assert.deepStrictEqual(state.compareModels, ['test-model', 'classic-llm']);
  });
});

suite('simulate panel: edits from the panel', () => {
  const base = initialSimulationState(options());

  test('percent fields are typed as percentages and stored as shares', () => {
    const { state, error } = applySimulationEdit(base, 'cacheHitRate', '25');
    assert.strictEqual(error, null);
    assert.strictEqual(state.inputs.cacheHitRate, 0.25);
    assert.strictEqual(fieldValue(state, 'cacheHitRate'), '25');
    assert.strictEqual(fieldValue(applySimulationEdit(base, 'growth', '7').state, 'growth'), '7', '0.07 × 100 shows 7');
    assert.strictEqual(base.inputs.cacheHitRate, 0, 'the old state is not mutated');
  });

  test('values out of range are refused with a message and change nothing', () => {
    for (const [field, value] of [['cacheHitRate', '120'], ['requestsPerDay', '-3'], ['outputTokens', '2.5'], ['growth', '-100'], ['requestsPerDay', 'lots'], ['batchShare', ''], ['nope', '1']] as const) {
      const { state, error } = applySimulationEdit(base, field, value);
      assert.ok(error, `${field}=${value} should be refused`);
      assert.strictEqual(state, base);
    }
  });

  test('flex share is a percentage field; batch and flex together cannot pass 100 %', () => {
    assert.strictEqual(fieldValue(base, 'flexShare'), '0', 'absent is 0');
    const flex = applySimulationEdit(base, 'flexShare', '30');
    assert.strictEqual(flex.error, null);
    assert.strictEqual(flex.state.inputs.flexShare, 0.3);
    const both = applySimulationEdit(applySimulationEdit(flex.state, 'batchShare', '60').state, 'batchShare', '80');
    assert.match(both.error ?? '', /add up to more than 100 %/);
  });

  test('the budget may be cleared; 0 means none', () => {
    assert.strictEqual(applySimulationEdit(base, 'monthlyBudget', '150').state.monthlyBudget, 150);
    assert.strictEqual(applySimulationEdit({ ...base, monthlyBudget: 150 }, 'monthlyBudget', '').state.monthlyBudget, null);
    assert.strictEqual(applySimulationEdit(base, 'monthlyBudget', '0').state.monthlyBudget, null);
    assert.ok(applySimulationEdit(base, 'monthlyBudget', '-1').error);
  });

  test('a new model re-reads the prompt with its tokenizer, unless the tokens were set by hand', () => {
    const switched = applySimulationEdit(base, 'model', ' plain-model ').state;
    assert.strictEqual(switched.model, 'plain-model');
    assert.strictEqual(switched.inputs.inputTokens, 460);
    assert.deepStrictEqual(switched.compareModels, ['test-model', 'classic-llm']);
    const fixed = applySimulationEdit(applySimulationEdit(base, 'inputTokens', '900').state, 'model', 'plain-model').state;
    assert.strictEqual(fixed.inputs.inputTokens, 900);
    assert.ok(applySimulationEdit(base, 'model', '  ').error);
  });

  test('acceptable models are ticked and unticked', () => {
    const one = setModelAcceptable(base, 'plain-model', true);
    assert.deepStrictEqual(one.acceptableModels, ['plain-model']);
    assert.deepStrictEqual(setModelAcceptable(one, 'plain-model', false).acceptableModels, []);
  });
});
