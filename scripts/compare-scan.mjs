// Behaviour check for restructurings: `prompt-cost scan --json` of this checkout against a git revision's,
// byte for byte, on examples/, every test fixture, and a generated tree of mixed source.
//
//   node scripts/compare-scan.mjs [--base REF] [--mb N]
//
// The base revision is checked out into a temporary git worktree (sharing this checkout's node_modules)
// and built there; both CLIs run from this checkout's root over the same inputs, in-process and with
// workers, so the pool and the worker protocol are compared too. Exit 0 when every output is identical.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from '../bench/generateTree.mjs';
import { flagReader, withRevisionWorktree } from './revisionWorktree.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flag = flagReader(process.argv.slice(2));
const base = flag('base', 'HEAD');
const mb = Number(flag('mb', 4));

function run(cmd, argv, options = {}) {
  const result = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (result.status !== 0 && !options.allowFailure) {
    throw new Error(`${cmd} ${argv.join(' ')} exited ${result.status}\n${result.stderr}`);
  }
  return result;
}

await withRevisionWorktree(root, base, (baseTree, work) => {
  run('node', ['esbuild.js'], { cwd: baseTree });
  run('node', ['esbuild.js'], { cwd: root });

  const generated = path.join(work, 'generated');
  generateTree(generated, mb * 1e6);
  const fixtureDirs = fs.readdirSync(path.join(root, 'test/fixtures'))
    .filter((name) => !['compress', 'pricing'].includes(name))
    .map((name) => path.join('test/fixtures', name));
  const inputs = ['examples', ...fixtureDirs, path.relative(root, generated)];

  let differences = 0;
  for (const input of inputs) {
    for (const workers of ['0', '2']) {
      const scan = (tree) => run('node', [path.join(tree, 'dist/cli.js'), 'scan', input, '--json', '--no-progress', '--workers', workers, '--models', 'gpt-4o-mini,claude-sonnet-4-5'],
        { cwd: root, allowFailure: true });
      const before = scan(baseTree);
      const after = scan(root);
      const same = before.stdout === after.stdout && before.status === after.status;
      const count = (() => {
        try {
          return JSON.parse(after.stdout).length;
        } catch {
          return '?';
        }
      })();
      console.log(`${same ? 'same' : 'DIFFERENT'}  ${input} (workers ${workers}): ${count} findings, ${after.stdout.length} bytes`);
      if (!same) {
        differences++;
        const out = path.join(root, '.bench-tmp', 'compare-scan');
        fs.mkdirSync(out, { recursive: true });
        const name = `${input.replace(/[\\/]/g, '_')}-w${workers}`;
        fs.writeFileSync(path.join(out, `${name}.base.json`), before.stdout);
        fs.writeFileSync(path.join(out, `${name}.head.json`), after.stdout);
        console.log(`  exit ${before.status} → ${after.status}; outputs written to .bench-tmp/compare-scan/${name}.{base,head}.json`);
      }
    }
  }
  console.log(differences ? `${differences} output(s) differ from ${base}` : `all outputs byte-identical to ${base}`);
  process.exitCode = differences ? 1 : 0;
});
