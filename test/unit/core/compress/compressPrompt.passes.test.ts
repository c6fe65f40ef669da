/** Each pass on masked text, through compressPrompt where the token measurement matters. */
import * as assert from 'assert';
import { compressPrompt } from '../../../../src/core/compress/compressPrompt';
import type { PassContext } from '../../../../src/core/compress/pass';
import { articlesPass } from '../../../../src/core/compress/passes/articles';
import { duplicatesPass } from '../../../../src/core/compress/passes/duplicates';
import { examplesPass } from '../../../../src/core/compress/passes/examples';
import { fillerPass } from '../../../../src/core/compress/passes/filler';
import { hedgesPass } from '../../../../src/core/compress/passes/hedges';
import { listsHeadingsPass } from '../../../../src/core/compress/passes/listsHeadings';
import { phrasesPass } from '../../../../src/core/compress/passes/phrases';
import { whitespacePass } from '../../../../src/core/compress/passes/whitespace';
import { PHRASE_TABLE } from '../../../../src/core/compress/phraseTable';
import { findProtectedSpans } from '../../../../src/core/compress/protectedSpans';
import { mask, unmask } from '../../../../src/core/compress/sentinels';
import type { CompressionPass } from '../../../../src/core/compress/pass';

function run(pass: CompressionPass, text: string, mode: 'safe' | 'aggressive' = 'safe'): { text: string; dropped: string[] } {
  const spans = findProtectedSpans(text, ['format', 'mustache']);
  const context: PassContext = { mode, spans, encoding: 'o200k_base' };
  const out = pass.apply(mask(text, spans), context);
  return { text: unmask(out.text, spans), dropped: (out.dropped ?? []).map((d) => unmask(d, spans)) };
}

