/**
 * Tokenizer benchmark: js-tiktoken, gpt-tokenizer, tiktoken (WASM) and our countTokens, side by side in one
 * run, o200k_base. Run with `npm run bench:tokenizers`. Prints ratios against gpt-tokenizer and PASS/FAIL
 * lines for our targets. Timings are from one shared machine: compare within a run, not across runs.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { clearTokenCountCache, countTokens } from '../src/core/tokens/tokenCounter';
import { seededRandom } from '../test/support/seededRandom';

const REPO = path.join(__dirname, '..', '..');
const OUR_COUNTER = path.join(__dirname, '..', 'src', 'core', 'tokens', 'tokenCounter.js');
const COLD_RUNS = 7;

type Name = 'js-tiktoken' | 'gpt-tokenizer' | 'tiktoken (WASM)' | 'ours';
const NAMES: Name[] = ['js-tiktoken', 'gpt-tokenizer', 'tiktoken (WASM)', 'ours'];

// ──── Cold start: fresh processes ────

const COLD_LOAD: Record<Name, string> = {
  'js-tiktoken': `const { Tiktoken } = require('js-tiktoken/lite'); const enc = new Tiktoken(require('js-tiktoken/ranks/o200k_base')); enc.encode(TEXT, [], []).length;`,
  'gpt-tokenizer': `require('gpt-tokenizer/encoding/o200k_base').countTokens(TEXT, { disallowedSpecial: new Set() });`,
  'tiktoken (WASM)': `require('tiktoken').get_encoding('o200k_base').encode_ordinary(TEXT).length;`,
  ours: `require(${JSON.stringify(OUR_COUNTER)}).countTokens(TEXT, 'o200k_base');`,
};

function coldStart(name: Name): { ms: number; mb: number } {
  const script = `
    const TEXT = 'You are a helpful assistant. Summarise the text below in one sentence.';
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    ${COLD_LOAD[name]}
    const ms = performance.now() - started;
    const mb = (process.memoryUsage().rss - rssBefore) / 1048576;
    process.stdout.write(JSON.stringify({ ms, mb }));`;
  const runs = Array.from({ length: COLD_RUNS }, () =>
    JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' })) as { ms: number; mb: number },
  );
  return { ms: median(runs.map((run) => run.ms)), mb: median(runs.map((run) => run.mb)) };
}

// ──── Warm counters in this process ────

interface WasmEncoding {
  encode_ordinary(text: string): Uint32Array;
}
type Counter = (text: string) => number;

function warmCounters(): Record<Name, Counter> {
  const { Tiktoken } = require('js-tiktoken/lite');
  const jsTiktoken = new Tiktoken(require('js-tiktoken/ranks/o200k_base'));
  const gptTokenizer = require('gpt-tokenizer/encoding/o200k_base');
  const wasm: WasmEncoding = require('tiktoken').get_encoding('o200k_base');
  const plainText = { disallowedSpecial: new Set<string>() };
  return {
    'js-tiktoken': (text) => jsTiktoken.encode(text, [], []).length,
    'gpt-tokenizer': (text) => gptTokenizer.countTokens(text, plainText),
    'tiktoken (WASM)': (text) => wasm.encode_ordinary(text).length,
    ours: (text) => countTokens(text, 'o200k_base').tokens,
  };
}

// Both gpt-tokenizer and ours share gpt-tokenizer's merge cache; worst cases start with it empty, and our
// own count cache is emptied before every timed call so that it measures counting, not lookup.
function resetCaches(): void {
  clearTokenCountCache();
  require('gpt-tokenizer/encoding/o200k_base').clearMergeCache();
}

// ──── Inputs (deterministic) ────

const SENTENCES = [
  'You are a helpful assistant that answers questions about the user’s documents.',
  'Summarise the following text in three bullet points, keeping every number exact.',
  'If the answer is not in the context, say that you do not know instead of guessing.',
  'The quarterly report shows revenue grew 12% while costs fell by roughly $3.4 million.',
  'Translate the customer’s message into formal German and keep the original formatting.',
  'Respond in JSON with the fields "title", "summary" and "tags"; do not add commentary.',
  'Consider each step carefully, then give the final answer on its own line.',
];
const CODE_LINES = [
  'export async function loadUser(id: string): Promise<User | undefined> {',
  '  const response = await fetch(`/api/users/${encodeURIComponent(id)}`);',
  '  if (!response.ok) return undefined;',
  '  return (await response.json()) as User;',
  '}',
  'def score(items: list[dict]) -> float:',
  '    return sum(i["weight"] * i.get("value", 0) for i in items) / max(len(items), 1)',
  'for (let i = 0; i < rows.length; i++) { total += rows[i].price * rows[i].qty; }',
];

function build(random: () => number, parts: readonly string[], separator: string, chars: number): string {
  const out: string[] = [];
  let length = 0;
  while (length < chars) {
    const part = parts[Math.floor(random() * parts.length)]!;
    out.push(part);
    length += part.length + separator.length;
  }
  return out.join(separator);
}

function randomString(chars: number, pick: () => string): string {
  let text = '';
  while (text.length < chars) text += pick();
  // Never end on half a surrogate pair.
  return text.slice(0, chars).replace(/[\ud800-\udbff]$/, '');
}

// ──── Measurement helpers ────

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timeOnce(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** Median time of repeated passes (at least 3, until ~400 ms spent, at most 15). */
function timePasses(run: () => void): number {
  const times: number[] = [];
  let spent = 0;
  while (times.length < 3 || (spent < 400 && times.length < 15)) {
    resetOurCache();
    const time = timeOnce(run);
    times.push(time);
    spent += time;
  }
  return median(times);
}

