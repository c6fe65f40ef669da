/**
 * Plain text and templates are prompts only inside a folder named `prompts` or `prompt` (any case):
 * `prompts/system.txt`, Spring's `resources/prompts/system.st`, Go's `prompt/templates/commit.tmpl`.
 */
const FOLDER_NAMES = ['prompts', 'prompt'];

export function isInPromptsFolder(filePath: string): boolean {
  const parts = filePath.split(/[\\/]+/);
  return parts.slice(0, -1).some((p) => FOLDER_NAMES.includes(p.toLowerCase()));
}

/** The same folders as a glob alternation for VS Code's file search (globs there are case-sensitive). */
export const PROMPTS_FOLDER_GLOB = `{${FOLDER_NAMES.flatMap((n) => [n, n[0].toUpperCase() + n.slice(1), n.toUpperCase()]).join(',')}}`;
