/** Messages between the extension host and the prompt-finding worker (plain data, structured-cloned). */
import type { TextEdit } from '../../core/editor/incrementalPromptParser';
import type { FoundPrompt } from '../../core/prompts/prompt';

export const PROMPT_WORKER_KIND = 'prompt-cost-lens/prompt-finder';

export type WorkerRequest =
  | { type: 'find'; id: number; key: string; text: string; filePath: string; edits: TextEdit[] }
  | { type: 'forget'; key: string };

export type WorkerReply =
  | { id: number; prompts: FoundPrompt[]; parse: 'full' | 'incremental' | 'none'; ms: number }
  | { id: number; error: string };
