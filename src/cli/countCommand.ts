/** `prompt-cost count --model M [--json] [FILE]`: the tokens of a text for one model, and how they were counted. */
import * as fs from 'fs';
import * as path from 'path';
import { formatTokenCount } from '../core/estimate/tokenLabel';
import { toCountingFinding, type CountingFinding } from '../core/scan/finding';
import { estimateTokens } from '../core/tokens/estimateTokens';
import { countingLabel } from '../core/tokens/countingMethod';
import { STAND_IN_TEXT, type CallPayload } from '../core/exactCounts/callPayload';
import { countProviderFor } from '../core/exactCounts/countProviders';
import { countRequest } from '../core/exactCounts/countRequest';
import { SpendError } from '../core/spend/spendTypes';
import { parseArgs, UsageError } from './args';
import { exactCountsFromEnv, KEY_ENV } from './exactCountsEnv';
import { readProcessStdin, type StdinIo } from './cliIo';
import { useUserVocabularies } from '../core/tokens/userVocabulary';
import { localTokenizerFailure } from '../core/tokens/localTokenCounter';
import { userTokenizerFor } from '../core/tokens/tokenizerFamilies';
import { VOCABULARIES_ENV, vocabulariesFromEnv } from './vocabulariesEnv';

export const COUNT_HELP = `Usage: prompt-cost count --model M [--provider-api] [--json] [FILE]

Counts the tokens of FILE (or of stdin when no file is given, or FILE is -) for model M, with the
model's own tokenizer where one is known: OpenAI's encodings, and local tokenizers for Qwen, DeepSeek V3
and Mistral (Tekken and SentencePiece). Other models (Claude, Gemini, Llama, Grok …) get the o200k_base
count × a factor, marked ≈ (for Gemini and Llama 3 a factor measured against their own tokenizers). The whole text is counted,
however long; text that spells a special token (<|endoftext|>) is counted as plain text.

Options:
  --model M        the model id, as in the price list (gpt-4o, llama-3.1-8b-instant, claude-opus-4-7 …)
  --provider-api   ask the provider instead (Claude: Anthropic's count_tokens, Gemini: countTokens),
                   with the key in ANTHROPIC_API_KEY / GEMINI_API_KEY: sends the text there as one
                   user message, so the count includes that message's framing. Cached in the user
                   cache folder. PROMPT_COST_ANTHROPIC_COUNT_URL / PROMPT_COST_GEMINI_COUNT_URL
                   replace the official URLs (http only to this machine).
  --json           print { "model", "tokens", "exact", "method", "counting" } instead of one line

Environment:
  PROMPT_COST_VOCABULARIES  your own Llama 3 / Gemma 3 tokenizer.json files, as JSON:
                   {"llama3": "~/models/Meta-Llama-3-8B/tokenizer.json", "gemma3": "…"}. Those models
                   (and Gemini 2.x/3, counted with Gemma 3) are then counted exactly. We do not ship
                   these vocabularies: downloading one means accepting its licence (Meta Llama 3
                   Community License, Gemma Terms of Use). A file that fails its checks is not used:
                   the factor stays and a warning says why.

Exit codes: 0 counted, 2 bad arguments or no such file, 3 the provider could not count it.
`;

export interface CountResult {
  model: string;
  tokens: number;
  exact: boolean;
  /** How the number was made, in words: `exact: Qwen 3 tokenizer (local)`. */
  method: string;
  counting: CountingFinding;
}

export async function countCommand(argv: readonly string[], io: StdinIo): Promise<number> {
  const args = parseArgs(argv, { values: ['model'], switches: ['json', 'help', 'provider-api'] });
  if (args.switches.has('help')) {
    io.stdout(COUNT_HELP);
    return 0;
  }
  const model = args.values.get('model')?.trim();
  if (!model) throw new UsageError('count needs --model M');
  if (args.positionals.length > 1) throw new UsageError(`count takes one file, got ${args.positionals.length}`);
  const file = args.positionals[0];
  const text = file === undefined || file === '-' ? await (io.readStdin ?? readProcessStdin)() : readFile(file, io.cwd);

  let result: CountResult;
  if (args.switches.has('provider-api')) {
    try {
      result = await countWithProvider(text, model, io);
    } catch (error) {
      if (!(error instanceof SpendError)) throw error;
      io.stderr(`prompt-cost: the provider could not count it: ${error.message}\n`);
      return 3;
    }
  } else {
    useUserVocabularies(vocabulariesFromEnv(io.env, io.cwd));
    const user = userTokenizerFor(model);
    result = countText(text, model);
    const failure = user ? localTokenizerFailure(user) : undefined;
    if (failure) io.stderr(`prompt-cost: warning: your ${user} vocabulary (${VOCABULARIES_ENV}) is not used: ${failure}\n`);
  }
  if (args.switches.has('json')) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(`${result.exact ? '' : '≈ '}${formatTokenCount(result.tokens)} tokens · ${model} · ${result.method}\n`);
  return 0;
}

/** Counts the whole text, with no time budget: a command that is asked for one number gives the exact one. */
export function countText(text: string, model: string): CountResult {
  const estimate = estimateTokens(text, model, undefined, { timeBudgetMs: Number.POSITIVE_INFINITY });
  return { model, tokens: estimate.tokens, exact: estimate.exact, method: countingLabel(estimate.method), counting: toCountingFinding(estimate.method) };
}

/** The provider's count of `text` sent as one user message (its framing included). Throws a `SpendError` when it fails. */
async function countWithProvider(text: string, model: string, io: StdinIo): Promise<CountResult> {
  const target = countProviderFor(model);
  if (!target) throw new UsageError(`--provider-api counts Claude models (Anthropic API) and Gemini models (Gemini API); ${model} is neither`);
  const exact = exactCountsFromEnv(io.env, io.cwd);
  if (!exact?.providers.includes(target.provider)) throw new UsageError(`--provider-api for ${model} needs ${KEY_ENV[target.provider]} in the environment`);
  const payload: CallPayload = { system: [], messages: [{ role: 'user', texts: [text.trim() === '' ? STAND_IN_TEXT : text] }], tools: [], addedTokens: 0, complete: true };
  const request = countRequest(target.provider, target.model, payload);
  if (!request) throw new UsageError('the text is too large to send for a count; count it locally (without --provider-api)');
  const { tokens } = await exact.client.count(request);
  await exact.client.flush();
  const method = { kind: 'provider' as const, provider: target.provider, added: 0 };
  return { model, tokens, exact: true, method: countingLabel(method), counting: toCountingFinding(method) };
}

function readFile(file: string, cwd: string): string {
  const fullPath = path.resolve(cwd, file);
  if (!fs.existsSync(fullPath) || !fs.statSync(fullPath).isFile()) throw new UsageError(`no such file: ${file}`);
  return fs.readFileSync(fullPath, 'utf8');
}
