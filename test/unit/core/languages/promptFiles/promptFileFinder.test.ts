import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findPromptsInPromptFile, normaliseModelName, readPromptFile } from '../../../../../src/core/languages/promptFiles/promptFileFinder';
import type { FoundPrompt, SourceLanguage } from '../../../../../src/core/prompts/prompt';

// Compiled to out/test/unit/prompts: the repository root is four levels up.
const ROOT = path.resolve(__dirname, '../../../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/promptFiles');
const EXAMPLES = path.join(ROOT, 'examples/prompts');

function read(dir: string, name: string): string {
  return fs.readFileSync(path.join(dir, name), 'utf8');
}

/** 1-based line of `offset`, counting LF, CRLF and lone CR as one break each (independent of the finder). */
function lineAt(source: string, offset: number): number {
  return (source.slice(0, offset).match(/\r\n|\n|\r/g) ?? []).length + 1;
}

/** What every prompt must satisfy: positions agree with each other, with the text and with placeholders. */
function assertConsistent(source: string, prompt: FoundPrompt): void {
  const slice = source.slice(prompt.startOffset, prompt.endOffset);
  assert.strictEqual(slice.replace(/\r\n?/g, '\n'), prompt.text);
  assert.strictEqual(lineAt(source, prompt.startOffset), prompt.startLine);
  assert.strictEqual(lineAt(source, prompt.endOffset), prompt.endLine);
  assert.notStrictEqual(prompt.text.trim(), '');
  assert.ok(!/^[ \t]*\n/.test(prompt.text), 'no leading blank line');
  assert.ok(!/\n[ \t]*$/.test(prompt.text), 'no trailing blank line');
  assert.strictEqual(prompt.kind, 'file');
  assert.strictEqual(prompt.evidence, 'file');
  for (const p of prompt.placeholders) assert.strictEqual(prompt.text.slice(p.offset, p.offset + p.raw.length), p.raw);
}

function find(dir: string, name: string, language: SourceLanguage): { source: string; prompts: FoundPrompt[] } {
  const source = read(dir, name);
  const prompts = findPromptsInPromptFile(source, path.join(dir, name), language);
  for (const p of prompts) assertConsistent(source, p);
  return { source, prompts };
}

function summary(prompt: FoundPrompt): string[] {
  return prompt.placeholders.map((p) => `${p.syntax}:${p.name}`);
}