function resetOurCache(): void {
  clearTokenCountCache();
}

const fmt = (value: number, digits = 1) => value.toFixed(digits);
const pad = (text: string, width: number) => text.padEnd(width);
const ratio = (value: number, base: number) => (base > 0 ? `${fmt(value / base, 2)}×` : '–');

function printTable(title: string, header: string[], rows: string[][]): void {
  console.log(`\n${title}`);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => '| ' + cells.map((cell, column) => pad(cell, widths[column]!)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((width) => '-'.repeat(width + 2)).join('|') + '|');
  for (const row of rows) console.log(line(row));
}

// ──── Main ────

function main(): void {
  const benchStarted = performance.now();
  console.log(`Tokenizer benchmark, o200k_base — Node ${process.version}, ${require('os').cpus().length} CPUs`);

  // Cold start.
  const cold = Object.fromEntries(NAMES.map((name) => [name, coldStart(name)])) as Record<Name, { ms: number; mb: number }>;
  printTable(
    `Cold start: fresh process, require → first count (median of ${COLD_RUNS})`,
    ['package', 'first count (ms)', 'vs gpt-tokenizer', 'RSS added (MB)'],
    NAMES.map((name) => [name, fmt(cold[name].ms), ratio(cold[name].ms, cold['gpt-tokenizer'].ms), fmt(cold[name].mb)]),
  );

  // Warm throughput.
  const counters = warmCounters();
  const random = seededRandom(42);
  const prose = build(random, SENTENCES, ' ', 200_000);
  const code = build(random, CODE_LINES, '\n', 200_000);
  const oneMegabyte = build(random, [...SENTENCES, ...CODE_LINES], '\n', 1_048_576).slice(0, 1_048_576);
  const prompts = Array.from({ length: 200 }, (_, index) => `Prompt ${index}: ` + build(random, SENTENCES, ' ', 300 + Math.floor(random() * 1500)));
  for (const name of NAMES) counters[name]('warm up the JIT ' + prose.slice(0, 5000));

  const bytes = (text: string) => Buffer.byteLength(text, 'utf8') / 1e6;
  const throughput: Record<Name, number[]> = {} as Record<Name, number[]>;
  for (const name of NAMES) {
    const count = counters[name];
    throughput[name] = [
      bytes(prose) / (timePasses(() => count(prose)) / 1000),
      bytes(code) / (timePasses(() => count(code)) / 1000),
      bytes(oneMegabyte) / (timePasses(() => count(oneMegabyte)) / 1000),
      timePasses(() => prompts.forEach((prompt) => count(prompt))),
    ];
  }
  resetCaches();
  const ourOneMegabyte = countTokens(oneMegabyte, 'o200k_base');
  const exactOneMegabyte = counters['gpt-tokenizer'](oneMegabyte);
  printTable(
    'Warm throughput (median of repeated passes; our count cache emptied before each pass)',
    ['package', 'English prose MB/s', 'source code MB/s', '1 MB string MB/s', '200 prompts (ms)', 'prose vs gpt-tok.', '1 MB vs gpt-tok.'],
    NAMES.map((name) => {
      const [proseRate, codeRate, megabyteRate, promptsMs] = throughput[name] as [number, number, number, number];
      const base = throughput['gpt-tokenizer'] as [number, number, number, number];
      return [name, fmt(proseRate), fmt(codeRate), fmt(megabyteRate), fmt(promptsMs), ratio(proseRate, base[0]), ratio(megabyteRate, base[2])];
    }),
  );
  console.log(
    `ours on the 1 MB string: ${ourOneMegabyte.tokens} tokens, exact=${ourOneMegabyte.exact} (gpt-tokenizer: ${exactOneMegabyte})`,
  );

  // Worst cases: one timed call each, caches empty.
  const emojiRandom = seededRandom(7);
  const randomEmoji = randomString(12_800, () => String.fromCodePoint(0x1f300 + Math.floor(emojiRandom() * 0x300)));
  const letterRandom = seededRandom(8);
  const cases: { label: string; text: string; oursOnly?: boolean }[] = [
    { label: '6.4 KB of "a"', text: 'a'.repeat(6_400) },
    { label: '25.6 KB of "a"', text: 'a'.repeat(25_600) },
    { label: '25.6 KB of spaces', text: ' '.repeat(25_600) },
    { label: '12.8 KB random emoji', text: randomEmoji },
    { label: '200 KB of "a"', text: 'a'.repeat(204_800), oursOnly: true },
    { label: '1 MB of "a"', text: 'a'.repeat(1_048_576), oursOnly: true },
    { label: '1 MB random letters', text: randomString(1_048_576, () => String.fromCharCode(97 + Math.floor(letterRandom() * 26))), oursOnly: true },
    { label: '1 MB random emoji', text: randomString(1_048_576, () => String.fromCodePoint(0x1f300 + Math.floor(emojiRandom() * 0x300))), oursOnly: true },
    { label: '1 MB CJK, no punctuation', text: randomString(1_048_576, () => String.fromCharCode(0x4e00 + Math.floor(letterRandom() * 20_000))), oursOnly: true },
  ];
  const worstRows: string[][] = [];
  let worstOurs = 0;
  for (const { label, text, oursOnly } of cases) {
    const cells: Record<Name, string> = {} as Record<Name, string>;
    const times: Partial<Record<Name, number>> = {};
    for (const name of NAMES) {
      if (oursOnly && name !== 'ours') {
        cells[name] = name === 'js-tiktoken' ? 'skipped (quadratic)' : 'not run';
        continue;
      }
      if (name === 'js-tiktoken' && text.length > 6_400) {
        cells[name] = 'skipped (quadratic)';
        continue;
      }
      resetCaches();
      let result: ReturnType<typeof countTokens> | undefined;
      const time = timeOnce(() => {
        if (name === 'ours') result = countTokens(text, 'o200k_base');
        else counters[name](text);
      });
      times[name] = time;
      cells[name] = `${fmt(time)} ms` + (result ? (result.exact ? ' (exact)' : ' (≈)') : '');
      if (name === 'ours') worstOurs = Math.max(worstOurs, time);
    }
    const versus = times.ours !== undefined && times['gpt-tokenizer'] !== undefined ? ratio(times.ours, times['gpt-tokenizer']) : '–';
    worstRows.push([label, ...NAMES.map((name) => cells[name]), versus]);
  }
  printTable('Worst case: one string, caches empty', ['input', ...NAMES, 'ours vs gpt-tok.'], worstRows);

  // Targets.
  const ourLongest = Math.max(worstOurs, 1000 / (throughput.ours[2]! / bytes(oneMegabyte)));
  const targets: [string, boolean, string][] = [
    ['first count ≤ 150 ms (cold, ours)', cold.ours.ms <= 150, `${fmt(cold.ours.ms)} ms`],
    ['≤ 80 MB added (cold, ours)', cold.ours.mb <= 80, `${fmt(cold.ours.mb)} MB`],
    ['any string ≤ 1 MB in ≤ 50 ms (ours)', ourLongest <= 50, `slowest ${fmt(ourLongest)} ms`],
  ];
  console.log('\nTargets');
  for (const [label, pass, value] of targets) console.log(`${pass ? 'PASS' : 'FAIL'}  ${label}: ${value}`);
  console.log(`\nTotal bench time: ${fmt((performance.now() - benchStarted) / 1000)} s`);
}

main();
