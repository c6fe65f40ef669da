import * as assert from 'assert';
import { DEFAULT_ENGINE_SETTINGS, mergeEngineSettings, type EngineSettings } from '../../../../src/core/config/engineSettings';
import { DEFAULT_REASONING_SETTINGS } from '../../../../src/core/estimate/reasoningTokens';

/** Layers come from untyped sources (VS Code settings, JSON): let tests pass wrong types on purpose. */
function untyped(value: Record<string, unknown>): Partial<EngineSettings> {
  return value as Partial<EngineSettings>;
}

suite('engine settings: defaults', () => {
  test('no layers gives the documented defaults', () => {
    const { settings, problems } = mergeEngineSettings();
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(settings, {
      models: ['gpt-4o'],
      compareModels: [],
      expectedOutputTokens: 256,
      placeholderTokens: 50,
      placeholderSizes: {},
      perRequestLimit: 0.05,
      priceOverrides: {},
      modelAliases: {},
      estimateFactors: {},
      reasoningTokens: { minimal: 128, low: 512, medium: 1024, high: 2048, xhigh: 4096 },
      thinkingBudgetShare: 0.35,
      maxFileBytes: 1048576,
    });
  });

  test('the result never shares objects with the defaults or the layers', () => {
    const layer: Partial<EngineSettings> = { models: ['gpt-4.1'], priceOverrides: { x: { input: 1 } } };
    const { settings } = mergeEngineSettings(layer);
    settings.models.push('mutated');
    settings.placeholderSizes.q = 1;
    settings.priceOverrides.x.output = 9;
    settings.reasoningTokens.high = 1;
    assert.deepStrictEqual(layer, { models: ['gpt-4.1'], priceOverrides: { x: { input: 1 } } });
    assert.deepStrictEqual(DEFAULT_ENGINE_SETTINGS.models, ['gpt-4o']);
    assert.deepStrictEqual(DEFAULT_ENGINE_SETTINGS.placeholderSizes, {});
    assert.strictEqual(DEFAULT_ENGINE_SETTINGS.reasoningTokens.high, 2048);
    assert.strictEqual(DEFAULT_REASONING_SETTINGS.reasoningTokens.high, 2048);
    assert.ok(Object.isFrozen(DEFAULT_ENGINE_SETTINGS));
  });
});

