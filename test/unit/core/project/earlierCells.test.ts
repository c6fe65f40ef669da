import * as assert from 'assert';
import { templateTokens } from '../../../../src/core/estimate/templateTokens';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';
import { EARLIER_CELL, resolveEarlierCells } from '../../../../src/core/project/earlierCells';

const EARLIER = [
  'from openai import OpenAI',
  'from langchain_openai import ChatOpenAI',
  'client = OpenAI()',
  '',
  'SYSTEM = "You are a terse assistant. Answer in one line."',
  'llm = ChatOpenAI(model="gpt-4.1-mini")',
].join('\n');

suite('notebook cells: names defined in earlier cells', () => {
  test("a cell's placeholder takes an earlier cell's constant, and a model object defined above gives the model", async () => {
    const cell = [
      'resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": "Hi"}])',
      'answer = llm.invoke(f"{SYSTEM} Summarize the notes.")',
    ].join('\n');
    const prompts = await findPrompts(cell, '/nb/summaries.ipynb.py');
    await resolveEarlierCells(prompts, EARLIER, '/nb/summaries.ipynb');
    const system = prompts.find((p) => p.text === '{SYSTEM}');
    assert.strictEqual(system?.imports?.SYSTEM?.text, 'You are a terse assistant. Answer in one line.');
    const size = templateTokens(system!, 'gpt-4o-mini', { defaultTokens: 50, sizes: {} }).placeholders[0];
    assert.deepStrictEqual([size.source, size.from], ['import', EARLIER_CELL]);
    assert.ok(size.tokens < 20, String(size.tokens));
    const invoke = prompts.find((p) => p.startLine === 2);
    assert.strictEqual(invoke?.model, 'gpt-4.1-mini');
    assert.strictEqual(invoke?.imports?.SYSTEM?.where, EARLIER_CELL);
  });

  test('nothing above, or names the cells above do not define: the cell stands alone', async () => {
    const prompts = await findPrompts('client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": OTHER}])', '/nb/x.ipynb.py');
    await resolveEarlierCells(prompts, EARLIER, '/nb/x.ipynb');
    await resolveEarlierCells(prompts, '', '/nb/x.ipynb');
    assert.ok(prompts.length > 0 && prompts.every((p) => !p.imports));
  });
});
