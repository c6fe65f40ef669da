// What the compare-* scripts share: their `--name value` flags, and a temporary git worktree of a revision
// (sharing this checkout's node_modules) that is removed whatever happens.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `flag('base', 'HEAD')` reads `--base REF` from `args`. */
export function flagReader(args) {
  return (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
}

/** Runs `fn(tree, work)` with `revision` checked out at `tree`; `work` is a scratch folder removed afterwards. */
export async function withRevisionWorktree(root, revision, fn) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-'));
  const tree = path.join(work, 'base');
  try {
    const added = spawnSync('git', ['-C', root, 'worktree', 'add', '--detach', tree, revision], { encoding: 'utf8' });
    if (added.status !== 0) throw new Error(`git worktree add ${revision} failed:\n${added.stderr}`);
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
    return await fn(tree, work);
  } finally {
    spawnSync('git', ['-C', root, 'worktree', 'remove', '--force', tree]);
    fs.rmSync(work, { recursive: true, force: true });
  }
}
