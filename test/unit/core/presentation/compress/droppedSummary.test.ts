import * as assert from 'assert';
import { compressPrompt } from '../../../../../src/core/compress/compressPrompt';
import { droppedSummary } from '../../../../../src/core/presentation/compress/droppedSummary';

suite('droppedSummary', () => {
  test('names what aggressive passes dropped: words quoted, counted articles as they are, examples as a count', () => {
    const text = 'Generally, classify the intent.\n\nExample 1:\nQuery: "Where is my parcel?"\nIntent: track\n\nExample 2:\nQuery: "Refund me"\nIntent: refund\n\nNow classify the query {query}.';
    const r = compressPrompt(text, { mode: 'aggressive' });
    assert.strictEqual(droppedSummary(r.passes), 'hedges "Generally"; examples 1 example; articles the (×2)');
  });

  test('says nothing for safe mode, whose removals are filler, not content', () => {
    const r = compressPrompt('Please, I would like you to summarize the text below in order to help the team.', { mode: 'safe' });
    assert.ok(r.passes.some((p) => p.dropped?.length), 'safe passes did remove filler');
    assert.strictEqual(droppedSummary(r.passes), null);
  });

  test('a long list is cut at a word boundary with an ellipsis', () => {
    const dropped = Array.from({ length: 40 }, (_, i) => `hedge${i}`);
    const line = droppedSummary([{ name: 'hedges', tokensSaved: 40, dropped, aggressive: true }], 60);
    assert.strictEqual(line, 'hedges "hedge0", "hedge1", "hedge2", "hedge3", "hedge4"…');
  });
});
