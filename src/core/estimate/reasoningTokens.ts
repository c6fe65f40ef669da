/**
 * Reasoning ("thinking") tokens: billed as output, counted against the call's output cap, and invisible in
 * the code. This file says which calls reason (by model family, as the id is written in code), at what
 * effort when the code sets none, and how many reasoning tokens a call typically and at most spends.
 * Every default and its source: docs/reasoning-defaults.md.
 */

/** How hard a model reasons, as OpenAI names it (Gemini `thinking_level` uses the same words). */
export type ReasoningEffortLevel = 'none' | 'minimal' | 'low' | 'medium' | 'high';

/** The efforts the typical-tokens table has a row for (`xhigh` counts as `high` where a table lacks it). */
export const REASONING_TABLE_EFFORTS = ['minimal', 'low', 'medium', 'high', 'xhigh'] as const;
export type ReasoningTableEffort = (typeof REASONING_TABLE_EFFORTS)[number];

export interface ReasoningSettings {
  /** Typical reasoning tokens of one call, by effort (`minimal` … `xhigh`). */
  reasoningTokens: Record<string, number>;
  /** Share (0–1) of a thinking budget a call typically spends. */
  thinkingBudgetShare: number;
}

/**
 * minimal 128 (LiteLLM's minimal budget; OpenAI: "very few"), medium 1,024 (OpenAI's reasoning guide
 * example), high 2,048 (gpt-5 at high averaged 2,111 on Nous Research's 19-prompt set), low and xhigh by
 * LiteLLM's 1 : 2 : 4 effort ratios; budget share 0.35 (Claude Sonnet 4 used 35% of an 8,000 budget).
 */
export const DEFAULT_REASONING_SETTINGS: Readonly<ReasoningSettings> = Object.freeze({
  reasoningTokens: Object.freeze({ minimal: 128, low: 512, medium: 1024, high: 2048, xhigh: 4096 }),
  thinkingBudgetShare: 0.35,
});

/** Max = typical × this when neither a budget nor a cap bounds the call: the p95 of reasoning tokens per call is a median 3.6× the mean across 12 measured models. */
export const REASONING_MAX_MULTIPLIER = 4;

export interface ReasoningDefaults {
  /** The model can reason (on some calls at least). */
  reasons: boolean;
  /** Effort when the code sets none; `none` or null: no reasoning unless the code asks for it. */
  defaultEffort: ReasoningEffortLevel | null;
  /** Reasons on every call: no setting turns it off (a thinking budget of 0 is ignored). */
  always: boolean;
}

export interface ReasoningInput {
  model: string;
  /** As written in code (`reasoning_effort`, `reasoning.effort`, `thinking_level`), any case. */
  effort: string | null;
  /** Claude `budget_tokens`, Gemini `thinking_budget` (0 turns thinking off, -1 is dynamic). */
  thinkingBudget: number | null;
  /** The call's output cap (`max_completion_tokens`, `max_output_tokens`, Claude `max_tokens`): it includes reasoning. */
  cap: number | null;
}

export interface ReasoningEstimate {
  typical: number;
  max: number;
  /** The effort the figures are for (normalised, e.g. `high`, `xhigh`); null for a thinking budget. */
  effort: string | null;
  /** `effort`: the code sets one; `budget`: the code sets a thinking budget; `default`: the model's own. */
  source: 'effort' | 'budget' | 'default';
  /** Why the figure may not be what the code meant, e.g. an effort this table does not know. */
  note?: string;
}

const NO_REASONING: ReasoningDefaults = Object.freeze({ reasons: false, defaultEffort: null, always: false });
const family = (defaultEffort: ReasoningEffortLevel | null, always: boolean): ReasoningDefaults => Object.freeze({ reasons: true, defaultEffort, always });

/** First match wins, so exceptions (chat variants, older generations) come before their family. */
const FAMILIES: readonly (readonly [RegExp, ReasoningDefaults])[] = [
  [/non-reasoning/, NO_REASONING],
  // OpenAI: before gpt-5.1 the default effort is medium and cannot be none; gpt-5.1 and later default to none.
  [/^gpt-5(?:\.\d+)?-chat|^gpt-5-main/, NO_REASONING],
  [/^gpt-5(?:\.\d+)?-pro/, family('high', true)],
  [/^gpt-5\.\d+-codex/, family('medium', true)],
  [/^gpt-5\.\d+/, family('none', false)],
  [/^gpt-5/, family('medium', true)],
  [/^o[1-9](?:-|$)/, family('medium', true)],
  [/^gpt-oss/, family('medium', true)],
  [/^(?:gpt-[34]|chatgpt-)/, NO_REASONING],
  // Google: 2.5 Pro and 3 Pro always think (dynamic, counted as high); Flash thinks by default; Flash-Lite only when asked.
  [/^gemini-.*(?:-image|-tts|embedding)/, NO_REASONING],
  [/^gemini-2\.0-flash-thinking/, family('high', true)],
  [/^gemini-(?:1\.|2\.0)/, NO_REASONING],
  [/^gemini-(?:[\d.]+-)?flash-lite/, family(null, false)],
  [/^gemini-(?:2\.5|[3-9](?:\.\d+)?)-pro|^gemini-pro-latest|^gemini-exp/, family('high', true)],
  [/^gemini-(?:2\.5|[3-9](?:\.\d+)?)-flash|^gemini-flash-latest/, family('high', false)],
  // Anthropic: models before 3.7 cannot think; later ones think only with a thinking budget (or an effort).
  [/^claude-(?:instant|2|3-(?:5-)?(?:sonnet|haiku|opus))/, NO_REASONING],
  [/^claude-/, family(null, false)],
  // DeepSeek, xAI.
  [/^deepseek-(?:reasoner|r1)/, family('high', true)],
  [/^deepseek-(?:chat|coder)/, NO_REASONING],
  [/^grok-3-mini/, family('medium', true)],
  [/^grok-(?:[4-9]|code)/, family('high', true)],
  [/^grok-/, NO_REASONING],
  // Anything else named as a reasoning variant (kimi-k2-thinking, qwen3-…-thinking, …-reasoner).
  [/thinking|reasoner|reasoning/, family('high', true)],
];

