/**
 * Compression benchmark over two corpora, reported separately: the development corpus
 * (test/fixtures/compress/corpus/prompts.jsonl), which the passes and tables were TUNED ON, and the
 * held-out corpus (heldout.jsonl), written by someone who never saw the compressor and never used to tune
 * it. Run with `npm run bench:compression` (add `-- --diagnose` for a per-prompt breakdown of the
 * development corpus: protected share and what the compressor did). Reports, per corpus and mode, the median and p90 token saving, placeholder and
 * protected-span preservation, refusals and ms per prompt, which passes contribute most, and a naive
 * peer measured in the same run (collapse all whitespace) to show what "saving" costs without protection.
 * Preservation is checked independently of the compressor's own invariant check: placeholders are found
 * in every syntax, and protected spans are searched for in order in the output.
 *
 * Model-assisted compression is measured too when an OpenAI-compatible endpoint is given:
 *   PROMPT_COST_BENCH_ENDPOINT=https://api.openai.com/v1 PROMPT_COST_BENCH_MODEL=gpt-4o-mini \
 *   PROMPT_COST_BENCH_KEY=sk-… npm run bench:compression
 * Every answer passes the same invariant check as in the editor; answers that fail it count as refused
 * (0 % saving). Without an endpoint that section says "not measured".
 */
import * as fs from 'fs';
import * as path from 'path';
import { compressPrompt } from '../src/core/compress/compressPrompt';
import { modelAssistedCompress } from '../src/core/compress/modelAssisted';
import { findProtectedSpans } from '../src/core/compress/protectedSpans';
import type { CompressionResult, CompressMode } from '../src/core/compress/types';
import { findPlaceholders } from '../src/core/prompts/placeholders';
import type { PlaceholderSyntax } from '../src/core/prompts/prompt';
import { estimateTokens } from '../src/core/tokens/estimateTokens';

interface CorpusPrompt {
  id: string;
  category: string;
  placeholderSyntaxes: PlaceholderSyntax[];
  text: string;
}

const CORPUS_DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'compress', 'corpus');
const CORPORA = [
  { label: 'development corpus (prompts.jsonl, TUNED ON)', file: path.join(CORPUS_DIR, 'prompts.jsonl') },
  { label: 'held-out corpus (heldout.jsonl, HELD OUT: never read while tuning)', file: path.join(CORPUS_DIR, 'heldout.jsonl') },
];
const MODEL = process.env.BENCH_MODEL ?? 'gpt-4o';
const EVERY_SYNTAX: PlaceholderSyntax[] = ['format', 'fstring', 'percent', 'printf', 'dollar', 'mustache', 'jinjaBlock', 'promptInput'];
const TARGET_MEDIAN = 0.15;

function readCorpus(file: string): CorpusPrompt[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CorpusPrompt);
}

interface Measured {
  savings: number[];
  placeholdersKept: number;
  placeholdersTotal: number;
  spansKept: number;
  spansTotal: number;
  refused: string[];
  ms: number;
  byPass: Map<string, { tokens: number; prompts: number }>;
  tokensBefore: number;
  tokensAfter: number;
}

function placeholderCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of findPlaceholders(text, EVERY_SYNTAX)) counts.set(p.raw, (counts.get(p.raw) ?? 0) + 1);
  return counts;
}

