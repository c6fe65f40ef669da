import * as assert from 'assert';
import {
  bareModelId,
  DEFAULT_REASONING_SETTINGS,
  normalizeEffort,
  REASONING_MAX_MULTIPLIER,
  reasoningDefaults,
  reasoningTokens,
  type ReasoningInput,
  type ReasoningSettings,
} from '../../../../src/core/estimate/reasoningTokens';

const settings: ReasoningSettings = DEFAULT_REASONING_SETTINGS;

/** A call to `model` with nothing but what `extra` sets. */
function call(model: string, extra: Partial<ReasoningInput> = {}): ReasoningInput {
  return { model, effort: null, thinkingBudget: null, cap: null, ...extra };
}

suite('reasoning tokens: cited defaults', () => {
  test('the table and share are the ones docs/reasoning-defaults.md cites', () => {
    assert.deepStrictEqual(DEFAULT_REASONING_SETTINGS.reasoningTokens, { minimal: 128, low: 512, medium: 1024, high: 2048, xhigh: 4096 });
    assert.strictEqual(DEFAULT_REASONING_SETTINGS.thinkingBudgetShare, 0.35);
    assert.strictEqual(REASONING_MAX_MULTIPLIER, 4);
    assert.ok(Object.isFrozen(DEFAULT_REASONING_SETTINGS) && Object.isFrozen(DEFAULT_REASONING_SETTINGS.reasoningTokens));
  });
});

suite('reasoning tokens: which calls reason', () => {
  test('OpenAI: gpt-5 and o-series reason at medium; gpt-5-pro at high; gpt-5.1 only when asked', () => {
    for (const model of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5-2025-08-07', 'o1', 'o3', 'o3-mini', 'o4-mini', 'o4-mini-2025-04-16']) {
      assert.deepStrictEqual(reasoningDefaults(model), { reasons: true, defaultEffort: 'medium', always: true }, model);
    }
    assert.deepStrictEqual(reasoningDefaults('gpt-5-pro'), { reasons: true, defaultEffort: 'high', always: true });
    assert.deepStrictEqual(reasoningDefaults('gpt-5.1'), { reasons: true, defaultEffort: 'none', always: false });
    assert.deepStrictEqual(reasoningDefaults('gpt-5.2-2025-12-11'), { reasons: true, defaultEffort: 'none', always: false });
  });

  test('no reasoning: gpt-4o, gpt-4.1, gpt-5-chat-latest, older Claude and Gemini, deepseek-chat, non-reasoning Grok', () => {
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-3.5-turbo', 'gpt-5-chat-latest', 'claude-3-5-sonnet-20241022', 'claude-3-haiku-20240307', 'gemini-2.0-flash', 'gemini-1.5-pro', 'deepseek-chat', 'grok-4-fast-non-reasoning', 'grok-3']) {
      assert.deepStrictEqual(reasoningDefaults(model), { reasons: false, defaultEffort: null, always: false }, model);
    }
  });

  test('Gemini: 2.5 Pro and 3 Pro always think; 2.5 Flash by default; Flash-Lite only when asked', () => {
    assert.deepStrictEqual(reasoningDefaults('gemini-2.5-pro'), { reasons: true, defaultEffort: 'high', always: true });
    assert.deepStrictEqual(reasoningDefaults('gemini-3-pro-preview'), { reasons: true, defaultEffort: 'high', always: true });
    assert.deepStrictEqual(reasoningDefaults('gemini-2.5-flash'), { reasons: true, defaultEffort: 'high', always: false });
    assert.deepStrictEqual(reasoningDefaults('gemini-2.5-flash-lite'), { reasons: true, defaultEffort: null, always: false });
  });

  test('Claude 3.7 and later reason only with a thinking budget; DeepSeek reasoner and Grok reasoning models always', () => {
    assert.deepStrictEqual(reasoningDefaults('claude-sonnet-4-5'), { reasons: true, defaultEffort: null, always: false });
    assert.deepStrictEqual(reasoningDefaults('claude-3-7-sonnet-20250219'), { reasons: true, defaultEffort: null, always: false });
    assert.deepStrictEqual(reasoningDefaults('deepseek-reasoner'), { reasons: true, defaultEffort: 'high', always: true });
    assert.deepStrictEqual(reasoningDefaults('grok-3-mini'), { reasons: true, defaultEffort: 'medium', always: true });
    assert.deepStrictEqual(reasoningDefaults('grok-4-fast-reasoning'), { reasons: true, defaultEffort: 'high', always: true });
  });

  test('provider prefixes and Bedrock ids are stripped; an unknown model does not reason by default', () => {
    assert.strictEqual(bareModelId('openai/gpt-5'), 'gpt-5');
    assert.strictEqual(bareModelId(' Azure/O3-mini '), 'o3-mini');
    assert.strictEqual(bareModelId('us.anthropic.claude-sonnet-4-5-20250929-v1:0'), 'claude-sonnet-4-5-20250929-v1:0');
    assert.strictEqual(bareModelId('models/gemini-2.5-pro'), 'gemini-2.5-pro');
    assert.deepStrictEqual(reasoningDefaults('azure/o3-mini'), reasoningDefaults('o3-mini'));
    assert.deepStrictEqual(reasoningDefaults('openrouter/openai/gpt-4o'), reasoningDefaults('gpt-4o'));
    assert.deepStrictEqual(reasoningDefaults('acme-llm-1'), { reasons: false, defaultEffort: null, always: false });
  });
});

