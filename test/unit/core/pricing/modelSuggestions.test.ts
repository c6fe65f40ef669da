import * as assert from 'assert';
import { closeModelNames } from '../../../../src/core/pricing/modelSuggestions';

const KNOWN = ['gpt-4o', 'gpt-4o-mini', 'azure/gpt-4o', 'gpt-4', 'o1', 'o3', 'claude-sonnet-4-5', 'bedrock/claude-sonnet-4-5', 'claude-sonnet-4-6', 'gemini-2.5-flash'];

suite('pricing: close model names', () => {
  test('near spellings first, the vendor\'s own id before resellers\'', () => {
    assert.deepStrictEqual(closeModelNames('gpt-4-o', KNOWN).slice(0, 3), ['gpt-4o', 'azure/gpt-4o', 'gpt-4']);
    assert.deepStrictEqual(closeModelNames('claude-sonet-4-5', KNOWN), ['claude-sonnet-4-5', 'bedrock/claude-sonnet-4-5', 'claude-sonnet-4-6']);
    assert.deepStrictEqual(closeModelNames('GPT-4O-MINI', KNOWN)[0], 'gpt-4o-mini');
  });

  test('a fragment finds the ids that contain it, never short unrelated ids', () => {
    assert.deepStrictEqual(closeModelNames('sonnet', KNOWN), ['claude-sonnet-4-5', 'claude-sonnet-4-6', 'bedrock/claude-sonnet-4-5']);
  });

  test('nothing close, nothing suggested; at most five', () => {
    assert.deepStrictEqual(closeModelNames('zzzzzzzz', KNOWN), []);
    assert.deepStrictEqual(closeModelNames('', KNOWN), []);
    assert.ok(closeModelNames('gpt', KNOWN).length <= 5);
  });
});