suite('engine settings: merge', () => {
  test('later layers win; lists replace; maps merge by key', () => {
    const { settings, problems } = mergeEngineSettings(
      { models: ['gpt-4o-mini'], placeholderSizes: { a: 10, b: 'text' }, modelAliases: { dep: 'gpt-4o' } },
      { models: ['claude-sonnet-4-5', 'gpt-4.1'], placeholderSizes: { b: 20 }, expectedOutputTokens: 100 },
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(settings.models, ['claude-sonnet-4-5', 'gpt-4.1']);
    assert.deepStrictEqual(settings.placeholderSizes, { a: 10, b: 20 });
    assert.deepStrictEqual(settings.modelAliases, { dep: 'gpt-4o' });
    assert.strictEqual(settings.expectedOutputTokens, 100);
    assert.strictEqual(settings.placeholderTokens, 50);
  });

  test('price overrides merge field by field across layers', () => {
    const { settings } = mergeEngineSettings(
      { priceOverrides: { 'acme-llm-1': { input: 0.4 } } },
      { priceOverrides: { 'acme-llm-1': { output: 1.2, contextWindow: 32000 } } },
    );
    assert.deepStrictEqual(settings.priceOverrides, { 'acme-llm-1': { input: 0.4, output: 1.2, contextWindow: 32000 } });
  });

  test('undefined values leave the layer below in place', () => {
    const { settings, problems } = mergeEngineSettings({ perRequestLimit: 0.2 }, { perRequestLimit: undefined });
    assert.strictEqual(settings.perRequestLimit, 0.2);
    assert.deepStrictEqual(problems, []);
  });

  test('reasoning tokens merge by effort over the cited defaults; the budget share is replaced', () => {
    const { settings, problems } = mergeEngineSettings(
      { reasoningTokens: { high: 3000 }, thinkingBudgetShare: 0.5 },
      { reasoningTokens: { medium: 1500, xhigh: 0 }, thinkingBudgetShare: 1 },
    );
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(settings.reasoningTokens, { minimal: 128, low: 512, medium: 1500, high: 3000, xhigh: 0 });
    assert.strictEqual(settings.thinkingBudgetShare, 1);
  });

  test('model lists: trimmed, duplicates dropped, a single string accepted', () => {
    const { settings } = mergeEngineSettings(untyped({ models: [' gpt-4o ', 'gpt-4o', 'o3'], compareModels: 'claude-haiku-4-5' }));
    assert.deepStrictEqual(settings.models, ['gpt-4o', 'o3']);
    assert.deepStrictEqual(settings.compareModels, ['claude-haiku-4-5']);
  });
});

suite('engine settings: validation', () => {
  test('negative and non-numeric values are ignored with a reason', () => {
    const { settings, problems } = mergeEngineSettings(
      { expectedOutputTokens: 400, perRequestLimit: 0.1 },
      untyped({ expectedOutputTokens: -5, placeholderTokens: '80', perRequestLimit: Number.NaN, maxFileBytes: 0 }),
    );
    assert.strictEqual(settings.expectedOutputTokens, 400);
    assert.strictEqual(settings.placeholderTokens, 50);
    assert.strictEqual(settings.perRequestLimit, 0.1);
    assert.strictEqual(settings.maxFileBytes, 1048576);
    assert.strictEqual(problems.length, 4);
    assert.match(problems[0], /`expectedOutputTokens` must be a whole number ≥ 0, not number -5/);
    assert.match(problems[1], /`placeholderTokens` .* not the text "80"/);
    assert.match(problems[2], /`perRequestLimit`/);
    assert.match(problems[3], /`maxFileBytes` must be greater than 0/);
  });

  test('token counts must be whole numbers', () => {
    const { settings, problems } = mergeEngineSettings({ placeholderTokens: 12.5 });
    assert.strictEqual(settings.placeholderTokens, 50);
    assert.strictEqual(problems.length, 1);
  });

  test('bad entries inside maps are dropped one by one', () => {
    const { settings, problems } = mergeEngineSettings(
      untyped({
        placeholderSizes: { ok: 'text', n: 12, bad: -1, obj: { x: 1 } },
        modelAliases: { a: 'gpt-4o', b: '', c: 3 },
        estimateFactors: { claude: 1.15, zero: 0, neg: -2 },
        priceOverrides: { m: { input: 2, output: -1, cached: 1, contextWindow: 1.5 }, n: 'cheap' },
      }),
    );
    assert.deepStrictEqual(settings.placeholderSizes, { ok: 'text', n: 12 });
    assert.deepStrictEqual(settings.modelAliases, { a: 'gpt-4o' });
    assert.deepStrictEqual(settings.estimateFactors, { claude: 1.15 });
    assert.deepStrictEqual(settings.priceOverrides, { m: { input: 2 } });
    const keys = problems.map((p) => /^`([^`]*)`/.exec(p)?.[1]);
    assert.deepStrictEqual(keys, [
      'placeholderSizes.bad',
      'placeholderSizes.obj',
      'modelAliases.b',
      'modelAliases.c',
      'estimateFactors.zero',
      'estimateFactors.neg',
      'priceOverrides.m.output',
      'priceOverrides.m.cached',
      'priceOverrides.m.contextWindow',
      'priceOverrides.n',
    ]);
  });

  test('wrong container types and unknown keys are reported', () => {
    const { settings, problems } = mergeEngineSettings(
      untyped({ models: 'gpt-4.1', placeholderSizes: ['a'], modelAliases: null, colour: 'blue' }),
      untyped({ models: [] }),
    );
    assert.deepStrictEqual(settings.models, ['gpt-4.1']);
    assert.deepStrictEqual(settings.placeholderSizes, {});
    assert.deepStrictEqual(settings.modelAliases, {});
    assert.strictEqual(problems.length, 4);
    assert.match(problems[0], /`placeholderSizes` must be a map/);
    assert.match(problems[1], /`modelAliases` must be a map/);
    assert.match(problems[2], /`colour` unknown setting/);
    assert.match(problems[3], /`models` must name at least one model/);
  });

  test('reasoning settings: unknown efforts, bad counts and shares outside 0–1 are reported and skipped', () => {
    const { settings, problems } = mergeEngineSettings(
      { thinkingBudgetShare: 0.2 },
      untyped({ reasoningTokens: { high: -1, turbo: 10, medium: 1.5, low: 600, High: 5 }, thinkingBudgetShare: 1.5 }),
      untyped({ reasoningTokens: 'lots', thinkingBudgetShare: '0.3' }),
      untyped({ reasoningTokens: null, thinkingBudgetShare: -0.1 }),
    );
    assert.deepStrictEqual(settings.reasoningTokens, { minimal: 128, low: 600, medium: 1024, high: 2048, xhigh: 4096 });
    assert.strictEqual(settings.thinkingBudgetShare, 0.2);
    const keys = problems.map((p) => /^`([^`]*)`/.exec(p)?.[1]);
    assert.deepStrictEqual(keys, [
      'reasoningTokens.high',
      'reasoningTokens.turbo',
      'reasoningTokens.medium',
      'reasoningTokens.High',
      'thinkingBudgetShare',
      'reasoningTokens',
      'thinkingBudgetShare',
      'reasoningTokens',
      'thinkingBudgetShare',
    ]);
    assert.match(problems[1], /unknown reasoning effort \(expected one of minimal, low, medium, high, xhigh\)/);
    assert.match(problems[4], /`thinkingBudgetShare` must be a number from 0 to 1, not number 1.5/);
    assert.match(problems[5], /`reasoningTokens` must be a map of effort: tokens/);
    assert.match(problems[6], /not the text "0.3"/);
  });

  test('a layer that is not an object is reported, not thrown', () => {
    const { settings, problems } = mergeEngineSettings(untyped(['x'] as unknown as Record<string, unknown>));
    assert.deepStrictEqual(settings.models, ['gpt-4o']);
    assert.strictEqual(problems.length, 1);
  });
});