suite('compress passes', () => {
  suite('whitespace', () => {
    test('dedents, collapses spaces and blank-line runs, keeps list nesting and the outer line breaks', () => {
      const input = '\n        Summarise   the text.\n\n\n\n        - first\n          - nested\n        Done.  \n    ';
      assert.strictEqual(run(whitespacePass, input).text, '\nSummarise the text.\n\n- first\n  - nested\nDone.\n');
    });
    test('never touches a code fence', () => {
      const input = 'Fix this:\n\n\n\n```py\ndef f():\n        return   1\n```';
      assert.strictEqual(run(whitespacePass, input).text, 'Fix this:\n\n```py\ndef f():\n        return   1\n```');
    });
  });

  suite('filler', () => {
    test('removes politeness and re-capitalises the sentence', () => {
      const out = run(fillerPass, 'I would like you to make sure to summarise the report. Please answer in French, please.');
      assert.strictEqual(out.text, 'Summarise the report. Answer in French.');
      assert.deepStrictEqual(out.dropped, ['I would like you to', 'Please', 'please', 'Make sure to']);
    });
    test('rewrites rather than removes when grammar needs a verb', () => {
      assert.strictEqual(run(fillerPass, 'Make sure that the JSON is valid. Feel free to ask questions.').text, 'Ensure the JSON is valid. You may ask questions.');
    });
    test('drops whole thank-you sentences but not "thanks to"', () => {
      assert.strictEqual(run(fillerPass, 'Answer briefly. Thank you!\nThanks to caching, answers are fast.').text, 'Answer briefly.\nThanks to caching, answers are fast.');
    });
    test('leaves "please" alone when the prompt names the word', () => {
      assert.strictEqual(run(fillerPass, 'Never say please to the user.').text, 'Never say please to the user.');
    });
  });

  suite('phrases', () => {
    test('the table has 100+ entries', () => assert.ok(PHRASE_TABLE.length >= 100, String(PHRASE_TABLE.length)));
    test('substitutes with case preserved and word boundaries respected', () => {
      const out = run(phrasesPass, 'In order to help, reply now. Due to the fact that it IS ABLE TO fail, a large number of checks run. Reorder tokens.');
      assert.strictEqual(out.text, 'To help, reply now. Because it CAN fail, many checks run. Reorder tokens.');
    });
    test('does not match inside words or protected spans', () => {
      assert.strictEqual(run(phrasesPass, 'Keep "in order to" and `prior to` but rewrite prior to that.').text, 'Keep "in order to" and `prior to` but rewrite before that.');
    });
  });

  suite('hedges (aggressive)', () => {
    test('drops hedges and reports them, but not "just as" or "rather than"', () => {
      const out = run(hedgesPass, 'Generally, the answer should basically be very short. It is just as important as speed, rather than style.', 'aggressive');
      assert.strictEqual(out.text, 'The answer should be short. It is just as important as speed, rather than style.');
      assert.deepStrictEqual(out.dropped, ['Generally', 'basically', 'very']);
    });
    test('does not run in safe mode', () => {
      const r = compressPrompt('Generally, you should basically answer very briefly and clearly in plain English.', { mode: 'safe' });
      assert.ok(!r.passes.some((p) => p.name === 'hedges'));
      assert.match(r.compressed, /basically/);
    });
  });

  suite('articles (aggressive)', () => {
    test('drops articles, keeps the sentence capital, and reports how many of each', () => {
      const out = run(articlesPass, 'The model reads the article. Summarize it in a short paragraph for an engineer.\n- A title comes first.', 'aggressive');
      assert.strictEqual(out.text, 'Model reads article. Summarize it in short paragraph for engineer.\n- Title comes first.');
      assert.deepStrictEqual(out.dropped, ['the (×2)', 'a (×2)', 'an']);
    });
    test('keeps articles that carry meaning: quantities, rates, fixed phrases', () => {
      const input = 'Ask a few questions, a little at a time, once a day, for {price} a month. Use a number of sources and the same tone.';
      assert.strictEqual(run(articlesPass, input, 'aggressive').text, input);
    });
    test('keeps a letter or a label that only looks like an article', () => {
      const input = 'Choose between a and b. Plan A covers it; vitamin A is fine. Use the {tone} tone and "the exact quote".';
      assert.strictEqual(run(articlesPass, input, 'aggressive').text, input);
    });
    test('leaves text that is not English alone: "a" is a preposition in Spanish', () => {
      const spanish = 'Responde a la pregunta del usuario en español con un tono amable. Si no sabes la respuesta, dilo.';
      assert.strictEqual(run(articlesPass, spanish, 'aggressive').text, spanish);
      const french = "Il a une question : réponds en français à l'utilisateur, avec une phrase.";
      assert.strictEqual(run(articlesPass, french, 'aggressive').text, french);
    });
    test('does not run in safe mode', () => {
      const r = compressPrompt('Summarize the article in a short paragraph for the reader of the newsletter.', { mode: 'safe' });
      assert.ok(!r.passes.some((p) => p.name === 'articles'));
      assert.match(r.compressed, /the article/);
    });
  });

  suite('duplicates', () => {
    test('drops exact repeats and repeats that add nothing, keeps negated variants', () => {
      const input = 'Always answer in English. Cite the source document.\n- Always answer in English!\nAlways cite the source document by name.\nCite the source document by name.\nDo not cite the source document by name.';
      const out = run(duplicatesPass, input);
      assert.strictEqual(out.text, 'Always answer in English. Cite the source document.\nAlways cite the source document by name.\nDo not cite the source document by name.');
      assert.deepStrictEqual(out.dropped, ['Always answer in English!', 'Cite the source document by name.']);
    });
    test('never drops a sentence holding a protected span', () => {
      const input = 'Answer in 3 sentences or fewer.\nAnswer in 3 sentences or fewer.';
      assert.strictEqual(run(duplicatesPass, input).text, input);
    });
  });

  suite('lists and headings', () => {
    test('tightens bullets, headings and label lines', () => {
      const input = '## **Output format:**\n**Rules:**\n* Be concise.\n\n* Use the tools\n+ Cite sources';
      assert.strictEqual(run(listsHeadingsPass, input).text, '## Output format\nRules:\n- Be concise\n- Use the tools\n- Cite sources');
    });
    test('removes a trailing colon from a heading', () => {
      assert.strictEqual(run(listsHeadingsPass, '### Context:\ntext').text, '### Context\ntext');
    });
  });

  suite('examples (aggressive)', () => {
    test('keeps the first numbered example and reports the others', () => {
      const input = 'Classify the intent.\n\nExample 1:\nQuery: "Where is my parcel?"\nIntent: track\n\nExample 2:\nQuery: "Refund me"\nIntent: refund\n\nNow classify the query.';
      const out = run(examplesPass, input, 'aggressive');
      assert.strictEqual(out.text, 'Classify the intent.\n\nExample 1:\nQuery: "Where is my parcel?"\nIntent: track\n\nNow classify the query.');
      assert.deepStrictEqual(out.dropped, ['Example 2:\nQuery: "Refund me"\nIntent: refund']);
    });
    test('drops later <example> elements but never one holding a placeholder', () => {
      const input = '<example>\nA\n</example>\n<example>\nB\n</example>\n<example>\n{user_input}\n</example>\nGo.';
      const out = run(examplesPass, input, 'aggressive');
      assert.strictEqual(out.text, '<example>\nA\n</example>\n<example>\n{user_input}\n</example>\nGo.');
      assert.deepStrictEqual(out.dropped, ['<example>\nB\n</example>']);
    });
  });

  suite('measured', () => {
    test('every kept pass lowered the count, and the savings add up', () => {
      const text = 'Please, I would like you to summarize the text below in order to help the team.\n\n\n\nPlease summarize the text below in order to help the team.\n\n{text}';
      const r = compressPrompt(text, { mode: 'safe', model: 'gpt-4o', placeholderSyntaxes: ['format'] });
      assert.strictEqual(r.refused, null);
      assert.ok(r.passes.length > 0);
      for (const p of r.passes) assert.ok(p.tokensSaved > 0, p.name);
      assert.strictEqual(r.tokensBefore - r.tokensAfter, r.passes.reduce((s, p) => s + p.tokensSaved, 0));
      assert.strictEqual(r.compressed, 'Summarize the text below to help the team.\n\n{text}');
      assert.deepStrictEqual(r.placeholders, ['text']);
    });
    test('a text with nothing to gain comes back unchanged with no passes', () => {
      const r = compressPrompt('Translate to German.', {});
      assert.strictEqual(r.compressed, 'Translate to German.');
      assert.deepStrictEqual(r.passes, []);
    });
  });
});