function measure(corpus: readonly CorpusPrompt[], compress: (p: CorpusPrompt) => { text: string; passes?: { name: string; tokensSaved: number }[]; refused?: string | null }): Measured {
  const m: Measured = { savings: [], placeholdersKept: 0, placeholdersTotal: 0, spansKept: 0, spansTotal: 0, refused: [], ms: 0, byPass: new Map(), tokensBefore: 0, tokensAfter: 0 };
  for (const prompt of corpus) {
    const started = performance.now();
    const out = compress(prompt);
    m.ms += performance.now() - started;
    const before = estimateTokens(prompt.text, MODEL).tokens;
    const after = estimateTokens(out.text, MODEL).tokens;
    m.tokensBefore += before;
    m.tokensAfter += after;
    m.savings.push(before ? (before - after) / before : 0);
    if (out.refused) m.refused.push(`${prompt.id}: ${out.refused}`);
    const expected = placeholderCounts(prompt.text);
    const actual = placeholderCounts(out.text);
    for (const [raw, count] of expected) {
      m.placeholdersTotal += count;
      m.placeholdersKept += Math.min(count, actual.get(raw) ?? 0);
    }
    let cursor = 0;
    for (const span of findProtectedSpans(prompt.text)) {
      m.spansTotal++;
      const at = out.text.indexOf(span.text, cursor);
      if (at >= 0) {
        m.spansKept++;
        cursor = at + span.text.length;
      }
    }
    for (const pass of out.passes ?? []) {
      const entry = m.byPass.get(pass.name) ?? { tokens: 0, prompts: 0 };
      entry.tokens += pass.tokensSaved;
      entry.prompts++;
      m.byPass.set(pass.name, entry);
    }
  }
  return m;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function report(label: string, m: Measured): void {
  console.log(`\n${label}`);
  console.log(`  token saving: median ${pct(quantile(m.savings, 0.5))}, p90 ${pct(quantile(m.savings, 0.9))}, mean ${pct(m.savings.reduce((a, b) => a + b, 0) / m.savings.length)}, corpus total ${pct(1 - m.tokensAfter / m.tokensBefore)}, prompts with any saving ${m.savings.filter((s) => s > 0).length}/${m.savings.length}`);
  console.log(`  placeholders kept: ${m.placeholdersKept}/${m.placeholdersTotal} (${pct(m.placeholdersTotal ? m.placeholdersKept / m.placeholdersTotal : 1)})`);
  console.log(`  protected spans kept: ${m.spansKept}/${m.spansTotal} (${pct(m.spansTotal ? m.spansKept / m.spansTotal : 1)})`);
  console.log(`  refused: ${m.refused.length}${m.refused.length ? `\n    ${m.refused.slice(0, 5).join('\n    ')}` : ''}`);
  console.log(`  time: ${(m.ms / m.savings.length).toFixed(2)} ms per prompt`);
  if (m.byPass.size) {
    console.log('  passes (share of all tokens saved, prompts where the pass paid off):');
    const total = [...m.byPass.values()].reduce((a, b) => a + b.tokens, 0);
    for (const [name, v] of [...m.byPass].sort((a, b) => b[1].tokens - a[1].tokens)) {
      console.log(`    ${name.padEnd(15)} ${String(v.tokens).padStart(6)} tokens  ${pct(v.tokens / total).padStart(7)}  ${v.prompts} prompts`);
    }
  }
}

/** Share of a prompt's tokens inside protected spans, and the prompts with the most unprotected tokens. */
function diagnose(corpus: readonly CorpusPrompt[]): void {
  const rows = corpus.map((p) => {
    const total = estimateTokens(p.text, MODEL).tokens;
    const protectedTokens = findProtectedSpans(p.text).reduce((sum, s) => sum + estimateTokens(s.text, MODEL).tokens, 0);
    const r = compressPrompt(p.text, { mode: 'safe', model: MODEL, placeholderSyntaxes: p.placeholderSyntaxes });
    return { p, total, protectedTokens, r };
  });
  const shares = rows.map((x) => (x.total ? x.protectedTokens / x.total : 0));
  console.log(`\ndiagnosis (safe mode): protected share of tokens median ${pct(quantile(shares, 0.5))}, p90 ${pct(quantile(shares, 0.9))}`);
  const top = [...rows].sort((a, b) => b.total - b.protectedTokens - (a.total - a.protectedTokens)).slice(0, 20);
  for (const x of top) {
    const passes = x.r.passes.map((p) => `${p.name} −${p.tokensSaved}`).join(', ') || 'nothing paid off';
    console.log(`\n  ${x.p.id}: ${x.total} tokens, ${x.total - x.protectedTokens} unprotected, saved ${x.r.tokensBefore - x.r.tokensAfter} (${passes})`);
    for (const pass of x.r.passes) if (pass.dropped?.length) console.log(`    ${pass.name}: ${pass.dropped.map((d) => JSON.stringify(d)).join(' ')}`);
  }
}

interface CorpusResult {
  safe: Measured;
  aggressive: Measured;
  naive: Measured;
  model: Measured | null;
}

interface ModelEndpoint {
  endpoint: string;
  model: string;
  apiKey?: string;
}

function modelEndpoint(): ModelEndpoint | null {
  const endpoint = process.env.PROMPT_COST_BENCH_ENDPOINT;
  const model = process.env.PROMPT_COST_BENCH_MODEL;
  if (!endpoint || !model) return null;
  return { endpoint, model, apiKey: process.env.PROMPT_COST_BENCH_KEY };
}

/** Every prompt through the model, four requests at a time; a failed request is a refusal, never a retry with another answer. */
async function compressWithModel(corpus: readonly CorpusPrompt[], target: ModelEndpoint): Promise<Map<string, CompressionResult>> {
  const results = new Map<string, CompressionResult>();
  let next = 0;
  const worker = async () => {
    while (next < corpus.length) {
      const prompt = corpus[next++];
      results.set(prompt.id, await modelAssistedCompress(prompt.text, { ...target, fetch, targetModel: MODEL, placeholderSyntaxes: prompt.placeholderSyntaxes }));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return results;
}

async function evaluate(label: string, corpus: readonly CorpusPrompt[], target: ModelEndpoint | null): Promise<CorpusResult> {
  console.log(`\n=== ${label}: ${corpus.length} prompts, model ${MODEL}, ${corpus.reduce((s, p) => s + estimateTokens(p.text, MODEL).tokens, 0)} tokens in all`);
  const run = (mode: CompressMode) =>
    measure(corpus, (p) => {
      const r = compressPrompt(p.text, { mode, model: MODEL, placeholderSyntaxes: p.placeholderSyntaxes });
      return { text: r.compressed, passes: r.passes, refused: r.refused };
    });
  let model: Measured | null = null;
  if (target) {
    const started = performance.now();
    const answers = await compressWithModel(corpus, target);
    model = measure(corpus, (p) => {
      const r = answers.get(p.id) as CompressionResult;
      return { text: r.compressed, passes: r.passes, refused: r.refused };
    });
    model.ms = performance.now() - started; // wall clock of the requests, not of the lookup
  }
  const result = { safe: run('safe'), aggressive: run('aggressive'), naive: measure(corpus, (p) => ({ text: p.text.replace(/\s+/g, ' ').trim() })), model };
  report('safe', result.safe);
  report('aggressive (dropped examples take their spans with them, and are listed in `dropped`)', result.aggressive);
  if (result.model && target) report(`model-assisted (${target.model} at ${new URL(target.endpoint).host}; refused answers count as 0 % saving)`, result.model);
  else console.log('\nmodel-assisted: not measured (set PROMPT_COST_BENCH_ENDPOINT and PROMPT_COST_BENCH_MODEL, and PROMPT_COST_BENCH_KEY if the endpoint needs one)');
  report('peer: naive whitespace collapse (no protection)', result.naive);
  const naiveMedian = quantile(result.naive.savings, 0.5);
  const ratio = naiveMedian > 0 ? (quantile(result.safe.savings, 0.5) / naiveMedian).toFixed(2) : 'n/a (naive median is 0)';
  console.log(`\nratio of median savings: safe / naive = ${ratio}; ratio of mean savings: ${(mean(result.safe.savings) / Math.max(1e-9, mean(result.naive.savings))).toFixed(2)}`);
  return result;
}

function verdict(label: string, mode: string, m: Measured): string {
  const median = quantile(m.savings, 0.5);
  const kept = m.placeholdersKept === m.placeholdersTotal && m.spansKept === m.spansTotal;
  // A refused model answer leaves the prompt unchanged, so it is safe; it only costs saving, which the median shows.
  const pass = median >= TARGET_MEDIAN && kept && (mode === 'model-assisted' || m.refused.length === 0);
  return `${pass ? 'PASS' : 'FAIL'} ${label}: ${mode} median saving ${pct(median)} (target ≥ ${pct(TARGET_MEDIAN)}), placeholders ${pct(m.placeholdersTotal ? m.placeholdersKept / m.placeholdersTotal : 1)} and protected spans ${pct(m.spansTotal ? m.spansKept / m.spansTotal : 1)} kept (target 100 %)`;
}

async function main(): Promise<void> {
  // Warm the tokenizer so the first prompt's time is not the encoder load.
  estimateTokens('warm up', MODEL);
  const target = modelEndpoint();
  const verdicts: string[] = [];
  for (const { label, file } of CORPORA) {
    if (!fs.existsSync(file)) {
      console.log(`\n=== ${label}: ${path.basename(file)} not found, skipped`);
      verdicts.push(`MISSING ${label}`);
      continue;
    }
    const corpus = readCorpus(file);
    const result = await evaluate(label, corpus, target);
    verdicts.push(verdict(label, 'safe', result.safe));
    if (result.model) verdicts.push(verdict(label, 'model-assisted', result.model));
    else verdicts.push(`NOT MEASURED ${label}: model-assisted (no endpoint configured)`);
    if (process.argv.includes('--diagnose') && file.endsWith('prompts.jsonl')) diagnose(corpus);
  }
  console.log('');
  for (const line of verdicts) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
