/** Test support: a project written to a fresh temporary folder (relative path → text); returns the folder. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function tempProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pcl-project-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}
