/**
 * Prompts imported across files: a placeholder whose name this file imports from another file of the
 * project (`from .prompts import SYSTEM` … `{SYSTEM}`, `import * as P from './prompts'` … `${P.system}`)
 * gets that file's constant as its value, so the call is priced with the real text and the hover says
 * where it came from.
 */
import { isControlPlaceholder } from '../estimate/templateTokens';
import type { FoundPrompt } from '../prompts/prompt';
import type { ImportsByName, ProjectModules } from './projectModules';

const DOTTED_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** Fills `prompts[i].imports` for the placeholders that name imported constants; returns the files read. */
export async function resolveImportedPlaceholders(prompts: FoundPrompt[], modules: ProjectModules, imports: ImportsByName): Promise<Set<string>> {
  const read = new Set<string>();
  for (const prompt of prompts) {
    for (const p of prompt.placeholders) {
      if (isControlPlaceholder(p) || !DOTTED_NAME.test(p.name) || prompt.samples?.[p.name] !== undefined || prompt.imports?.[p.name]) continue;
      for (const target of modules.targets(imports, p.name)) {
        const constant = (await modules.constantsOf(target.file)).get(target.name);
        if (!constant) continue;
        read.add(target.file);
        prompt.imports = { ...prompt.imports, [p.name]: { text: constant.text, placeholders: constant.placeholders, file: target.file, line: constant.line } };
        break;
      }
    }
  }
  return read;
}
