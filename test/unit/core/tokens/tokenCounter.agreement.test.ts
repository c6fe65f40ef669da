import * as assert from 'assert';
import { Tiktoken } from 'js-tiktoken/lite';
import type { EncodingName } from '../../../../src/core/tokens/encodings';
import { countTokens } from '../../../../src/core/tokens/tokenCounter';
import { buildAgreementCorpus } from './agreementCorpus';

type Ranks = ConstructorParameters<typeof Tiktoken>[0];

// js-tiktoken is the independent oracle: a separate implementation of the same encodings.
function loadOracle(encoding: EncodingName): Tiktoken {
  const ranks: Ranks =
    encoding === 'o200k_base' ? require('js-tiktoken/ranks/o200k_base') : require('js-tiktoken/ranks/cl100k_base');
  return new Tiktoken(ranks);
}

// No special token allowed and none disallowed: special-token text is encoded as ordinary text.
function oracleCount(oracle: Tiktoken, text: string): number {
  return oracle.encode(text, [], []).length;
}

suite('tokens: agreement with js-tiktoken', function () {
  this.timeout(300_000);
  const corpus = buildAgreementCorpus();

  test('the corpus is large and deterministic', () => {
    assert.ok(corpus.length >= 3000, `only ${corpus.length} strings`);
    assert.deepStrictEqual(buildAgreementCorpus().slice(-5), corpus.slice(-5));
    assert.ok(corpus.some((text) => text.length >= 4000));
  });

  for (const encoding of ['o200k_base', 'cl100k_base'] as const) {
    test(`${encoding}: every exact count equals js-tiktoken's`, () => {
      const oracle = loadOracle(encoding);
      let compared = 0;
      let approximate = 0;
      const mismatches: string[] = [];
      for (const text of corpus) {
        const ours = countTokens(text, encoding, { timeBudgetMs: Infinity });
        if (!ours.exact) {
          approximate++;
          continue;
        }
        compared++;
        const expected = oracleCount(oracle, text);
        if (ours.tokens !== expected) mismatches.push(`${JSON.stringify(text.slice(0, 80))}: ${ours.tokens} vs ${expected}`);
      }
      console.log(`      ${encoding}: compared ${compared} strings (${approximate} approximate, skipped)`);
      assert.deepStrictEqual(mismatches.slice(0, 10), []);
      assert.ok(compared >= 3000, `only ${compared} exact counts`);
    });

    test(`${encoding}: cutting at every exact boundary keeps every count equal to js-tiktoken's`, () => {
      // segmentChars 1 makes the counter cut at every boundary it considers exact: the strongest check
      // that those boundaries really are exact.
      const oracle = loadOracle(encoding);
      let compared = 0;
      const mismatches: string[] = [];
      for (const text of corpus) {
        const ours = countTokens(text, encoding, { timeBudgetMs: Infinity, segmentChars: 1 });
        if (!ours.exact) continue;
        compared++;
        const expected = oracleCount(oracle, text);
        if (ours.tokens !== expected) mismatches.push(`${JSON.stringify(text.slice(0, 80))}: ${ours.tokens} vs ${expected}`);
      }
      console.log(`      ${encoding}: compared ${compared} strings cut at every boundary`);
      assert.deepStrictEqual(mismatches.slice(0, 10), []);
      assert.ok(compared >= 3000, `only ${compared} exact counts`);
    });
  }
});
