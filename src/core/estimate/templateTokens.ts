/**
 * Tokens of a prompt template: the static text counted exactly, each placeholder sized from what is
 * known about its value. A template's `{document}` is never counted as the 10 characters `{document}`.
 */
import * as path from 'path';
import type { FoundPrompt, Placeholder } from '../prompts/prompt';
import { estimateTokens } from '../tokens/estimateTokens';

export type PlaceholderSizeSource = 'sample' | 'import' | 'setting' | 'default' | 'control';

export interface PlaceholderSize {
  name: string;
  raw: string;
  tokens: number;
  source: PlaceholderSizeSource;
  /** For an imported constant: where it is defined (`prompts.py:12`). */
  from?: string;
}

export interface TemplateTokens {
  /** Tokens of the text with every placeholder empty: the low end of the range. */
  staticTokens: number;
  /** Static tokens plus typical placeholder sizes: the figure costs are computed from. */
  typicalTokens: number;
  placeholders: PlaceholderSize[];
  /** True when the static count is exact for the model's own tokenizer. */
  exact: boolean;
}

export interface PlaceholderSizing {
  /** Default size of a placeholder nothing is known about. */
  defaultTokens: number;
  /** Per placeholder name: a token count, or a sample value to count. */
  sizes: Record<string, number | string>;
  /** Per-family estimate factors for models without a local tokenizer. */
  factors?: Record<string, number>;
}

/** Control syntax carries no content of its own: `{% if %}`, `{{#each}}`, `{{/each}}`, `{{! comment }}`. */
export function isControlPlaceholder(p: Placeholder): boolean {
  if (p.syntax === 'jinjaBlock') return true;
  return p.syntax === 'mustache' && /^\{\{\{?\s*[#/^!>]/.test(p.raw);
}

function sizeOf(p: Placeholder, prompt: FoundPrompt, model: string, sizing: PlaceholderSizing): PlaceholderSize {
  const base = { name: p.name, raw: p.raw };
  if (isControlPlaceholder(p)) return { ...base, tokens: 0, source: 'control' };
  const sample = prompt.samples?.[p.name];
  if (sample !== undefined) return { ...base, tokens: estimateTokens(sample, model, sizing.factors).tokens, source: 'sample' };
  const imported = prompt.imports?.[p.name];
  if (imported) {
    // The constant's own placeholders are sized like any other (an imported template still has holes).
    const inner = templateTokens({ text: imported.text, placeholders: imported.placeholders } as FoundPrompt, model, sizing);
    return { ...base, tokens: inner.typicalTokens, source: 'import', from: imported.where ?? `${path.basename(imported.file)}:${imported.line}` };
  }
  const setting = sizing.sizes[p.name];
  if (typeof setting === 'number' && Number.isFinite(setting) && setting >= 0) return { ...base, tokens: Math.round(setting), source: 'setting' };
  if (typeof setting === 'string') return { ...base, tokens: estimateTokens(setting, model, sizing.factors).tokens, source: 'setting' };
  return { ...base, tokens: sizing.defaultTokens, source: 'default' };
}

/**
 * Counts the static segments between placeholders separately: the placeholder's value separates them
 * in the real request, so no BPE merge can span a placeholder.
 */
export function templateTokens(prompt: FoundPrompt, model: string, sizing: PlaceholderSizing): TemplateTokens {
  let staticTokens = 0;
  let exact = true;
  let at = 0;
  const segments: string[] = [];
  for (const p of prompt.placeholders) {
    segments.push(prompt.text.slice(at, p.offset));
    at = p.offset + p.raw.length;
  }
  segments.push(prompt.text.slice(at));
  for (const segment of segments) {
    if (!segment) continue;
    const counted = estimateTokens(segment, model, sizing.factors);
    staticTokens += counted.tokens;
    exact &&= counted.exact;
  }
  const placeholders = prompt.placeholders.map((p) => sizeOf(p, prompt, model, sizing));
  const typicalTokens = staticTokens + placeholders.reduce((sum, p) => sum + p.tokens, 0);
  return { staticTokens, typicalTokens, placeholders, exact };
}
