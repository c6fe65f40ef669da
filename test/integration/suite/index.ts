// Mocha entry loaded by the VS Code extension host (`extensionTestsPath`). Both runners use it:
// test/integration/runOffline.mjs (code-server) and test/integration/runElectron.ts (@vscode/test-electron).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Finds every `*.test.js` under this folder (this file's compiled siblings and sub-folders). */
function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((relative) => relative.endsWith('.test.js'))
    .sort()
    .map((relative) => path.join(dir, relative));
}

/** Runs the suite; rejects when a test fails, which makes the host exit with a non-zero code. */
export async function run(): Promise<void> {
  // No colours: the host forwards console output as plain text to the runner's stdout.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000 });
  const files = findTestFiles(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
  for (const file of files) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
