import * as assert from 'assert';
import { diffCosts } from '../../../../src/core/simulate/costDiff';
import { costDiffToMarkdown, formatSignedUsd } from '../../../../src/core/simulate/costDiffMarkdown';
import { pairCalls, textSimilarity } from '../../../../src/core/simulate/promptPairing';
import { readUsageSection } from '../../../../src/core/simulate/usageFile';
import { loadDefaultPriceTable } from '../../../../src/core/pricing/priceTable';
import { approx, testPrices } from './testPrices';
import { estimate, finding } from './testFindings';

const prices = testPrices();

suite('simulate: pairing prompts between revisions', () => {
  test('same file + same name, then similar text at the nearest line, else added / removed', () => {
    const base = [
      finding('a.py', 3, 3, { name: 'SYSTEM', text: 'You are a helpful billing assistant.' }),
      finding('a.py', 10, 10, { text: 'Summarize the following ticket in three bullet points.' }),
      finding('a.py', 30, 30, { text: 'Summarize the following ticket in three bullet points.' }),
      finding('a.py', 50, 50, { text: 'Translate to French.' }),
    ];
    const head = [
      finding('a.py', 5, 5, { name: 'SYSTEM', text: 'Completely rewritten system prompt.' }),
      finding('a.py', 33, 33, { text: 'Summarize the following ticket in five bullet points.' }),
      finding('a.py', 60, 60, { text: 'Write a haiku about invoices.' }),
      finding('b.py', 1, 1, { text: 'Translate to French.' }),
    ];
    const pairs = pairCalls(base, head);
    const show = pairs.map((p) => `${p.how}:${p.base ? p.base.file + ':' + p.base.startLine : '-'}>${p.head ? p.head.file + ':' + p.head.startLine : '-'}`);
    assert.deepStrictEqual(show, [
      'name:a.py:3>a.py:5',
      'removed:a.py:10>-',
      'text:a.py:30>a.py:33',
      'removed:a.py:50>-',
      'added:->a.py:60',
      'added:->b.py:1',
    ]);
  });

  test('calls that send one shared constant share its name: their parts’ text pairs them, not their order', () => {
    const shared = 'You are a careful assistant.';
    const base = [
      finding('a.py', 10, 10, { name: 'SHARED', text: `${shared}\n\nSummarize the ticket: {ticket}` }),
      finding('a.py', 20, 20, { name: 'SHARED', text: `${shared}\n\nTranslate the reply into French: {reply}` }),
    ];
    // The head swaps the two functions: the translation call now comes first.
    const head = [
      finding('a.py', 10, 10, { name: 'SHARED', text: `${shared}\n\nTranslate the reply into French, politely: {reply}` }),
      finding('a.py', 20, 20, { name: 'SHARED', text: `${shared}\n\nSummarize the ticket: {ticket}` }),
    ];
    const show = pairCalls(base, head).map((p) => `${p.how}:${p.base?.startLine ?? '-'}>${p.head?.startLine ?? '-'}`);
    assert.deepStrictEqual(show, ['name:20>10', 'name:10>20']);
  });

  test('text similarity is word-based and order-insensitive', () => {
    assert.strictEqual(textSimilarity('a b c', 'c b a'), 1);
    assert.strictEqual(textSimilarity('alpha beta', 'gamma delta'), 0);
    approx(textSimilarity('one two three four', 'one two three five'), 0.75);
  });
});

