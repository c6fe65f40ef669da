/**
 * The calls the prompt flow (`promptFlow.ts`) attaches text to: the call a request or a template is
 * (with its parameters, read here and from the model object it is made with), the definition an agent or
 * model object was built with, the variables a call passes as messages, and which appends to a message list
 * a call sends.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { emptyCall, type LlmCall } from '../llmCall';
import type { FoundPrompt, SourceLanguage } from '../prompt';
import { contains, nodeText } from '../syntaxTree';
import { CallParameterReader } from './callParameters';
import type { CallRule } from './callRules';
import type { FileNames } from './fileNames';
import { MAX_DEPTH, type Sink } from './flowSink';
import { isTestDouble } from './receiverBuilders';
import type { CallSite } from './syntaxAdapter';

export class FlowCalls {
  private readonly parameters: CallParameterReader;
  /** Where each call's variable messages are written, for a call that turns out to send nothing else. */
  private readonly variables = new Map<LlmCall, { node: Node; role: string; slot: string; name: string; part: boolean }[]>();
  /** How many variable parts were noted so far (a caller compares before and after following an argument). */
  noted = 0;

  constructor(private readonly names: FileNames, private readonly matchRule: (site: CallSite) => CallRule | null) {
    this.parameters = new CallParameterReader(names);
  }

  /** The call that builds `raw` (through names bound in the file) when a rule reads prompt text from it but it sends nothing. */
  definitionOf(raw: Node, depth: number): Node | null {
    if (depth > 6) return null;
    const node = this.names.adapter.unwrap(raw);
    const site = this.names.siteOf(node);
    if (site) {
      const rule = this.matchRule(site);
      return rule && !rule.request && !rule.syntaxes ? site.node : null;
    }
    const bound = this.names.valuesOfConstant(node);
    return bound ? this.definitionOf(bound, depth + 1) : null;
  }

  /** The call `site` is: a request when its rule says so, else an implied call (a template, an agent, a message). */
  callAt(site: CallSite, rule: CallRule | null, settings: { model: string | null; maxTokens: number | null; modelRef?: string }): LlmCall {
    const node = site.node;
    const call = emptyCall({ startLine: node.startPosition.row + 1, endLine: node.endPosition.row + 1, startOffset: node.startIndex, endOffset: node.endIndex }, !rule?.request);
    const params = this.parameters.read(site);
    if (rule?.request) {
      const object = rule.modelObjectAt !== undefined ? site.positional[rule.modelObjectAt] : site.receiver;
      if (object) this.parameters.addFromObject(params, object);
    }
    const made = { ...call, api: rule?.request ?? 'other', model: settings.model, ...(settings.modelRef ? { modelRef: settings.modelRef } : {}), maxOutputTokens: settings.maxTokens, ...params };
    return rule?.request && this.madeWithTestDouble(site, rule) ? { ...made, testDouble: true } : made;
  }

  /** The request's model object (`model: new MockLanguageModelV3(…)`, `llm = FakeListLLM(…); llm.invoke(…)`) is a test double. */
  private madeWithTestDouble(site: CallSite, rule: CallRule): boolean {
    const object = rule.modelObjectAt !== undefined ? site.positional[rule.modelObjectAt] : site.receiver;
    const built = object ? this.names.siteOf(this.names.adapter.unwrap(object)) ?? this.names.siteOfValue(this.names.adapter.unwrap(object)) : null;
    const models = (s: CallSite | null) => (s ? [s.named.get('model'), s.named.get('llm')] : []);
    return [...models(site), ...models(built), object].some((node) => isTestDouble(this.names, node));
  }

  /**
   * A message whose content the code passes as a variable the engine cannot read: one placeholder of
   * the call (`{"role": "user", "content": ticket_body}`, `input=question`).
   */
  /** `part`: the variable is a message's content (or a prompt argument), not a whole message of unknown role. */
  noteVariable(raw: Node, sink: Sink, role: string, part = true): void {
    const call = sink.call;
    if (!call || sink.depth > MAX_DEPTH) return;
    const node = this.names.adapter.unwrap(raw);
    if (this.names.adapter.elements(node) || this.names.adapter.entries(node)) return;
    if (this.names.stringValue(node)) return;
    const name = nodeText(node).replace(/\s+/g, ' ').slice(0, 60);
    if (call.variableMessages.some((m) => m.name === name && m.role === role)) return;
    call.variableMessages.push({ role, name });
    if (part) this.noted++;
    const seen = this.variables.get(call) ?? [];
    seen.push({ node, role, slot: sink.slot, name, part });
    this.variables.set(call, seen);
  }

  /**
   * Each variable a request sends as a message's content (`{"role": "user", "content": q}`,
   * `instructions=self.template`, `SystemMessage(content=IMPORTED)`) is a part of it: a template that is one
   * placeholder, at the place it is written — so a call whose every message is a variable is still found,
   * shown and priced, and a person sees each assumed size where it is written. Whole messages of unknown
   * role and tool results stay placeholders of the call, listed in the hover.
   */
  variableParts(language: SourceLanguage): FoundPrompt[] {
    const out: FoundPrompt[] = [];
    for (const [call, variables] of this.variables) {
      if (call.implied) continue;
      const parts = variables.filter((v) => v.part);
      if (parts.length === 0) continue;
      for (const v of parts) {
        const raw = `{${v.name}}`;
        out.push({
          startLine: v.node.startPosition.row + 1,
          endLine: v.node.endPosition.row + 1,
          startOffset: v.node.startIndex,
          endOffset: v.node.endIndex,
          language,
          kind: 'template',
          text: raw,
          placeholders: [{ name: v.name, syntax: 'format', raw, offset: 0 }],
          model: call.model,
          maxOutputTokens: call.maxOutputTokens,
          evidence: 'call',
          role: v.role,
          calls: [{ call, slot: v.slot }],
        });
      }
      call.variableMessages = call.variableMessages.filter((m) => !parts.some((v) => v.name === m.name && v.role === m.role));
    }
    return out;
  }

  /**
   * Messages appended to the list `use` names, as far as this use sends them: in the function of the use,
   * only appends written before it (a reply appended after a call is the next call's input, not this one's).
   */
  appendedBefore(use: Node): Node[] {
    let fn: Node | null = null;
    for (const f of this.names.index.functions) {
      if (contains(f.node, use) && (!fn || f.node.endIndex - f.node.startIndex < fn.endIndex - fn.startIndex)) fn = f.node;
    }
    return this.names.appendedTo(use).filter((added) => !(fn && contains(fn, added) && added.startIndex > use.startIndex));
  }
}
