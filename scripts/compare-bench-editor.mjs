// `npm run bench:editor` of this checkout against a git revision's, interleaved on the same machine:
// base, head, base, head … so that load from elsewhere falls on both alike. Prints each "Totals" figure's
// median per side and the ratio head/base (below 1: this checkout is faster).
//
//   node scripts/compare-bench-editor.mjs [--base REF] [--rounds N]
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagReader, withRevisionWorktree } from './revisionWorktree.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flag = flagReader(process.argv.slice(2));
const base = flag('base', 'HEAD');
const rounds = Number(flag('rounds', 3));

function run(cmd, argv, cwd) {
  const result = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} (in ${cwd}) exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The "Totals" lines: label → milliseconds. */
function totals(output) {
  const figures = {};
  const at = output.indexOf('Totals:');
  for (const line of output.slice(at).split('\n').slice(1)) {
    const match = /^\s+(.+?)\s{2,}([\d.]+) ms/.exec(line);
    if (match) figures[match[1]] = Number(match[2]);
  }
  return figures;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

await withRevisionWorktree(root, base, (baseTree) => {
  for (const tree of [baseTree, root]) run('npx', ['tsc', '-p', '.', '--outDir', 'out'], tree);
  const seen = { base: [], head: [] };
  for (let round = 1; round <= rounds; round++) {
    for (const [side, tree] of [['base', baseTree], ['head', root]]) {
      seen[side].push(totals(run('node', ['out/bench/editor.js'], tree)));
      process.stderr.write(`round ${round}/${rounds}: ${side} done\n`);
    }
  }
  console.log(`bench:editor, ${rounds} interleaved rounds (each the median of the bench's own runs); base ${base}, head this checkout; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  for (const label of Object.keys(seen.head[0])) {
    const b = median(seen.base.map((t) => t[label]));
    const h = median(seen.head.map((t) => t[label]));
    console.log(`  ${label.padEnd(44)} base ${b.toFixed(2).padStart(7)} ms   head ${h.toFixed(2).padStart(7)} ms   head/base ${(h / b).toFixed(2)}`);
  }
});
