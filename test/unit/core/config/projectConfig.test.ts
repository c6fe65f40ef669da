import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mergeEngineSettings } from '../../../../src/core/config/engineSettings';
import {
  findProjectConfigFile,
  loadProjectConfig,
  matchesFilePattern,
  ProjectConfigError,
  projectConfigToSettings,
} from '../../../../src/core/config/projectConfig';

const ROOT = path.resolve(__dirname, '../../../../..');

/** Runs `load` and returns the ProjectConfigError it must throw. */
function configError(text: string): ProjectConfigError {
  try {
    loadProjectConfig(text, '.promptcost.yml');
  } catch (error) {
    assert.ok(error instanceof ProjectConfigError, `expected ProjectConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected loadProjectConfig to throw');
}

suite('project config: loading', () => {
  test('all sections', () => {
    const config = loadProjectConfig(
      [
        'models: [gpt-4o-mini, gpt-4o-mini]',
        'compareModels:',
        '  - claude-haiku-4-5',
        'expectedOutputTokens: 300',
        'placeholderTokens: 60',
        'perRequestLimit: 0.02',
        'samples:',
        '  question: How do I reset my password?',
        '  context: 1200',
        '  "prompts/*.prompty":',
        '    history: 400',
        'priceOverrides:',
        '  acme-llm-1: { input: 0.4, output: 1.2, contextWindow: 32000 }',
        'modelAliases:',
        '  prod-gpt4o: gpt-4o',
        'estimateFactors: { claude: 1.15 }',
        'reasoningTokens: { high: 3000, xhigh: 9000 }',
        'thinkingBudgetShare: 0.5',
        'spend: { provider: openai, budget: 100 }',
        'usage: [1, 2]',
      ].join('\n'),
      '.promptcost.yml',
    );
    assert.deepStrictEqual(config, {
      warnings: [],
      models: ['gpt-4o-mini'],
      compareModels: ['claude-haiku-4-5'],
      expectedOutputTokens: 300,
      placeholderTokens: 60,
      perRequestLimit: 0.02,
      samples: { question: 'How do I reset my password?', context: 1200 },
      fileSamples: [{ pattern: 'prompts/*.prompty', samples: { history: 400 } }],
      priceOverrides: { 'acme-llm-1': { input: 0.4, output: 1.2, contextWindow: 32000 } },
      modelAliases: { 'prod-gpt4o': 'gpt-4o' },
      estimateFactors: { claude: 1.15 },
      reasoningTokens: { high: 3000, xhigh: 9000 },
      thinkingBudgetShare: 0.5,
      spend: { provider: 'openai', budget: 100 },
      usage: [1, 2],
    });
  });

  test('empty file, comments only, empty values, a single model as text', () => {
    assert.deepStrictEqual(loadProjectConfig('', 'c.yml'), { warnings: [] });
    assert.deepStrictEqual(loadProjectConfig('# nothing yet\n', 'c.yml'), { warnings: [] });
    assert.deepStrictEqual(loadProjectConfig('models:\nexpectedOutputTokens: 10\n', 'c.yml'), { warnings: [], expectedOutputTokens: 10 });
    assert.deepStrictEqual(loadProjectConfig('\ufeffmodels: gpt-4.1\r\n', 'c.yml').models, ['gpt-4.1']);
  });

  test('unknown sections are warnings with a position', () => {
    const config = loadProjectConfig('models: [gpt-4o]\nmodel: gpt-4.1\n', 'c.yml');
    assert.deepStrictEqual(config.models, ['gpt-4o']);
    assert.strictEqual(config.warnings.length, 1);
    assert.deepStrictEqual([config.warnings[0].line, config.warnings[0].column], [2, 1]);
    assert.match(config.warnings[0].message, /unknown section `model`/);
  });

  test('the examples workspace file loads', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples/.promptcost.yml'), 'utf8');
    const config = loadProjectConfig(text, 'examples/.promptcost.yml');
    assert.deepStrictEqual(config.warnings, []);
    assert.deepStrictEqual(config.models, ['gpt-4o-mini']);
    assert.strictEqual(config.samples?.context, 1500);
    assert.ok(typeof config.samples?.ticket_body === 'string' && config.samples.ticket_body.includes('CSV exports'));
    assert.deepStrictEqual(config.fileSamples, [{ pattern: 'prompts/*.j2', samples: { 'ticket.summary': 120 } }]);
  });
});

suite('project config: errors with line and column', () => {
  test('bad YAML', () => {
    const error = configError('models: [gpt-4o\nexpectedOutputTokens: 3\n');
    assert.strictEqual(error.fileName, '.promptcost.yml');
    assert.strictEqual(error.line, 2);
    assert.match(error.message, /^\.promptcost\.yml:2:\d+: invalid YAML: /);
  });

  test('duplicate keys', () => {
    const error = configError('models: [a]\nmodels: [b]\n');
    assert.strictEqual(error.line, 2);
    assert.match(error.reason, /unique/);
  });

  test('wrong types point at the value', () => {
    const cases: Array<[string, number, number, RegExp]> = [
      ['expectedOutputTokens: lots\n', 1, 23, /`expectedOutputTokens` must be a whole number ≥ 0, not the text "lots"/],
      ['\nplaceholderTokens: -3\n', 2, 20, /`placeholderTokens` must be a whole number/],
      ['perRequestLimit: [1]\n', 1, 18, /`perRequestLimit` must be a number ≥ 0, not a list/],
      ['models:\n  - gpt-4o\n  - 42\n', 3, 5, /`models\[1\]` must be a model id/],
      ['models: { a: b }\n', 1, 9, /`models` must be a list of model ids/],
      ['samples:\n  question: [a, b]\n', 2, 13, /`samples.question` must be sample text or a token count, not a list/],
      ['samples: [a]\n', 1, 10, /samples must be a map/],
      ['samples:\n  "src/**":\n    diff: -1\n', 3, 11, /`samples."src\/\*\*".diff`/],
      ['priceOverrides:\n  m:\n    input: free\n', 3, 12, /`priceOverrides.m.input` must be a number ≥ 0/],
      ['priceOverrides:\n  m:\n    cached: 1\n', 3, 5, /unknown price field `cached` in priceOverrides.m; expected one of input, output/],
      ['priceOverrides:\n  m:\n', 2, 3, /priceOverrides.m needs prices/],
      ['priceOverrides:\n  m: 3\n', 2, 6, /priceOverrides.m must be a map/],
      ['modelAliases:\n  prod: 7\n', 2, 9, /`modelAliases.prod` must be a model id/],
      ['modelAliases:\n  prod:\n', 2, 3, /`modelAliases.prod` must be a model id .*not null/],
      ['estimateFactors: { claude: 0 }\n', 1, 28, /`estimateFactors.claude` must be a number > 0/],
      ['reasoningTokens:\n  turbo: 10\n', 2, 3, /unknown reasoning effort `turbo` in reasoningTokens; expected one of minimal, low, medium, high, xhigh/],
      ['reasoningTokens: { high: -1 }\n', 1, 26, /`reasoningTokens.high` must be a whole number ≥ 0/],
      ['reasoningTokens: 2048\n', 1, 18, /reasoningTokens must be a map/],
      ['thinkingBudgetShare: 1.5\n', 1, 22, /`thinkingBudgetShare` must be a number from 0 to 1, not number 1.5/],
      ['- models\n', 1, 1, /the file must be a map/],
    ];
    for (const [text, line, column, message] of cases) {
      const error = configError(text);
      assert.deepStrictEqual([error.line, error.column], [line, column], `position for ${JSON.stringify(text)}: ${error.message}`);
      assert.match(error.message, message);
      assert.ok(error.message.startsWith(`.promptcost.yml:${line}:${column}: `));
    }
  });
});

suite('project config: to engine settings', () => {
  const config = loadProjectConfig(
    [
      'models: [gpt-4o-mini]',
      'samples:',
      '  question: Why?',
      '  diff: 100',
      '  "src/**/*.py":',
      '    diff: 900',
      '  "*.prompty":',
      '    question: 30',
      'priceOverrides: { acme-llm-1: { input: 1 } }',
      'reasoningTokens: { medium: 1500 }',
      'thinkingBudgetShare: 0.5',
    ].join('\n'),
    'c.yml',
  );

  test('global samples become placeholder sizes; per-file samples need a matching path', () => {
    assert.deepStrictEqual(projectConfigToSettings(config).placeholderSizes, { question: 'Why?', diff: 100 });
    assert.deepStrictEqual(projectConfigToSettings(config, 'src/app/bot.py').placeholderSizes, { question: 'Why?', diff: 900 });
    assert.deepStrictEqual(projectConfigToSettings(config, 'prompts/answer.prompty').placeholderSizes, { question: 30, diff: 100 });
    assert.deepStrictEqual(projectConfigToSettings(config, 'lib/bot.py').placeholderSizes, { question: 'Why?', diff: 100 });
  });

  test('merges cleanly over the defaults', () => {
    const { settings, problems } = mergeEngineSettings(projectConfigToSettings(config));
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(settings.models, ['gpt-4o-mini']);
    assert.deepStrictEqual(settings.priceOverrides, { 'acme-llm-1': { input: 1 } });
    assert.strictEqual(settings.expectedOutputTokens, 256);
    assert.deepStrictEqual(settings.reasoningTokens, { minimal: 128, low: 512, medium: 1500, high: 2048, xhigh: 4096 });
    assert.strictEqual(settings.thinkingBudgetShare, 0.5);
  });

  test('an empty config gives no settings', () => {
    assert.deepStrictEqual(projectConfigToSettings({ warnings: [] }), {});
  });

  test('file patterns', () => {
    assert.ok(matchesFilePattern('src/**/*.py', 'src/a.py'));
    assert.ok(matchesFilePattern('src/**/*.py', 'src/a/b/c.py'));
    assert.ok(!matchesFilePattern('src/*.py', 'src/a/b.py'));
    assert.ok(matchesFilePattern('*.prompty', 'deep/er/x.prompty'));
    assert.ok(matchesFilePattern('./prompts/email.j2', 'prompts\\email.j2'));
    assert.ok(!matchesFilePattern('prompts/email.j2', 'other/prompts/email.j2'));
    assert.ok(matchesFilePattern('a?.txt', 'ab.txt'));
    assert.ok(!matchesFilePattern('a.txt', 'abtxt'));
  });
});

suite('project config: finding the file', () => {
  let tmp: string;
  setup(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'promptcost-config-'));
  });
  teardown(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('nearest file upwards', () => {
    const deep = path.join(tmp, 'repo/src/app');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(tmp, 'repo/.promptcost.yml'), 'models: [gpt-4o]\n');
    assert.strictEqual(findProjectConfigFile(deep), path.join(tmp, 'repo/.promptcost.yml'));
    fs.writeFileSync(path.join(tmp, 'repo/src/.promptcost.yaml'), 'models: [gpt-4o]\n');
    assert.strictEqual(findProjectConfigFile(deep), path.join(tmp, 'repo/src/.promptcost.yaml'));
  });

  test('stops at the repository root (.git folder or file)', () => {
    fs.writeFileSync(path.join(tmp, '.promptcost.yml'), 'models: [gpt-4o]\n');
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'src'));
    assert.strictEqual(findProjectConfigFile(path.join(repo, 'src')), null);
    const worktree = path.join(tmp, 'worktree');
    fs.mkdirSync(worktree);
    fs.writeFileSync(path.join(worktree, '.git'), 'gitdir: elsewhere\n');
    assert.strictEqual(findProjectConfigFile(worktree), null);
    // Above the repositories the file is found.
    assert.strictEqual(findProjectConfigFile(tmp), path.join(tmp, '.promptcost.yml'));
  });

  test('a folder named .promptcost.yml is not a config file', () => {
    const repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, '.promptcost.yml'), { recursive: true });
    fs.mkdirSync(path.join(repo, '.git'));
    assert.strictEqual(findProjectConfigFile(repo), null);
  });

  test('a relative start folder is resolved', () => {
    const found = findProjectConfigFile(path.relative(process.cwd(), path.join(ROOT, 'examples/python')));
    assert.strictEqual(found, path.join(ROOT, 'examples/.promptcost.yml'));
  });
});
