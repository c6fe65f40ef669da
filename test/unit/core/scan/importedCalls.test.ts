import * as assert from 'assert';
import { scanTotals } from '../../../../src/core/scan/callLimits';
import type { CallFinding, FileFindings, PromptFinding } from '../../../../src/core/scan/finding';
import { markImportedCalls } from '../../../../src/core/scan/importedCalls';

const prompt = (id: string, file: string, startLine: number, calls: string[], imports?: PromptFinding['imports']): PromptFinding => ({
  id, file, startLine, endLine: startLine, language: 'python', kind: 'template', text: 't', placeholders: [], model: null, evidence: 'call', calls, tokens: 10, ...(imports ? { imports } : {}),
});
const call = (id: string, file: string, implied: boolean, prompts: string[], typical: number): CallFinding => ({
  id, file, startLine: 1, endLine: 1, implied, api: 'chat', model: 'gpt-4o', kind: 'template', prompts, assumed: [],
  estimates: [{ model: 'gpt-4o', encoding: 'o200k_base', exact: true, inputTokens: 10, overheadTokens: 0, toolTokens: 0, schemaTokens: 0, outputTokens: { typical: 1, max: 1 }, reasoningTokens: null, cost: { typical, max: typical }, cachedCost: null, batchCost: null, contextWindow: null, priceId: 'gpt-4o' } as unknown as CallFinding['estimates'][0]],
});

suite('scan: constants sent by calls in other files are counted once', () => {
  test('the implied call of an imported constant is marked sent by the importing calls and left out of the totals', () => {
    const findings: FileFindings = {
      prompts: [
        prompt('p1', 'app/main.py', 9, ['c1'], [{ placeholder: 'SYSTEM', file: 'app/prompts.py', line: 3 }]),
        prompt('p2', 'app/other.py', 4, ['c2'], [{ placeholder: 'SYSTEM', file: 'app/prompts.py', line: 3 }]),
        prompt('p3', 'app/prompts.py', 3, ['c3']),
        prompt('p4', 'app/prompts.py', 8, ['c4']),
      ],
      calls: [call('c1', 'app/main.py', false, ['p1'], 1), call('c2', 'app/other.py', false, ['p2'], 2), call('c3', 'app/prompts.py', true, ['p3'], 4), call('c4', 'app/prompts.py', true, ['p4'], 8)],
    };
    const marked = markImportedCalls(findings);
    assert.deepStrictEqual(marked.calls.map((c) => c.sentBy), [undefined, undefined, ['c1', 'c2'], undefined]);
    assert.strictEqual(findings.calls[2].sentBy, undefined, 'the input is not changed');
    const totals = scanTotals(marked.calls);
    assert.strictEqual(totals.calls, 3);
    assert.strictEqual(totals.byModel[0].typical, 1 + 2 + 8);
  });

  test('nothing imported: the findings are returned as they are', () => {
    const findings: FileFindings = { prompts: [prompt('p1', 'a.py', 1, ['c1'])], calls: [call('c1', 'a.py', true, ['p1'], 1)] };
    assert.strictEqual(markImportedCalls(findings), findings);
  });
});
