/**
 * Prompts found by name or shape rather than by a call, for the prompt flow (`promptFlow.ts`): strings bound
 * to prompt-like names (or returned by prompt-builder functions, or passed as prompt-like keyword arguments)
 * whose text reads as instructions, and chat-message shaped literals outside any known call.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { isPromptName, readsAsInstructions } from '../evidence';
import { PROMPT_ARGUMENT_NAMES } from './sdkNameLists';
import type { PlaceholderSyntax } from '../prompt';
import { contains } from '../syntaxTree';
import { normalizeName, normalizeRole } from '../sdkNames';
import type { StringValue } from '../strings/stringValue';
import type { FileNames } from './fileNames';
import type { Sink } from './flowSink';
import type { Binding, Entry } from './syntaxAdapter';

/** What these finders need of the flow: its names, and where results go. */
export interface PromptFlowResults {
  readonly names: FileNames;
  emit(node: Node, value: StringValue, sink: Sink): void;
  isEmitted(node: Node): boolean;
  collectMessageEntries(entries: Entry[], sink: Sink): void;
}

/** Name words that mark a string as something other than a model prompt even if it says "template". */
const NON_PROMPT_NAME_WORDS = new Set(['email', 'mail', 'html', 'sql', 'url', 'uri', 'path', 'regex', 'log', 'error', 'err', 'exception', 'subject', 'sms', 'notification', 'filename', 'dir']);

/** Strings bound to prompt-like names (or passed as prompt-like keyword arguments) that read as instructions. */
export function addNamedPrompts(flow: PromptFlowResults): void {
  for (const b of flow.names.index.bindings) {
    if (!isPromptName(b.name) || isNonPromptName(b.name)) continue;
    flow.names.ctx.trace?.start(b.value);
    const node = flow.names.adapter.unwrap(b.value);
    if (flow.isEmitted(node)) continue; // already found through a call, with stronger evidence
    const sink: Sink = { evidence: 'name', model: null, maxTokens: null, syntaxes: usageSyntaxes(flow, b), name: b.name, nameFor: node.id, depth: 0, slot: '' };
    const value = flow.names.stringValue(node);
    if (value) {
      if (readsAsInstructions(value.text)) flow.emit(node, value, sink);
      continue;
    }
    // A table of prompts: PROMPTS = {"summarize": "…", …} or a list of them.
    const members = flow.names.adapter.entries(node)?.map((e) => e.value) ?? flow.names.adapter.elements(node) ?? [];
    for (const member of members) {
      const m = flow.names.adapter.unwrap(member);
      const v = flow.names.stringValue(m);
      if (v && readsAsInstructions(v.text)) flow.emit(m, v, { ...sink, name: undefined });
      // Few-shot messages kept under a prompt name (`QUERY_PROMPT_FEW_SHOTS = [{ role: 'user', content: '…' }, …]`).
      const entries = v ? null : flow.names.adapter.entries(m);
      const role = entries?.find((e) => e.key === 'role');
      if (entries && role && entries.some((e) => e.key === 'content')) flow.collectMessageEntries(entries, { ...sink, name: undefined });
    }
  }
  // Prompt builders: `def build_prompt(…): return f"…"`, `const systemPrompt = (x) => \`…\``.
  for (const fn of flow.names.index.functions) {
    if (!isPromptName(fn.name) || isNonPromptName(fn.name)) continue;
    flow.names.ctx.trace?.start(fn.node);
    for (const ret of fn.returns) {
      const node = flow.names.adapter.unwrap(ret);
      if (flow.isEmitted(node)) continue;
      const value = flow.names.stringValue(node);
      if (value && readsAsInstructions(value.text)) {
        flow.emit(node, value, { evidence: 'name', model: null, maxTokens: null, syntaxes: [], name: fn.name, nameFor: node.id, depth: 0, slot: '' });
      }
    }
  }
  for (const e of flow.names.index.keyed) {
    if (e.key === null) continue;
    const key = normalizeName(e.key);
    if (!(PROMPT_ARGUMENT_NAMES.has(key) || isPromptName(e.key)) || isNonPromptName(e.key)) continue;
    flow.names.ctx.trace?.start(e.value);
    const node = flow.names.adapter.unwrap(e.value);
    const value = flow.names.stringValue(node);
    if (value && readsAsInstructions(value.text)) {
      flow.emit(node, value, { evidence: 'name', model: null, maxTokens: null, syntaxes: [], role: key.startsWith('system') || key === 'instructions' || key === 'preamble' ? 'system' : undefined, depth: 0, slot: '' });
    }
  }
}

/** `{"role": "system", "content": "…"}` anywhere: the keys say it is a chat message even if no known call is seen. */
export function addMessageShapedLiterals(flow: PromptFlowResults): void {
  for (const object of flow.names.index.objects) {
    const entries = flow.names.adapter.entries(object);
    if (!entries) continue;
    const roleEntry = entries.find((e) => e.key === 'role');
    if (roleEntry) flow.names.ctx.trace?.start(object);
    const roleText = roleEntry ? flow.names.literalText(roleEntry.value) : null;
    if (!roleText || !normalizeRole(roleText)) continue;
    const content = entries.find((e) => e.key === 'content' || e.key === 'parts');
    if (!content) continue;
    // Outside a known call, only system messages or instruction-like text: test data and stored
    // chat history ({"role": "user", "content": "hello"}) are not prompts of this code.
    const role = normalizeRole(roleText);
    const text = flow.names.stringValue(flow.names.adapter.unwrap(content.value));
    if (role !== 'system' && role !== 'developer' && !(text && readsAsInstructions(text.text))) continue;
    flow.collectMessageEntries(entries, { evidence: 'name', model: null, maxTokens: null, syntaxes: [], depth: 0, slot: '' });
  }
}

/** `NAME.format(…)` / `NAME % (…)` somewhere in the file makes NAME a template of that syntax. */
function usageSyntaxes(flow: PromptFlowResults, binding: Binding): PlaceholderSyntax[] {
  const syntaxes: PlaceholderSyntax[] = [];
  for (const use of flow.names.index.usagesOf(binding.name)) {
    for (let p = use.parent, i = 0; p && i < 3; p = p.parent, i++) {
      const t = flow.names.adapter.templateUse(p);
      if (t && contains(t.template, use) && flow.names.adapter.unwrap(t.template).id === use.id) {
        if (!syntaxes.includes(t.syntax)) syntaxes.push(t.syntax);
        break;
      }
    }
  }
  return syntaxes;
}

function isNonPromptName(name: string): boolean {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .some((w) => NON_PROMPT_NAME_WORDS.has(w.toLowerCase()));
}
