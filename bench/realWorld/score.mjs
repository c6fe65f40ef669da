// Real-world detection score (issue 11): scans the hand-labelled files of public LLM applications
// (bench/realWorld/sources.json, materialized outside the repository by fetchFiles.mjs) with the
// built CLI and compares its prompts to bench/realWorld/labels.json.
//   node bench/realWorld/score.mjs [filesDir]   (default: $BENCH_REAL_FILES or <tmp>/prompt-cost-realworld/files)
// A label matches a finding in the same file whose [startLine, endLine] holds the label's line, or
// that starts within 1 line of it (or lies inside a label's `endLine` range). Recall = labels found / labels; precision = findings matching a
// label / findings in the benchmark's files (a "site" label, whose content is a parameter, import or
// pass-through, is also found by a call covering its line); model accuracy = of found labels that name a model,
// those whose matching finding names the same model (case-insensitive, provider prefix ignored).
// Two splits: "dev" (the files the scanner was tuned on; a repo without `split` in sources.json) and
// "holdout" (unseen repos, labelled before any scan of them). Each split gets its own table and its
// own misses / false positives / wrong models; "all" is both together.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultFilesDir, materialize, repoDir, sources } from './fetchFiles.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(path.dirname(here));
const cli = path.join(root, 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('dist/cli.js missing: run `npm run build` first');
  process.exit(2);
}
const filesDir = path.resolve(process.argv[2] ?? process.env.BENCH_REAL_FILES ?? defaultFilesDir);
const written = await materialize(filesDir);
if (written) console.log(`(${written} benchmark files materialized under ${filesDir})`);

const { labels } = JSON.parse(fs.readFileSync(path.join(here, 'labels.json'), 'utf8'));
const SPLITS = ['dev', 'holdout'];
/** Split of each benchmark file: its repository's `split` in sources.json, "dev" when missing. */
const splitOfFile = new Map(sources.repos.flatMap((r) => r.files.map((f) => [`${repoDir(r.repo)}/${f}`, r.split ?? 'dev'])));
const benchFiles = new Set(splitOfFile.keys());
for (const l of labels) {
  if (!benchFiles.has(l.file)) throw new Error(`label for a file not in sources.json: ${l.file}`);
  if ((l.split ?? 'dev') !== splitOfFile.get(l.file)) throw new Error(`label ${l.file}:${l.line} says split ${l.split ?? 'dev'}, its repo is ${splitOfFile.get(l.file)}`);
}
for (const split of splitOfFile.values()) if (!SPLITS.includes(split)) throw new Error(`unknown split in sources.json: ${split}`);