suite('simulate: cost diff', () => {
  const usage = readUsageSection(
    'usage:\n  prompts:\n    - { name: SYSTEM, requestsPerDay: 1000 }\n    - { file: a.py, line: 40, requestsPerDay: 1000 }\n    - { file: a.py, line: 99, requestsPerDay: 1000 }\n',
    '.promptcost.yml',
  )!;

  test('a longer prompt costs more at the same traffic; added and removed prompts count in full', () => {
    const base = [
      finding('a.py', 3, 3, { name: 'SYSTEM', text: 'system', estimates: [estimate('test-model', 100)] }),
      finding('a.py', 99, 99, { text: 'an old prompt that goes away', estimates: [estimate('test-model', 100)] }),
      finding('a.py', 70, 70, { text: 'no usage for me', estimates: [estimate('test-model', 100)] }),
    ];
    const head = [
      // Moved from line 3 to 8 and grew from 100 to 200 tokens: the same entry (by name) prices both sides.
      finding('a.py', 8, 8, { name: 'SYSTEM', text: 'system, longer', estimates: [estimate('test-model', 200)] }),
      finding('a.py', 40, 40, { text: 'brand new prompt', estimates: [estimate('test-model', 100)] }),
      finding('a.py', 75, 75, { text: 'no usage for me', estimates: [estimate('test-model', 100)] }),
    ];
    const diff = diffCosts(base, head, { usage, prices });
    assert.deepStrictEqual(diff.rows.map((r) => `${r.status} ${r.file}:${r.line}`), ['changed a.py:8', 'added a.py:40', 'removed a.py:99']);
    // SYSTEM: (100 × 2 + 50 × 8) → (200 × 2 + 50 × 8) µ$ × 30,000 = $18 → $24
    approx(diff.rows[0].before!.monthlyCost, 18);
    approx(diff.rows[0].after!.monthlyCost, 24);
    approx(diff.rows[0].delta, 6);
    approx(diff.rows[0].deltaShare, 1 / 3);
    assert.strictEqual(diff.rows[1].before, null);
    approx(diff.rows[1].delta, 18);
    approx(diff.rows[2].delta, -18);
    approx(diff.totals.before, 36);
    approx(diff.totals.after, 42);
    approx(diff.totals.delta, 6);
    approx(diff.totals.deltaShare, 6 / 36);
    assert.strictEqual(diff.withoutUsage, 1);

    const md = costDiffToMarkdown(diff, { baseLabel: 'main' });
    assert.match(md, /^### Prompt cost change vs `main` \(per month, profile: expected\)/);
    assert.match(md, /Monthly cost: \$36\.00 → \$42\.00 \(\*\*\+\$6\.00\*\*, \+16\.7 %\)/);
    assert.match(md, /\| Call +\| Model +\| +Before \| +After \| +Δ\/month \| +Δ % \|/);
    assert.match(md, /\| a\.py:8 \(SYSTEM\) +\| test-model \| +\$18\.00 \| +\$24\.00 \| +\+\$6\.00 \| +\+33\.3 % \|/);
    assert.match(md, /\| a\.py:40 — added +\| test-model \| +— \| +\$18\.00 \| +\+\$18\.00 \| +— \|/);
    assert.match(md, /\| a\.py:99 — removed +\| test-model \| +\$18\.00 \| +— \| +-\$18\.00 \| +-100\.0 % \|/);
    assert.match(md, /\| \*\*Total\*\* +\| +\| +\*\*\$36\.00\*\* \| +\*\*\$42\.00\*\* \| +\*\*\+\$6\.00\*\* \| +\*\*\+16\.7 %\*\* \|/);
    assert.match(md, /- 1 call without usage data \(not costed\)/);
  });

  test('unchanged prompts are hidden unless asked for; a separate base usage file prices the base with its own volume', () => {
    const base = [finding('a.py', 3, 3, { name: 'SYSTEM', text: 'same' })];
    const head = [finding('a.py', 3, 3, { name: 'SYSTEM', text: 'same' })];
    const same = diffCosts(base, head, { usage, prices });
    assert.strictEqual(same.rows[0].status, 'unchanged');
    assert.strictEqual(same.totals.delta, 0);
    assert.doesNotMatch(costDiffToMarkdown(same), /a\.py:3/);
    assert.match(costDiffToMarkdown(same), /1 call with unchanged cost not shown/);
    assert.match(costDiffToMarkdown(same, { showUnchanged: true }), /a\.py:3 \(SYSTEM\)/);

    const baseUsage = readUsageSection('usage:\n  prompts:\n    - { name: SYSTEM, requestsPerDay: 500 }\n', 'base.yml')!;
    const traffic = diffCosts(base, head, { usage, baseUsage, prices });
    approx(traffic.rows[0].before!.monthlyCost, 9);
    approx(traffic.rows[0].after!.monthlyCost, 18);
    approx(traffic.totals.delta, 9);
  });

  test('a side without a price makes the row unknown and keeps it out of the totals', () => {
    const base = [finding('a.py', 3, 3, { name: 'SYSTEM', estimates: [estimate('no-such-model-zz9', 100)] })];
    const head = [finding('a.py', 3, 3, { name: 'SYSTEM', estimates: [estimate('test-model', 100)] })];
    const diff = diffCosts(base, head, { usage, prices });
    assert.strictEqual(diff.rows[0].delta, null);
    assert.strictEqual(diff.unpricedRows, 1);
    assert.strictEqual(diff.totals.delta, 0);
    const md = costDiffToMarkdown(diff);
    assert.match(md, /no-such-model-zz9 → test-model/);
    assert.match(md, /1 call without a price left out of the totals/);
  });

  test('the providers\' billing rules price both sides, and the table says which applied', () => {
    const claudeUsage = readUsageSection(
      'usage:\n  prompts:\n    - { name: SYSTEM, requestsPerDay: 10, cachedPrefixShare: 0.9, batchShare: 0.5 }\n',
      '.promptcost.yml',
    )!;
    const base = [finding('a.py', 3, 3, { name: 'SYSTEM', text: 'old', estimates: [estimate('claude-sonnet-4-5', 10_000, 500)] })];
    const head = [finding('a.py', 3, 3, { name: 'SYSTEM', text: 'new', estimates: [estimate('claude-sonnet-4-5', 20_000, 500)] })];
    const diff = diffCosts(base, head, { usage: claudeUsage, prices: loadDefaultPriceTable() });
    // Half the requests at standard rates, half batched (50 %, stacked with the cache); 97 % of them write the prefix.
    const w = Math.exp(-10 * 5 / 1440);
    const request = (input: number) => {
      const prefix = input * 0.9;
      const standard = (1 - w) * (prefix * 0.3 + (input - prefix) * 3 + 500 * 15) + w * (prefix * 3.75 + (input - prefix) * 3 + 500 * 15);
      return (0.5 * standard + 0.5 * standard / 2) / 1e6;
    };
    approx(diff.rows[0].before!.monthlyCost, 300 * request(10_000));
    approx(diff.rows[0].after!.monthlyCost, 300 * request(20_000));
    assert.deepStrictEqual(diff.rows[0].after!.billing, ['batch −50 %', 'cache read 0.1× input', 'cache write 1.25× input (5 min), 2× (1 h)', 'batch and cache discounts stack']);
    const md = costDiffToMarkdown(diff);
    assert.match(md, /- claude-sonnet-4-5: 97 % of requests write the cached prefix at 1\.25× input \(10 model requests a day, a 5-minute cache\)/);
    assert.match(md, /- Billing rules, claude-sonnet-4-5: batch −50 %; cache read 0\.1× input; cache write 1\.25× input \(5 min\), 2× \(1 h\); batch and cache discounts stack/);
  });

  test('signed amounts', () => {
    assert.strictEqual(formatSignedUsd(1.5), '+$1.50');
    assert.strictEqual(formatSignedUsd(-0.0021), '-$0.0021');
    assert.strictEqual(formatSignedUsd(0), '$0.00');
    assert.strictEqual(formatSignedUsd(null), 'no price');
  });
});