/** `openai/gpt-5`, `azure/o3-mini`, `models/gemini-2.5-pro`, `us.anthropic.claude-sonnet-4-5-…`, `ft:o4-mini…` → the bare id, lower case. */
export function bareModelId(model: string): string {
  let id = model.trim().toLowerCase();
  id = id.slice(id.lastIndexOf('/') + 1);
  id = id.replace(/^ft:/, '');
  return id.replace(/^(?:[a-z-]{2,8}\.)?(?:anthropic|openai|xai|deepseek|google|meta|mistral|qwen|moonshot)\./, '');
}

function familyOf(model: string): ReasoningDefaults | null {
  const id = bareModelId(model);
  for (const [pattern, defaults] of FAMILIES) {
    if (pattern.test(id)) return defaults;
  }
  return null;
}

/** Whether and how a model reasons when the code sets nothing; an unknown model is taken not to reason. */
export function reasoningDefaults(model: string): ReasoningDefaults {
  return { ...(familyOf(model) ?? NO_REASONING) };
}

export interface NormalizedEffort {
  level: ReasoningEffortLevel;
  /** The table row to read: the level, or `xhigh`. */
  key: string;
  /** False when the written value is not an effort this file knows (counted as medium). */
  known: boolean;
}

const EFFORTS: Readonly<Record<string, { level: ReasoningEffortLevel; key: string }>> = {
  none: { level: 'none', key: 'none' },
  minimal: { level: 'minimal', key: 'minimal' },
  low: { level: 'low', key: 'low' },
  medium: { level: 'medium', key: 'medium' },
  high: { level: 'high', key: 'high' },
  xhigh: { level: 'high', key: 'xhigh' },
  'x-high': { level: 'high', key: 'xhigh' },
  extra_high: { level: 'high', key: 'xhigh' },
  'extra-high': { level: 'high', key: 'xhigh' },
  max: { level: 'high', key: 'xhigh' },
};

/** `"High"`, `ReasoningEffort.HIGH`, `types.ThinkingLevel.LOW`, `xhigh` → a level; anything else → medium, not known. */
export function normalizeEffort(written: string): NormalizedEffort {
  const bare = written.trim().replace(/^['"`]|['"`]$/g, '').toLowerCase();
  const name = bare.slice(bare.lastIndexOf('.') + 1);
  const found = Object.prototype.hasOwnProperty.call(EFFORTS, name) ? EFFORTS[name] : undefined;
  return found ? { ...found, known: true } : { level: 'medium', key: 'medium', known: false };
}

function tableTokens(effort: NormalizedEffort, settings: ReasoningSettings): number {
  const table = settings.reasoningTokens;
  const defaults: Readonly<Record<string, number>> = DEFAULT_REASONING_SETTINGS.reasoningTokens;
  return table[effort.key] ?? table[effort.level] ?? defaults[effort.key] ?? defaults[effort.level] ?? 0;
}

function clampToCap(estimate: ReasoningEstimate, cap: number | null): ReasoningEstimate {
  if (cap === null) return estimate;
  return { ...estimate, typical: Math.min(estimate.typical, cap), max: Math.min(estimate.max, cap) };
}

function fromEffort(effort: NormalizedEffort, source: 'effort' | 'default', settings: ReasoningSettings, cap: number | null, written?: string): ReasoningEstimate {
  const typical = tableTokens(effort, settings);
  const estimate: ReasoningEstimate = { typical, max: cap ?? typical * REASONING_MAX_MULTIPLIER, effort: effort.key, source };
  if (!effort.known && written !== undefined) estimate.note = `unknown reasoning effort ${JSON.stringify(written)}: counted as medium`;
  return clampToCap(estimate, cap);
}

/**
 * Typical and max reasoning tokens of one call, or null when it does not reason (a model that never
 * reasons, effort `none`, a thinking budget of 0, or a model that reasons only when asked and is not).
 * A thinking budget wins over an effort; an effort over the model's default. Both figures stay within
 * the call's cap, which holds visible and reasoning output together.
 */
export function reasoningTokens(input: ReasoningInput, settings: ReasoningSettings): ReasoningEstimate | null {
  const defaults = familyOf(input.model);
  if (defaults && !defaults.reasons) return null;
  const cap = input.cap !== null && Number.isFinite(input.cap) && input.cap >= 0 ? input.cap : null;
  const budget = input.thinkingBudget !== null && Number.isFinite(input.thinkingBudget) ? input.thinkingBudget : null;

  if (budget !== null && budget > 0) {
    const typical = Math.min(budget, Math.round(budget * settings.thinkingBudgetShare));
    return clampToCap({ typical, max: budget, effort: null, source: 'budget' }, cap);
  }
  if (budget === 0 && !defaults?.always) return null;

  const written = input.effort !== null && input.effort.trim() ? input.effort : null;
  if (written !== null) {
    const effort = normalizeEffort(written);
    return effort.level === 'none' ? null : fromEffort(effort, 'effort', settings, cap, written);
  }
  const dynamic = budget !== null && budget < 0 ? 'high' : null;
  const level = defaults?.defaultEffort ?? dynamic;
  if (level === null || level === 'none') return null;
  return fromEffort({ level, key: level, known: true }, 'default', settings, cap);
}
