// Checks the packaged .vsix: only allow-listed files, the manifest's entry bundle present, size under a limit.
// Run by test/integration/runOffline.mjs right after packaging; standalone after `npm run package`:
//   npx mocha --ui tdd test/integration/vsixContents.test.mjs      (PCL_VSIX=<path> to check another file)
import * as assert from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VSIX = process.env.PCL_VSIX ?? path.join(REPO_ROOT, '.vscode-test', 'prompt-cost-lens.vsix');

// A guard against shipping node_modules, sources or test data by accident; the budget is issue 12's 16 MB.
// The package is mostly tree-sitter grammars, the tokenizer tables and vocabularies, and the price catalogue.
const MAX_VSIX_BYTES = 16 * 1024 * 1024;

/** Every file a user may receive. vsce adds the two top-level files and renames LICENSE to LICENSE.txt. */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/(readme|changelog)\.md$/i,
  /^extension\/LICENSE\.txt$/,
  /^extension\/THIRD_PARTY_NOTICES\.md$/,
  /^extension\/dist\/(extension|cli|pipelineWorker)\.js$/,
  // gpt-tokenizer's tables, loaded by the pipeline worker (the editor's and the CLI's) (esbuild.js keeps them out of every bundle).
  /^extension\/dist\/encodings\/(o200k_base|cl100k_base)\.js$/,
  // Vocabularies of the local tokenizers (Qwen, DeepSeek, Mistral…), brotli-compressed, and their manifest (sources, licences, hashes).
  /^extension\/dist\/tokenizers\/([\w-]+\.json\.br|manifest\.json)$/,
  /^extension\/dist\/tree-sitter\/[\w-]+\.wasm$/,
  // The local tokenizers' vocabularies, by name: only permissively licensed ones ship (Llama 3's and
  // Gemma 3's licences would bind every user; those families are counted by a measured factor).
  /^extension\/dist\/tokenizers\/(qwen3|deepseek-v3|mistral-tekken|mistral-spm-v[123])\.json\.br$/,
  /^extension\/dist\/tokenizers\/manifest\.json$/,
  /^extension\/media\/[^/].*\.(png|svg|gif|jpg)$/,
  /^extension\/media\/dashboard\/[\w-]+\.(js|css)$/,
  /^extension\/media\/simulate\/[\w-]+\.(js|css)$/,
  // Script and stylesheet both webviews load before their own.
  /^extension\/media\/shared\/[\w-]+\.(js|css)$/,
  // Walkthrough pages (contributes.walkthroughs[].steps[].media.markdown).
  /^extension\/media\/walkthrough\/[\w-]+\.md$/,
];

/**
 * Lists a zip's entries from its central directory (a .vsix is a zip). Enough for vsce's output:
 * no zip64, no multi-disk archives.
 * @returns {{ name: string, compressedSize: number, size: number }[]}
 */
function listZipEntries(file) {
  const zip = fs.readFileSync(file);
  const END_OF_CENTRAL_DIR = 0x06054b50;
  const CENTRAL_DIR_ENTRY = 0x02014b50;
  // The end record is 22 bytes plus a comment of at most 65535 bytes, so search backwards from the end.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIR) {
      end = i;
      break;
    }
  }
  assert.ok(end >= 0, `${file} is not a zip file (no end-of-central-directory record)`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.strictEqual(zip.readUInt32LE(offset), CENTRAL_DIR_ENTRY, `bad central directory entry ${i} in ${file}`);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({ name, compressedSize, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

suite('Packaged .vsix', () => {
  /** @type {{ name: string, compressedSize: number, size: number }[]} */
  let entries = [];

  suiteSetup(function () {
    assert.ok(fs.existsSync(VSIX), `${VSIX} not found: run \`npm run package\` first`);
    entries = listZipEntries(VSIX).filter((entry) => !entry.name.endsWith('/'));
  });

  test('contains only allow-listed files', () => {
    const unexpected = entries.map((entry) => entry.name).filter((name) => !ALLOWED.some((re) => re.test(name)));
    assert.deepStrictEqual(unexpected, [], 'files outside the allow-list (fix .vscodeignore or ALLOWED)');
  });

  test('contains the manifest and the bundle its "main" names', () => {
    const names = new Set(entries.map((entry) => entry.name));
    assert.ok(names.has('extension/package.json'), 'extension/package.json missing');
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const main = path.posix.normalize(`extension/${manifest.main}`);
    assert.ok(names.has(main) || names.has(`${main}.js`), `${main} (package.json "main") missing`);
  });

  test(`is smaller than ${MAX_VSIX_BYTES / 1024 / 1024} MB`, () => {
    const bytes = fs.statSync(VSIX).size;
    const largest = [...entries].sort((a, b) => b.compressedSize - a.compressedSize).slice(0, 5);
    const top = largest.map((entry) => `${entry.name} ${(entry.compressedSize / 1024).toFixed(0)} KB`).join(', ');
    console.log(`      ${path.basename(VSIX)}: ${(bytes / 1024).toFixed(0)} KB, ${entries.length} files; largest: ${top}`);
    assert.ok(bytes < MAX_VSIX_BYTES, `${bytes} bytes; largest entries: ${top}`);
  });
});
