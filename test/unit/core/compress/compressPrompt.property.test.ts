/**
 * Property test: 2,400 generated prompts (seeded PRNG) with placeholders of every syntax and protected
 * content inserted at random places. For each: no placeholder lost, added or reordered, every inserted
 * protected item kept in order, and never longer in tokens.
 */
import * as assert from 'assert';
import { compressPrompt } from '../../../../src/core/compress/compressPrompt';
import { findPlaceholders } from '../../../../src/core/prompts/placeholders';
import type { PlaceholderSyntax } from '../../../../src/core/prompts/prompt';
import { estimateTokens } from '../../../../src/core/tokens/estimateTokens';
import { seededRandom } from '../../../support/seededRandom';

const SENTENCES = [
  'Please answer the question in a clear and concise manner.',
  'I would like you to summarize the document in order to help the reader.',
  'It is important that you cite your sources.',
  'Make sure to respond in the same language as the user.',
  'Generally, the answer should basically be very short.',
  'Due to the fact that the user is busy, keep it brief.',
  'Do not make up facts.',
  'Always respond in JSON.',
  'Always respond in JSON.',
  'You are a helpful assistant for an online store.',
  'Feel free to ask a clarifying question if the request is ambiguous.',
  'Thank you!',
  'In the event that the context is empty, say that you do not know.',
  'Use a large number of examples when it comes to edge cases.',
  '## Output format:',
  '* Keep each bullet short.',
  '- Mention the price.',
  'Kindly avoid jargon, perhaps by using simple words.',
  'You should say that you do not know.',
  'Here is the context:',
  'Summarize the following text in the following format:',
  'Do not add any comments, without any explanation.',
  'It is very important to answer with one of the following: yes, no.',
  'If you are not sure, you should ask.',
];

const SYNTAX_SAMPLES: Record<PlaceholderSyntax, readonly string[]> = {
  format: ['{name}', '{0}', '{user.email}', '{}'],
  fstring: ['{len(items)}', '{price:.2f}'],
  percent: ['%s', '%(topic)s', '%d'],
  printf: ['%v', '%[1]s', '%q'],
  dollar: ['${question}', '${ctx.docs}'],
  mustache: ['{{ name }}', '{{#each docs}}', '{{/each}}', '{{{raw}}}'],
  jinjaBlock: ['{% if admin %}', '{% endif %}', '{# note #}'],
  promptInput: ['${input:file}', '${input:goal:What to do}', '${selection}'],
};

const PROTECTED = ['`npm run build`', '"in order to"', "'due to the fact that'", 'https://example.com/docs/v2', '42', '3.14', '{"answer": "please"}', '<context>', '```\nplease kindly\n```'];

suite('compress property test', () => {
  test('2,400 generated prompts: placeholders kept exactly, protected items kept in order, never longer', function () {
    this.timeout(120_000);
    const random = seededRandom(20_240_601);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const syntaxNames = Object.keys(SYNTAX_SAMPLES) as PlaceholderSyntax[];
    let compressedCount = 0;
    for (let n = 0; n < 2400; n++) {
      const sentences = Array.from({ length: 2 + Math.floor(random() * 8) }, () => pick(SENTENCES));
      let words = sentences.join(random() < 0.5 ? ' ' : '\n').split(/(?<= )/);
      const syntaxes = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(syntaxNames)))];
      const inserted: string[] = [];
      const insertions = 1 + Math.floor(random() * 6);
      for (let i = 0; i < insertions; i++) {
        const item = random() < 0.7 ? pick(SYNTAX_SAMPLES[pick(syntaxes)]) : pick(PROTECTED);
        const at = Math.floor(random() * (words.length + 1));
        words = [...words.slice(0, at), `${item} `, ...words.slice(at)];
      }
      const text = (random() < 0.3 ? '\n    ' : '') + words.join('');
      for (const w of words) if ([...PROTECTED].some((p) => w === `${p} `)) inserted.push(w.trimEnd());
      const mode = random() < 0.5 ? 'safe' : 'aggressive';
      const model = pick(['gpt-4o', 'gpt-4', 'claude-sonnet-4', 'gemini-2.5-pro']);
      const r = compressPrompt(text, { mode, model, placeholderSyntaxes: syntaxes });
      const context = `#${n} ${mode} ${syntaxes.join(',')}: ${JSON.stringify(text)} → ${JSON.stringify(r.compressed)}`;

      const before = findPlaceholders(text, syntaxes).map((p) => p.raw);
      const after = findPlaceholders(r.compressed, syntaxes).map((p) => p.raw);
      assert.deepStrictEqual(after, before, context);
      let cursor = 0;
      for (const item of inserted) {
        const at = r.compressed.indexOf(item, cursor);
        assert.ok(at >= 0, `${context}\nlost ${item}`);
        cursor = at + item.length;
      }
      assert.ok(r.tokensAfter <= r.tokensBefore, context);
      assert.strictEqual(r.tokensAfter, estimateTokens(r.compressed, model).tokens, context);
      if (r.refused === null && r.compressed !== text) compressedCount++;
    }
    // The generator is full of filler: most prompts must actually shrink, or the test checks nothing.
    assert.ok(compressedCount > 2000, `only ${compressedCount} prompts were compressed`);
  });
});