suite('reasoning tokens: efforts as written', () => {
  test('case, quotes and enum prefixes are normalised; xhigh and max read the xhigh row', () => {
    assert.deepStrictEqual(normalizeEffort('HIGH'), { level: 'high', key: 'high', known: true });
    assert.deepStrictEqual(normalizeEffort('"low"'), { level: 'low', key: 'low', known: true });
    assert.deepStrictEqual(normalizeEffort('types.ThinkingLevel.LOW'), { level: 'low', key: 'low', known: true });
    assert.deepStrictEqual(normalizeEffort('xhigh'), { level: 'high', key: 'xhigh', known: true });
    assert.deepStrictEqual(normalizeEffort('max'), { level: 'high', key: 'xhigh', known: true });
    assert.deepStrictEqual(normalizeEffort('turbo'), { level: 'medium', key: 'medium', known: false });
  });
});

suite('reasoning tokens: typical and max per call', () => {
  test('gpt-5 with reasoning_effort="high": 2,048 typical; no cap, so max = 2,048 × 4', () => {
    assert.deepStrictEqual(reasoningTokens(call('gpt-5', { effort: 'high' }), settings), { typical: 2048, max: 8192, effort: 'high', source: 'effort' });
  });

  test('gpt-5 with nothing set reasons at its default, medium: 1,024 typical, 4,096 max', () => {
    assert.deepStrictEqual(reasoningTokens(call('gpt-5'), settings), { typical: 1024, max: 4096, effort: 'medium', source: 'default' });
    assert.deepStrictEqual(reasoningTokens(call('openai/gpt-5'), settings), { typical: 1024, max: 4096, effort: 'medium', source: 'default' });
  });

  test('o3-mini at low: 512 typical; with max_completion_tokens=4,000 the max is the cap', () => {
    assert.deepStrictEqual(reasoningTokens(call('o3-mini', { effort: 'low' }), settings), { typical: 512, max: 2048, effort: 'low', source: 'effort' });
    assert.deepStrictEqual(reasoningTokens(call('o3-mini', { effort: 'low', cap: 4000 }), settings), { typical: 512, max: 4000, effort: 'low', source: 'effort' });
  });

  test('gemini-2.5-pro always thinks (dynamic, counted as high), even with a budget of 0', () => {
    const expected = { typical: 2048, max: 8192, effort: 'high', source: 'default' };
    assert.deepStrictEqual(reasoningTokens(call('gemini-2.5-pro'), settings), expected);
    assert.deepStrictEqual(reasoningTokens(call('gemini-2.5-pro', { thinkingBudget: 0 }), settings), expected);
    assert.deepStrictEqual(reasoningTokens(call('gemini-2.5-pro', { thinkingBudget: -1, cap: 65535 }), settings), { typical: 2048, max: 65535, effort: 'high', source: 'default' });
  });

  test('claude-sonnet-4-5 with budget_tokens=8,000 and max_tokens=16,000: round(8,000 × 0.35) = 2,800 typical, 8,000 max', () => {
    const input = call('claude-sonnet-4-5', { thinkingBudget: 8000, cap: 16000 });
    assert.deepStrictEqual(reasoningTokens(input, settings), { typical: 2800, max: 8000, effort: null, source: 'budget' });
  });

  test('Claude without thinking, gpt-4o (even with an effort) and gpt-5-chat-latest do not reason', () => {
    assert.strictEqual(reasoningTokens(call('claude-sonnet-4-5', { cap: 16000 }), settings), null);
    assert.strictEqual(reasoningTokens(call('gpt-4o'), settings), null);
    assert.strictEqual(reasoningTokens(call('gpt-4o', { effort: 'high', thinkingBudget: 4000 }), settings), null);
    assert.strictEqual(reasoningTokens(call('gpt-5-chat-latest'), settings), null);
  });

  test('a cap smaller than the typical count clamps both figures', () => {
    assert.deepStrictEqual(reasoningTokens(call('gpt-5', { effort: 'high', cap: 1000 }), settings), { typical: 1000, max: 1000, effort: 'high', source: 'effort' });
    assert.deepStrictEqual(reasoningTokens(call('claude-opus-4-1', { thinkingBudget: 8000, cap: 2000 }), settings), { typical: 2000, max: 2000, effort: null, source: 'budget' });
  });

  test('effort none turns reasoning off (gpt-5.1 style); gpt-5.1 with nothing set does not reason', () => {
    assert.strictEqual(reasoningTokens(call('gpt-5.1', { effort: 'none' }), settings), null);
    assert.strictEqual(reasoningTokens(call('gpt-5.1'), settings), null);
    assert.deepStrictEqual(reasoningTokens(call('gpt-5.1', { effort: 'low' }), settings), { typical: 512, max: 2048, effort: 'low', source: 'effort' });
  });

  test('minimal reads the small row: 128 typical, 512 max', () => {
    assert.deepStrictEqual(reasoningTokens(call('gpt-5-mini', { effort: 'minimal' }), settings), { typical: 128, max: 512, effort: 'minimal', source: 'effort' });
  });

  test('an unknown effort is counted as medium, and says so', () => {
    const estimate = reasoningTokens(call('gpt-5', { effort: 'turbo' }), settings);
    assert.ok(estimate);
    assert.deepStrictEqual([estimate.typical, estimate.max, estimate.effort, estimate.source], [1024, 4096, 'medium', 'effort']);
    assert.match(estimate.note ?? '', /unknown reasoning effort "turbo": counted as medium/);
  });

  test('xhigh reads its own row; a table without one falls back to high', () => {
    assert.deepStrictEqual(reasoningTokens(call('gpt-5.1-codex-max', { effort: 'xhigh' }), settings), { typical: 4096, max: 16384, effort: 'xhigh', source: 'effort' });
    const noXhigh: ReasoningSettings = { reasoningTokens: { medium: 1000, high: 3000 }, thinkingBudgetShare: 0.5 };
    assert.deepStrictEqual(reasoningTokens(call('gpt-5.2', { effort: 'XHIGH' }), noXhigh), { typical: 3000, max: 12000, effort: 'xhigh', source: 'effort' });
  });

  test('Gemini: a budget of 0 turns 2.5 Flash off; thinking_level on Gemini 3; Flash-Lite thinks only with a budget', () => {
    assert.strictEqual(reasoningTokens(call('gemini-2.5-flash', { thinkingBudget: 0 }), settings), null);
    assert.deepStrictEqual(reasoningTokens(call('gemini-2.5-flash'), settings), { typical: 2048, max: 8192, effort: 'high', source: 'default' });
    assert.deepStrictEqual(reasoningTokens(call('gemini-3-pro-preview', { effort: 'low' }), settings), { typical: 512, max: 2048, effort: 'low', source: 'effort' });
    assert.strictEqual(reasoningTokens(call('gemini-2.5-flash-lite'), settings), null);
    assert.deepStrictEqual(reasoningTokens(call('gemini-2.5-flash-lite', { thinkingBudget: 1024 }), settings), { typical: 358, max: 1024, effort: null, source: 'budget' });
  });

  test('settings change the figures: a share of 1 spends the whole budget; a table row replaces the default', () => {
    const custom: ReasoningSettings = { reasoningTokens: { ...DEFAULT_REASONING_SETTINGS.reasoningTokens, high: 5000 }, thinkingBudgetShare: 1 };
    assert.deepStrictEqual(reasoningTokens(call('claude-sonnet-4-5', { thinkingBudget: 8000 }), custom), { typical: 8000, max: 8000, effort: null, source: 'budget' });
    assert.deepStrictEqual(reasoningTokens(call('deepseek-reasoner'), custom), { typical: 5000, max: 20000, effort: 'high', source: 'default' });
  });

  test('a model this file does not know reasons when the code asks it to, and not otherwise', () => {
    assert.strictEqual(reasoningTokens(call('acme-llm-1'), settings), null);
    assert.deepStrictEqual(reasoningTokens(call('acme-llm-1', { effort: 'high' }), settings), { typical: 2048, max: 8192, effort: 'high', source: 'effort' });
    assert.deepStrictEqual(reasoningTokens(call('qwen3-235b-a22b-thinking-2507'), settings), { typical: 2048, max: 8192, effort: 'high', source: 'default' });
  });
});
