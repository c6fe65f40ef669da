import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { loadTokenizerCounter, tokenizerDataDir, tokenizerDataFile } from '../../../../src/core/tokens/localTokenizerData';
import { LOCAL_TOKENIZERS, type LocalTokenizerName } from '../../../../src/core/tokens/tokenizerFamilies';

interface ManifestEntry {
  source: string;
  license: string;
  bytes: number;
  sha256: string;
}

const NAMES = Object.keys(LOCAL_TOKENIZERS) as LocalTokenizerName[];

suite('tokens: localTokenizerData', () => {
  test('compiled code finds the repository copy (assets/tokenizers); bundles find dist/tokenizers next to them', () => {
    assert.strictEqual(path.basename(path.dirname(tokenizerDataDir())), 'assets');
    assert.strictEqual(path.basename(tokenizerDataFile('qwen3')), 'qwen3.json.br');
  });

  test('every tokenizer has its data, as the manifest records it (size, sha256, source and licence)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(tokenizerDataDir(), 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
    assert.deepStrictEqual(Object.keys(manifest).sort(), [...NAMES].sort());
    for (const name of NAMES) {
      const data = fs.readFileSync(tokenizerDataFile(name));
      assert.strictEqual(data.length, manifest[name].bytes, name);
      assert.strictEqual(createHash('sha256').update(data).digest('hex'), manifest[name].sha256, name);
      assert.match(manifest[name].source, /@\d+\.\d+\.\d+\//, name);
      assert.ok(manifest[name].license.length > 0, name);
    }
  });

  test('the shipped vocabularies stay small: ≤ 3 MB in all, compressed', () => {
    const total = NAMES.reduce((sum, name) => sum + fs.statSync(tokenizerDataFile(name)).size, 0);
    assert.ok(total <= 3 * 1024 * 1024, `${(total / 1048576).toFixed(2)} MB`);
  });

  test('only permissively licensed vocabularies ship, and nothing else lies in the folder', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(tokenizerDataDir(), 'manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
    for (const name of NAMES) assert.match(manifest[name].license, /^(?:Apache-2\.0|MIT) /, `${name}: ${manifest[name].license}`);
    const files = fs.readdirSync(tokenizerDataDir()).sort();
    assert.deepStrictEqual(files, ['manifest.json', ...NAMES.map((name) => `${name}.json.br`)].sort());
  });

  test('a counter counts plain text and spells of special tokens as plain text', function () {
    this.timeout(30_000);
    const count = loadTokenizerCounter('mistral-tekken');
    assert.deepStrictEqual(count('Hello world!'), { tokens: 3, exact: true });
    assert.ok(count('<s>[INST]').tokens > 2);
  });
});
