// Bundles the extension host entry and the CLI. `vscode` stays external (the host provides it);
// tree-sitter's WASM files are copied next to the bundles because they are loaded from disk at run time.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Reports build results in the format of the `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * The grammars each language module declares in its folder's `grammars.json` (the same files the language
 * registry reads), plus the tree-sitter runtime.
 */
function wasmFiles() {
  const languages = path.join(__dirname, 'src', 'core', 'languages');
  const grammars = fs.readdirSync(languages, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(languages, entry.name, 'grammars.json')))
    .flatMap((entry) => Object.values(JSON.parse(fs.readFileSync(path.join(languages, entry.name, 'grammars.json'), 'utf8'))));
  return ['tree-sitter.wasm', ...grammars];
}

function copyWasm() {
  const from = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
  const to = path.join(__dirname, 'dist', 'tree-sitter');
  fs.mkdirSync(to, { recursive: true });
  for (const file of wasmFiles()) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

/**
 * The local tokenizers' vocabularies (assets/tokenizers/*.json.br, brotli, built by
 * scripts/build-tokenizer-data.mjs) go to dist/tokenizers/, read by the worker only when a prompt for that
 * family is counted (src/core/tokens/localTokenizerData.ts).
 */
function copyTokenizerData() {
  const from = path.join(__dirname, 'assets', 'tokenizers');
  const to = path.join(__dirname, 'dist', 'tokenizers');
  fs.mkdirSync(to, { recursive: true });
  const shipped = fs.readdirSync(from).filter((file) => file.endsWith('.json.br') || file === 'manifest.json');
  // A vocabulary removed from assets/ must not linger in an old dist/ and ship in the next .vsix.
  for (const file of fs.readdirSync(to)) if (!shipped.includes(file)) fs.rmSync(path.join(to, file), { force: true });
  for (const file of shipped) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

/**
 * gpt-tokenizer's encodings (≈4 MB of tables) go to dist/encodings/*.js, required only when a tokenizer
 * loads: inside dist/extension.js they made merely loading the extension block the host ≈0.2 s. The
 * prompt worker loads them; the extension host only if the worker cannot start (or a feature counts there).
 * The CLI (and its scan workers, which run dist/pipelineWorker.js) loads the same files, so the tables ship once
 * and commands that count no tokens never parse them. Every bundle that counts tokens takes this plugin;
 * the encodings' own context below must not (it would make its entry points external).
 */
const ENCODINGS = ['o200k_base', 'cl100k_base'];
const separateEncodings = {
  name: 'separate-encodings',
  setup(build) {
    build.onResolve({ filter: /^gpt-tokenizer\/encoding\/(o200k_base|cl100k_base)$/ }, (args) => ({
      path: `./encodings/${args.path.split('/').pop()}.js`,
      external: true,
    }));
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher],
};
/** The program bundles: each requires the encodings from dist/encodings/ next to itself. */
const countsTokens = { ...common, plugins: [...common.plugins, separateEncodings] };

async function main() {
  copyWasm();
  copyTokenizerData();
  const contexts = await Promise.all([
    esbuild.context({ ...countsTokens, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.context({ ...countsTokens, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
    // The document pipeline (finding, counting, pricing) runs in a worker thread, for the editor and the CLI alike
    // (src/core/pipeline/pipelineClient.ts).
    esbuild.context({ ...countsTokens, entryPoints: ['src/core/pipeline/pipelineWorker.ts'], outfile: 'dist/pipelineWorker.js' }),
    esbuild.context({ ...common, entryPoints: Object.fromEntries(ENCODINGS.map((e) => [`encodings/${e}`, `gpt-tokenizer/encoding/${e}`])), outdir: 'dist' }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