suite('prompt files: .prompt.md', () => {
  test('body after front matter, inputs, model display name normalised', () => {
    const { source, prompts } = find(FIXTURES, 'inputs.prompt.md', 'prompt');
    assert.strictEqual(prompts.length, 1);
    const [p] = prompts;
    assert.strictEqual(p.startLine, 8);
    assert.strictEqual(p.endLine, 11);
    assert.strictEqual(p.startOffset, source.indexOf('Write unit tests for ${selection}'));
    assert.strictEqual(p.endOffset, source.indexOf('{{projectName}}.') + '{{projectName}}.'.length);
    assert.ok(p.text.startsWith('Write unit tests for ${selection}'));
    assert.strictEqual(p.model, 'claude-sonnet-4-5');
    assert.strictEqual(p.role, 'user');
    assert.strictEqual(p.name, 'inputs');
    assert.strictEqual(p.language, 'prompt');
    assert.deepStrictEqual(summary(p), [
      'promptInput:selection',
      'promptInput:file',
      'promptInput:framework',
      'promptInput:suiteName',
      'mustache:projectName',
    ]);
    assert.strictEqual(p.placeholders[2].raw, '${input:framework:mocha or jest}');
  });

  test('broken front matter: body still reported, model null, problem with file line', () => {
    const source = read(FIXTURES, 'broken.prompt.md');
    const result = readPromptFile(source, 'broken.prompt.md', 'prompt');
    assert.strictEqual(result.prompts.length, 1);
    const [p] = result.prompts;
    assertConsistent(source, p);
    assert.strictEqual(p.model, null);
    assert.strictEqual(p.text, 'Explain the code in ${selection} in two sentences.');
    assert.strictEqual(p.startLine, 5);
    assert.strictEqual(result.problems.length, 1);
    // The YAML starts on line 2 of the file; the unclosed `[` is reported where the next key begins.
    assert.strictEqual(result.problems[0].line, 3);
    assert.match(result.problems[0].message, /^front matter: /);
  });

  test('unclosed front matter: the whole file is the prompt, with a problem', () => {
    const source = read(FIXTURES, 'unclosed.prompt.md');
    const result = readPromptFile(source, 'unclosed.prompt.md', 'prompt');
    assert.strictEqual(result.prompts.length, 1);
    assertConsistent(source, result.prompts[0]);
    assert.strictEqual(result.prompts[0].startLine, 1);
    assert.strictEqual(result.prompts[0].model, null);
    assert.match(result.problems[0].message, /no closing/);
  });

  test('model list: the first entry; front matter name wins over the file name', () => {
    const { prompts } = find(FIXTURES, 'model-list.prompt.md', 'prompt');
    assert.strictEqual(prompts[0].model, 'gpt-4.1');
    assert.strictEqual(prompts[0].name, 'explain');
  });

  test('CRLF and BOM: offsets index the raw file, text uses LF', () => {
    const { source, prompts } = find(FIXTURES, 'crlf-bom.prompt.md', 'prompt');
    assert.strictEqual(source.charCodeAt(0), 0xfeff);
    assert.ok(source.includes('\r\n'));
    assert.strictEqual(prompts.length, 1);
    const [p] = prompts;
    assert.strictEqual(p.text, 'Translate ${input:text} to French.\nKeep it short.');
    assert.strictEqual(p.startLine, 6);
    assert.strictEqual(p.endLine, 7);
    assert.strictEqual(p.startOffset, source.indexOf('Translate'));
    assert.strictEqual(p.endOffset, source.indexOf('short.') + 'short.'.length);
    assert.strictEqual(p.model, 'gpt-4o');
  });

  test('empty body: no prompt', () => {
    assert.deepStrictEqual(findPromptsInPromptFile('---\nmodel: gpt-4o\n---\n\n  \n', 'x.prompt.md', 'prompt'), []);
    assert.deepStrictEqual(findPromptsInPromptFile('', 'x.prompt.md', 'prompt'), []);
  });

  test('front matter that is not a mapping is a problem, not a crash', () => {
    const result = readPromptFile('---\n- a\n- b\n---\nHello there, explain this.\n', 'x.prompt.md', 'prompt');
    assert.strictEqual(result.prompts.length, 1);
    assert.strictEqual(result.prompts[0].startLine, 5);
    assert.strictEqual(result.problems.length, 1);
  });

  test('model display names', () => {
    assert.strictEqual(normaliseModelName('GPT-4o'), 'gpt-4o');
    assert.strictEqual(normaliseModelName('gpt-4.1'), 'gpt-4.1');
    assert.strictEqual(normaliseModelName('Claude Sonnet 4.5 (copilot)'), 'claude-sonnet-4-5');
    assert.strictEqual(normaliseModelName(' Gemini 2.5 Pro (copilot) '), 'gemini-2.5-pro');
    assert.strictEqual(normaliseModelName('o3-mini'), 'o3-mini');
  });
});