const r = spawnSync(process.execPath, [cli, 'scan', filesDir, '--json', '--no-progress'], { cwd: path.dirname(filesDir), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (r.status !== 0) {
  console.error(`scan failed (${r.status}): ${r.stderr}`);
  process.exit(1);
}
const scan = JSON.parse(r.stdout);
if (scan.schemaVersion !== 2) throw new Error(`expected scan schema v2, got ${scan.schemaVersion}`);
const callsById = new Map(scan.calls.map((c) => [c.id, c]));
const rel = (f) => path.relative(filesDir, path.resolve(path.dirname(filesDir), f)).split(path.sep).join('/');
/** The model a finding prices: its own, else the first of its calls that names one. */
const modelOf = (p) => p.model ?? (p.calls ?? []).map((id) => callsById.get(id)?.model).find((m) => m) ?? null;
const findings = scan.prompts.map((p) => ({ ...p, file: rel(p.file), model: modelOf(p) })).filter((p) => benchFiles.has(p.file));
const calls = scan.calls.map((c) => ({ ...c, file: rel(c.file) })).filter((c) => benchFiles.has(c.file));

const languageOf = (file) => {
  const ext = path.extname(file).toLowerCase();
  return { '.py': 'python', '.ts': 'ts/js', '.tsx': 'ts/js', '.js': 'ts/js', '.mjs': 'ts/js', '.go': 'go', '.java': 'java', '.cs': 'csharp', '.ipynb': 'notebooks', '.json': 'json config' }[ext] ?? 'prompt files';
};
// A label with an `endLine` is one unit written over several lines (a few-shot array counted once): any
// finding inside it matches it.
const matches = (label, f) => f.file === label.file && ((f.startLine <= label.line && label.line <= f.endLine) || Math.abs(f.startLine - label.line) <= 1
  || (label.endLine !== undefined && label.line <= f.startLine && f.endLine <= label.endLine));
const normModel = (m) => String(m).trim().toLowerCase().split(/[:/]/).pop();
const envLike = (m) => typeof m === 'string' && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(m);
const snippet = (s) => JSON.stringify(String(s ?? '').replace(/\s+/g, ' ').slice(0, 60));

const fileText = new Map();
const lineOf = (file, line) => {
  if (!fileText.has(file)) fileText.set(file, fs.readFileSync(path.join(filesDir, file), 'utf8').split(/\r?\n/));
  return fileText.get(file)[line - 1] ?? '';
};

/** Per split, per language: the counters of one table row. */
const groupsBySplit = new Map(SPLITS.map((split) => [split, new Map()]));
const group = (file) => {
  const groups = groupsBySplit.get(splitOfFile.get(file));
  const lang = languageOf(file);
  if (!groups.has(lang)) groups.set(lang, { labels: 0, found: 0, text: 0, textFound: 0, site: 0, siteFound: 0, findings: 0, matched: 0, withModel: 0, modelRight: 0, modelWrong: [], modelOnNull: 0, envModels: 0, misses: [], falsePositives: [] });
  return groups.get(lang);
};
for (const file of benchFiles) group(file);

for (const label of labels) {
  const g = group(label.file);
  // A "site" label (content not written in the file) is also found by a call covering its line.
  const hits = findings.filter((f) => matches(label, f)).concat(label.kind === 'site' ? calls.filter((c) => matches(label, c)) : []);
  g.labels++;
  g[label.kind]++;
  if (!hits.length) {
    g.misses.push(`${label.file}:${label.line} [${label.kind}${label.role ? ' ' + label.role : ''}] ${snippet(lineOf(label.file, label.line).trim())}`);
    continue;
  }
  g.found++;
  g[`${label.kind}Found`]++;
  if (label.model) {
    g.withModel++;
    if (hits.some((f) => f.model && normModel(f.model) === normModel(label.model))) g.modelRight++;
    else g.modelWrong.push(`${label.file}:${label.line} expected ${label.model}, got ${hits.map((f) => f.model ?? 'null').join('/')}`);
  } else if (hits.some((f) => f.model)) g.modelOnNull++;
}
for (const f of findings) {
  const g = group(f.file);
  g.findings++;
  if (envLike(f.model)) g.envModels++;
  if (labels.some((l) => matches(l, f))) g.matched++;
  else g.falsePositives.push(`${f.file}:${f.startLine} (${f.kind ?? '?'}, ${f.role ?? 'no role'}) ${snippet(f.text)}`);
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(0)}%`.padStart(5) : '  n/a');
const emptyRow = () => ({ labels: 0, found: 0, text: 0, textFound: 0, site: 0, siteFound: 0, findings: 0, matched: 0, withModel: 0, modelRight: 0, modelWrong: [], modelOnNull: 0, envModels: 0, misses: [], falsePositives: [] });
const add = (into, g) => {
  for (const k of Object.keys(into)) into[k] = Array.isArray(into[k]) ? into[k].concat(g[k]) : into[k] + g[k];
  return into;
};
const LANGS = ['python', 'notebooks', 'prompt files', 'json config', 'ts/js', 'go', 'java', 'csharp'];
/** Rows of one table: each language present, then "all". */
const tableOf = (groupMaps) => {
  const rows = new Map();
  for (const groups of groupMaps) for (const [lang, g] of groups) add(rows.get(lang) ?? rows.set(lang, emptyRow()).get(lang), g);
  const ordered = new Map([...rows].sort(([a], [b]) => LANGS.indexOf(a) - LANGS.indexOf(b)));
  ordered.set('all', [...rows.values()].reduce(add, emptyRow()));
  return ordered;
};
const tables = new Map([...SPLITS.map((split) => [split, tableOf([groupsBySplit.get(split)])]), ['all', tableOf([...groupsBySplit.values()])]]);

const filesOf = (split) => [...benchFiles].filter((f) => split === 'all' || splitOfFile.get(f) === split).length;
console.log(`real-world detection — ${benchFiles.size} files, ${labels.length} labels, ${findings.length} findings; ${os.cpus()[0]?.model ?? ''}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
for (const [split, rows] of tables) {
  const all = rows.get('all');
  console.log(`\n[${split}] ${filesOf(split)} files, ${all.labels} labels, ${all.findings} findings`);
  console.log('language       labels  recall  (text  site)  findings  precision  model acc (n)  model on null-label  env-var models');
  for (const [lang, g] of rows) {
    console.log(`${lang.padEnd(14)} ${String(g.labels).padStart(6)}  ${pct(g.found, g.labels)}   ${pct(g.textFound, g.text)} ${pct(g.siteFound, g.site)}   ${String(g.findings).padStart(8)}      ${pct(g.matched, g.findings)}   ${pct(g.modelRight, g.withModel)} (${g.withModel})`.padEnd(92) + `${String(g.modelOnNull).padStart(6)}  ${String(g.envModels).padStart(14)}`);
  }
}
const list = (title, items) => {
  console.log(`\n${title} (${items.length})`);
  for (const item of items) console.log(`  ${item}`);
};
for (const split of SPLITS) {
  const all = tables.get(split).get('all');
  list(`[${split}] misses`, all.misses);
  list(`[${split}] false positives`, all.falsePositives);
  list(`[${split}] wrong models`, all.modelWrong);
}
