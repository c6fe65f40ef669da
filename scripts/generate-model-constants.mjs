// Writes src/core/prompts/collector/sdkModelConstants.json: the model constants of the Go and Java SDKs
// (`openai.GPT3Babbage002`, `openai.ChatModelGPT4o`, `anthropic.ModelClaudeSonnet4_5`, `ChatModel.GPT_4O`)
// read from the SDKs' own sources, so that a constant maps to the id its SDK sends, not a guess from its
// spelling (go-openai's `GPT3Babbage002` is `babbage-002`, not `gpt-3-babbage-002`).
//
//   node scripts/generate-model-constants.mjs GIT_DIR...
//
// Each GIT_DIR is a bare snapshot of an SDK repository (e.g. /work/.mirror/sashabaranov+go-openai/repo);
// the files are read from its HEAD with `git show`. Re-runnable: SDKs not named keep their entries, the
// ones named are replaced; every entry records the repository and commit it was read from.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join(root, 'src/core/prompts/collector/sdkModelConstants.json');

/** What a value must look like to be kept: a model id (role names, formats and tool types are not). */
const MODEL_ID = /^(gpt|chatgpt|o[1-9]|claude|text-|code-|babbage|davinci|curie|ada|whisper|tts|dall-e|omni|computer-use|codex|sora|gemini)[\w.-]*$/;

/** The SDKs read, by repository: which files, how their constants are written, and (`names`) which are models. */
const SDKS = {
  'sashabaranov/go-openai': { language: 'go', package: 'openai', files: (f) => /^[^/]+\.go$/.test(f) && !f.endsWith('_test.go') },
  'openai/openai-go': { language: 'go', package: 'openai', files: (f) => /^(shared\/)?[^/]+\.go$/.test(f) && !f.endsWith('_test.go'), names: /Model/ },
  // Beta header constants (`AnthropicBetaComputerUse2025_01_24`) look like ids; only `…Model…` names are models.
  'anthropics/anthropic-sdk-go': { language: 'go', package: 'anthropic', files: (f) => /^[^/]+\.go$/.test(f) && !f.endsWith('_test.go'), names: /Model/ },
  'openai/openai-java': { language: 'java', package: 'com.openai.models', files: (f) => /\/(ChatModel|ResponsesModel|AllModels|EmbeddingModel)\.kt$/.test(f) },
};

/** `Name = "id"` / `Name Type = "id"` inside Go `const (…)` blocks and one-line `const Name = "id"`. */
function goConstants(text) {
  const found = [];
  const line = /^\s*(?:const\s+)?([A-Z]\w*)\s+(?:\w+\s+)?=\s+"([^"]+)"/;
  let inBlock = false;
  for (const l of text.split('\n')) {
    if (/^const\s*\(/.test(l)) inBlock = true;
    else if (inBlock && /^\)/.test(l)) inBlock = false;
    else if (inBlock || /^const\s/.test(l)) {
      const m = line.exec(l);
      if (m) found.push([m[1], m[2]]);
    }
  }
  return found;
}

/** Kotlin companion constants of the Stainless Java SDKs: `@JvmField val GPT_4O = of("gpt-4o")`. */
function kotlinConstants(text) {
  return [...text.matchAll(/@JvmField\s+val\s+([A-Z][A-Z0-9_]*)\s*=\s*of\("([^"]+)"\)/g)].map((m) => [m[1], m[2]]);
}

function git(gitDir, ...args) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** `owner/name` of a snapshot: its origin URL, else its mirror folder (`owner+name/repo`). */
function repoOf(gitDir) {
  let url = '';
  try {
    url = git(gitDir, 'config', '--get', 'remote.origin.url').trim();
  } catch {
    /* no origin */
  }
  const m = /github\.com[/:]([^/]+\/[^/.]+?)(\.git)?$/.exec(url);
  if (m) return m[1];
  const folder = path.basename(path.dirname(path.resolve(gitDir)));
  return folder.replace('+', '/');
}

function readSdk(gitDir) {
  const repo = repoOf(gitDir);
  const sdk = SDKS[repo];
  if (!sdk) throw new Error(`${gitDir}: ${repo} is not one of ${Object.keys(SDKS).join(', ')}`);
  const commit = git(gitDir, 'rev-parse', 'HEAD').trim();
  const files = git(gitDir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((f) => f && sdk.files(f)).sort();
  const constants = {};
  const read = [];
  for (const file of files) {
    const text = git(gitDir, 'show', `HEAD:${file}`);
    const pairs = (sdk.language === 'go' ? goConstants(text) : kotlinConstants(text)).filter(([name, id]) => MODEL_ID.test(id) && (!sdk.names || sdk.names.test(name)));
    if (pairs.length) read.push(file);
    for (const [name, id] of pairs) {
      if (constants[name] !== undefined && constants[name] !== id) throw new Error(`${repo}: ${name} is both ${constants[name]} and ${id}`);
      constants[name] = id;
    }
  }
  const sorted = Object.fromEntries(Object.entries(constants).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { repo, commit, language: sdk.language, package: sdk.package, files: read, constants: sorted };
}

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error('usage: node scripts/generate-model-constants.mjs GIT_DIR...');
  process.exit(2);
}
const previous = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : { sdks: [] };
const fresh = dirs.map(readSdk);
const sdks = [...previous.sdks.filter((s) => !fresh.some((f) => f.repo === s.repo)), ...fresh].sort((a, b) => (a.repo < b.repo ? -1 : 1));
const table = {
  comment: 'Generated by scripts/generate-model-constants.mjs from each SDK repository at the commit given; do not edit by hand.',
  sdks,
};
fs.writeFileSync(out, JSON.stringify(table, null, 2) + '\n');
for (const s of fresh) console.log(`${s.repo}@${s.commit.slice(0, 12)}: ${Object.keys(s.constants).length} constants from ${s.files.length} files`);
