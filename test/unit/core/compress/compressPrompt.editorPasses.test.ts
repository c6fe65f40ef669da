/** The editor-style passes: sentence openers and preambles, "the following", and grammatically redundant words. */
import * as assert from 'assert';
import { compressPrompt } from '../../../../src/core/compress/compressPrompt';
import type { CompressionPass, PassContext } from '../../../../src/core/compress/pass';
import { forwardReferencesPass } from '../../../../src/core/compress/passes/forwardReferences';
import { openersPass } from '../../../../src/core/compress/passes/openers';
import { phrasesPass } from '../../../../src/core/compress/passes/phrases';
import { redundantWordsPass } from '../../../../src/core/compress/passes/redundantWords';
import { findProtectedSpans } from '../../../../src/core/compress/protectedSpans';
import { mask, unmask } from '../../../../src/core/compress/sentinels';

function run(pass: CompressionPass, text: string): { text: string; dropped: string[] } {
  const spans = findProtectedSpans(text, ['format', 'mustache']);
  const context: PassContext = { mode: 'safe', spans, encoding: 'o200k_base' };
  const out = pass.apply(mask(text, spans), context);
  return { text: unmask(out.text, spans), dropped: (out.dropped ?? []).map((d) => unmask(d, spans)) };
}

suite('compress editor passes', () => {
  suite('openers', () => {
    test('drops "You should" and "Your goal is to" where a sentence starts, with the capital moved on', () => {
      const out = run(openersPass, 'You are a tutor. Your goal is to guide the student. You should never give the answer. You should not guess.');
      assert.strictEqual(out.text, 'You are a tutor. Guide the student. Never give the answer. Do not guess.');
      assert.deepStrictEqual(out.dropped, ['Your goal is to', 'You should', 'You should not']);
    });
    test('drops "you should" after a leading clause only', () => {
      assert.strictEqual(run(openersPass, 'If you are unsure, you should ask.').text, 'If you are unsure, ask.');
      assert.strictEqual(run(openersPass, 'Tell me what you should do, you should know.').text, 'Tell me what you should do, you should know.');
    });
    test('keeps "You should" when it predicts rather than instructs', () => {
      const text = 'You should receive a file. You should have access to the tools.';
      assert.strictEqual(run(openersPass, text).text, text);
    });
    test('never matches mid-sentence', () => {
      const text = 'Explain what you should check and remember that list.';
      assert.strictEqual(run(openersPass, text).text, text);
    });
    test('"Here is the X:" preambles become "X:", but not "Here is what…" or a sentence that goes on', () => {
      const out = run(openersPass, 'Here is the customer\'s email:\n{email}\nHere are some examples of reviews:\n{examples}\nHere is what to do:\nHere is the document. Read it.');
      assert.strictEqual(out.text, 'Customer\'s email:\n{email}\nExamples of reviews:\n{examples}\nHere is what to do:\nHere is the document. Read it.');
      assert.deepStrictEqual(out.dropped, ['Here is the', 'Here are some']);
    });
    test('a preamble with a placeholder right after the colon keeps the placeholder', () => {
      const r = compressPrompt('Here is a customer review: {review}\nSummarize it.', { placeholderSyntaxes: ['format'] });
      assert.strictEqual(r.compressed, 'Customer review: {review}\nSummarize it.');
    });
  });

  suite('forward references', () => {
    test('"the following" + a content noun becomes "this"/"these", matching number and case', () => {
      const out = run(forwardReferencesPass, 'Summarize the following text. Follow the following rules:\nThe following fields are required. Read the following customer email and reply.');
      assert.strictEqual(out.text, 'Summarize this text. Follow these rules:\nThese fields are required. Read this customer email and reply.');
    });
    test('any noun right before a colon takes its number from its ending', () => {
      assert.strictEqual(run(forwardReferencesPass, 'You can use the following runbooks:\n{runbooks}\nThe user has the following profile:').text, 'You can use these runbooks:\n{runbooks}\nThe user has this profile:');
    });
    test('leaves "the following" that means "the next", and noun phrases whose head is uncertain', () => {
      const text = 'Call me the following day. Answer the following message later. Go through the following bank statement lines. The following describes it. Extract the following:';
      assert.strictEqual(run(forwardReferencesPass, text).text, text);
    });
    test('"one of the following:" becomes "one of:"', () => {
      assert.strictEqual(run(forwardReferencesPass, 'Answer with one of the following: yes, no.').text, 'Answer with one of: yes, no.');
    });
  });

  suite('redundant words', () => {
    test('drops the complementizer "that" only before a clause subject', () => {
      const out = run(redundantWordsPass, 'If unsure, say that you do not know. Check that the JSON is valid. Let the user know that it failed. Say that word. Say that no results were found.');
      assert.strictEqual(out.text, 'If unsure, say you do not know. Check the JSON is valid. Let the user know it failed. Say that word. Say that no results were found.');
    });
    test('drops "any" after a negated verb or "without", but not "any of"', () => {
      const out = run(redundantWordsPass, 'Do not add any comments. Return JSON without any explanation. Do not use any of the tools. Never include any other text.');
      assert.strictEqual(out.text, 'Do not add comments. Return JSON without explanation. Do not use any of the tools. Never include other text.');
    });
    test('drops intensifiers on priority words, moving the capital', () => {
      assert.strictEqual(run(redundantWordsPass, 'Very important: cite sources. This is extremely important. You absolutely must not guess. This is especially important.').text, 'Important: cite sources. This is important. You must not guess. This is especially important.');
    });
  });

  suite('new phrase entries', () => {
    test('rewrites "not sure", "with respect to" and "in addition," and keeps verbs grammatical', () => {
      const out = run(phrasesPass, 'When they are not sure, ask. In addition, check facts with respect to dates. Do not handle it on your own.');
      assert.strictEqual(out.text, 'When they are unsure, ask. Also, check facts about dates. Do not handle it alone.');
    });
  });

  suite('end to end', () => {
    test('a wordy system prompt loses its framing but keeps every instruction, placeholder and quote', () => {
      const text = 'You should always try your best to answer {question}. If you are not sure, you should say that you do not know. Here is the context:\n{context}\nIt is very important that you never reveal "the secret".';
      const r = compressPrompt(text, { placeholderSyntaxes: ['format'] });
      assert.strictEqual(r.refused, null);
      assert.strictEqual(r.compressed, 'Always try to answer {question}. If unsure, say you do not know. Context:\n{context}\nNever reveal "the secret".');
      assert.deepStrictEqual(r.placeholders, ['question', 'context']);
      for (const p of r.passes) assert.ok(p.tokensSaved > 0, p.name);
    });
  });
});
