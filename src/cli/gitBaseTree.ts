/**
 * A base revision's files on disk, for `diff`: `git archive <commit> | tar -x` into a temporary folder.
 * Only read-only git commands are run; the working tree and index are never touched.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from './args';

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new UsageError(`cannot run git: ${r.error.message}`);
  return { ok: r.status === 0, stdout: r.stdout.trim(), stderr: r.stderr.trim() };
}

/** The repository's top folder (real path), or a usage error outside a repository. */
export function gitTopLevel(cwd: string): string {
  const r = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!r.ok) throw new UsageError(`not inside a git repository (${r.stderr || 'git rev-parse failed'})`);
  return fs.realpathSync(r.stdout);
}

/** The commit a ref names, or a usage error naming the ref. */
export function resolveCommit(cwd: string, ref: string): string {
  if (!ref.trim() || ref.startsWith('-')) throw new UsageError(`invalid git revision '${ref}'`);
  const r = git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!r.ok || !/^[0-9a-f]{40,64}$/.test(r.stdout)) throw new UsageError(`unknown git revision '${ref}' (not a commit in this repository)`);
  return r.stdout;
}

/** Writes the files of `commit` into `into` (an existing empty folder). */
export function extractTree(repoDir: string, commit: string, into: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', commit], { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '-f', '-', '-C', into], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    archive.stderr.on('data', (chunk) => (errors += chunk));
    tar.stderr.on('data', (chunk) => (errors += chunk));
    archive.stdout.pipe(tar.stdin);
    let pending = 2;
    let failed = false;
    const done = (what: string) => (code: number | null) => {
      if (code !== 0 && !failed) {
        failed = true;
        reject(new Error(`${what} failed (exit ${code}): ${errors.trim()}`));
      }
      if (--pending === 0 && !failed) resolve();
    };
    archive.on('error', (e) => !failed && ((failed = true), reject(e)));
    tar.on('error', (e) => !failed && ((failed = true), reject(e)));
    archive.on('close', done('git archive'));
    tar.on('close', done('tar'));
  });
}

export interface BaseTree {
  commit: string;
  /** The temporary folder holding the base revision (the repository's top folder). */
  root: string;
  /** Where the working tree's top folder lives. */
  topLevel: string;
  /** A working-tree path → the same path in the base tree (unchanged when outside the repository). */
  toBase(workingPath: string): string;
  remove(): void;
}

export async function checkoutBaseTree(cwd: string, ref: string): Promise<BaseTree> {
  const topLevel = gitTopLevel(cwd);
  const commit = resolveCommit(cwd, ref);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-cost-base-'));
  const tree: BaseTree = {
    commit,
    root,
    topLevel,
    toBase(workingPath) {
      const rel = path.relative(topLevel, realish(workingPath));
      return rel.startsWith('..') || path.isAbsolute(rel) ? workingPath : path.join(root, rel);
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await extractTree(topLevel, commit, root);
  } catch (error) {
    tree.remove();
    throw error;
  }
  return tree;
}

/** The real path of the nearest existing ancestor, joined with the rest (git reports real paths). */
function realish(p: string): string {
  const full = path.resolve(p);
  let existing = full;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(fs.realpathSync(existing), path.relative(existing, full));
}
