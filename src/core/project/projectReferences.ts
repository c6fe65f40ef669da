/**
 * What a file's prompts and calls take from the rest of the project, resolved after the finder on both
 * faces: constants imported into placeholders (`importedPlaceholders.ts`) and models named elsewhere
 * (`importedModels.ts`). Returns the project files read, so the editor re-analyses an importer when one
 * of them changes.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { FoundPrompt } from '../prompts/prompt';
import { resolveImportedModels } from './importedModels';
import { resolveImportedPlaceholders } from './importedPlaceholders';
import type { ProjectFiles } from './projectFiles';
import { ProjectModules } from './projectModules';

export async function resolveProjectReferences(prompts: FoundPrompt[], filePath: string, source: string, files: ProjectFiles, root: Node | null = null): Promise<string[]> {
  const reader = ProjectModules.readerOf(filePath);
  // Most files need nothing from elsewhere: their imports are not even parsed.
  if (!reader || !prompts.some((p) => p.placeholders.length > 0 || p.calls?.some((m) => !m.call.model && m.call.modelRef))) return [];
  const modules = new ProjectModules(files, reader, filePath);
  const imports = await modules.importsOf(source, root);
  if (!imports.size) return [];
  const read = new Set([...(await resolveImportedPlaceholders(prompts, modules, imports)), ...(await resolveImportedModels(prompts, modules, imports))]);
  return [...read];
}
