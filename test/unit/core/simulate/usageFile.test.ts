import * as assert from 'assert';
import { loadProjectConfig } from '../../../../src/core/config/projectConfig';
import { readUsageDocument, readUsageSection, usageFromValue, usageValue, UsageFileError } from '../../../../src/core/simulate/usageFile';

const GOOD = `models: [gpt-4o-mini]
usage:
  profile: high
  monthlyBudget: 500
  acceptableModels: [gpt-4o-mini, claude-haiku-4-5, gpt-4o-mini]
  defaults: { requestsPerDay: 1000, cacheHitRate: 0.25 }
  prompts:
    - file: ./python/support_bot.py
      line: 12          # or name: SYSTEM_PROMPT
      requestsPerDay: { low: 500, expected: 2000, high: 8000 }
      outputTokens: 300
      growth: 0.05
    - name: SYSTEM_PROMPT
      requestsPerDay: { expected: 40 }
      model: gpt-4o-mini
      batchShare: 0.5
`;

function usageError(text: string, whole = false): UsageFileError {
  try {
    if (whole) readUsageDocument(text, 'usage.yml');
    else readUsageSection(text, '.promptcost.yml');
  } catch (error) {
    assert.ok(error instanceof UsageFileError, `expected UsageFileError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the usage file to be refused');
}

/** `usage:` with prompt entry lines appended (entry starts at line 3). */
const withEntry = (...lines: string[]) => ['usage:', '  prompts:', ...lines].join('\n') + '\n';

suite('simulate: usage file', () => {
  test('a good file: profiles, defaults, budget, acceptable models, entry positions', () => {
    const usage = readUsageSection(GOOD, '.promptcost.yml')!;
    assert.strictEqual(usage.defaultProfile, 'high');
    assert.strictEqual(usage.monthlyBudget, 500);
    assert.deepStrictEqual(usage.acceptableModels, ['gpt-4o-mini', 'claude-haiku-4-5']);
    assert.deepStrictEqual(usage.defaults.requestsPerDay, { low: 1000, expected: 1000, high: 1000 });
    assert.deepStrictEqual(usage.defaults.cacheHitRate, { low: 0.25, expected: 0.25, high: 0.25 });
    assert.strictEqual(usage.prompts.length, 2);
    const [byLine, byName] = usage.prompts;
    assert.strictEqual(byLine.file, 'python/support_bot.py', 'leading ./ removed');
    assert.strictEqual(byLine.line, 12);
    assert.deepStrictEqual(byLine.requestsPerDay, { low: 500, expected: 2000, high: 8000 });
    assert.deepStrictEqual(byLine.outputTokens, { low: 300, expected: 300, high: 300 });
    assert.deepStrictEqual(byLine.at, { line: 8, column: 7 });
    assert.strictEqual(byName.name, 'SYSTEM_PROMPT');
    assert.strictEqual(byName.model, 'gpt-4o-mini');
    assert.deepStrictEqual(byName.requestsPerDay, { low: 40, expected: 40, high: 40 }, 'low/high fall back to expected');
    assert.strictEqual(byName.at.line, 13);
    assert.strictEqual(usageValue(byName, usage.defaults, 'cacheHitRate', 'low'), 0.25, 'from defaults');
    assert.strictEqual(usageValue(byLine, usage.defaults, 'requestsPerDay', 'high'), 8000);
    assert.strictEqual(usageValue(byLine, usage.defaults, 'inputTokens', 'high'), undefined);
  });

  test('the project config keeps the section as data, and usageFromValue reads it (without lines)', () => {
    const config = loadProjectConfig(GOOD, '.promptcost.yml');
    const usage = usageFromValue(config.usage, '.promptcost.yml');
    assert.strictEqual(usage.prompts[0].line, 12);
    assert.deepStrictEqual(usage.prompts[0].at, { line: null, column: null });
    assert.throws(() => usageFromValue({ prompts: [{ name: 'X', requestsPerDay: 'lots' }] }, '.promptcost.yml'), (e: unknown) => {
      assert.ok(e instanceof UsageFileError);
      assert.strictEqual(e.line, null);
      assert.strictEqual(e.message, '.promptcost.yml: `usage.prompts[0].requestsPerDay` must be a number ≥ 0, not the text "lots"');
      return true;
    });
  });

  test('no usage section → null; a dedicated usage file may leave out `usage:`', () => {
    assert.strictEqual(readUsageSection('models: [gpt-4o]\n', '.promptcost.yml'), null);
    assert.strictEqual(readUsageSection('', '.promptcost.yml'), null);
    const standalone = readUsageDocument('prompts:\n  - name: A\n    requestsPerDay: 5\n', 'usage.yml');
    assert.strictEqual(standalone.prompts[0].name, 'A');
    const wrapped = readUsageDocument(GOOD, 'usage.yml');
    assert.strictEqual(wrapped.prompts.length, 2);
  });

  test('bad files: each error names the line and says what is wrong', () => {
    const cases: [string, number, RegExp][] = [
      [withEntry('    - name: A', '      requestsPerDay: -5'), 4, /`usage\.prompts\[0\]\.requestsPerDay` must be a number ≥ 0, not -5/],
      [withEntry('    - name: A', '      requestsPerDay: 10', '      reqestsPerDay: 10'), 5, /unknown key `reqestsPerDay` in usage\.prompts\[0\]; expected one of file, line, name, model, requestsPerDay/],
      [withEntry('    - name: A', '      requestsPerDay: { low: 1, high: 9 }'), 4, /requestsPerDay needs an `expected` value/],
      [withEntry('    - name: A', '      requestsPerDay: { low: 1, expected: 2, peak: 9 }'), 4, /unknown key `peak`.*expected one of low, expected, high/],
      [withEntry('    - requestsPerDay: 10'), 3, /must say which prompt it is about: `file` \+ `line`, or `name`/],
      [withEntry('    - name: A', '      line: 4', '      requestsPerDay: 10'), 3, /has `line` but no `file`/],
      [withEntry('    - file: a.py', '      requestsPerDay: 10'), 3, /needs `line` or `name` with `file`/],
      [withEntry('    - name: A', '      requestsPerDay: 10', '    - name: B'), 5, /usage\.prompts\[1\] needs `requestsPerDay` \(here or in usage\.defaults\)/],
      [withEntry('    - file: a.py', '      line: 0', '      requestsPerDay: 10'), 4, /`usage\.prompts\[0\]\.line` must be a line number ≥ 1, not 0/],
      [withEntry('    - name: A', '      requestsPerDay: 10', '      cacheHitRate: 1.5'), 5, /cacheHitRate` must be a share between 0 and 1, not 1\.5/],
      [withEntry('    - name: A', '      requestsPerDay: 10', '      outputTokens: 12.5'), 5, /outputTokens` must be a whole number ≥ 0, not 12\.5/],
      [withEntry('    - name: A', '      requestsPerDay: 10', '      model:'), 5, /`usage\.prompts\[0\]\.model` has no value/],
      ['usage:\n  prompts:\n    name: A\n', 3, /`usage\.prompts` must be a list of entries/],
      ['usage:\n  profile: peak\n', 2, /`usage\.profile` must be one of low, expected, high, not the text "peak"/],
      ['usage:\n  monthlyBudget: lots\n', 2, /monthlyBudget` must be an amount in USD ≥ 0/],
      ['models: [gpt-4o]\nusage:\n  prompt:\n    - name: A\n', 3, /unknown key `prompt` in usage; expected one of profile, monthlyBudget, acceptableModels, defaults, prompts/],
      ['usage:\n', 1, /`usage` is empty/],
      ['usage:\n  prompts: [\n', 3, /invalid YAML/],
    ];
    for (const [text, line, reason] of cases) {
      const error = usageError(text);
      assert.strictEqual(error.line, line, `${error.message}\n--- for ---\n${text}`);
      assert.match(error.message, reason);
      assert.ok(error.message.startsWith(`.promptcost.yml:${line}:`), error.message);
    }
  });

  test('a dedicated usage file reports its own name and lines', () => {
    const error = usageError('defaults:\n  growth: -1\n', true);
    assert.strictEqual(error.message, 'usage.yml:2:11: `usage.defaults.growth` must be a number > -1 (0.05 = +5 % a month), not -1');
  });
});
