/**
 * Compression benchmark over the prompt corpus (test/fixtures/compress/corpus/prompts.jsonl). Run with
 * `npm run bench:compression`. Reports, per mode, the median and p90 token saving, placeholder and
 * protected-span preservation, refusals and ms per prompt, which passes contribute most, and a naive
 * peer measured in the same run (collapse all whitespace) to show what "saving" costs without protection.
 * Preservation is checked independently of the compressor's own invariant check: placeholders are found
 * in every syntax, and protected spans are searched for in order in the output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { compressPrompt } from '../src/core/compress/compressPrompt';
import { findProtectedSpans } from '../src/core/compress/protectedSpans';
import type { CompressMode } from '../src/core/compress/types';
import { findPlaceholders } from '../src/core/prompts/placeholders';
import type { PlaceholderSyntax } from '../src/core/prompts/prompt';
import { estimateTokens } from '../src/core/tokens/estimateTokens';

interface CorpusPrompt {
  id: string;
  category: string;
  placeholderSyntaxes: PlaceholderSyntax[];
  text: string;
}

const CORPUS = path.join(__dirname, '..', '..', 'test', 'fixtures', 'compress', 'corpus', 'prompts.jsonl');
const MODEL = process.env.BENCH_MODEL ?? 'gpt-4o';
const EVERY_SYNTAX: PlaceholderSyntax[] = ['format', 'fstring', 'percent', 'printf', 'dollar', 'mustache', 'jinjaBlock', 'promptInput'];

const corpus: CorpusPrompt[] = fs
  .readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as CorpusPrompt);

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

function measure(compress: (p: CorpusPrompt) => { text: string; passes?: { name: string; tokensSaved: number }[]; refused?: string | null }): Measured {
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

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function report(label: string, m: Measured): void {
  console.log(`\n${label}`);
  console.log(`  token saving: median ${pct(quantile(m.savings, 0.5))}, p90 ${pct(quantile(m.savings, 0.9))}, mean ${pct(m.savings.reduce((a, b) => a + b, 0) / m.savings.length)}, corpus total ${pct(1 - m.tokensAfter / m.tokensBefore)}, prompts with any saving ${m.savings.filter((s) => s > 0).length}/${m.savings.length}`);
  console.log(`  placeholders kept: ${m.placeholdersKept}/${m.placeholdersTotal} (${pct(m.placeholdersTotal ? m.placeholdersKept / m.placeholdersTotal : 1)})`);
  console.log(`  protected spans kept: ${m.spansKept}/${m.spansTotal} (${pct(m.spansTotal ? m.spansKept / m.spansTotal : 1)})`);
  console.log(`  refused: ${m.refused.length}${m.refused.length ? `\n    ${m.refused.slice(0, 5).join('\n    ')}` : ''}`);
  console.log(`  time: ${(m.ms / corpus.length).toFixed(2)} ms per prompt`);
  if (m.byPass.size) {
    console.log('  passes (share of all tokens saved, prompts where the pass paid off):');
    const total = [...m.byPass.values()].reduce((a, b) => a + b.tokens, 0);
    for (const [name, v] of [...m.byPass].sort((a, b) => b[1].tokens - a[1].tokens)) {
      console.log(`    ${name.padEnd(15)} ${String(v.tokens).padStart(6)} tokens  ${pct(v.tokens / total).padStart(7)}  ${v.prompts} prompts`);
    }
  }
}

console.log(`Compression benchmark: ${corpus.length} prompts, model ${MODEL}, ${corpus.reduce((s, p) => s + estimateTokens(p.text, MODEL).tokens, 0)} tokens in all`);
// Warm the tokenizer so the first prompt's time is not the encoder load.
estimateTokens('warm up', MODEL);

const results: Record<CompressMode, Measured> = {
  safe: measure((p) => {
    const r = compressPrompt(p.text, { mode: 'safe', model: MODEL, placeholderSyntaxes: p.placeholderSyntaxes });
    return { text: r.compressed, passes: r.passes, refused: r.refused };
  }),
  aggressive: measure((p) => {
    const r = compressPrompt(p.text, { mode: 'aggressive', model: MODEL, placeholderSyntaxes: p.placeholderSyntaxes });
    return { text: r.compressed, passes: r.passes, refused: r.refused };
  }),
};
const naive = measure((p) => ({ text: p.text.replace(/\s+/g, ' ').trim() }));

report('safe', results.safe);
report('aggressive (dropped examples take their spans with them, and are listed in `dropped`)', results.aggressive);
report('peer: naive whitespace collapse (no protection)', naive);
console.log(`\nratio of median savings: safe / naive = ${(quantile(results.safe.savings, 0.5) / Math.max(1e-9, quantile(naive.savings, 0.5))).toFixed(2)}`);
const target = quantile(results.safe.savings, 0.5) >= 0.15 && results.safe.placeholdersKept === results.safe.placeholdersTotal && results.safe.spansKept === results.safe.spansTotal;
console.log(`${target ? 'PASS' : 'FAIL'} target: safe median saving ≥ 15 % with 100 % placeholders and protected spans kept`);
