/**
 * Prompts kept as classpath resources: LangChain4j `@SystemMessage(fromResource = "/prompts/system.st")`
 * (the Java finder writes it as the placeholder `{resource:/prompts/system.st}`) takes the text of
 * `src/main/resources/prompts/system.st` of the nearest module, so the call is priced with it.
 */
import * as path from 'path';
import { placeholdersOf } from '../languages/promptFiles/promptFileText';
import { RESOURCE_PLACEHOLDER } from '../prompts/modules/moduleReader';
import type { FoundPrompt } from '../prompts/prompt';
import type { ProjectFiles } from './projectFiles';

const MAX_LEVELS = 12;

/** The resource file `resource` (`/prompts/system.st`) is for a source file in `fromFile`'s module, or null. */
function resourceFile(resource: string, fromFile: string, files: ProjectFiles): string | null {
  const rel = resource.replace(/^\/+/, '');
  let dir = path.dirname(fromFile);
  for (let level = 0; level < MAX_LEVELS; level++) {
    const candidate = path.join(dir, 'src', 'main', 'resources', rel);
    if (files.isFile(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

/** Fills the imports of resource placeholders; returns the resource files read. */
export function resolveResourcePlaceholders(prompts: FoundPrompt[], filePath: string, files: ProjectFiles): Set<string> {
  const read = new Set<string>();
  for (const prompt of prompts) {
    for (const p of prompt.placeholders) {
      if (!p.name.startsWith(RESOURCE_PLACEHOLDER) || prompt.imports?.[p.name]) continue;
      const file = resourceFile(p.name.slice(RESOURCE_PLACEHOLDER.length), filePath, files);
      const text = file ? files.read(file) : null;
      if (!file || !text) continue;
      read.add(file);
      // LangChain4j templates write `{{name}}`; Spring AI's StringTemplate files `{name}`.
      prompt.imports = { ...prompt.imports, [p.name]: { text: text.text, placeholders: placeholdersOf(text.text, ['mustache', 'format'], true), file, line: 1 } };
    }
  }
  return read;
}
