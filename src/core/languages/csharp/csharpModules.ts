/**
 * C# prompt constants of another class (`Prompts.System`, `PromptConstants.Summary`): `using` names
 * namespaces, not files, so a class is looked for as `<Class>.cs` in the file's folder, the folders above
 * it up to the project (`*.csproj`), and their direct subfolders (`Prompts/`, `Constants/`).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import * as fs from 'fs';
import * as path from 'path';
import type { ImportedName, ModuleReader } from '../../prompts/modules/moduleReader';
import { nodeText } from '../../prompts/syntaxTree';
import { csharpStringConstants } from './csharpFinder';

/** A class referenced by name: no import names its file. */
const CLASS = './';
const SKIPPED_FOLDERS = new Set(['bin', 'obj', 'node_modules', '.git', '.vs']);
const MAX_LEVELS = 6;

function importsOf(root: Node): ImportedName[] {
  const out: ImportedName[] = [];
  const seen = new Set<string>();
  for (const access of root.descendantsOfType('member_access_expression')) {
    const object = access?.childForFieldName('expression');
    const head = object?.type === 'identifier' ? nodeText(object) : null;
    if (!head || !/^[A-Z]/.test(head) || seen.has(head)) continue;
    seen.add(head);
    out.push({ local: head, module: `${CLASS}${head}`, exported: null });
  }
  return out;
}

function candidates(specifier: string, fromFile: string): string[] {
  if (!specifier.startsWith(CLASS)) return [];
  const file = `${specifier.slice(CLASS.length)}.cs`;
  const out: string[] = [];
  let dir = path.dirname(fromFile);
  for (let level = 0; level < MAX_LEVELS; level++) {
    out.push(path.join(dir, file));
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      entries = [];
    }
    for (const entry of entries) if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) out.push(path.join(dir, entry.name, file));
    if (entries.some((entry) => entry.isFile() && entry.name.endsWith('.csproj'))) break;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

export const csharpModules: ModuleReader = { importsOf: (root) => importsOf(root), constantsOf: csharpStringConstants, candidates };
