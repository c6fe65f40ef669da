import * as assert from 'assert';
import { escapeMarkdown } from '../../../../src/core/presentation/markdownEscape';

suite('presentation: Markdown escaping', () => {
  test('names from the file read as plain text: no links, HTML or emphasis', () => {
    assert.strictEqual(escapeMarkdown('[x](command:evil) <b>*y*</b>'), '\\[x\\]\\(command\\:evil\\) &lt;b&gt;\\*y\\*&lt;/b&gt;');
  });
});
