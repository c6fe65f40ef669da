/**
 * Optional model-assisted compression (off unless the user configures an endpoint): the prompt goes to an
 * OpenAI-compatible `/chat/completions` endpoint through an injected fetch, and the answer is offered only
 * if it passes the same invariants as deterministic compression.
 */
import { findPlaceholders } from '../prompts/placeholders';
import type { PlaceholderSyntax } from '../prompts/prompt';
import { estimateTokens } from '../tokens/estimateTokens';
import { checkInvariants } from './invariants';
import { DEFAULT_COMPRESS_MODEL, DEFAULT_PLACEHOLDER_SYNTAXES, type CompressionResult } from './types';

/** The part of the Fetch API used here (the global `fetch` fits). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface ModelAssistedOptions {
  /** Base URL of an OpenAI-compatible API (`…/v1`), or the full `…/chat/completions` URL. */
  endpoint: string;
  apiKey?: string;
  /** The model that compresses. */
  model: string;
  fetch: FetchLike;
  /** The model the prompt is for (token counts). Default: gpt-4o. */
  targetModel?: string;
  placeholderSyntaxes?: readonly PlaceholderSyntax[];
  timeoutMs?: number;
}

export const MODEL_ASSISTED_INSTRUCTIONS = `You compress prompts for large language models. Rewrite the prompt the user sends so that it uses fewer tokens and asks for exactly the same thing.
Rules:
- Keep every placeholder exactly as written, as often and in the same order: {x}, {{x}}, \${x}, %s, %(x)s, {% … %}, \${input:x}.
- Keep code blocks, inline code, JSON, XML, YAML, quoted text, URLs and numbers byte for byte.
- Remove filler, politeness, repetition and wordy phrasing. Keep every instruction and constraint.
Reply with the compressed prompt only, no commentary and no code fence around it.`;

const DEFAULT_TIMEOUT_MS = 60_000;

export async function modelAssistedCompress(text: string, options: ModelAssistedOptions): Promise<CompressionResult> {
  let answer: string;
  try {
    answer = await requestModelCompression(text, options);
  } catch (error) {
    return { ...unchanged(text, options.targetModel, options.placeholderSyntaxes), refused: modelFailure(error) };
  }
  return acceptModelAnswer(text, answer, options.targetModel, options.placeholderSyntaxes);
}

/**
 * Only the network part: the model's raw answer for `text` (throws on a failed request). Counts no tokens,
 * so an editor can run it on its UI thread and hand the answer to `acceptModelAnswer` elsewhere.
 */
export function requestModelCompression(text: string, options: ModelAssistedOptions): Promise<string> {
  return requestCompression(text, options);
}

/** What `modelAssistedCompress` reports when the request fails. */
export function modelFailure(error: unknown): string {
  return `model-assisted compression failed: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The model's `answer` as a compression of `text`: unfenced, with the original's edge whitespace, counted for
 * `targetModel`, and refused unless it passes the same invariants as deterministic compression.
 */
export function acceptModelAnswer(
  text: string,
  answer: string,
  targetModel: string = DEFAULT_COMPRESS_MODEL,
  syntaxes: readonly PlaceholderSyntax[] = DEFAULT_PLACEHOLDER_SYNTAXES,
): CompressionResult {
  const base = unchanged(text, targetModel, syntaxes);
  const compressed = restoreEdges(text, unfence(text, answer));
  const report = checkInvariants(text, compressed, syntaxes, { model: targetModel });
  if (!report.ok) return { ...base, refused: report.violations.join('; ') };
  const tokensAfter = estimateTokens(compressed, targetModel).tokens;
  return { ...base, compressed, tokensAfter, passes: [{ name: 'model', tokensSaved: base.tokensBefore - tokensAfter }] };
}

function unchanged(
  text: string,
  targetModel: string = DEFAULT_COMPRESS_MODEL,
  syntaxes: readonly PlaceholderSyntax[] = DEFAULT_PLACEHOLDER_SYNTAXES,
): CompressionResult {
  const tokensBefore = estimateTokens(text, targetModel).tokens;
  return {
    original: text,
    compressed: text,
    tokensBefore,
    tokensAfter: tokensBefore,
    model: targetModel,
    placeholders: findPlaceholders(text, syntaxes).map((p) => p.name),
    passes: [],
    refused: null,
  };
}

async function requestCompression(text: string, options: ModelAssistedOptions): Promise<string> {
  const base = options.endpoint.replace(/\/+$/, '');
  const url = /\/chat\/completions$/.test(base) ? base : `${base}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const body = JSON.stringify({
    model: options.model,
    temperature: 0,
    messages: [
      { role: 'system', content: MODEL_ASSISTED_INSTRUCTIONS },
      { role: 'user', content: text },
    ],
  });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const response = await options.fetch(url, { method: 'POST', headers, body, signal: controller.signal });
    const raw = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`);
    const parsed = JSON.parse(raw) as { choices?: { message?: { content?: unknown } }[] };
    const content = parsed.choices?.[0]?.message?.content;
    if (typeof content !== 'string' || content.trim() === '') throw new Error('the response has no message content');
    return content;
  } finally {
    clearTimeout(timer);
  }
}

/** Models often wrap their answer in a code fence even when asked not to; unwrap it unless the prompt was one. */
function unfence(original: string, answer: string): string {
  const fenced = /^\s*```[\w-]*\n([\s\S]*?)\n```\s*$/.exec(answer);
  return fenced && !/^\s*```/.test(original) ? fenced[1] : answer;
}

/** The original's leading and trailing whitespace, so the prompt still joins its neighbours the same way. */
function restoreEdges(original: string, answer: string): string {
  const lead = /^\s*/.exec(original)?.[0] ?? '';
  const tail = /\s*$/.exec(original)?.[0] ?? '';
  return lead + answer.trim() + tail;
}
