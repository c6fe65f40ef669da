/**
 * Java's imports between files of a project, for prompts kept as constants of another class
 * (`.system(Prompts.SYSTEM)`, `import static com.acme.Prompts.SYSTEM`): a class is its file, found by its
 * package path under a source root above the importing file, or beside it for the same package.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import * as path from 'path';
import type { ImportedName, ModuleReader } from '../../prompts/modules/moduleReader';
import { nodeText } from '../../prompts/syntaxTree';
import { javaStringConstants } from './javaFinder';

/** A specifier for a class of the importing file's own package (no import names it). */
const SAME_PACKAGE = './';

function importsOf(root: Node): ImportedName[] {
  const out: ImportedName[] = [];
  const imported = new Set<string>();
  for (const declaration of root.descendantsOfType('import_declaration')) {
    if (!declaration || declaration.namedChildren.some((c) => c?.type === 'asterisk')) continue;
    const name = declaration.namedChildren.find((c) => c?.type === 'scoped_identifier');
    if (!name) continue;
    const parts = nodeText(name).split('.');
    const isStatic = declaration.children.some((c) => c?.type === 'static');
    const last = parts[parts.length - 1];
    if (isStatic) out.push({ local: last, module: parts.slice(0, -1).join('.'), exported: last });
    else out.push({ local: last, module: parts.join('.'), exported: null });
    imported.add(last);
  }
  // `Prompts.SYSTEM` with no import of `Prompts`: a class of the same package, in the same folder.
  for (const access of root.descendantsOfType('field_access')) {
    const object = access?.childForFieldName('object');
    const head = object?.type === 'identifier' ? nodeText(object) : null;
    if (!head || !/^[A-Z]/.test(head) || imported.has(head)) continue;
    imported.add(head);
    out.push({ local: head, module: `${SAME_PACKAGE}${head}`, exported: null });
  }
  return out;
}

/** `com.acme.Prompts` → `com/acme/Prompts.java` under a source root (`src/main/java` or the folder itself) above the file. */
function candidates(specifier: string, fromFile: string): string[] {
  if (specifier.startsWith(SAME_PACKAGE)) return [path.join(path.dirname(fromFile), `${specifier.slice(SAME_PACKAGE.length)}.java`)];
  const rel = `${specifier.split('.').join(path.sep)}.java`;
  const out: string[] = [];
  let dir = path.dirname(fromFile);
  for (let i = 0; i < 12; i++) {
    out.push(path.join(dir, rel), path.join(dir, 'src', 'main', 'java', rel));
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

export const javaModules: ModuleReader = { importsOf: (root) => importsOf(root), constantsOf: javaStringConstants, candidates };
