import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { manifestLanguageProblems } from '../../../../src/core/languages/manifestLanguages';

/** The repository root: tests run from out/test/unit/core/languages (compiled) or test/unit/core/languages. */
function readManifest(): Record<string, unknown> {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file) && fs.existsSync(path.join(dir, 'esbuild.js'))) return JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  throw new Error('package.json not found above ' + __dirname);
}

suite('package.json languages against the language registry', () => {
  test('the manifest states exactly the registry languages', () => {
    assert.deepStrictEqual(manifestLanguageProblems(readManifest()), []);
  });

  test('a missing activation event is reported', () => {
    const manifest = readManifest() as { activationEvents: string[] };
    manifest.activationEvents = manifest.activationEvents.filter((e) => e !== 'onLanguage:go');
    const problems = manifestLanguageProblems(manifest);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /^activationEvents onLanguage:\*/);
  });

  test('an extra activation event for a language the registry lacks is reported', () => {
    const manifest = readManifest() as { activationEvents: string[] };
    manifest.activationEvents = [...manifest.activationEvents, 'onLanguage:rust'];
    assert.strictEqual(manifestLanguageProblems(manifest).length, 1);
  });

  test('a setting enum, description or default that differs is reported', () => {
    const manifest = readManifest() as { contributes: { configuration: { properties: Record<string, { default: string[]; items: { enum: string[]; enumDescriptions: string[] } }> } } };
    const setting = manifest.contributes.configuration.properties['promptCost.enabledLanguages'];
    setting.items.enum = setting.items.enum.filter((l) => l !== 'java');
    setting.items.enumDescriptions = [...setting.items.enumDescriptions].reverse();
    setting.default = [...setting.default, 'rust'];
    const problems = manifestLanguageProblems(manifest);
    assert.strictEqual(problems.length, 3);
    assert.ok(problems.some((p) => p.startsWith('promptCost.enabledLanguages items.enum ')));
    assert.ok(problems.some((p) => p.startsWith('promptCost.enabledLanguages items.enumDescriptions')));
    assert.ok(problems.some((p) => p.startsWith('promptCost.enabledLanguages default')));
  });

  test('a menu condition that leaves out a language is reported', () => {
    const manifest = readManifest() as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
    const item = manifest.contributes.menus['editor/context'].find((i) => i.when?.includes('resourceLangId'));
    assert.ok(item, 'the manifest has a menu item conditioned on the language');
    item.when = item.when!.replace('|csharp', '');
    const problems = manifestLanguageProblems(manifest);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], /resourceLangId/);
  });

  test('a manifest with none of the fields is reported, not thrown on', () => {
    assert.ok(manifestLanguageProblems({}).length >= 4);
  });
});
