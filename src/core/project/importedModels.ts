/**
 * Models imported across files: a call whose model argument this file cannot read (`model: getTitleModel()`,
 * `llm` imported from `models.py`) takes the model id the other file gives that name, with where it is said.
 */
import type { LlmCall } from '../prompts/llmCall';
import type { FoundPrompt } from '../prompts/prompt';
import type { ImportsByName, ProjectModules } from './projectModules';

/** Sets the model of each call whose `modelRef` names an imported model; returns the files read. */
export async function resolveImportedModels(prompts: FoundPrompt[], modules: ProjectModules, imports: ImportsByName): Promise<Set<string>> {
  const read = new Set<string>();
  // Calls are shared with the finder's kept results (incremental reuse): each is replaced, never changed.
  const replaced = new Map<LlmCall, LlmCall>();
  for (const prompt of prompts) {
    if (!prompt.calls?.some((m) => !m.call.model && m.call.modelRef)) continue;
    const memberships = [];
    for (const m of prompt.calls) {
      if (m.call.model || !m.call.modelRef) {
        memberships.push(m);
        continue;
      }
      if (!replaced.has(m.call)) {
        let resolved = m.call;
        for (const target of modules.targets(imports, m.call.modelRef)) {
          const model = (await modules.modelsOf(target.file)).get(target.name);
          if (!model) continue;
          read.add(target.file);
          resolved = { ...m.call, model: model.model, modelSource: { file: target.file, line: model.line } };
          break;
        }
        replaced.set(m.call, resolved);
      }
      memberships.push({ ...m, call: replaced.get(m.call)! });
    }
    prompt.calls = memberships;
    prompt.model ??= memberships.find((m) => m.call.model)?.call.model ?? null;
  }
  return read;
}
