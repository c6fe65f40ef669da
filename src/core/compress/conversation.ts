/**
 * Fitting a chat history into a token budget: keep the system (and developer) messages, then the most
 * recent messages that fit, newest first, stopping at the first that does not (a gap in the middle would
 * change what the conversation says). Messages are never cut; a tool result whose call was dropped is
 * dropped too, since chat APIs reject a tool message without the assistant message that asked for it.
 */
import { estimateTokens } from '../tokens/estimateTokens';

export interface ChatMessage {
  role: string;
  content: string;
  name?: string;
}

export interface ConversationCompression {
  messages: ChatMessage[];
  tokensBefore: number;
  tokensAfter: number;
  /** How many messages were left out (all from the oldest end). */
  droppedMessages: number;
  /** False when even the system messages alone exceed the budget (they are still returned). */
  fits: boolean;
}

/**
 * OpenAI's chat format costs about 3 tokens per message (role and delimiters) plus 3 to prime the reply
 * (OpenAI cookbook, "How to count tokens with tiktoken"); other vendors are close. Applied to every model.
 */
export const MESSAGE_OVERHEAD_TOKENS = 3;
export const REPLY_PRIMING_TOKENS = 3;

const PINNED_ROLES = new Set(['system', 'developer']);

export function conversationTokens(messages: readonly ChatMessage[], model: string): number {
  return REPLY_PRIMING_TOKENS + messages.reduce((sum, m) => sum + messageTokens(m, model), 0);
}

function messageTokens(message: ChatMessage, model: string): number {
  return MESSAGE_OVERHEAD_TOKENS + estimateTokens(message.content, model).tokens + (message.name ? 1 : 0);
}

export function compressConversation(messages: readonly ChatMessage[], maxTokens: number, model: string): ConversationCompression {
  const costs = messages.map((m) => messageTokens(m, model));
  const tokensBefore = REPLY_PRIMING_TOKENS + costs.reduce((a, b) => a + b, 0);
  const keep = messages.map((m) => PINNED_ROLES.has(m.role));
  let used = REPLY_PRIMING_TOKENS + costs.reduce((sum, cost, i) => sum + (keep[i] ? cost : 0), 0);
  const fits = used <= maxTokens;

  for (let i = messages.length - 1; i >= 0 && fits; i--) {
    if (keep[i]) continue;
    if (used + costs[i] > maxTokens) break;
    keep[i] = true;
    used += costs[i];
  }
  // The oldest kept non-pinned messages must not be orphaned tool results.
  for (let i = 0; i < messages.length; i++) {
    if (!keep[i] || PINNED_ROLES.has(messages[i].role)) continue;
    if (messages[i].role !== 'tool' && messages[i].role !== 'function') break;
    keep[i] = false;
    used -= costs[i];
  }
  const kept = messages.filter((_, i) => keep[i]);
  return { messages: kept, tokensBefore, tokensAfter: used, droppedMessages: messages.length - kept.length, fits };
}
