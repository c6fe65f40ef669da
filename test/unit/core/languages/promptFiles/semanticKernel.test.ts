import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findPromptsInPromptFile, readPromptFile } from '../../../../../src/core/languages/promptFiles/promptFileFinder';
import { CONFIG_MAX_BYTES } from '../../../../../src/core/languages/promptFiles/semanticKernel';
import { findPrompts } from '../../../../../src/core/prompts/findPrompts';
import type { FoundPrompt, SourceLanguage } from '../../../../../src/core/prompts/prompt';

// Compiled to out/test/unit/core/languages/promptFiles: the repository root is six levels up.
const ROOT = path.resolve(__dirname, '../../../../../..');
const SK = path.join(ROOT, 'test/fixtures/promptFiles/semanticKernel');

function find(file: string, language: SourceLanguage): { source: string; prompts: FoundPrompt[] } {
  const source = fs.readFileSync(file, 'utf8');
  return { source, prompts: findPromptsInPromptFile(source, file, language) };
}

function names(prompt: FoundPrompt): string[] {
  return prompt.placeholders.map((p) => `${p.syntax}:${p.name}`);
}

suite('prompt files: Semantic Kernel skprompt.txt + config.json', () => {
  test('the whole file is one call; config.json execution_settings.default gives model, max_tokens and samples', () => {
    const { source, prompts } = find(path.join(SK, 'WriteStory', 'skprompt.txt'), 'skprompt');
    assert.strictEqual(prompts.length, 1);
    const [p] = prompts;
    assert.strictEqual(p.text, 'Write a short story about {{$topic}} for a {{$audience}} reader.\nUse the facts from {{search.lookup $topic}}.\n\nKeep it under {{$length}} sentences.');
    assert.strictEqual(source.slice(p.startOffset, p.endOffset), p.text);
    assert.deepStrictEqual([p.startLine, p.endLine], [1, 4]);
    assert.deepStrictEqual(names(p), ['mustache:topic', 'mustache:audience', 'mustache:search.lookup', 'mustache:length']);
    assert.strictEqual(p.model, 'gpt-4o-mini', 'the default service, not the azure one');
    assert.strictEqual(p.maxOutputTokens, 400);
    assert.strictEqual(p.name, 'WriteStory', 'an SK function is named by its folder');
    assert.deepStrictEqual(p.samples, { topic: 'a lighthouse keeper', length: '5' }, 'an empty default is no sample');
    assert.strictEqual(p.calls?.length, 1);
    const { call, slot } = p.calls![0];
    assert.strictEqual(slot, '/0');
    assert.strictEqual(call.implied, true);
    assert.strictEqual(call.model, 'gpt-4o-mini');
    assert.strictEqual(call.maxOutputTokens, 400);
  });

  test('older config.json: completion.max_tokens, no model', () => {
    const { prompts } = find(path.join(SK, 'Summarize', 'skprompt.txt'), 'skprompt');
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].text, '{{$input}}\n\nSummarize the text above in one paragraph.');
    assert.deepStrictEqual(names(prompts[0]), ['mustache:input']);
    assert.strictEqual(prompts[0].model, null);
    assert.strictEqual(prompts[0].maxOutputTokens, 256);
    assert.strictEqual(prompts[0].calls![0].call.maxOutputTokens, 256);
    assert.strictEqual(prompts[0].samples, undefined);
  });

  test('no config.json: the prompt without model or cap, and no problem', () => {
    const file = path.join(SK, 'NoConfig', 'skprompt.txt');
    const result = readPromptFile(fs.readFileSync(file, 'utf8'), file, 'skprompt');
    assert.deepStrictEqual(result.problems, []);
    assert.strictEqual(result.prompts.length, 1);
    assert.strictEqual(result.prompts[0].text, 'Translate {{$input}} into French.');
    assert.strictEqual(result.prompts[0].model, null);
    assert.strictEqual(result.prompts[0].maxOutputTokens, null);
  });

  test('a broken config.json is reported and ignored', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'sk-'));
    try {
      fs.writeFileSync(path.join(dir, 'skprompt.txt'), 'Hello {{$name}}\n');
      fs.writeFileSync(path.join(dir, 'config.json'), '{ "execution_settings": ');
      const file = path.join(dir, 'skprompt.txt');
      const result = readPromptFile(fs.readFileSync(file, 'utf8'), file, 'skprompt');
      assert.strictEqual(result.prompts.length, 1);
      assert.strictEqual(result.prompts[0].model, null);
      assert.strictEqual(result.problems.length, 1);
      assert.match(result.problems[0].message, /^config\.json: .*\(ignored\)$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a config.json over the size cap is not read, and says so', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'sk-'));
    try {
      fs.writeFileSync(path.join(dir, 'skprompt.txt'), 'Hello {{$name}}\n');
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ execution_settings: { default: { model_id: 'gpt-4o' } }, pad: 'x'.repeat(CONFIG_MAX_BYTES) }));
      const file = path.join(dir, 'skprompt.txt');
      const result = readPromptFile(fs.readFileSync(file, 'utf8'), file, 'skprompt');
      assert.strictEqual(result.prompts[0].model, null);
      assert.deepStrictEqual(result.problems.map((p) => p.message), [`config.json is larger than ${CONFIG_MAX_BYTES} bytes: not read`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('skprompt.txt is read in any folder, by findPrompts', async () => {
    const file = path.join(SK, 'WriteStory', 'skprompt.txt');
    const prompts = await findPrompts(fs.readFileSync(file, 'utf8'), file);
    assert.strictEqual(prompts.length, 1);
    assert.strictEqual(prompts[0].language, 'skprompt');
  });
});