suite('prompt files: .prompty', () => {
  test('role sections share model, max_tokens, samples; empty section skipped', () => {
    const { source, prompts } = find(FIXTURES, 'answer.prompty', 'prompty');
    assert.deepStrictEqual(prompts.map((p) => p.role), ['system', 'user']);
    const [system, user] = prompts;
    assert.strictEqual(system.startLine, 22);
    assert.strictEqual(system.endLine, 27);
    assert.strictEqual(system.startOffset, source.indexOf('You are a support'));
    assert.ok(system.text.endsWith('{% endfor %}'));
    assert.strictEqual(user.startLine, 30);
    assert.strictEqual(user.endLine, 30);
    assert.strictEqual(user.text, '{{question}}');
    for (const p of prompts) {
      assert.strictEqual(p.model, 'support-gpt4o');
      assert.strictEqual(p.maxOutputTokens, 600);
      assert.strictEqual(p.name, 'Support answer');
      assert.strictEqual(p.language, 'prompty');
    }
    assert.deepStrictEqual(user.samples, {
      customerName: 'Dana',
      question: 'How do I rotate my API key?',
      documents: '[{"title":"Keys","body":"Rotate keys from the dashboard."}]',
      maxItems: '3',
    });
    assert.deepStrictEqual(summary(system), [
      'mustache:product',
      'jinjaBlock:comment',
      'jinjaBlock:for doc',
      'mustache:doc.title',
      'mustache:doc.body',
      'jinjaBlock:endfor',
    ]);
  });

  test('no role markers: the whole body, as system; sample file reference gives no samples', () => {
    const { source, prompts } = find(FIXTURES, 'plain.prompty', 'prompty');
    assert.strictEqual(prompts.length, 1);
    const [p] = prompts;
    assert.strictEqual(p.role, 'system');
    assert.strictEqual(p.startLine, 11);
    assert.strictEqual(p.endLine, 13);
    assert.strictEqual(p.startOffset, source.indexOf('Summarise'));
    assert.strictEqual(p.model, 'gpt-4o-mini');
    assert.strictEqual(p.samples, undefined);
    assert.strictEqual(p.maxOutputTokens, null);
  });

  test('v2 style: model.id, options.max_completion_tokens, inputs samples', () => {
    const { prompts } = find(FIXTURES, 'inputs.prompty', 'prompty');
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].model, 'gpt-4.1');
    assert.strictEqual(prompts[0].maxOutputTokens, 200);
    assert.deepStrictEqual(prompts[0].samples, { topic: 'tides', count: '5' });
    assert.strictEqual(prompts[0].role, 'user');
  });

  test('CRLF + BOM sections', () => {
    const { source, prompts } = find(FIXTURES, 'crlf.prompty', 'prompty');
    assert.deepStrictEqual(
      prompts.map((p) => [p.role, p.startLine, p.endLine, p.startOffset, p.endOffset, p.text]),
      [
        ['system', 3, 3, source.indexOf('Be terse.'), source.indexOf('Be terse.') + 9, 'Be terse.'],
        ['user', 5, 5, source.indexOf('{{q}}'), source.indexOf('{{q}}') + 5, '{{q}}'],
      ],
    );
  });

  test('role markers accept `# user:` and `user[name="x"]:` but not text after the colon', () => {
    const source = 'system:\nA\n# user:\nB\nuser[name="sam"]:\nC\nuser: inline is text\n';
    const prompts = findPromptsInPromptFile(source, 'x.prompty', 'prompty');
    assert.deepStrictEqual(prompts.map((p) => [p.role, p.text]), [
      ['system', 'A'],
      ['user', 'B'],
      ['user', 'C\nuser: inline is text'],
    ]);
  });
});

suite('prompt files: templates', () => {
  test('jinja: comments and blocks are zero-size jinjaBlock, whitespace control stripped from names', () => {
    const { source, prompts } = find(FIXTURES, 'letter.j2', 'jinja');
    assert.strictEqual(prompts.length, 1);
    const [p] = prompts;
    assert.strictEqual(p.startOffset, 0);
    assert.strictEqual(p.endOffset, source.trimEnd().length);
    assert.strictEqual(p.startLine, 1);
    assert.strictEqual(p.endLine, 9);
    assert.strictEqual(p.model, null);
    assert.deepStrictEqual(summary(p), [
      'jinjaBlock:comment',
      'mustache:customer.name',
      'jinjaBlock:if order.delayed',
      'mustache:order.id',
      'jinjaBlock:else',
      'mustache:order.id',
      'jinjaBlock:endif',
      'mustache:items',
    ]);
  });

  test('mustache: comments and sections are jinjaBlock; triple braces and partials are values', () => {
    const { prompts } = find(FIXTURES, 'welcome.mustache', 'mustache');
    assert.deepStrictEqual(summary(prompts[0]), [
      'jinjaBlock:comment',
      'mustache:name',
      'jinjaBlock:#features',
      'mustache:title',
      'mustache:description',
      'jinjaBlock:/features',
      'jinjaBlock:^features',
      'jinjaBlock:/features',
      'mustache:footer',
    ]);
  });

  test('handlebars: surrounding blank lines trimmed, each/else/comment', () => {
    const { source, prompts } = find(FIXTURES, 'card.hbs', 'handlebars');
    const [p] = prompts;
    assert.strictEqual(p.startLine, 2);
    assert.strictEqual(p.startOffset, 1);
    assert.strictEqual(p.endOffset, source.indexOf('--}}') + 4);
    assert.deepStrictEqual(summary(p), [
      'mustache:product.name',
      'mustache:audience',
      'jinjaBlock:#each highlights',
      'mustache:this',
      'jinjaBlock:else',
      'jinjaBlock:/each',
      'jinjaBlock:comment',
    ]);
  });
});

