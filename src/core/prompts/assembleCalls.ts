/**
 * Groups a file's prompts into the calls they reach: the call is the unit of cost. A prompt that reaches
 * several calls is a part of each; a prompt no call is seen to send (a named constant, a message built
 * for later) is one implied call of its own, with the model inferred for it.
 */
import { emptyCall, type LlmCall } from './llmCall';
import type { FoundPrompt } from './prompt';

export interface CallPart {
  /** Index of the prompt in the file's list. */
  index: number;
  slot: string;
  /** A constant inserted into another part's placeholder: that part's prompt index, and the placeholder. */
  fills?: { index: number; placeholder: string };
}

export interface AssembledCall {
  call: LlmCall;
  /** In source order. */
  parts: CallPart[];
}

export function assembleCalls(prompts: readonly FoundPrompt[]): AssembledCall[] {
  const byKey = new Map<string, AssembledCall>();
  const indexByRange = new Map(prompts.map((p, i) => [`${p.startOffset}:${p.endOffset}`, i]));
  prompts.forEach((prompt, index) => {
    const memberships = prompt.calls?.length ? prompt.calls : [{ call: impliedCallOf(prompt), slot: '' }];
    for (const m of memberships) {
      let assembled = byKey.get(m.call.key);
      if (!assembled) {
        assembled = { call: m.call, parts: [] };
        byKey.set(m.call.key, assembled);
      }
      const filled = 'fills' in m && m.fills ? indexByRange.get(m.fills.part) : undefined;
      const part: CallPart = { index, slot: m.slot };
      if (filled !== undefined && 'fills' in m && m.fills) part.fills = { index: filled, placeholder: m.fills.placeholder };
      if (!assembled.parts.some((p) => p.index === index && p.slot === m.slot)) assembled.parts.push(part);
    }
  });
  const calls = [...byKey.values()];
  for (const c of calls) c.parts.sort((a, b) => prompts[a.index].startOffset - prompts[b.index].startOffset || a.slot.localeCompare(b.slot));
  return calls.sort((a, b) => a.call.startOffset - b.call.startOffset || a.call.endOffset - b.call.endOffset);
}

/** A prompt that reaches no call: one implied call at the prompt itself. */
function impliedCallOf(prompt: FoundPrompt): LlmCall {
  const range = { startLine: prompt.startLine, endLine: prompt.endLine, startOffset: prompt.startOffset, endOffset: prompt.endOffset };
  return { ...emptyCall(range, true), key: `prompt:${prompt.startOffset}:${prompt.endOffset}`, model: prompt.model, ...(prompt.modelSource ? { modelSource: prompt.modelSource } : {}), maxOutputTokens: prompt.maxOutputTokens };
}

/**
 * The typical size of a call's message content from its parts' sizes: parts in different places add up;
 * alternatives for one place (`?` segments) do not, the largest counts. Also how many messages that is.
 */
export function combineParts(parts: readonly { slot: string; tokens: number; message: boolean }[]): { tokens: number; messages: number } {
  interface SlotNode { leaves: { tokens: number; messages: number }[]; children: Map<string, SlotNode> }
  const root: SlotNode = { leaves: [], children: new Map() };
  for (const part of parts) {
    let node = root;
    for (const segment of part.slot.split('/').filter(Boolean)) {
      let child = node.children.get(segment);
      if (!child) {
        child = { leaves: [], children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.leaves.push({ tokens: part.tokens, messages: part.message ? 1 : 0 });
  }
  const total = (node: SlotNode): { tokens: number; messages: number } => {
    let tokens = 0;
    let messages = 0;
    for (const leaf of node.leaves) {
      tokens += leaf.tokens;
      messages += leaf.messages;
    }
    let best: { tokens: number; messages: number } | null = null;
    for (const [segment, child] of node.children) {
      const sub = total(child);
      if (segment.startsWith('?')) {
        if (!best || sub.tokens > best.tokens) best = sub;
      } else {
        tokens += sub.tokens;
        messages += sub.messages;
      }
    }
    return { tokens: tokens + (best?.tokens ?? 0), messages: messages + (best?.messages ?? 0) };
  };
  return total(root);
}
