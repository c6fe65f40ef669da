import * as assert from 'assert';
import { callsOverLimit, scanTotals } from '../../../../src/core/scan/callLimits';
import { toFileFindings } from '../../../../src/core/scan/finding';
import { analyze } from '../estimate/callTestKit';

suite('scan: totals and limits', () => {
  test('a call made with a test double is listed (marked) but in neither the totals nor the limits', async () => {
    const source = [
      'from langchain_core.language_models import FakeListLLM',
      'from openai import OpenAI',
      'fake = FakeListLLM(responses=["ok"])',
      'fake.invoke("Write a long essay about the history of the printing press.")',
      'client = OpenAI()',
      'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Write a long essay about the history of the printing press."}])',
      '',
    ].join('\n');
    const { prompts, calls } = await analyze(source, 'essay.py');
    const findings = toFileFindings('essay.py', prompts, calls);
    assert.deepStrictEqual(findings.calls.map((c) => [c.startLine, c.testDouble ?? false]), [[4, true], [6, false]]);
    const totals = scanTotals(findings.calls);
    assert.strictEqual(totals.calls, 1);
    assert.deepStrictEqual(totals.byModel.map((t) => [t.model, t.calls]), [['gpt-4o', 1]]);
    assert.deepStrictEqual(callsOverLimit(findings.calls, 0, undefined).map((o) => o.call.startLine), [6]);
  });
});
