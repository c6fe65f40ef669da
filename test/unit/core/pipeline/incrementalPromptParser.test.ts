import * as assert from 'assert';
import { IncrementalPromptParser } from '../../../../src/core/pipeline/incrementalPromptParser';
import { findPromptsSync, warmGrammar } from '../../../../src/core/prompts/findPrompts';
import { generatePythonFile } from '../../../../bench/editor';

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
    assert.deepStrictEqual(parser.counts, { full: 2, incremental: 0, reused: 0 });
    parser.dispose();
  });

  /** Finds `text`, applies `edit` to it and finds again; returns the second result and whether it was reused. */
  function refind(text: string, edit: { at: number; remove?: number; insert: string }, file = FILE): { prompts: ReturnType<IncrementalPromptParser['find']>; expected: ReturnType<typeof findPromptsSync>; reused: boolean } {
    const parser = new IncrementalPromptParser();
    try {
      parser.find('doc', text, file);
      const edited = text.slice(0, edit.at) + edit.insert + text.slice(edit.at + (edit.remove ?? 0));
      parser.edit('doc', [{ rangeOffset: edit.at, rangeLength: edit.remove ?? 0, text: edit.insert }]);
      const prompts = parser.find('doc', edited, file);
      return { prompts, expected: findPromptsSync(edited, file), reused: parser.counts.reused === 1 };
    } finally {
      parser.dispose();
    }
  }

  test('an edit inside a function that no prompt depends on reuses the results, shifted', () => {
    const text = generatePythonFile(6, 400);
    const at = text.indexOf('    return picked', text.length / 2);
    const result = refind(text, { at, insert: '    picked.sort()  # a new line\n' });
    assert.ok(result.reused);
    assert.deepStrictEqual(result.prompts, result.expected);
    assert.ok(result.expected!.some((p) => p.startOffset > at), 'prompts after the edit moved');
  });

  test('an edit inside a constant that a call uses finds again', () => {
    const text = generatePythonFile(6, 400);
    const at = text.indexOf('politely');
    const result = refind(text, { at, remove: 'politely'.length, insert: 'briefly' });
    assert.ok(!result.reused);
    assert.deepStrictEqual(result.prompts, result.expected);
    assert.ok(result.expected!.some((p) => p.text.includes('briefly')));
  });

  test('a new binding of a name that a prompt uses finds again', () => {
    const text = generatePythonFile(6, 400);
    const at = text.indexOf('def helper_');
    const result = refind(text, { at, insert: 'SYSTEM_PROMPT_3 = "You are a pirate. Answer in rhymes."\n' });
    assert.ok(!result.reused);
    assert.deepStrictEqual(result.prompts, result.expected);
    assert.ok(result.expected!.some((p) => p.text.includes('pirate')));
  });

  test('a call to a model added to a function finds again', () => {
    const text = generatePythonFile(6, 400);
    const at = text.indexOf('    return picked');
    const result = refind(text, { at, insert: '    client.responses.create(model="gpt-4o", input="Summarize the picked rows as JSON.")\n' });
    assert.ok(!result.reused);
    assert.deepStrictEqual(result.prompts, result.expected);
    assert.ok(result.expected!.some((p) => p.text === 'Summarize the picked rows as JSON.'));
  });

  test('a method that its class name leads to is not reused (the constructor is called by the class name)', () => {
    const text = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'class Bot:',
      '    def __init__(self, persona):',
      '        self.persona = persona',
      '        self.count = 0',
      '    def ask(self, q):',
      '        return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": self.persona}])',
      'bot = Bot("You are a pirate. Answer every question in rhymes.")',
      '',
    ].join('\n');
    const at = text.indexOf('self.count = 0') + 'self.count = '.length;
    const result = refind(text, { at, remove: 1, insert: '1' });
    assert.ok(!result.reused);
    assert.deepStrictEqual(result.prompts, result.expected);
    assert.strictEqual(result.expected!.length, 1);
  });
});
