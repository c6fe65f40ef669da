import * as assert from 'assert';
import { countProviderFor } from '../../../../src/core/exactCounts/countProviders';

suite('exactCounts: countProviders (which API counts a model, and its id there)', () => {
  const cases: [string, string | null][] = [
    ['claude-sonnet-4-5', 'anthropic claude-sonnet-4-5'],
    ['anthropic/claude-opus-4-1', 'anthropic claude-opus-4-1'],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'anthropic claude-3-5-haiku-20241022'],
    ['vertex_ai/claude-sonnet-4-5@20250929', 'anthropic claude-sonnet-4-5-20250929'],
    ['gemini-2.5-flash', 'gemini gemini-2.5-flash'],
    ['models/gemini-2.0-flash-001', 'gemini gemini-2.0-flash-001'],
    ['vertex_ai/gemini-3-pro-preview', 'gemini gemini-3-pro-preview'],
    ['gpt-4o', null],
    ['gemma-3-27b-it', null],
    ['llama-3.3-70b-versatile', null],
  ];
  for (const [model, expected] of cases) {
    test(`${model} → ${expected ?? 'none'}`, () => {
      const target = countProviderFor(model);
      assert.strictEqual(target ? `${target.provider} ${target.model}` : null, expected);
    });
  }
});
