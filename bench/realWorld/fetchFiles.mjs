// Materializes the labelled files of bench/realWorld/sources.json, each at its pinned commit, into a
// directory outside the repository (default: <tmp>/prompt-cost-realworld/files/<owner+name>/<path>).
// The third-party files are not committed here: only their addresses, licences and our labels are.
// Source per repository: a local git mirror only (PROMPT_COST_MIRRORS, default /work/.mirror/<owner+name>/repo,
// e.g. a `git clone --mirror` you made): the bench never reaches out to the network itself. Both splits (dev and
// holdout) are materialized; a pinned commit may sit on any branch of the mirror (teams-ai: release/v1).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sources = JSON.parse(fs.readFileSync(path.join(here, 'sources.json'), 'utf8'));
export const defaultFilesDir = path.join(os.tmpdir(), 'prompt-cost-realworld', 'files');

export const repoDir = (repo) => repo.replace('/', '+');

function fromMirror(repo, commit, file) {
  const mirrors = process.env.PROMPT_COST_MIRRORS ?? '/work/.mirror';
  const gitDir = path.join(mirrors, repoDir(repo), 'repo');
  if (!fs.existsSync(gitDir)) return null;
  const r = spawnSync('git', ['--git-dir', gitDir, 'show', `${commit}:${file}`], { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : null;
}

/** Writes every listed file under `dir` (skipping those already there); returns the number written. */
export async function materialize(dir = defaultFilesDir) {
  let written = 0;
  for (const { repo, commit, files } of sources.repos) {
    for (const file of files) {
      const target = path.join(dir, repoDir(repo), file);
      if (fs.existsSync(target)) continue;
      const body = fromMirror(repo, commit, file);
      if (!body) throw new Error(`${repo}@${commit}:${file}: no local mirror of ${repo} with that commit (set PROMPT_COST_MIRRORS to a folder of <owner+name>/repo git mirrors)`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, body);
      written++;
    }
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? process.env.BENCH_REAL_FILES ?? defaultFilesDir);
  const n = await materialize(dir);
  console.log(`${n} files written under ${dir}`);
}
