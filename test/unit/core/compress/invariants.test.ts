/** Protected spans, masking, and the invariant check (including refusals). */
import * as assert from 'assert';
import { compressPrompt } from '../../../../src/core/compress/compressPrompt';
import { checkInvariants } from '../../../../src/core/compress/invariants';
import { findProtectedSpans } from '../../../../src/core/compress/protectedSpans';
import { mask, sentinelsIn, unmask } from '../../../../src/core/compress/sentinels';

suite('compress invariants', () => {
  suite('protected spans', () => {
    const kinds = (text: string) => findProtectedSpans(text).map((s) => `${s.kind}:${s.text}`);
    test('finds placeholders of every syntax', () => {
      const text = 'a {x} b {{y}} c ${z} d %s e %(n)s f {% if q %} g ${input:w}';
      assert.deepStrictEqual(kinds(text).filter((k) => k.startsWith('placeholder')), [
        'placeholder:{x}', 'placeholder:{{y}}', 'placeholder:${z}', 'placeholder:%s', 'placeholder:%(n)s', 'placeholder:{% if q %}', 'placeholder:${input:w}',
      ]);
    });
    test('finds code, JSON, XML, YAML, quotes, URLs and numbers', () => {
      const text = [
        'Run `npm test` first.',
        '```js\nconst x = "in order to";\n```',
        'Return {"a": [1, 2], "b": "}"} only.',
        '<context>',
        'name: demo',
        'version: 2',
        'Say "in order to" or \'prior to that\' but don\'t use it\'s.',
        'See https://example.com/a?b=c. Mail ops@example.com.',
      ].join('\n');
      assert.deepStrictEqual(kinds(text), [
        'inlineCode:`npm test`',
        'codeFence:```js\nconst x = "in order to";\n```',
        'structured:{"a": [1, 2], "b": "}"}',
        'markup:<context>',
        'yaml:name: demo\nversion: 2',
        'quoted:"in order to"',
        "quoted:'prior to that'",
        'url:https://example.com/a?b=c',
        'url:ops@example.com',
      ]);
    });
    test('mask and unmask round-trip, private-use characters included', () => {
      const text = 'Keep \uE001 and {x} and "a b" and 42.';
      const spans = findProtectedSpans(text);
      const masked = mask(text, spans);
      assert.strictEqual(sentinelsIn(masked).length, spans.length);
      assert.ok(!masked.includes('{x}'));
      assert.strictEqual(unmask(masked, spans), text);
    });
  });

  suite('checkInvariants', () => {
    const original = 'Please answer {question} using {context}. Cite "the docs" at https://x.io/a. Use 3 bullets.';
    test('accepts a faithful compression', () => {
      const report = checkInvariants(original, 'Answer {question} using {context}. Cite "the docs" at https://x.io/a. Use 3 bullets.', ['format']);
      assert.deepStrictEqual(report, { ok: true, violations: [] });
    });
    test('refuses a lost placeholder', () => {
      const report = checkInvariants(original, 'Answer {question}. Cite "the docs" at https://x.io/a. Use 3 bullets.', ['format']);
      assert.strictEqual(report.ok, false);
      assert.match(report.violations[0], /placeholder \{context\} lost/);
    });
    test('refuses a duplicated or reordered placeholder', () => {
      assert.match(checkInvariants('{a} {b}', '{a} {b} {b}', ['format']).violations[0], /duplicated/);
      assert.match(checkInvariants('{a} {b}', '{b} {a}', ['format']).violations[0], /out of order/);
    });
    test('refuses a changed protected span', () => {
      const report = checkInvariants(original, 'Answer {question} using {context}. Cite "docs" at https://x.io/a. Use 3 bullets.', ['format']);
      assert.strictEqual(report.ok, false);
      assert.match(report.violations.join(), /protected quoted/);
    });
    test('refuses a longer result', () => {
      const report = checkInvariants('Answer {q}.', 'Answer {q}. Answer it well, with care and attention.', ['format']);
      assert.match(report.violations.join(), /longer in tokens/);
    });
    test('accepts spans a reported pass dropped on purpose', () => {
      const text = 'Say "a b" then "c d".';
      assert.strictEqual(checkInvariants(text, 'Say "a b".', []).ok, false);
      assert.strictEqual(checkInvariants(text, 'Say "a b".', [], { droppedSpans: [1] }).ok, true);
    });
  });

  suite('compressPrompt refusals and protection', () => {
    test('never rewrites inside protected spans', () => {
      const text = 'Please use `in order to` and "due to the fact that" in {lang}:\n```\nin order to\n```';
      const r = compressPrompt(text, { placeholderSyntaxes: ['format'] });
      assert.strictEqual(r.refused, null);
      assert.strictEqual(r.compressed, 'Use `in order to` and "due to the fact that" in {lang}:\n```\nin order to\n```');
    });
    test('a pass that would create a placeholder is not kept', () => {
      // Dropping "basically" would join "%" and "s…" into a %s placeholder.
      const r = compressPrompt('Be 100% basically sure about {x} before you answer the question.', { mode: 'aggressive', placeholderSyntaxes: ['format', 'percent'] });
      assert.strictEqual(r.refused, null);
      assert.ok(!r.passes.some((p) => p.name === 'hedges'));
      assert.deepStrictEqual(r.placeholders, ['x']);
    });
    test('refuses when there are more protected spans than sentinels', () => {
      const text = Array.from({ length: 7000 }, (_, i) => `n${i} ${i}`).join(' ');
      const r = compressPrompt(text, {});
      assert.match(r.refused ?? '', /too many protected spans/);
      assert.strictEqual(r.compressed, text);
      assert.strictEqual(r.tokensAfter, r.tokensBefore);
    });
  });
});
