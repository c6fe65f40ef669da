/**
 * Shared by the Go, Java and C# finder tests: runs a finder on a source text, checks what must hold for
 * every prompt (positions agree with the source, placeholders sit in the text), and compares fixture
 * files with the prompts declared next to them in `<name>.expected.json`.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { LanguageFinder } from '../../../../src/core/prompts/languageFinder';
import { parseSource } from '../../../../src/core/prompts/parser';
import type { FoundPrompt, SourceLanguage } from '../../../../src/core/prompts/prompt';

// Compiled to out/test/unit/prompts: the repository root is four levels up.
export const ROOT = path.resolve(__dirname, '../../../../..');

export interface ExpectedPrompt {
  startLine: number;
  endLine: number;
  kind: 'literal' | 'template';
  text?: string;
  textPrefix?: string;
  placeholders: string[];
  model: string | null;
  maxOutputTokens?: number | null;
  evidence?: string;
  role?: string;
  name?: string;
}

function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

export function assertConsistent(source: string, prompt: FoundPrompt): void {
  assert.strictEqual(lineAt(source, prompt.startOffset), prompt.startLine, 'startLine matches startOffset');
  assert.strictEqual(lineAt(source, prompt.endOffset), prompt.endLine, 'endLine matches endOffset');
  const slice = source.slice(prompt.startOffset, prompt.endOffset);
  // The range is a whole string expression: it starts with a literal, an identifier or a `{…}` array.
  assert.ok(/^["'`@${(A-Za-z_]/.test(slice), `range starts a string expression: ${slice.slice(0, 20)}`);
  assert.ok(prompt.text.trim().length > 0);
  assert.strictEqual(prompt.kind, prompt.placeholders.length ? 'template' : 'literal');
  for (const p of prompt.placeholders) assert.strictEqual(prompt.text.slice(p.offset, p.offset + p.raw.length), p.raw, `placeholder ${p.raw} at its offset`);
}

export async function findIn(finder: LanguageFinder, source: string, language: SourceLanguage, filePath = 'inline'): Promise<FoundPrompt[]> {
  const tree = await parseSource(finder.grammar, source);
  try {
    const prompts = finder.find(tree.rootNode, { source, language, filePath });
    for (const p of prompts) assertConsistent(source, p);
    return prompts;
  } finally {
    tree.delete();
  }
}

export function assertMatches(actual: FoundPrompt[], expected: ExpectedPrompt[], label: string): void {
  const summary = (ps: { startLine: number; endLine: number }[]): string => ps.map((p) => `${p.startLine}-${p.endLine}`).join(', ');
  assert.strictEqual(actual.length, expected.length, `${label}: found [${summary(actual)}], expected [${summary(expected)}]`);
  expected.forEach((want, i) => {
    const got = actual[i];
    const at = `${label} prompt ${i + 1} (line ${want.startLine})`;
    assert.strictEqual(got.startLine, want.startLine, `${at}: startLine`);
    assert.strictEqual(got.endLine, want.endLine, `${at}: endLine`);
    assert.strictEqual(got.kind, want.kind, `${at}: kind`);
    if (want.text !== undefined) assert.strictEqual(got.text, want.text, `${at}: text`);
    if (want.textPrefix !== undefined) assert.ok(got.text.startsWith(want.textPrefix), `${at}: text starts with ${JSON.stringify(want.textPrefix)}`);
    assert.deepStrictEqual(got.placeholders.map((p) => p.raw), want.placeholders, `${at}: placeholders`);
    assert.strictEqual(got.model, want.model, `${at}: model`);
    if (want.maxOutputTokens !== undefined) assert.strictEqual(got.maxOutputTokens, want.maxOutputTokens, `${at}: maxOutputTokens`);
    if (want.evidence !== undefined) assert.strictEqual(got.evidence, want.evidence, `${at}: evidence`);
    if (want.role !== undefined) assert.strictEqual(got.role, want.role, `${at}: role`);
    if (want.name !== undefined) assert.strictEqual(got.name, want.name, `${at}: name`);
  });
}

/** One test per fixture file in `test/fixtures/prompts/<folder>` with an `.expected.json` next to it. */
export function fixtureTests(finder: LanguageFinder, folder: string, extension: string, language: SourceLanguage): void {
  const dir = path.join(ROOT, 'test/fixtures/prompts', folder);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(extension)).sort();
  test(`${folder} fixtures exist, each with its expectations`, () => {
    assert.ok(files.length >= 4, `expected at least 4 ${extension} fixtures, found ${files.length}`);
    for (const f of files) assert.ok(fs.existsSync(path.join(dir, f.slice(0, -extension.length) + '.expected.json')), `${f} has expectations`);
  });
  for (const file of files) {
    test(`fixture ${folder}/${file}`, async () => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const expected = JSON.parse(fs.readFileSync(path.join(dir, file.slice(0, -extension.length) + '.expected.json'), 'utf8')) as ExpectedPrompt[];
      assertMatches(await findIn(finder, source, language, file), expected, file);
    });
  }
}
