/** How the CLI and its JSON name files: relative to `cwd` with forward slashes, whatever the platform. */
import * as path from 'path';

export function displayPath(file: string, cwd: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}
