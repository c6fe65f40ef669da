import * as assert from 'assert';
import { IncrementalPromptParser } from '../../../../src/core/pipeline/incrementalPromptParser';
import { findPrompts, warmGrammar } from '../../../../src/core/prompts/findPrompts';
import { loadParser, ParseTimeoutError, parseWithinBudget } from '../../../../src/core/prompts/parser';

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

  test('the editor\'s incremental parser: an edit into a looping text throws, and the document starts fresh afterwards', async function () {
    this.timeout(15_000);
    await warmGrammar('/x/doc.ts');
    const parser = new IncrementalPromptParser();
    const good = 'import OpenAI from "openai";\nconst c = new OpenAI();\nawait c.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Summarize the text" }] });\n';
    assert.strictEqual(parser.find('doc', good, '/x/doc.ts')?.length, 1);
    parser.edit('doc', [{ rangeOffset: 0, rangeLength: good.length, text: LOOPING_TYPESCRIPT }]);
    assert.throws(() => parser.find('doc', LOOPING_TYPESCRIPT, '/x/doc.ts'), ParseTimeoutError);
    assert.deepStrictEqual(parser.find('doc', good, '/x/doc.ts')?.map((p) => p.text), ['Summarize the text']);
    parser.dispose();
  });
});
