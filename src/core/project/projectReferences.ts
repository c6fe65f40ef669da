/**
 * What a file's prompts and calls take from the rest of the project, resolved after the finder on both
 * faces: constants imported into placeholders (`importedPlaceholders.ts`), classpath resources
 * (`resourcePlaceholders.ts`), models named in another module
 * (`importedModels.ts`), and else the model the project's configuration names (`configuredModel.ts`).
 * Returns the project files read, so the editor re-analyses the file when one of them changes.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import * as path from 'path';
import type { FoundPrompt } from '../prompts/prompt';
import { languageForFile } from '../prompts/sourceLanguage';
import { configuredModel } from './configuredModel';
import { importedModelOf, setCallModels, type ModelFrom } from './importedModels';
import { resolveImportedPlaceholders } from './importedPlaceholders';
import { resolveResourcePlaceholders } from './resourcePlaceholders';
import type { ProjectFiles } from './projectFiles';
import { ProjectModules, type ImportsByName } from './projectModules';

export async function resolveProjectReferences(prompts: FoundPrompt[], filePath: string, source: string, files: ProjectFiles, root: Node | null = null): Promise<string[]> {
  const language = languageForFile(filePath);
  if (!language || !prompts.length) return [];
  const read = new Set<string>(language === 'java' ? resolveResourcePlaceholders(prompts, filePath, files) : []);
  // skprompt.txt's model and cap come from its config.json (read by its finder): a change there re-prices it.
  const skConfig = path.join(path.dirname(filePath), 'config.json');
  if (language === 'skprompt' && files.isFile(skConfig)) read.add(skConfig);
  const reader = ProjectModules.readerOf(filePath);
  // Most files need nothing from other modules: their imports are not even parsed.
  if (reader && mayImport(prompts, source, language === 'java' || language === 'csharp')) {
    const modules = new ProjectModules(files, reader, filePath);
    const imports: ImportsByName = await modules.importsOf(source, root);
    if (imports.size) {
      for (const file of await resolveImportedPlaceholders(prompts, modules, imports)) read.add(file);
      await setCallModels(prompts, (call) => importedModelOf(call, modules, imports, read));
    }
  }
  if (prompts.some((p) => !p.model && !p.calls?.some((m) => m.call.model || m.call.testDouble))) {
    const configured: ModelFrom | null = configuredModel(filePath, language, source, files);
    if (configured) {
      read.add(configured.file);
      await setCallModels(prompts, async () => configured, configured);
    }
  }
  return [...read];
}

/**
 * Whether a name the prompts leave open (a placeholder, a call's model argument) is written on an import
 * line (`from … import A`, `import { A }`, `require(…)`) or in a multi-line import list: a cheap
 * look at the text before the file is parsed again for its imports (Java: or a class name, maybe of the same package).
 */
function mayImport(prompts: readonly FoundPrompt[], source: string, classesOfPackage: boolean): boolean {
  const heads = new Set<string>();
  for (const p of prompts) {
    for (const ph of p.placeholders) heads.add(ph.name.split('.')[0]);
    for (const m of p.calls ?? []) if (!m.call.model && m.call.modelRef) heads.add(m.call.modelRef.split('.')[0]);
  }
  // Java and C#: `Prompts.SYSTEM` may name a class of the same package or project, which no import line names.
  if (classesOfPackage && [...heads].some((head) => /^[A-Z]\w*$/.test(head))) return true;
  if (!/\b(import|require)\b/.test(source)) return false;
  const lines = source.match(/^[^\n]*\b(import|require)\b[^\n]*$/gm) ?? [];
  const lists = source.match(/\bimport\s*(\([^)]*\)|\{[^}]*\})/g) ?? [];
  const importText = [...lines, ...lists].join('\n');
  for (const head of heads) {
    if (/^[A-Za-z_$][\w$]*$/.test(head) && new RegExp(`(^|[^\\w$])${head.replace(/\$/g, '\\$')}([^\\w$]|$)`).test(importText)) return true;
  }
  return false;
}
