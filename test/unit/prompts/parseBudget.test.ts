import * as assert from 'assert';
import { findPrompts } from '../../../src/core/prompts/findPrompts';
import { loadParser, ParseTimeoutError, parseWithinBudget } from '../../../src/core/prompts/parser';

/** 24 bytes on which tree-sitter's TypeScript grammar never finishes (found by the incremental property test's fuzzing). */
const LOOPING_TYPESCRIPT = '{"":""t."}])a h u i.`';

suite('parse budget', () => {
  test('a grammar that loops is stopped at the budget, and the parser parses the next file normally', async () => {
    const parser = await loadParser('typescript');
    const started = performance.now();
    assert.throws(() => parseWithinBudget(parser, LOOPING_TYPESCRIPT, null, 150), ParseTimeoutError);
    const ms = performance.now() - started;
    assert.ok(ms < 5_000, `stopped, not hung (${ms.toFixed(0)} ms)`);
    const tree = parseWithinBudget(parser, 'const prompt = "Summarize {text}";');
    try {
      assert.strictEqual(tree.rootNode.type, 'program');
      assert.strictEqual(tree.rootNode.hasError, false);
      assert.strictEqual(tree.rootNode.text, 'const prompt = "Summarize {text}";');
    } finally {
      tree.delete();
    }
  });

  test('findPrompts reports the file as not parsed instead of hanging, then finds prompts in the next one', async function () {
    this.timeout(15_000); // the real budget: 2 s plus 1 ms per KB
    await assert.rejects(findPrompts(LOOPING_TYPESCRIPT, '/x/loop.ts'), ParseTimeoutError);
    const found = await findPrompts('import OpenAI from "openai";\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Summarize the text" }] });\n', '/x/ok.ts');
    assert.deepStrictEqual(found.map((p) => [p.text, p.model]), [['Summarize the text', 'gpt-4o']]);
  });
});
