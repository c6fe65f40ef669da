/**
 * What built an object a call is made on or with: the last name of the call that constructs it, followed
 * through names bound in the file (`agent = new Agent(…)`; `agent.generate(…)`). Used for SDK shapes whose
 * method names are common (`generate`, `stream`: only on an agent) and to tell a test double from a model.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FileNames } from './fileNames';

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
