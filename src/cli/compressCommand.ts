/** `prompt-cost compress [<file> [--line N]] [--mode safe|aggressive] [--model M] [--json]` */
import * as fs from 'fs';
import * as path from 'path';
import { compressPrompt } from '../core/compress/compressPrompt';
import { DEFAULT_COMPRESS_MODEL, DEFAULT_PLACEHOLDER_SYNTAXES, type CompressMode, type CompressionResult } from '../core/compress/types';
import { findPrompts } from '../core/prompts/findPrompts';
import type { FoundPrompt, PlaceholderSyntax } from '../core/prompts/prompt';
import { languageForFile } from '../core/prompts/sourceLanguage';
import { parseArgs, UsageError } from './args';
import { readProcessStdin, type StdinIo } from './cliIo';

export const COMPRESS_HELP = `Usage: prompt-cost compress [<file> [--line N]] [options]

Compresses one prompt without changing what it asks: placeholders, code, JSON/XML/YAML, quoted text,
URLs and numbers are kept byte for byte, and the result is refused if any of them would change.
Reads the prompt from stdin when no file is given. In a source file, --line N picks the prompt that
covers line N (default: the first prompt); a file the engine does not parse is read whole.

Options:
  --line N             the prompt covering line N (1-based) of <file>
  --mode safe|aggressive
                       safe (default) keeps every word that carries meaning; aggressive also drops hedges,
                       few-shot examples after the first and articles ("the", "a"), and lists what it dropped
  --model M            count tokens for M (default: the model the code calls, else ${DEFAULT_COMPRESS_MODEL})
  --json               print one JSON object instead of the compressed text

Output: the compressed prompt on stdout and a one-line summary on stderr.
Exit codes: 0 compressed (or nothing to save), 1 refused or no prompt at that line, 2 bad arguments.
`;

export type CompressIo = StdinIo;

interface Target {
  text: string;
  model: string | null;
  syntaxes: readonly PlaceholderSyntax[];
  where: { file: string; startLine: number; endLine: number } | null;
}

export async function compressCommand(argv: readonly string[], io: CompressIo): Promise<number> {
  const args = parseArgs(argv, { values: ['line', 'mode', 'model'], switches: ['json', 'help'] });
  if (args.switches.has('help')) {
    io.stdout(COMPRESS_HELP);
    return 0;
  }
  const mode = parseMode(args.values.get('mode'));
  const line = parseLine(args.values.get('line'));
  const modelFlag = args.values.get('model');
  if (modelFlag !== undefined && modelFlag.trim() === '') throw new UsageError('--model needs a value');
  if (args.positionals.length > 1) throw new UsageError(`compress takes one file, got ${args.positionals.length}`);
  const file = args.positionals[0];
  if (line !== undefined && (file === undefined || file === '-')) throw new UsageError('--line needs a file');

  const target = file === undefined || file === '-' ? await stdinTarget(io) : await fileTarget(file, line, io);
  if (!target) return 1;

  const model = modelFlag ?? target.model ?? DEFAULT_COMPRESS_MODEL;
  const result = compressPrompt(target.text, { mode, model, placeholderSyntaxes: target.syntaxes });

  if (args.switches.has('json')) io.stdout(`${JSON.stringify(toJson(result, mode, target), null, 2)}\n`);
  else {
    io.stdout(result.compressed.endsWith('\n') ? result.compressed : `${result.compressed}\n`);
    io.stderr(`${summary(result)}\n`);
    for (const line of droppedLines(result)) io.stderr(`${line}\n`);
  }
  return result.refused ? 1 : 0;
}

function parseMode(raw: string | undefined): CompressMode {
  if (raw === undefined) return 'safe';
  if (raw === 'safe' || raw === 'aggressive') return raw;
  throw new UsageError(`--mode must be safe or aggressive, got '${raw}'`);
}

function parseLine(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(value) || value < 1) throw new UsageError(`--line must be a whole number ≥ 1, got '${raw}'`);
  return value;
}

async function stdinTarget(io: CompressIo): Promise<Target> {
  const text = await (io.readStdin ?? readProcessStdin)();
  return { text, model: null, syntaxes: DEFAULT_PLACEHOLDER_SYNTAXES, where: null };
}

async function fileTarget(file: string, line: number | undefined, io: CompressIo): Promise<Target | null> {
  const fullPath = path.resolve(io.cwd, file);
  if (!fs.existsSync(fullPath) || !fs.statSync(fullPath).isFile()) throw new UsageError(`no such file: ${file}`);
  const source = fs.readFileSync(fullPath, 'utf8');
  if (!languageForFile(fullPath)) {
    if (line !== undefined) throw new UsageError(`--line needs a source or prompt file; ${file} is read whole`);
    return { text: source, model: null, syntaxes: DEFAULT_PLACEHOLDER_SYNTAXES, where: null };
  }
  const prompts = await findPrompts(source, fullPath);
  const prompt: FoundPrompt | undefined = line === undefined ? prompts[0] : prompts.find((p) => p.startLine <= line && line <= p.endLine);
  if (!prompt) {
    io.stderr(line === undefined ? `no prompt found in ${file}\n` : `no prompt covers ${file}:${line}\n`);
    return null;
  }
  const syntaxes = [...new Set(prompt.placeholders.map((p) => p.syntax))];
  return { text: prompt.text, model: prompt.model, syntaxes, where: { file, startLine: prompt.startLine, endLine: prompt.endLine } };
}

function toJson(result: CompressionResult, mode: CompressMode, target: Target) {
  return {
    original: result.original,
    compressed: result.compressed,
    tokensBefore: result.tokensBefore,
    tokensAfter: result.tokensAfter,
    model: result.model,
    placeholders: result.placeholders,
    passes: result.passes.map((p) => p.name),
    refused: result.refused,
    mode,
    passDetails: result.passes,
    ...(target.where ?? {}),
  };
}

function summary(result: CompressionResult): string {
  if (result.refused) return `refused (${result.model}, ${result.tokensBefore} tokens kept): ${result.refused}`;
  const saved = result.tokensBefore - result.tokensAfter;
  const percent = result.tokensBefore ? ((100 * saved) / result.tokensBefore).toFixed(1) : '0.0';
  const passes = result.passes.map((p) => `${p.name} −${p.tokensSaved}`).join(', ') || 'none paid off';
  return `${result.model}: ${result.tokensBefore} → ${result.tokensAfter} tokens (−${percent} %); passes: ${passes}; ${result.placeholders.length} placeholder(s) kept`;
}

/** Aggressive mode removes content (hedges, later examples): say what, one line per pass, so nothing goes silently. */
function droppedLines(result: CompressionResult): string[] {
  return result.passes
    .filter((p) => p.aggressive && p.dropped?.length)
    .map((p) => `dropped by ${p.name}: ${(p.dropped ?? []).map((d) => JSON.stringify(d)).join(', ')}`);
}
