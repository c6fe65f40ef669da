// `npm start` = build, then scan examples/ (or the paths given after `--`).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const build = spawnSync(process.execPath, [path.join(root, 'esbuild.js')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);
const args = process.argv.slice(2);
const scanArgs = args.some((a) => !a.startsWith('-')) ? args : [path.relative(process.cwd(), path.join(root, 'examples')) || '.', ...args];
const run = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'scan', ...scanArgs], { stdio: 'inherit' });
process.exit(run.status ?? 1);
