/** The shared helpers: tree walking (syntaxTree), escape decoding (strings/escapes), dedent with placeholders (strings/stringValue), name/role normalisation (sdkNames). */
import * as assert from 'assert';
import { parseSource } from '../../../../src/core/prompts/parser';
import { decodeEscapes } from '../../../../src/core/prompts/strings/escapes';
import { dedentValue, placeholdersOf, TextBuilder } from '../../../../src/core/prompts/strings/stringValue';
import { lineRange, nodesOfTypes, nodeText, visitNodes } from '../../../../src/core/prompts/syntaxTree';
import { normalizeName, normalizeRole } from '../../../../src/core/prompts/sdkNames';

suite('tree and string helpers', () => {
  test('visitNodes and nodesOfTypes see the same nodes; skipping children works', async () => {
    const tree = await parseSource('python', 'def f(a):\n    return g(a, "x")\n\nclass C:\n    y = h(1)\n');
    try {
      const visited: string[] = [];
      visitNodes(tree.rootNode, (n) => {
        if (n.type === 'call') visited.push(nodeText(n));
      });
      assert.deepStrictEqual(visited, ['g(a, "x")', 'h(1)']);
      assert.deepStrictEqual(nodesOfTypes(tree.rootNode, new Set(['call'])).map(nodeText), visited);
      const outside: string[] = [];
      visitNodes(tree.rootNode, (n) => {
        if (n.type === 'class_definition') return false;
        if (n.type === 'call') outside.push(nodeText(n));
      });
      assert.deepStrictEqual(outside, ['g(a, "x")']);
      const fn = nodesOfTypes(tree.rootNode, new Set(['function_definition']))[0];
      assert.deepStrictEqual(lineRange(fn), { startLine: 1, endLine: 2 });
      // Walking a subtree stays inside it.
      assert.deepStrictEqual(nodesOfTypes(fn, new Set(['call'])).map(nodeText), ['g(a, "x")']);
    } finally {
      tree.delete();
    }
  });

  test('decodeEscapes per dialect', () => {
    assert.strictEqual(decodeEscapes('a\\nb\\t\\"q\\" \\x41\\u00e9 \\U0001F600', 'python'), 'a\nb\t"q" Aé \u{1F600}');
    assert.strictEqual(decodeEscapes('keep \\d and \\N{BULLET}', 'python'), 'keep \\d and \\N{BULLET}');
    assert.strictEqual(decodeEscapes('\\101\\0', 'python'), 'A\0');
    assert.strictEqual(decodeEscapes("it\\'s \\u{1F600} \\d line\\\ncontinued", 'javascript'), "it's \u{1F600} d linecontinued");
    assert.strictEqual(decodeEscapes('no escapes', 'go'), 'no escapes');
  });

  test('dedentValue keeps placeholder offsets right', () => {
    const value = new TextBuilder().appendText('\n    Hello ').appendHole('${name}', 'name', 'dollar').appendText(',\n      welcome.\n  ').build();
    const dedented = dedentValue(value, true);
    assert.strictEqual(dedented.text, 'Hello ${name},\n  welcome.');
    assert.deepStrictEqual(dedented.holes.map((h) => [h.raw, h.offset]), [['${name}', 6]]);
    assert.strictEqual(dedentValue(new TextBuilder().appendText('  a\n\n    b').build(), false).text, 'a\n\n  b');
  });

  test('placeholdersOf merges tree holes with text syntaxes without double counting', () => {
    const value = new TextBuilder().appendText('Q: {q} ').appendHole('{expr}', 'expr', 'fstring').build();
    assert.deepStrictEqual(placeholdersOf(value, ['format']).map((p) => [p.raw, p.syntax]), [['{q}', 'format'], ['{expr}', 'fstring']]);
    assert.deepStrictEqual(placeholdersOf(value, []).map((p) => p.raw), ['{expr}']);
  });

  test('normalizeName and normalizeRole', () => {
    assert.strictEqual(normalizeName('system_instruction'), normalizeName('systemInstruction'));
    assert.strictEqual(normalizeName('generate_content'), 'generatecontent');
    assert.deepStrictEqual(['human', 'ai', 'System', 'developer', 'placeholder'].map(normalizeRole), ['user', 'assistant', 'system', 'developer', undefined]);
  });
});
