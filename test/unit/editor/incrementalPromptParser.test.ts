import * as assert from 'assert';
import { IncrementalPromptParser } from '../../../src/core/editor/incrementalPromptParser';
import { findPromptsSync, warmGrammar } from '../../../src/core/prompts/findPrompts';
import { generatePythonFile } from '../../../bench/editor';

const FILE = '/tmp/incremental.py';

suite('IncrementalPromptParser', function () {
  // 80 parses of a 400-line file: seconds on a busy shared machine.
  this.timeout(60_000);
  suiteSetup(() => warmGrammar(FILE));

  test('after random edits, incremental results equal a full parse', () => {
    let text = generatePythonFile(6, 400);
    const parser = new IncrementalPromptParser();
    assert.deepStrictEqual(parser.find('doc', text, FILE), findPromptsSync(text, FILE));
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const inserts = ['x', '\n', '"""Prompt: you are a bot."""\n', 'é😀', '', 'client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\n'];
    for (let i = 0; i < 40; i++) {
      const at = rand(text.length);
      const length = Math.min(rand(6), text.length - at);
      const insert = inserts[rand(inserts.length)];
      parser.edit('doc', [{ rangeOffset: at, rangeLength: length, text: insert }]);
      text = text.slice(0, at) + insert + text.slice(at + length);
      assert.deepStrictEqual(parser.find('doc', text, FILE), findPromptsSync(text, FILE), `edit ${i}`);
    }
    assert.ok(parser.counts.incremental >= 40, JSON.stringify(parser.counts));
    parser.dispose();
  });

  test('a text that does not match the recorded edits is parsed from scratch', () => {
    const parser = new IncrementalPromptParser();
    const text = generatePythonFile(2, 100);
    parser.find('doc', text, FILE);
    parser.edit('doc', [{ rangeOffset: 0, rangeLength: 0, text: '# a\n' }]);
    const other = '# b\n' + text;
    assert.deepStrictEqual(parser.find('doc', other, FILE), findPromptsSync(other, FILE));
    assert.deepStrictEqual(parser.counts, { full: 2, incremental: 0 });
    parser.dispose();
  });
});
