/**
 * What built an object a call is made on or with: the last name of the call that constructs it, followed
 * through names bound in the file (`agent = new Agent(…)`; `agent.generate(…)`). Used for SDK shapes whose
 * method names are common (`generate`, `stream`: only on an agent) and to tell a test double from a model.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileNames } from './fileNames';
import type { CallSite } from './syntaxAdapter';

/**
 * Model classes that answer without a provider (Vercel AI SDK `ai/test`, LangChain fakes): a call made with
 * one is reported but costs nothing, so totals skip it. Normalised (lower case, no `_`).
 */
export const TEST_DOUBLE_BUILDERS: ReadonlySet<string> = new Set([
  'mocklanguagemodelv1', 'mocklanguagemodelv2', 'mocklanguagemodelv3', 'mockembeddingmodelv2', 'mockembeddingmodelv3',
  'fakelistllm', 'fakestreamingllm', 'fakechatmodel', 'fakelistchatmodel', 'fakemessageslistchatmodel', 'genericfakechatmodel',
  'fakestreaminglistllm', 'parrotfakechatmodel',
]);

/** The normalised last name of the call that builds `node` (directly or through a bound name), else null. */
export function builderOf(names: FileNames, node: Node): string | null {
  const unwrapped = names.adapter.unwrap(node);
  const site = names.siteOf(unwrapped) ?? names.siteOfValue(unwrapped);
  return site ? site.path[site.path.length - 1] ?? null : null;
}

/** The object is a test double (`new MockLanguageModelV3(…)`, `FakeListLLM(…)`, or a name bound to one). */
export function isTestDouble(names: FileNames, node: Node | null | undefined): boolean {
  const builder = node ? builderOf(names, node) : null;
  return builder !== null && TEST_DOUBLE_BUILDERS.has(builder);
}

/** LangChain's runnable methods: on a receiver named like a model, a prompt goes to a model. */
const RUNNABLE_METHODS = new Set(['invoke', 'ainvoke', 'stream', 'astream']);

/**
 * `self.summary_model.invoke(text)`, `llm.ainvoke(messages)` where the model object is a parameter or
 * built in another file: the file cannot show what it is, but its name says it (`llm`, `…_model`,
 * `chat_model`). Only for the runnable methods, whose names are LangChain's; never when the file shows
 * the receiver is something else (a call or constant it is bound to).
 */
export function namedLikeModel(names: FileNames, site: CallSite): boolean {
  if (!site.receiver || !RUNNABLE_METHODS.has(site.path[site.path.length - 1] ?? '')) return false;
  const receiver = names.adapter.unwrap(site.receiver);
  // `self.llm = llm` (a parameter) is still unknown; `self.llm = make_thing()` or a literal is known, and not a model.
  let value: Node | null = receiver;
  for (let depth = 0; value && depth < 4; depth++) {
    if (names.siteOf(value) || names.literalText(value) !== null) return false;
    const bound = names.valuesOfConstant(value);
    value = bound ? names.adapter.unwrap(bound) : null;
  }
  const name = names.adapter.member(receiver)?.name ?? names.adapter.identifier(receiver);
  return name !== null && /(^|_)(llm|model|chat_?model|chat_?llm)s?$/i.test(name) && !/embed/i.test(name);
}
