/**
 * Maps the model constants of the Go, Java and C# SDKs (`openai.GPT4oMini`, `openai.ChatModelGPT4_1`,
 * `anthropic.ModelClaudeSonnet4_5`, `ChatModel.GPT_4O`, `OpenAiApi.ChatModel.GPT_4_O_MINI`) to model ids.
 *
 * First the SDKs' own tables (`sdkModelConstants.json`, generated from their sources by
 * scripts/generate-model-constants.mjs: go-openai, openai-go, anthropic-sdk-go, openai-java), so that
 * `GPT3Babbage002` is `babbage-002`; then a small table of names the rule below gets wrong (Anthropic.SDK
 * for .NET); every other name is derived:
 *  1. drop an SDK prefix (`ChatModel`, `Model`), then split into words at `_` and at case changes
 *     (`GPT4oMini` → GPT | 4o | Mini, `Claude3_7SonnetLatest` → Claude | 3 | 7 | Sonnet | Latest);
 *     a lone `O` before a digit stays with it (`O3Mini` → O3 | Mini);
 *  2. lower-case the words and join them with `-`, except: `Dot` becomes `.`; two one-digit numbers join
 *     with `.` in the OpenAI and Gemini families (`GPT4_1` → gpt-4.1, `GEMINI_1_5_PRO` → gemini-1.5-pro)
 *     but with `-` for Claude (`CLAUDE_3_5_SONNET` → claude-3-5-sonnet); a lone `o` after a number
 *     joins it (`GPT_4_O` → gpt-4o);
 *  3. keep the result only when it looks like a model id (evidence.ts `looksLikeModelId`).
 */
import { looksLikeModelId } from '../evidence';
import { nameTable } from '../nameTable';
import sdkTables from './sdkModelConstants.json';

/** Every SDK's constants in one table (the generator checks that no name means two ids within an SDK). */
const SDK_CONSTANTS = nameTable<string>(Object.assign({}, ...sdkTables.sdks.map((sdk) => sdk.constants)));

/** Names whose ids do not follow the rule (Anthropic.SDK for .NET packs versions: `Claude35Sonnet`). */
const KNOWN = nameTable<string>({
  Claude35Sonnet: 'claude-3-5-sonnet-latest',
  Claude35Haiku: 'claude-3-5-haiku-latest',
  Claude37Sonnet: 'claude-3-7-sonnet-latest',
  Claude3Opus: 'claude-3-opus-latest',
  Claude3Haiku: 'claude-3-haiku-20240307',
  Claude4Sonnet: 'claude-sonnet-4-0',
  Claude4Opus: 'claude-opus-4-0',
  Claude45Sonnet: 'claude-sonnet-4-5',
  Claude45Haiku: 'claude-haiku-4-5',
  Claude41Opus: 'claude-opus-4-1',
  GPT4TurboPreview: 'gpt-4-turbo-preview',
  GPT3Dot5Turbo: 'gpt-3.5-turbo',
  GPT_4_O: 'gpt-4o',
  GPT_4_O_MINI: 'gpt-4o-mini',
});

const PREFIXES = ['ChatModel', 'Model', 'MODEL_'];

function words(name: string): string[] {
  const out: string[] = [];
  for (const part of name.split('_').filter(Boolean)) {
    // Split at lower→Upper, letter→digit (except a lone O/o before a digit) and digit→Upper+lower.
    let current = '';
    for (let i = 0; i < part.length; i++) {
      const ch = part[i];
      const prev = part[i - 1];
      const next = part[i + 1] ?? '';
      let split = false;
      if (current && prev !== undefined) {
        const prevDigit = /\d/.test(prev);
        const isDigit = /\d/.test(ch);
        if (/[a-z]/.test(prev) && /[A-Z]/.test(ch)) split = true;
        else if (!prevDigit && isDigit && !/^[Oo]$/.test(current)) split = true;
        else if (prevDigit && /[A-Z]/.test(ch) && /[a-z]/.test(next)) split = true;
        else if (/[A-Z]/.test(prev) && /[A-Z]/.test(ch) && /[a-z]/.test(next) && current.length > 1) split = true;
      }
      if (split) {
        out.push(current);
        current = '';
      }
      current += ch;
    }
    if (current) out.push(current);
  }
  return out.map((w) => w.toLowerCase());
}

function join(parts: string[]): string {
  const dotted = ['gpt', 'chatgpt', 'gemini', 'gemma', 'o1', 'o3', 'o4'].includes(parts[0] ?? '');
  let id = parts[0] ?? '';
  for (let i = 1; i < parts.length; i++) {
    const prev = parts[i - 1];
    const word = parts[i];
    if (word === 'dot') continue;
    if (prev === 'dot') id += '.' + word;
    else if (word === 'o' && /^\d+$/.test(prev)) id += 'o';
    else if (dotted && /^\d$/.test(prev) && /^\d$/.test(word)) id += '.' + word;
    else id += '-' + word;
  }
  return id;
}

/** The model id an SDK constant stands for (its last name segment), or null when it is not one. */
export function modelFromConstant(constantName: string): string | null {
  const known = SDK_CONSTANTS[constantName] ?? KNOWN[constantName];
  if (known) return known;
  let name = constantName;
  for (const prefix of PREFIXES) {
    if (name.startsWith(prefix) && name.length > prefix.length && /[A-Z0-9_]/.test(name[prefix.length])) {
      name = name.slice(prefix.length);
      break;
    }
  }
  const stripped = KNOWN[name];
  if (stripped) return stripped;
  const id = join(words(name));
  return looksLikeModelId(id) ? id : null;
}
