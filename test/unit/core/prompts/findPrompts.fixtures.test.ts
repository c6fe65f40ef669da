/**
 * Every fixture under test/fixtures/prompts/<language>/ is scanned and compared with the prompts
 * declared next to it in `<file>.expected.json` (positions, kind, text or text prefix, placeholders,
 * model, output budget, evidence, role, name). Fixtures hold realistic SDK code and realistic strings
 * that are not prompts; anything found beyond the declared prompts fails the test.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findPrompts } from '../../../../src/core/prompts/findPrompts';
import type { FoundPrompt } from '../../../../src/core/prompts/prompt';
import type { ExpectedPrompt } from './languageFixtures';

const FIXTURES = path.resolve(__dirname, '../../../../../test/fixtures/prompts');
/** The folders this suite owns (Go, Java and C# fixtures have their own suite). */
const LANGUAGES = ['python', 'typescript', 'javascript'];

function describe(p: FoundPrompt): string {
  return `${p.startLine}-${p.endLine} ${JSON.stringify(p.text.slice(0, 50))}`;
}

suite('prompt discovery: fixtures', () => {
  for (const language of LANGUAGES) {
    const dir = path.join(FIXTURES, language);
    for (const file of fs.readdirSync(dir).filter((f) => !f.endsWith('.expected.json'))) {
      test(`${language}/${file}`, async () => {
        const filePath = path.join(dir, file);
        const source = fs.readFileSync(filePath, 'utf8');
        const expected = JSON.parse(fs.readFileSync(`${filePath}.expected.json`, 'utf8')) as ExpectedPrompt[];
        const found = await findPrompts(source, filePath);
        assert.deepStrictEqual(
          found.map((p) => `${p.startLine}-${p.endLine}`),
          expected.map((e) => `${e.startLine}-${e.endLine}`),
          `prompts found: ${found.map(describe).join(' | ')}`,
        );
        found.forEach((p, i) => {
          const e = expected[i];
          const where = `${file}:${e.startLine}`;
          assert.strictEqual(p.kind, e.kind, `${where} kind`);
          if (e.text !== undefined) assert.strictEqual(p.text, e.text, `${where} text`);
          if (e.textPrefix !== undefined) assert.ok(p.text.startsWith(e.textPrefix), `${where} text starts with ${JSON.stringify(e.textPrefix)}: ${JSON.stringify(p.text.slice(0, 80))}`);
          assert.deepStrictEqual(p.placeholders.map((x) => x.raw), e.placeholders, `${where} placeholders`);
          assert.strictEqual(p.model, e.model, `${where} model`);
          if (e.maxOutputTokens !== undefined) assert.strictEqual(p.maxOutputTokens, e.maxOutputTokens, `${where} maxOutputTokens`);
          if (e.evidence !== undefined) assert.strictEqual(p.evidence, e.evidence, `${where} evidence`);
          assert.strictEqual(p.role, e.role, `${where} role`);
          assert.strictEqual(p.name, e.name, `${where} name`);
          // Positions agree with the source: the reported span is the string expression.
          assert.strictEqual(source.slice(0, p.startOffset).split('\n').length, p.startLine, `${where} startOffset/line`);
          assert.strictEqual(source.slice(0, p.endOffset).split('\n').length, p.endLine, `${where} endOffset/line`);
          for (const ph of p.placeholders) assert.strictEqual(p.text.slice(ph.offset, ph.offset + ph.raw.length), ph.raw, `${where} placeholder offset`);
        });
      });
    }
  }

  test('every fixture folder has prompts and non-prompt files', () => {
    for (const language of LANGUAGES) {
      const files = fs.readdirSync(path.join(FIXTURES, language)).filter((f) => !f.endsWith('.expected.json'));
      assert.ok(files.length >= 2, `${language} has fixtures`);
      for (const f of files) assert.ok(fs.existsSync(path.join(FIXTURES, language, `${f}.expected.json`)), `${language}/${f} has an .expected.json`);
    }
  });
});
