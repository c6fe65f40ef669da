import * as assert from 'assert';
import { toCountingFinding } from '../../../../src/core/scan/finding';
import { countingMethod } from '../../../../src/core/tokens/countingMethod';

suite('scan: finding (how a count was made, in --json)', () => {
  test('each method as data with the label the hover shows', () => {
    assert.deepStrictEqual(toCountingFinding(countingMethod('gpt-4o')), { method: 'encoding', name: 'o200k_base', exact: true, factor: null, basis: null, label: 'exact: OpenAI encoding o200k_base' });
    assert.deepStrictEqual(toCountingFinding(countingMethod('qwen3-32b')), { method: 'local', name: 'qwen3', exact: true, factor: null, basis: null, label: 'exact: Qwen 3 tokenizer (local)' });
    const gemini = toCountingFinding(countingMethod('gemini-2.5-flash'));
    assert.deepStrictEqual([gemini.method, gemini.name, gemini.exact, gemini.factor], ['factor', null, false, { prose: 1.07, code: 1.25 }]);
  });

  test("a provider's count: method provider, its name, and what was added to it", () => {
    assert.deepStrictEqual(toCountingFinding({ kind: 'provider', provider: 'anthropic', added: 0 }), { method: 'provider', name: 'anthropic', exact: true, factor: null, basis: null, label: 'exact (Anthropic API)' });
    assert.deepStrictEqual(toCountingFinding({ kind: 'provider', provider: 'gemini', added: 50 }).basis, "the provider's count of what the code shows, plus 50 tokens assumed for what it does not");
  });
});
