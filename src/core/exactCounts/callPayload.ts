/**
 * A call as a provider could receive it, in no provider's shape yet: system text, messages with their
 * roles, and the tools written out — rebuilt from the call's parts the way the estimate counts them (the
 * largest of alternatives, a constant inside the template it fills). What the code does not show is not
 * invented: a placeholder without a known value is left out and its assumed size added afterwards, like a
 * variable message or a tool passed by name. Only values the project itself gives (a Prompty `sample:`,
 * a `placeholderSizes` text, an imported constant) are filled in.
 */
import { DEFAULT_TOOL_TOKENS, writesPlaceholder, type CallEstimate } from '../estimate/estimateCall';
import { functionsOf, type FunctionView } from '../estimate/callFraming';
import type { ModelEstimate } from '../estimate/estimatePrompt';
import type { AssembledCall, CallPart } from '../prompts/assembleCalls';
import type { FoundPrompt } from '../prompts/prompt';

export interface PayloadMessage {
  role: 'user' | 'assistant';
  /** Text blocks of one message, in order; never empty or blank (the APIs refuse those). */
  texts: string[];
}

export interface CallPayload {
  /** System (and developer) texts, in order. */
  system: string[];
  /** At least one message. */
  messages: PayloadMessage[];
  tools: FunctionView[];
  /** Tokens the provider is not asked for: assumed sizes of what the code does not show, and what could not be sent. */
  addedTokens: number;
  /** False when something the code writes out could not be sent (a response schema): the total is then ≈. */
  complete: boolean;
}

/** What the payload is built from: the call's parts with their prompts and this model's estimates of them. */
export interface PayloadSources {
  prompt(index: number): FoundPrompt;
  /** The part's estimate for the model being counted (placeholder sizes, tokens). */
  estimate(index: number): ModelEstimate;
  placeholderTokens: number;
  placeholderSizes: Readonly<Record<string, number | string>>;
}

/** Sent where a message's text is unknown or blank: one token, which `addedTokens` takes back. */
export const STAND_IN_TEXT = 'x';
/** How deep constants inside constants are filled in before the rest is assumed. */
const MAX_FILL_DEPTH = 4;

export function callPayload(assembled: AssembledCall, local: CallEstimate, sources: PayloadSources): CallPayload {
  const payload: CallPayload = { system: [], messages: [], tools: [], addedTokens: 0, complete: true };
  const chosen = chosenParts(assembled.parts, (index) => sources.estimate(index).inputTokens);
  const fillers = fillersByTarget(chosen);
  const filling = new Set([...fillers.values()].flat().map((f) => f.index));
  let lastMessageKey: string | null = null;
  for (const part of chosen) {
    if (filling.has(part.index)) continue; // inserted into the template it fills
    const prompt = sources.prompt(part.index);
    const text = render(part.index, sources, fillers, payload, 0);
    const role = roleOf(prompt.role);
    // Text parts of one message's content (`…/part1`, `…/part2`) stay one message.
    const messageKey = /\/part[1-9]\d*$/.test(part.slot) ? part.slot.replace(/\/part\d+$/, '') : null;
    if (role === 'system') payload.system.push(text);
    else if (messageKey !== null && messageKey === lastMessageKey && payload.messages.length > 0) payload.messages[payload.messages.length - 1].texts.push(text);
    else payload.messages.push({ role, texts: [text] });
    lastMessageKey = role === 'system' ? null : messageKey ?? part.slot;
  }
  for (const variable of assembled.call.variableMessages) {
    // Its content is unknown: one stand-in token now, the placeholder size instead of it afterwards.
    payload.addedTokens += sources.placeholderTokens;
    if (roleOf(variable.role) === 'system') payload.system.push('');
    else payload.messages.push({ role: roleOf(variable.role) === 'assistant' ? 'assistant' : 'user', texts: [''] });
  }
  if (payload.messages.length === 0) payload.messages.push({ role: 'user', texts: [''] });
  payload.system = payload.system.map((text) => standIn(text, payload));
  for (const message of payload.messages) message.texts = message.texts.map((text) => standIn(text, payload));
  addTools(assembled, payload);
  addSchema(assembled, local, payload);
  return payload;
}

/** Blank text becomes the one-token stand-in, taken back from the added tokens. */
function standIn(text: string, payload: CallPayload): string {
  if (text.trim() !== '') return text;
  payload.addedTokens -= 1;
  return STAND_IN_TEXT;
}