suite('prompt files: .txt / .md in a prompts folder', () => {
  test('txt: {name}, {{name}}, ${name}; JSON braces, {0} and {obj.attr} are not placeholders', () => {
    const { source, prompts } = find(FIXTURES, 'prompts/summarise.txt', 'plaintext');
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].endOffset, source.trimEnd().length);
    assert.deepStrictEqual(summary(prompts[0]), ['format:team', 'format:ticket_body', 'mustache:owner', 'dollar:threshold']);
  });

  test('md: front matter model, body after it', () => {
    const { prompts } = find(FIXTURES, 'prompts/notes.md', 'markdown');
    assert.strictEqual(prompts[0].model, 'gpt-4o');
    assert.strictEqual(prompts[0].startLine, 5);
    assert.ok(prompts[0].text.startsWith('# Meeting notes'));
  });

  test('outside a prompts folder: nothing', () => {
    assert.deepStrictEqual(find(FIXTURES, 'notes/readme.md', 'markdown').prompts, []);
  });

  test('languages that are not prompt files give nothing', () => {
    assert.deepStrictEqual(findPromptsInPromptFile('You are a helpful assistant.', 'prompts/a.py', 'python'), []);
  });
});

suite('prompt files: examples/prompts', () => {
  test('review.prompt.md', () => {
    const { prompts } = find(EXAMPLES, 'review.prompt.md', 'prompt');
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].model, 'gpt-4.1');
    assert.ok(prompts[0].placeholders.some((p) => p.syntax === 'promptInput' && p.name === 'focus'));
    assert.ok(prompts[0].placeholders.some((p) => p.name === 'selection'));
  });

  test('answer.prompty', () => {
    const { prompts } = find(EXAMPLES, 'answer.prompty', 'prompty');
    assert.deepStrictEqual(prompts.map((p) => p.role), ['system', 'user']);
    assert.strictEqual(prompts[0].model, 'gpt-4o-mini');
    assert.strictEqual(prompts[0].maxOutputTokens, 500);
    assert.ok(prompts[0].samples && typeof prompts[0].samples.question === 'string');
    assert.ok(prompts[1].placeholders.some((p) => p.name === 'question'));
  });

  test('email.j2', () => {
    const { prompts } = find(EXAMPLES, 'email.j2', 'jinja');
    assert.strictEqual(prompts.length, 1);
    assert.ok(prompts[0].placeholders.some((p) => p.syntax === 'jinjaBlock' && p.name === 'comment'));
    assert.ok(prompts[0].placeholders.some((p) => p.syntax === 'mustache' && p.name === 'customer.first_name'));
  });

  test('triage.txt', () => {
    const { prompts } = find(EXAMPLES, 'triage.txt', 'plaintext');
    assert.strictEqual(prompts.length, 1);
    assert.deepStrictEqual(
      prompts[0].placeholders.map((p) => p.name),
      ['product', 'ticket_subject', 'ticket_body'],
    );
  });
});

suite('prompt files: Prompty list-form inputs', () => {
  test('inputs as a list of { name, default | sample } size the placeholders', () => {
    const { prompts } = find(FIXTURES, 'list-inputs.prompty', 'prompty');
    assert.strictEqual(prompts.length, 2);
    assert.deepStrictEqual(prompts.map((p) => [p.role, p.text]), [['system', 'Answer from {{context}}.'], ['user', '{{question}}']]);
    for (const p of prompts) {
      assert.deepStrictEqual(p.samples, { question: 'What is the tallest mountain?', context: 'Mountains are tall.' });
      assert.strictEqual(p.model, 'gpt-4o');
      assert.strictEqual(p.maxOutputTokens, 120);
    }
    assert.strictEqual(prompts[0].calls![0].call, prompts[1].calls![0].call, 'one call, two messages');
    assert.deepStrictEqual(prompts.map((p) => p.calls![0].slot), ['/0', '/1']);
  });
});
