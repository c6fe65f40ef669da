import * as assert from 'assert';
import { languageForFile } from '../../../../src/core/languages/languageRegistry';
import { isInPromptsFolder, PROMPTS_FOLDER_GLOB } from '../../../../src/core/languages/promptsFolder';

suite('prompts folders (plain text and templates that are prompts)', () => {
  test('a parent folder named prompts or prompt, any case, either separator; not a file or a longer name', () => {
    assert.strictEqual(isInPromptsFolder('a/prompts/x.txt'), true);
    assert.strictEqual(isInPromptsFolder('C:\\repo\\Prompts\\x.md'), true);
    assert.strictEqual(isInPromptsFolder('prompt/templates/commit.tmpl'), true);
    assert.strictEqual(isInPromptsFolder('prompts.txt'), false);
    assert.strictEqual(isInPromptsFolder('a/myprompts/x.txt'), false);
    assert.strictEqual(isInPromptsFolder('a/prompting/x.txt'), false);
  });

  test('Spring .st and Go .tmpl templates there are plain-text prompts; elsewhere they are not read', () => {
    assert.strictEqual(languageForFile('src/main/resources/prompts/system.st'), 'plaintext');
    assert.strictEqual(languageForFile('prompt/templates/conventional_commit.tmpl'), 'plaintext');
    assert.strictEqual(languageForFile('web/templates/index.tmpl'), null);
    assert.strictEqual(languageForFile('src/main/resources/system.st'), null);
  });

  test('the glob names the same folders in the cases people write', () => {
    assert.strictEqual(PROMPTS_FOLDER_GLOB, '{prompts,Prompts,PROMPTS,prompt,Prompt,PROMPT}');
  });
});
