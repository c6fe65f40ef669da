/**
 * A notebook cell is analysed on its own in the editor, but runs after the cells above it: a constant or
 * a model object one of them defines (`SYSTEM = "…"`, `llm = ChatOpenAI(model="gpt-4o")`) is what a later
 * cell's placeholder or call uses. The host sends the code of the earlier cells; their top-level names fill
 * what the cell leaves open, labelled "an earlier cell".
 */
import { pythonModules } from '../languages/python/pythonModules';
import type { ModuleConstant, ModuleModel } from '../prompts/modules/moduleReader';
import type { FoundPrompt } from '../prompts/prompt';
import { isControlPlaceholder } from '../estimate/templateTokens';
import { setCallModels } from './importedModels';
import { withTree } from './projectModules';

export const EARLIER_CELL = 'an earlier cell';

interface CellNames {
  constants: Map<string, ModuleConstant>;
  models: Map<string, ModuleModel>;
}

/** The last few preludes read (a notebook's cells are analysed again and again while one is edited). */
const kept = new Map<string, CellNames>();
const MAX_KEPT = 16;

async function namesOf(code: string, notebookPath: string): Promise<CellNames> {
  const hit = kept.get(code);
  if (hit) return hit;
  const names: CellNames = { constants: new Map(), models: new Map() };
  // The earlier cells are Python: parsed as the notebook's Python file.
  await withTree(`${notebookPath}.py`, code, (root) => {
    const ctx = { source: code, language: 'python' as const, filePath: notebookPath };
    names.constants = pythonModules.constantsOf(root, ctx);
    names.models = pythonModules.modelsOf?.(root, ctx) ?? new Map();
  });
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(code, names);
  return names;
}

/** Fills the placeholders and call models of a cell's prompts from the code of the cells above it. */
export async function resolveEarlierCells(prompts: FoundPrompt[], earlierCells: string, notebookPath: string): Promise<void> {
  if (!earlierCells.trim() || !prompts.length) return;
  const names = await namesOf(earlierCells, notebookPath);
  for (const prompt of prompts) {
    for (const p of prompt.placeholders) {
      if (isControlPlaceholder(p) || prompt.samples?.[p.name] !== undefined || prompt.imports?.[p.name]) continue;
      const constant = names.constants.get(p.name);
      if (constant) prompt.imports = { ...prompt.imports, [p.name]: { text: constant.text, placeholders: constant.placeholders, file: notebookPath, line: constant.line, where: EARLIER_CELL } };
    }
  }
  await setCallModels(prompts, async (call) => {
    const model = call.modelRef ? names.models.get(call.modelRef) : undefined;
    return model ? { model: model.model, file: notebookPath, line: model.line } : null;
  });
}