suite('prompt files: Semantic Kernel prompt YAML', () => {
  test('template block scalar: text without indentation, lines of the block, settings and input defaults', () => {
    const { source, prompts } = find(path.join(SK, 'story.yaml'), 'skyaml');
    assert.strictEqual(prompts.length, 1);
    const [p] = prompts;
    assert.strictEqual(p.text, 'Tell a story about {{$topic}} that is {{$length}} sentences long.\n\nMake it funny.');
    assert.deepStrictEqual([p.startLine, p.endLine], [4, 6]);
    assert.strictEqual(p.startOffset, source.indexOf('Tell a story'));
    assert.strictEqual(p.endOffset, source.indexOf('Make it funny.') + 'Make it funny.'.length);
    assert.deepStrictEqual(names(p), ['mustache:topic', 'mustache:length']);
    assert.strictEqual(p.model, 'gpt-4.1');
    assert.strictEqual(p.maxOutputTokens, 150);
    assert.strictEqual(p.name, 'GenerateStory');
    assert.deepStrictEqual(p.samples, { topic: 'a dog', length: '3' });
    assert.strictEqual(p.calls?.length, 1);
    assert.strictEqual(p.calls![0].call.implied, true);
    assert.strictEqual(p.calls![0].call.model, 'gpt-4.1');
    assert.strictEqual(p.calls![0].call.maxOutputTokens, 150);
  });

  test('handlebars template in a quoted scalar: control tags are zero-size blocks, ai_model_id is the model', () => {
    const { prompts } = find(path.join(SK, 'handlebars.yml'), 'skyaml');
    assert.strictEqual(prompts.length, 1);
    const [p] = prompts;
    assert.strictEqual(p.text, '<message role="system">You are helpful. Customer: {{customer.firstName}}</message>{{#each history}}{{content}}{{/each}}');
    assert.deepStrictEqual([p.startLine, p.endLine], [3, 3]);
    assert.deepStrictEqual(names(p), ['mustache:customer.firstName', 'jinjaBlock:#each history', 'mustache:content', 'jinjaBlock:/each']);
    assert.strictEqual(p.model, 'claude-sonnet-4-5');
    assert.strictEqual(p.maxOutputTokens, null);
  });

  test('other YAML gives nothing: a `template:` key alone is not a prompt, nor is broken YAML', () => {
    assert.deepStrictEqual(find(path.join(SK, 'deployment.yaml'), 'skyaml').prompts, []);
    assert.deepStrictEqual(findPromptsInPromptFile('name: ci\non: push\n', 'ci.yml', 'skyaml'), []);
    assert.deepStrictEqual(findPromptsInPromptFile('template: "x\ntemplate_format: [', 'bad.yaml', 'skyaml'), []);
    assert.deepStrictEqual(findPromptsInPromptFile('template: [1, 2]\ntemplate_format: handlebars\n', 'list.yaml', 'skyaml'), []);
  });
});