function roleOf(role: string | undefined): 'system' | 'user' | 'assistant' {
  if (role === 'system' || role === 'developer') return 'system';
  if (role === 'assistant' || role === 'model' || role === 'ai') return 'assistant';
  return 'user';
}

/** A part's text with each placeholder filled from what the project shows, or left out and its size added. */
function render(index: number, sources: PayloadSources, fillers: Map<number, CallPart[]>, payload: CallPayload, depth: number): string {
  const prompt = sources.prompt(index);
  const sizes = sources.estimate(index).placeholders;
  let out = '';
  let at = 0;
  prompt.placeholders.forEach((placeholder, i) => {
    out += prompt.text.slice(at, placeholder.offset);
    at = placeholder.offset + placeholder.raw.length;
    const filler = fillers.get(index)?.find((f) => f.fills && writesPlaceholder(placeholder.raw, f.fills.placeholder));
    if (filler && depth < MAX_FILL_DEPTH) {
      out += render(filler.index, sources, fillers, payload, depth + 1);
      return;
    }
    const size = sizes[i];
    const known = size ? knownValue(prompt, placeholder.name, size.source, sources) : null;
    if (known !== null) out += known;
    else payload.addedTokens += size?.tokens ?? sources.placeholderTokens;
  });
  return out + prompt.text.slice(at);
}

/** The text a placeholder stands for when the project gives it; null when only a size is known. */
function knownValue(prompt: FoundPrompt, name: string, source: string, sources: PayloadSources): string | null {
  if (source === 'control') return '';
  if (source === 'sample') return prompt.samples?.[name] ?? null;
  if (source === 'import') {
    const imported = prompt.imports?.[name];
    return imported && imported.placeholders.length === 0 ? imported.text : null;
  }
  if (source === 'setting') {
    const setting = sources.placeholderSizes[name];
    return typeof setting === 'string' ? setting : null;
  }
  return null;
}

/** Tools written out are sent as function declarations; one passed by name (or built in) keeps its assumed size. */
function addTools(assembled: AssembledCall, payload: CallPayload): void {
  for (const tool of assembled.call.tools) {
    const views = functionsOf(tool.schema);
    if (views === null) payload.addedTokens += DEFAULT_TOOL_TOKENS;
    else payload.tools.push(...views);
  }
}

/**
 * A response schema is not sent (its request fields are not in the documented shapes we speak): the local
 * estimate of it is added, and a schema written out makes the total ≈.
 */
function addSchema(assembled: AssembledCall, local: CallEstimate, payload: CallPayload): void {
  const format = assembled.call.responseFormat;
  if (format === null || local.schemaTokens === 0) return;
  payload.addedTokens += local.schemaTokens;
  if (format !== 'unknown') payload.complete = false;
}

/** Parts that fill a placeholder of another chosen part, by that part's index. */
function fillersByTarget(chosen: readonly CallPart[]): Map<number, CallPart[]> {
  const present = new Set(chosen.map((p) => p.index));
  const byTarget = new Map<number, CallPart[]>();
  for (const part of chosen) {
    if (!part.fills || !present.has(part.fills.index)) continue;
    byTarget.set(part.fills.index, [...(byTarget.get(part.fills.index) ?? []), part]);
  }
  return byTarget;
}

/**
 * The parts a request would hold, in order: of alternatives (`/?0`, `/?1` slots: `a if c else b`) the
 * largest, as the estimate counts them (`combineParts`).
 */
export function chosenParts(parts: readonly CallPart[], tokensOf: (index: number) => number): CallPart[] {
  interface Node { parts: CallPart[]; children: Map<string, Node> }
  const root: Node = { parts: [], children: new Map() };
  for (const part of parts) {
    let node = root;
    for (const segment of part.slot.split('/').filter(Boolean)) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { parts: [], children: new Map() }));
      node = child;
    }
    node.parts.push(part);
  }
  const collect = (node: Node): { parts: CallPart[]; tokens: number } => {
    const kept = [...node.parts];
    let tokens = node.parts.reduce((sum, p) => sum + tokensOf(p.index), 0);
    let best: { parts: CallPart[]; tokens: number } | null = null;
    for (const [segment, child] of node.children) {
      const sub = collect(child);
      if (!segment.startsWith('?')) {
        kept.push(...sub.parts);
        tokens += sub.tokens;
      } else if (!best || sub.tokens > best.tokens) best = sub;
    }
    return { parts: best ? [...kept, ...best.parts] : kept, tokens: tokens + (best?.tokens ?? 0) };
  };
  const keep = new Set(collect(root).parts);
  return parts.filter((p) => keep.has(p));
}
