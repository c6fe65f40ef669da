/**
 * The CLI's equivalent of `promptCost.tokenizers.vocabularies`: `PROMPT_COST_VOCABULARIES` holds the same
 * JSON object (`{"llama3": "~/models/Meta-Llama-3-8B/tokenizer.json"}`), for `count` and `scan`. An
 * environment variable rather than a flag: like the keys, it is the user's own setting, never a project's
 * (`.promptcost.yml` cannot set it). Relative paths are resolved against the current folder.
 */
import { parseVocabularyPaths, type VocabularyPaths } from '../core/tokens/userVocabulary';
import { UsageError } from './args';

export const VOCABULARIES_ENV = 'PROMPT_COST_VOCABULARIES';

/** The paths in `PROMPT_COST_VOCABULARIES`, or undefined when it is unset or empty. A malformed value is a usage error. */
export function vocabulariesFromEnv(env: NodeJS.ProcessEnv, cwd: string): VocabularyPaths | undefined {
  const raw = env[VOCABULARIES_ENV]?.trim();
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new UsageError(`${VOCABULARIES_ENV} must be a JSON object such as {"llama3": "/path/to/tokenizer.json"}`);
  }
  const parsed = parseVocabularyPaths(value, { cwd });
  if (parsed.problems.length) throw new UsageError(`${VOCABULARIES_ENV}: ${parsed.problems.join('; ')}`);
  return Object.keys(parsed.paths).length ? parsed.paths : undefined;
}
