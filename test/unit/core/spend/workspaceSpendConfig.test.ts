import * as assert from 'assert';
import { loadProjectConfig } from '../../../../src/core/config/projectConfig';
import { parseSpendConfig, type SpendConfig } from '../../../../src/core/spend/spendConfig';
import { createSpendSource } from '../../../../src/core/spend/spendSources';
import { SpendError, type FetchLike } from '../../../../src/core/spend/spendTypes';
import { mergeSpendConfig } from '../../../../src/core/spend/workspaceSpendConfig';

const FILE_SPEND = loadProjectConfig(
  [
    'spend:',
    '  timeZone: Europe/Berlin',
    '  intervalMinutes: 2',
    '  sources:',
    '    - kind: tracker',
    '      url: https://costs.example.com',
    '    - kind: openai',
    '  budget: { daily: 3, monthly: 60, thresholds: [90, 50] }',
  ].join('\n'),
  '.promptcost.yml',
).spend;

const noSettings = (): SpendConfig => parseSpendConfig(undefined);

suite('spend sources: settings, else the workspace .promptcost.yml', () => {
  test('settings that enable a source win over the file entirely', () => {
    const settings = parseSpendConfig({ sources: [{ kind: 'litellm', url: 'http://localhost:4000' }], budget: { daily: 1 } });
    const merged = mergeSpendConfig(settings, { spend: FILE_SPEND, fileName: '.promptcost.yml', trusted: true });
    assert.strictEqual(merged.from, 'settings');
    assert.strictEqual(merged.config, settings);
    assert.deepStrictEqual(merged.workspaceUrlSources, []);
  });

  test('no source in the settings: the file’s sources, budget, zone and interval apply (trusted)', () => {
    const merged = mergeSpendConfig(noSettings(), { spend: FILE_SPEND, fileName: '.promptcost.yml', trusted: true });
    assert.strictEqual(merged.from, 'file');
    assert.deepStrictEqual(merged.config.sources.map((s) => [s.id, s.url]), [['tracker', 'https://costs.example.com'], ['openai', undefined]]);
    assert.deepStrictEqual(merged.config.budget, { daily: 3, monthly: 60, thresholds: [50, 90] });
    assert.strictEqual(merged.config.timeZone, 'Europe/Berlin');
    assert.strictEqual(merged.config.intervalMinutes, 2);
    assert.deepStrictEqual(merged.workspaceUrlSources, ['tracker'], 'only the URL the file wrote is workspace-controlled');
    assert.deepStrictEqual(merged.problems, []);
  });

  test('a daily/monthly budget from the settings still wins over the file’s', () => {
    const settings = parseSpendConfig({ budget: { daily: 7 } });
    const merged = mergeSpendConfig(settings, { spend: FILE_SPEND, fileName: '.promptcost.yml', trusted: true });
    assert.strictEqual(merged.config.budget.daily, 7);
    assert.strictEqual(merged.config.budget.monthly, 60);
  });

  test('untrusted workspace: a source whose URL comes from the file is dropped, with the reason', () => {
    const merged = mergeSpendConfig(noSettings(), { spend: FILE_SPEND, fileName: '.promptcost.yml', trusted: false });
    assert.deepStrictEqual(merged.config.sources.map((s) => s.id), ['openai']);
    assert.deepStrictEqual(merged.workspaceUrlSources, []);
    assert.strictEqual(merged.problems.length, 1);
    assert.match(merged.problems[0], /'tracker' is ignored: its URL comes from the workspace, which is not trusted/);
  });

  test('no file, no spend section, or a bad one: the settings stay (a bad one says why)', () => {
    const settings = noSettings();
    assert.strictEqual(mergeSpendConfig(settings, null).config, settings);
    assert.strictEqual(mergeSpendConfig(settings, { spend: undefined, fileName: '.promptcost.yml', trusted: true }).config, settings);
    const bad = mergeSpendConfig(settings, { spend: { sources: [{ kind: 'tracker' }] }, fileName: '.promptcost.yml', trusted: true });
    assert.strictEqual(bad.from, 'settings');
    assert.strictEqual(bad.config.sources.length, 0);
    assert.match(bad.problems[0], /^\.promptcost\.yml: spend\.sources\[0\]\.url is required/);
  });

  test('a file URL never receives a key stored for another origin (nothing is fetched)', async () => {
    const merged = mergeSpendConfig(noSettings(), { spend: { sources: [{ kind: 'tracker', url: 'https://evil.example' }] }, fileName: '.promptcost.yml', trusted: true });
    const requests: string[] = [];
    const fetch: FetchLike = async (url) => {
      requests.push(String(url));
      throw new Error('must not be called');
    };
    const source = createSpendSource(merged.config.sources[0], { fetch, getKey: () => ({ secret: 'k-123', origin: 'https://costs.example.com' }) });
    const error = await source.fetch().then(
      () => assert.fail('fetched with a key for another origin'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof SpendError && error.category === 'no-key', String(error));
    assert.deepStrictEqual(requests, []);
  });
});
