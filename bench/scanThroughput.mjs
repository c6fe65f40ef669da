// Scan throughput of the built CLI on a generated ≥ 50 MB tree of mixed source, in one run, against
// peers measured alongside: a plain read of every file (the I/O ceiling) and the in-process scan.
// Target (issue 2): ≥ 20 MB/s on a 2-core machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTree } from './generateTree.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('dist/cli.js missing: run `npm run build` first');
  process.exit(2);
}
const targetMb = Number(process.env.SCAN_BENCH_MB ?? 55);
// Outside the repository: the repo's own .gitignore would (rightly) hide a tree generated inside it.
const tree = path.join(os.tmpdir(), 'prompt-cost-scan-bench');
const gen = generateTree(tree, targetMb * 1e6);
const mb = gen.bytes / 1e6;

function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function readAll() {
  const t = process.hrtime.bigint();
  let n = 0;
  for (const f of walk(tree)) n += fs.readFileSync(f).length;
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, bytes: n };
}

function runScan(extra) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'scan', tree, '--json', '--no-progress', ...extra], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`scan failed (${r.status}): ${r.stderr}`);
  const scan = JSON.parse(r.stdout);
  return { seconds, prompts: scan.prompts.length, calls: scan.calls.length };
}

readAll(); // warm the page cache so every contender reads from memory
const read = readAll();
const inProcess = runScan(['--workers', '0']);
const workers = runScan([]);
const best = Math.min(workers.seconds, runScan([]).seconds);

const row = (name, s, extra = '') => console.log(`${name.padEnd(34)} ${s.toFixed(2).padStart(7)} s ${(mb / s).toFixed(1).padStart(8)} MB/s ${(gen.files / s).toFixed(0).padStart(8)} files/s ${extra}`);
console.log(`scan throughput — ${gen.files} files, ${mb.toFixed(1)} MB, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, node ${process.version}`);
row('read every file (I/O ceiling)', read.seconds);
row('prompt-cost scan --workers 0', inProcess.seconds, `${inProcess.prompts} prompts, ${inProcess.calls} calls`);
row(`prompt-cost scan (${os.availableParallelism()} workers, best of 2)`, best, `${workers.prompts} prompts, ${workers.calls} calls`);
console.log(`ratios: workers vs in-process ${(inProcess.seconds / best).toFixed(2)}x faster; scan vs plain read ${(best / read.seconds).toFixed(1)}x slower`);
if (inProcess.prompts !== workers.prompts || inProcess.calls !== workers.calls) console.log(`MISMATCH: in-process found ${inProcess.prompts} prompts / ${inProcess.calls} calls, workers ${workers.prompts} / ${workers.calls}`);
console.log(`target scan ≥ 20 MB/s: ${mb / best >= 20 ? 'PASS' : 'FAIL'} (${(mb / best).toFixed(1)} MB/s)`);
