/** The shapes shared by every compression entry point (deterministic, model-assisted, CLI, editor). */
import type { PlaceholderSyntax } from '../prompts/prompt';

/**
 * `safe` keeps meaning word for word; `aggressive` may also drop hedges, repeated examples and articles
 * (telegraphic style), and says what it dropped.
 */
export type CompressMode = 'safe' | 'aggressive';

export interface CompressOptions {
  mode?: CompressMode;
  /** The model whose tokenizer decides whether a pass pays off. Default: gpt-4o. */
  model?: string;
  /** Which placeholder syntaxes the prompt uses (they must survive exactly). Default: DEFAULT_PLACEHOLDER_SYNTAXES. */
  placeholderSyntaxes?: readonly PlaceholderSyntax[];
}

export interface PassReport {
  name: string;
  /** Tokens this pass removed on top of the passes before it (always > 0: passes that do not pay are not kept). */
  tokensSaved: number;
  /** What the pass removed, as it read in the input (removed words, duplicate sentences, example blocks). */
  dropped?: string[];
  /** An aggressive-only pass: what it dropped was content (hedges, examples, articles), so it must be shown. */
  aggressive?: true;
}

export interface CompressionResult {
  original: string;
  /** The compressed prompt text only (no source edits), or `original` when refused. */
  compressed: string;
  tokensBefore: number;
  tokensAfter: number;
  model: string;
  /** Placeholder names in order of appearance (repeats included). */
  placeholders: string[];
  passes: PassReport[];
  /** Why the result was refused (and `compressed` is the original), or null. */
  refused: string | null;
}

export const DEFAULT_COMPRESS_MODEL = 'gpt-4o';

/**
 * Syntaxes assumed when the caller does not know. `fstring` (any `{…}`) and `printf` (`%v`, `%t`…) are left
 * out because they would report literal braces and percent signs as placeholders; every syntax is still
 * protected from change (see protectedSpans.ts), so leaving them out never lets a pass alter one.
 */
export const DEFAULT_PLACEHOLDER_SYNTAXES: readonly PlaceholderSyntax[] = [
  'format',
  'mustache',
  'jinjaBlock',
  'dollar',
  'promptInput',
  'percent',
];
