import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { COMMAND_IDS } from '../../../../src/core/manifest/commandIds';
import { contributionsDiff, type PackageManifest } from '../../../../src/core/manifest/contributionsDiff';
import { SETTING_KEYS } from '../../../../src/core/manifest/settingKeys';

const repoRoot = path.resolve(__dirname, '../../../../..');

function readPackage(): PackageManifest & { contributes: Required<NonNullable<PackageManifest['contributes']>> } {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
}

suite('manifest: package.json contributes', () => {
  test('package.json says what core/manifest declares, both ways', () => {
    assert.deepStrictEqual(contributionsDiff(readPackage()), []);
  });

  test('the manifest declares every command and setting (not an empty list that trivially agrees)', () => {
    const pkg = readPackage();
    const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
    assert.strictEqual(COMMAND_IDS.length, pkg.contributes.commands.length);
    assert.strictEqual(SETTING_KEYS.length, sections.reduce((n, s) => n + Object.keys(s.properties ?? {}).length, 0));
    assert.ok(COMMAND_IDS.length >= 16 && SETTING_KEYS.length >= 39, `${COMMAND_IDS.length} commands, ${SETTING_KEYS.length} settings`);
  });

  test('a command missing from package.json is reported, and one only package.json has', () => {
    const pkg = readPackage();
    pkg.contributes.commands = pkg.contributes.commands.filter((c) => c.command !== 'promptCost.showLog');
    pkg.contributes.commands.push({ command: 'promptCost.notDeclared' });
    assert.deepStrictEqual(contributionsDiff(pkg), [
      'command promptCost.showLog: declared in core/manifest/commandIds.ts but not in package.json',
      'command promptCost.notDeclared: in package.json but not declared in core/manifest/commandIds.ts',
    ]);
  });

  test('a setting removed, added, retyped, re-scoped, re-defaulted or un-restricted is reported', () => {
    const pkg = readPackage();
    const sections = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
    const properties = Object.assign({}, ...sections.map((s) => s.properties)) as Record<string, Record<string, unknown>>;
    const owner = (id: string) => sections.find((s) => s.properties && id in s.properties)!.properties!;
    delete owner('promptCost.hover.enabled')['promptCost.hover.enabled'];
    owner('promptCost.models')['promptCost.extra'] = { type: 'string' };
    properties['promptCost.expectedOutputTokens'].type = 'string';
    properties['promptCost.compress.modelAssisted.endpoint'].scope = 'window';
    properties['promptCost.simulation.requestsPerDay'].default = 10;
    properties['promptCost.compress.mode'].enum = ['safe'];
    pkg.capabilities!.untrustedWorkspaces!.restrictedConfigurations = pkg.capabilities!.untrustedWorkspaces!.restrictedConfigurations!.filter((id) => id !== 'promptCost.spend.openai.url');
    assert.deepStrictEqual(contributionsDiff(pkg).sort(), [
      'setting promptCost.compress.mode: enum ["safe"] in package.json, ["safe","aggressive"] declared',
      'setting promptCost.compress.modelAssisted.endpoint: scope window in package.json, machine declared',
      'setting promptCost.expectedOutputTokens: type "string" in package.json, "integer" declared',
      'setting promptCost.extra: in package.json but not declared in core/manifest/settingKeys.ts',
      'setting promptCost.hover.enabled: declared in core/manifest/settingKeys.ts but not in package.json',
      'setting promptCost.simulation.requestsPerDay: default 10 in package.json, 1000 declared',
      'setting promptCost.spend.openai.url: declared restricted but not in restrictedConfigurations',
    ]);
  });

  test('an undeclared view, menu command, context key or webview panel is reported', () => {
    const pkg = readPackage();
    pkg.contributes.views.explorer.push({ id: 'promptCost.otherView' });
    pkg.contributes.menus.commandPalette.push({ command: 'promptCost.gone', when: 'promptCost:unknownKey' });
    pkg.contributes.menus['editor/title'].push({ command: 'promptCost.refreshSpend', when: 'activeWebviewPanelId == promptCost.otherPanel' });
    assert.deepStrictEqual(contributionsDiff(pkg), [
      'menu commandPalette: command promptCost.gone is not declared',
      'view promptCost.otherView: in package.json but not declared in core/manifest/extensionNames.ts',
      'context key promptCost:unknownKey: used in a when clause but not declared in core/manifest/extensionNames.ts',
      'webview panel promptCost.otherPanel: used in a when clause but not declared in core/manifest/extensionNames.ts',
    ]);
  });
});
