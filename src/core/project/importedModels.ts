/**
 * Models named outside the call's file: imported from another module (`model: getTitleModel()`, `llm`
 * imported from `models.py`: the model id the module gives that name) or set in the project's
 * configuration (`configuredModel.ts`), each with where it is said.
 */
import type { LlmCall } from '../prompts/llmCall';
import type { FoundPrompt } from '../prompts/prompt';
import type { ImportsByName, ProjectModules } from './projectModules';

export interface ModelFrom {
  model: string;
  file: string;
  line: number;
}

/**
 * Gives each call without a model the one `resolve` finds (a prompt without one takes its call's, or
 * `fallback`'s when it has no call). Calls are shared with the finder's kept results (incremental reuse):
 * each is replaced, never changed.
 */
export async function setCallModels(prompts: FoundPrompt[], resolve: (call: LlmCall) => Promise<ModelFrom | null>, fallback: ModelFrom | null = null): Promise<void> {
  const replaced = new Map<LlmCall, LlmCall>();
  for (const prompt of prompts) {
    if (prompt.calls?.some((m) => !m.call.model && !m.call.testDouble)) {
      const memberships = [];
      for (const m of prompt.calls) {
        if (m.call.model || m.call.testDouble) {
          memberships.push(m);
          continue;
        }
        if (!replaced.has(m.call)) {
          const found = await resolve(m.call);
          replaced.set(m.call, found ? { ...m.call, model: found.model, modelSource: { file: found.file, line: found.line } } : m.call);
        }
        memberships.push({ ...m, call: replaced.get(m.call)! });
      }
      prompt.calls = memberships;
    }
    if (prompt.model) continue;
    prompt.model = prompt.calls?.find((m) => m.call.model)?.call.model ?? null;
    if (!prompt.model && !prompt.calls?.length && fallback) {
      prompt.model = fallback.model;
      prompt.modelSource = { file: fallback.file, line: fallback.line };
    }
  }
}

/** The model the module a call's `modelRef` is imported from gives that name; notes the file in `read`. */
export async function importedModelOf(call: LlmCall, modules: ProjectModules, imports: ImportsByName, read: Set<string>): Promise<ModelFrom | null> {
  if (!call.modelRef) return null;
  for (const target of modules.targets(imports, call.modelRef)) {
    const model = (await modules.modelsOf(target.file)).get(target.name);
    if (!model) continue;
    read.add(target.file);
    return { model: model.model, file: target.file, line: model.line };
  }
  return null;
}
